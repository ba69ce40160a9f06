import { Link } from 'react-router-dom';
import { SITE_PAGES, dateInWords, type PublicServiceStandard } from '@layanan/config';
import { fill, siteMessages as m } from './messages';
import { linesOf } from './performanceApi';
import { useOffice } from './office';

const Items = ({ text, ordered = false }: { text: string | null; ordered?: boolean }) => {
  const lines = linesOf(text);
  if (lines.length === 1) return <p>{lines[0]}</p>;
  const items = lines.map((line) => <li key={line}>{line}</li>);
  return ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
};

/** The Standar Pelayanan of the information service (UU 25/2009 Pasal 21), as editors keep it in the admin. */
export const ServiceStandard = ({ standard }: { standard: PublicServiceStandard }) => {
  const s = m.standard;
  return (
    <section className="panel standard" aria-labelledby="standard-heading">
      <h2 id="standard-heading" className="standard__title">
        {s.heading}: {standard.serviceName}
      </h2>
      {standard.legalBasis && (
        <>
          <h3>{s.legalBasis}</h3>
          <Items text={standard.legalBasis} />
        </>
      )}
      <h3>{s.requirements}</h3>
      <Items text={standard.requirements} />
      <h3>{s.procedure}</h3>
      <Items text={standard.procedure} ordered />
      <h3>{s.timeLimit}</h3>
      <Items text={standard.timeLimit} />
      <h3>{s.fee}</h3>
      <p>{standard.fee}</p>
      <h3>{s.products}</h3>
      <Items text={standard.products} />
      <h3>{s.complaints}</h3>
      <Items text={standard.complaints} />
      <p>
        <Link to={SITE_PAGES.ask}>{s.askLink}</Link>
      </p>
      <p className="muted">{fill(s.reviewed, { date: dateInWords(standard.reviewedOn) })}</p>
    </section>
  );
};

/** The Maklumat Pelayanan: the Dinas's pledge to the public (Perki 1/2021 Pasal 47–48), in its own words. */
export const ServicePledge = ({ standard }: { standard: PublicServiceStandard }) => {
  const office = useOffice();
  return (
    <section className="panel standard" aria-labelledby="pledge-heading">
      <h2 id="pledge-heading" className="standard__title">
        {m.standard.pledgeHeading}
      </h2>
      <blockquote className="pledge">
        <p>{standard.pledge}</p>
        {office && <footer>{office.fullName}</footer>}
      </blockquote>
    </section>
  );
};
