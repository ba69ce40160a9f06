import { Link } from 'react-router-dom';
import { STATUSES } from '@layanan/config';
import { formatLongDateTime } from '../format';
import { siteMessages as m } from './messages';
import { surveyPath, type Tracked } from './siteApi';

/** Steps the citizen sees; "closed" after an answer is the end of the road, not a separate step to wait for. */
const SHOWN_STEPS = STATUSES.filter((status) => status !== 'closed');

/**
 * The steps as the request went: every step up to the answer, or, for a request turned down at sorting, received
 * and then "not taken up", so that the page never ticks an answer nobody gave.
 */
function stepsOf(tracked: Tracked): { label: string; done: boolean; current: boolean; rejected?: boolean }[] {
  if (tracked.outcome === 'rejected') {
    return [
      { label: m.status.received, done: true, current: false },
      { label: m.track.rejectedStep, done: true, current: true, rejected: true },
    ];
  }
  const reached = SHOWN_STEPS.indexOf(tracked.status === 'closed' ? 'answered' : (tracked.status as (typeof SHOWN_STEPS)[number]));
  return SHOWN_STEPS.map((status, index) => ({ label: m.status[status], done: index <= reached, current: index === reached }));
}

export const TrackedRequest = ({ tracked, token }: { tracked: Tracked; token: string }) => {
  const rejected = tracked.outcome === 'rejected';
  const steps = stepsOf(tracked);
  return (
    <section className="panel tracking" aria-labelledby="track-heading" data-testid="tracking">
      <p className="tracking__code">{tracked.code}</p>
      <h1 id="track-heading">{tracked.subject}</h1>
      <p className="tracking__meta">
        {m.kind[tracked.kind]} · {m.track.received} {formatLongDateTime(tracked.receivedAt)}
        {tracked.division ? ` · ${m.track.division} ${tracked.division}` : ''}
      </p>
      <ol className={`steps steps--${steps.length}`} aria-label={m.track.status}>
        {steps.map((step) => (
          <li
            key={step.label}
            className={`steps__item${step.done ? ' steps__item--done' : ''}${step.current ? ' steps__item--current' : ''}${step.rejected ? ' steps__item--rejected' : ''}`}
            aria-current={step.current ? 'step' : undefined}
          >
            {step.label}
          </li>
        ))}
      </ol>
      <p className="tracking__status">
        {m.track.status}: <strong data-testid="tracking-status">{rejected ? m.track.rejectedStatus : m.status[tracked.status]}</strong>
      </p>
      {rejected ? (
        <div className="answer answer--rejected" data-testid="tracking-reason">
          <h2>{m.track.reasonHeading}</h2>
          <p className="answer__text">{tracked.reason || m.track.rejected}</p>
        </div>
      ) : (
        <div className="answer" data-testid="tracking-answer">
          <h2>{m.track.answer}</h2>
          {tracked.answer ? <p className="answer__text">{tracked.answer}</p> : <p className="muted">{m.track.noAnswer}</p>}
        </div>
      )}
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
            <span className="public-timeline__when">{formatLongDateTime(event.at)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
};
