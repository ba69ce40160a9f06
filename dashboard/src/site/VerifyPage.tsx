import { useEffect, useState, type DragEvent, type FormEvent } from 'react';
import { useParams } from 'react-router-dom';
import { DEFAULT_SOP_POLICY, dateTimeInWords } from '@layanan/config';
import { fill, siteMessages as m } from './messages';
import { fetchIssuedDocument, normalisedHash, sha256OfFile, type IssuedDocument } from './verifyApi';

type Check = { tone: 'ok' | 'bad' | 'info'; text: string } | null;

/** The file's hash against the register's, computed here: checking a document sends nothing anywhere. */
const FileCheck = ({ expected }: { expected: string }) => {
  const [check, setCheck] = useState<Check>(null);
  const [over, setOver] = useState(false);
  const [pasted, setPasted] = useState('');
  const [chosen, setChosen] = useState('');

  const checkFile = async (file: File | undefined) => {
    if (!file) return;
    if (!globalThis.crypto?.subtle) return setCheck({ tone: 'bad', text: m.verify.noCrypto });
    setCheck({ tone: 'info', text: m.verify.checking });
    const hash = await sha256OfFile(file);
    setCheck(hash === expected ? { tone: 'ok', text: fill(m.verify.match, { name: file.name }) } : { tone: 'bad', text: fill(m.verify.mismatch, { name: file.name, hash }) });
  };
  const drop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    setChosen(event.dataTransfer.files[0]?.name ?? '');
    void checkFile(event.dataTransfer.files[0]);
  };
  const compare = (event: FormEvent) => {
    event.preventDefault();
    setCheck(normalisedHash(pasted) === expected ? { tone: 'ok', text: m.verify.pasteMatch } : { tone: 'bad', text: m.verify.pasteMismatch });
  };

  return (
    <section aria-labelledby="verify-file">
      <h2 id="verify-file">{m.verify.fileHeading}</h2>
      <div
        className={`dropzone${over ? ' dropzone--over' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        {/* The browser's own file button speaks its language: a label of ours, in Indonesian, opens the same input. */}
        <input
          id="verify-file-input"
          className="file-input"
          type="file"
          accept="application/pdf,.pdf"
          onChange={(event) => {
            setChosen(event.target.files?.[0]?.name ?? '');
            void checkFile(event.target.files?.[0]);
          }}
        />
        <label htmlFor="verify-file-input" className="button file-input__button">
          {m.verify.fileLabel}
        </label>
        {chosen && <span className="file-input__name">{chosen}</span>}
        <p className="field__hint">{m.verify.dropHint}</p>
      </div>
      <form onSubmit={compare} className="verify__paste">
        <div className="field">
          <label htmlFor="verify-hash">{m.verify.pasteLabel}</label>
          <input id="verify-hash" value={pasted} onChange={(event) => setPasted(event.target.value)} autoComplete="off" spellCheck={false} />
        </div>
        <button type="submit" className="button">
          {m.verify.compare}
        </button>
      </form>
      <p role="status" aria-live="polite" className={check ? `verify__result verify__result--${check.tone}` : 'verify__result'}>
        {check?.text ?? ''}
      </p>
    </section>
  );
};

const Details = ({ document: d }: { document: IssuedDocument }) => (
  <dl className="verify__details">
    <dt>{m.verify.document}</dt>
    <dd>{d.title}</dd>
    <dt>{m.verify.number}</dt>
    <dd>{d.number ?? m.verify.noNumber}</dd>
    <dt>{m.verify.period}</dt>
    <dd>{d.period.words}</dd>
    <dt>{m.verify.scope}</dt>
    <dd>{d.filters ?? m.verify.wholeOffice}</dd>
    <dt>{m.verify.generated}</dt>
    <dd>{dateTimeInWords(new Date(d.generatedAt), DEFAULT_SOP_POLICY.timeZone)}</dd>
    {d.generatedByRole && (
      <>
        <dt>{m.verify.role}</dt>
        <dd>{d.generatedByRole}</dd>
      </>
    )}
    <dt>{m.verify.code}</dt>
    <dd>{d.verificationId}</dd>
    <dt>{m.verify.hash}</dt>
    <dd className="verify__hash">{d.sha256}</dd>
  </dl>
);

/** /verifikasi/:id, where a Rekap's QR code leads: what the document is, and whether a file is that document. */
export const VerifyPage = () => {
  const { id = '' } = useParams();
  const [state, setState] = useState<{ document?: IssuedDocument; error?: string } | null>(null);

  useEffect(() => {
    let current = true;
    setState(null);
    fetchIssuedDocument(id).then(
      (document) => current && setState({ document }),
      (error: Error) => current && setState({ error: error.message }),
    );
    return () => {
      current = false;
    };
  }, [id]);

  return (
    <div className="panel">
      <h1>{m.verify.heading}</h1>
      <p className="lead">{m.verify.intro}</p>
      {!state && <p className="muted">{m.verify.loading}</p>}
      {state?.error && (
        <p className="form-summary" role="alert">
          {state.error}
        </p>
      )}
      {state?.document && (
        <>
          <Details document={state.document} />
          <FileCheck expected={state.document.sha256} />
        </>
      )}
    </div>
  );
};
