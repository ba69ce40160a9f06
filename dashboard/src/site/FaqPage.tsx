import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { SEARCH_TEXT_MAX_LENGTH } from '@layanan/config';
import { siteMessages as m } from './messages';
import { listFaq, searchFaq, type PublicFaq } from './siteApi';

/** Waits for a pause in typing before asking the server. */
const TYPING_PAUSE_MS = 250;

/** One service's questions, as the public FAQ shows them; `open` unfolds the answers. */
export const FaqGroup = ({ category, entries, open = false }: { category: string; entries: PublicFaq[]; open?: boolean }) => (
  <div className="faq__group">
    <h2>{m.category[category] ?? category}</h2>
    {entries.map((entry) => (
      <details key={entry.documentId} className="faq__item" open={open}>
        <summary>{entry.question}</summary>
        <p>{entry.answer}</p>
      </details>
    ))}
  </div>
);

/** The search's answer: the entries in the engine's order, each under its service's name. */
const FaqResults = ({ found }: { found: PublicFaq[] | null }) => {
  if (found === null) return <p className="muted">{m.faq.loading}</p>;
  if (found.length === 0) return <p className="muted">{m.faq.none}</p>;
  return (
    <div className="faq__group" data-testid="faq-results">
      <h2>{m.faq.results}</h2>
      {found.map((entry) => (
        <details key={entry.documentId} className="faq__item">
          <summary>{entry.question}</summary>
          <p>{entry.answer}</p>
          <p className="muted">{m.category[entry.serviceCategory ?? 'lainnya'] ?? entry.serviceCategory}</p>
        </details>
      ))}
    </div>
  );
};

/** The citizen's words searched on the server, best match first; null while nothing is typed. */
function useFaqSearch(query: string): PublicFaq[] | null {
  const [found, setFound] = useState<PublicFaq[] | null>(null);
  useEffect(() => {
    if (query.trim() === '') {
      setFound(null);
      return undefined;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      searchFaq(query, controller.signal).then(setFound, () => !controller.signal.aborted && setFound([]));
    }, TYPING_PAUSE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);
  return found;
}

/** The published FAQ grouped by service; as one types, the entries that answer the words, best first. */
export const FaqPage = () => {
  const [entries, setEntries] = useState<PublicFaq[] | null>(null);
  const [query, setQuery] = useState('');
  const found = useFaqSearch(query);
  useEffect(() => {
    listFaq().then(setEntries, () => setEntries([]));
  }, []);
  const groups = useMemo(() => {
    const byCategory = new Map<string, PublicFaq[]>();
    for (const entry of entries ?? []) {
      const key = entry.serviceCategory ?? 'lainnya';
      byCategory.set(key, [...(byCategory.get(key) ?? []), entry]);
    }
    return [...byCategory.entries()];
  }, [entries]);
  return (
    <section className="panel" aria-labelledby="faq-heading">
      <h1 id="faq-heading">{m.faq.heading}</h1>
      <input
        className="faq__search"
        type="search"
        value={query}
        maxLength={SEARCH_TEXT_MAX_LENGTH}
        onChange={(event) => setQuery(event.target.value)}
        placeholder={m.faq.search}
        aria-label={m.faq.search}
      />
      {query.trim() === '' ? (
        <>
          {entries === null && <p className="muted">{m.faq.loading}</p>}
          {entries !== null && groups.length === 0 && <p className="muted">{m.faq.none}</p>}
          {groups.map(([category, items]) => (
            <FaqGroup key={category} category={category} entries={items} />
          ))}
        </>
      ) : (
        <FaqResults found={found} />
      )}
      <p>
        <Link className="button" to="/">
          {m.faq.ask}
        </Link>
      </p>
    </section>
  );
};
