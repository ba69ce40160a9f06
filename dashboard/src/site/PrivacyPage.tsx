import { Link, useSearchParams } from 'react-router-dom';
import { SITE_PAGES } from '@layanan/config';
import { formatDate } from '../format';
import { fill, siteMessages as m } from './messages';
import { usePrivacyNotice } from './privacy';

const p = m.privacy;

/** The privacy notice (UU 27/2022 Pasal 21) in full: the current version, or the one a request recorded (`?versi=N`). */
export const PrivacyPage = () => {
  const [params] = useSearchParams();
  const notice = usePrivacyNotice(params.get('versi'));
  if (notice === undefined) return <p className="panel">{p.loading}</p>;
  if (notice === null)
    return (
      <section className="panel" role="alert">
        <p>{p.missing}</p>
      </section>
    );
  return (
    <section className="panel privacy-notice" data-testid="privacy-notice" data-version={notice.version} aria-labelledby="privacy-heading">
      <h1 id="privacy-heading">{notice.title}</h1>
      <p className="privacy-notice__version">{fill(p.version, { version: String(notice.version), date: formatDate(notice.versionDate) })}</p>
      {notice.version !== notice.currentVersion && (
        <p className="privacy-notice__older" role="note">
          {fill(p.older, { current: String(notice.currentVersion) })} <Link to={SITE_PAGES.privacy}>{p.showCurrent}</Link>
        </p>
      )}
      <p className="lead">{notice.summary}</p>
      {notice.sections.map((section) => (
        <div key={section.name} className="privacy-notice__section">
          <h2>{section.title}</h2>
          <p>{section.text}</p>
        </div>
      ))}
      <p>
        <Link className="button" to={SITE_PAGES.ask}>
          {p.askLink}
        </Link>
      </p>
    </section>
  );
};
