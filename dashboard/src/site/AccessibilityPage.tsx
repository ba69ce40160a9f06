import { Link } from 'react-router-dom';
import { SITE_PAGES, officeContactLine } from '@layanan/config';
import { fill, siteMessages as m } from './messages';
import { useOffice } from './office';

const a = m.accessibility;

/** The site's accessibility statement: the standard, how it is checked, what is known to fall short, whom to tell. */
export const AccessibilityPage = () => {
  const office = useOffice();
  return (
  <section className="panel" data-testid="accessibility" aria-labelledby="accessibility-heading">
    <h1 id="accessibility-heading">{a.heading}</h1>
    <p>{a.intro}</p>
    <h2>{a.standardHeading}</h2>
    <p>{a.standard}</p>
    <h2>{a.checkHeading}</h2>
    <p>{a.check}</p>
    <h2>{a.limitsHeading}</h2>
    <ul>
      {a.limits.map((limit) => (
        <li key={limit}>{limit}</li>
      ))}
    </ul>
    <h2>{a.contactHeading}</h2>
    <p>{fill(a.contact, { office: office?.fullName ?? '' })}</p>
    {office && officeContactLine(office) && <p>{officeContactLine(office)}</p>}
    <p>{a.response}</p>
    <p>
      <Link className="button" to={SITE_PAGES.ask}>
        {a.contactLink}
      </Link>
    </p>
  </section>
  );
};
