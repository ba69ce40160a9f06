import { useCallback, useEffect, useState } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { siteMessages as m } from './messages';
import { FaqGroup } from './FaqPage';
import { previewFaq, type PublicFaq } from './siteApi';

/**
 * The draft of one FAQ entry as the citizen will see it once published, for the admin panel's preview.
 * The panel asks for a fresh look after every save with a `strapiUpdate` message.
 */
export const FaqPreviewPage = () => {
  const { documentId = '' } = useParams();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [entry, setEntry] = useState<PublicFaq | null | undefined>(undefined);
  const load = useCallback(() => previewFaq(documentId, token).then(setEntry, () => setEntry(null)), [documentId, token]);
  useEffect(() => {
    load();
    const onMessage = (event: MessageEvent) => {
      if (event.data?.type === 'strapiUpdate') load();
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [load]);
  return (
    <section className="panel" aria-labelledby="faq-heading">
      <h1 id="faq-heading">{m.faq.heading}</h1>
      {entry === undefined && <p className="muted">{m.faq.loading}</p>}
      {entry === null && <p className="notice">{m.preview.unavailable}</p>}
      {entry && (
        <>
          <p className="notice">{m.preview.notice}</p>
          <FaqGroup category={entry.serviceCategory ?? 'lainnya'} entries={[entry]} open />
        </>
      )}
    </section>
  );
};
