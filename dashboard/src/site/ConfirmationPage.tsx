import { useEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { formatLongDateTime } from '../format';
import { fill, siteMessages as m } from './messages';
import { trackingPath, type Submitted } from './siteApi';

const KEY = 'layanan_last_submission';

/** Kept for this browser tab, so a reload of the confirmation still shows the code and the link. */
export function rememberSubmission(sent: Submitted): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(sent));
  } catch {
    /* storage unavailable: the confirmation still gets the data through the navigation state */
  }
}

function recalled(): Submitted | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Submitted) : null;
  } catch {
    return null;
  }
}

export const ConfirmationPage = () => {
  const location = useLocation();
  const sent = (location.state as Submitted | null) ?? recalled();
  const [copied, setCopied] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  // After sending, a screen reader and a keyboard start from the confirmation, not from the page's top.
  useEffect(() => heading.current?.focus(), []);
  if (!sent) {
    return (
      <section className="panel">
        <p>{m.sent.missing}</p>
        <Link className="button" to="/">
          {m.sent.again}
        </Link>
      </section>
    );
  }
  const path = trackingPath(sent.code, sent.trackingToken);
  const url = `${window.location.origin}${path}`;
  return (
    <section className="panel confirmation" aria-labelledby="sent-heading">
      <div className="confirmation__mark" aria-hidden="true">
        ✓
      </div>
      <h1 id="sent-heading" ref={heading} tabIndex={-1}>
        {m.sent.heading}
      </h1>
      <p className="confirmation__label">{m.sent.code}</p>
      <p className="confirmation__code" data-testid="tracking-code">
        {sent.code}
      </p>
      {sent.triageDueAt && <p>{fill(m.sent.due, { time: formatLongDateTime(sent.triageDueAt) })}</p>}
      <p className="notice">{m.sent.keep}</p>
      <p className="confirmation__url">{url}</p>
      <div className="actions">
        <Link className="button button--primary" to={path} data-testid="tracking-link">
          {m.sent.link}
        </Link>
        <button
          type="button"
          className="button"
          onClick={() => navigator.clipboard?.writeText(url).then(() => setCopied(true), () => setCopied(false))}
        >
          {copied ? m.sent.copied : m.sent.copy}
        </button>
      </div>
      <p>
        <Link to="/">{m.sent.again}</Link>
      </p>
    </section>
  );
};
