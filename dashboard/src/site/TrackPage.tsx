import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { STATUSES } from '@layanan/config';
import { formatDateTime } from '../format';
import { siteMessages as m } from './messages';
import { surveyPath, trackInquiry, trackingPath, type Tracked } from './siteApi';

/** Steps the citizen sees; "closed" after an answer is the end of the road, not a separate step to wait for. */
const SHOWN_STEPS = STATUSES.filter((status) => status !== 'closed');

const TrackForm = ({ code: initialCode, token: initialToken }: { code: string; token: string }) => {
  const navigate = useNavigate();
  const [code, setCode] = useState(initialCode);
  const [token, setToken] = useState(initialToken);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (code.trim() && token.trim()) navigate(trackingPath(code.trim().toUpperCase(), token.trim()));
  };
  return (
    <form onSubmit={submit} className="track-form">
      <div className="field">
        <label htmlFor="code">{m.track.code}</label>
        <input id="code" value={code} onChange={(event) => setCode(event.target.value)} placeholder="INF-2611-00042" autoCapitalize="characters" />
      </div>
      <div className="field">
        <label htmlFor="token">{m.track.token}</label>
        <input id="token" value={token} onChange={(event) => setToken(event.target.value)} autoComplete="off" />
      </div>
      <button type="submit" className="button button--primary">
        {m.track.submit}
      </button>
    </form>
  );
};

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
      (error: Error) => current && setResult({ error: error.message }),
    );
    return () => {
      current = false;
    };
  }, [code, token]);

  if (!code || !token || result?.error) {
    return (
      <section className="panel" aria-labelledby="track-heading">
        <h1 id="track-heading">{m.track.heading}</h1>
        <p className="lead">{m.track.intro}</p>
        {result?.error && (
          <p className="form-summary" role="alert">
            {result.error}
          </p>
        )}
        <TrackForm code={code} token={token} />
      </section>
    );
  }
  if (!result?.data) return <section className="panel">{m.track.loading}</section>;
  const tracked = result.data;
  const reached = SHOWN_STEPS.indexOf(tracked.status === 'closed' ? 'answered' : (tracked.status as (typeof SHOWN_STEPS)[number]));
  return (
    <section className="panel tracking" aria-labelledby="track-heading" data-testid="tracking">
      <p className="tracking__code">{tracked.code}</p>
      <h1 id="track-heading">{tracked.subject}</h1>
      <p className="tracking__meta">
        {m.kind[tracked.kind]} · {m.track.received} {formatDateTime(tracked.receivedAt)}
        {tracked.division ? ` · ${m.track.division} ${tracked.division}` : ''}
      </p>
      <ol className="steps" aria-label={m.track.status}>
        {SHOWN_STEPS.map((status, index) => (
          <li key={status} className={`steps__item${index <= reached ? ' steps__item--done' : ''}${index === reached ? ' steps__item--current' : ''}`}>
            {m.status[status]}
          </li>
        ))}
      </ol>
      <p className="tracking__status">
        {m.track.status}: <strong data-testid="tracking-status">{m.status[tracked.status]}</strong>
      </p>
      <div className="answer" data-testid="tracking-answer">
        <h2>{m.track.answer}</h2>
        {tracked.answer ? <p className="answer__text">{tracked.answer}</p> : <p className="muted">{tracked.outcome === 'rejected' ? m.track.rejected : m.track.noAnswer}</p>}
      </div>
      {tracked.survey?.open && (
        <div className="survey-invite" data-testid="survey-invite">
          <p>{m.track.rateHint}</p>
          <Link className="button" to={surveyPath(tracked.code, token)}>
            {m.track.rate}
          </Link>
        </div>
      )}
      {tracked.survey?.given && <p className="muted">{m.track.rated}</p>}
      <h2>{m.track.timeline}</h2>
      <ol className="public-timeline">
        {tracked.timeline.map((event, index) => (
          <li key={`${event.type}-${index}`}>
            <span className="public-timeline__what">{m.events[event.type] ?? event.type}</span>
            <span className="public-timeline__when">{formatDateTime(event.at)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
};
