import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { SITE_PAGES } from '@layanan/config';
import { siteMessages as m } from './messages';
import { ApiError, parseTrackingInput, trackInquiry, trackingPath, type Tracked } from './siteApi';
import { TrackRecovery } from './TrackRecovery';
import { TrackedRequest } from './TrackedRequest';

/** The code, or a whole tracking link pasted from a message: a link opens at once, a bare code asks for proof. */
const TrackForm = ({ initial = '', error }: { initial?: string; error?: string | null }) => {
  const navigate = useNavigate();
  const [value, setValue] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseTrackingInput(value);
    if (!parsed) return setProblem(m.track.codeMissing);
    setProblem(null);
    navigate(parsed.token ? trackingPath(parsed.code, parsed.token) : `/lacak/${encodeURIComponent(parsed.code)}`);
  };
  const shown = problem ?? error;
  return (
    <form onSubmit={submit} noValidate className="track-form">
      <div className={`field${shown ? ' field--error' : ''}`}>
        <label htmlFor="code">{m.track.code}</label>
        <input
          id="code"
          value={value}
          onChange={(event) => setValue(event.target.value)}
          placeholder={m.track.codeHint}
          autoCapitalize="characters"
          autoComplete="off"
          {...(shown ? { 'aria-invalid': true, 'aria-describedby': 'code-error' } : {})}
        />
        {shown && (
          <p className="field__error" id="code-error" role="alert">
            {shown}
          </p>
        )}
      </div>
      <button type="submit" className="button button--primary">
        {m.track.submit}
      </button>
    </form>
  );
};

/** /lacak: the form; /lacak/:code: proof or a new link; /lacak/:code?token=: the request's status and answer. */
export const TrackPage = () => {
  const { code = '' } = useParams();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [result, setResult] = useState<{ data?: Tracked; error?: string } | null>(null);

  useEffect(() => {
    if (!code || !token) return undefined;
    let current = true;
    setResult(null);
    trackInquiry(code, token).then(
      (data) => current && setResult({ data }),
      (error: Error) => current && setResult({ error: error instanceof ApiError ? error.message : m.track.network }),
    );
    return () => {
      current = false;
    };
  }, [code, token]);

  if (code && !token) {
    return (
      <section className="panel" aria-labelledby="track-heading">
        <h1 id="track-heading">{m.track.heading}</h1>
        <TrackRecovery code={code.toUpperCase()} />
        <p>
          <Link to={SITE_PAGES.trackForm}>{m.track.otherCode}</Link>
        </p>
      </section>
    );
  }
  if (!code || result?.error) {
    return (
      <section className="panel" aria-labelledby="track-heading">
        <h1 id="track-heading">{m.track.heading}</h1>
        <p className="lead">{m.track.intro}</p>
        <TrackForm initial={code} error={result?.error} />
      </section>
    );
  }
  if (!result?.data) return <section className="panel">{m.track.loading}</section>;
  return <TrackedRequest tracked={result.data} token={token} />;
};
