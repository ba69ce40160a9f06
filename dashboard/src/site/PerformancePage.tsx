import { useEffect, useState, type ReactNode } from 'react';
import {
  CHANNEL_LABELS,
  LAPOR_CLOCK_TABLE,
  MONTHS_ID,
  SOP_STEP_TABLE,
  dateTimeInWords,
  periodInWords,
  type PerformanceFigures,
  type PublicPerformance,
  type PublicServiceStandard,
} from '@layanan/config';
import { fill, siteMessages as m } from './messages';
import { fetchPerformance, fetchServiceStandard } from './performanceApi';
import { ServicePledge, ServiceStandard } from './ServiceStandard';

const p = m.performance;
const NUMBER = new Intl.NumberFormat('id-ID');
const PERCENT = new Intl.NumberFormat('id-ID', { style: 'percent', maximumFractionDigits: 1 });
const DECIMAL = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });

const share = (value: number | null) => (value === null ? p.notApplicable : PERCENT.format(value));
const minutes = (value: number | null) => (value === null ? p.notApplicable : DECIMAL.format(value));
const monthInWords = (period: string) => `${MONTHS_ID[Number(period.slice(5, 7)) - 1]} ${period.slice(0, 4)}`;

/** A table that may be wider than a phone: its box scrolls, and a keyboard can reach it to scroll. */
const Table = ({ name, children }: { name: string; children: ReactNode }) => (
  <div className="table-box" role="region" aria-label={fill(p.tableLabel, { name })} tabIndex={0}>
    <table className="figures">
      <caption className="visually-hidden">{name}</caption>
      {children}
    </table>
  </div>
);

/** A table's header: the row labels' column, then the figures' columns, aligned right. */
const Head = ({ first, numbers }: { first: string; numbers: string[] }) => (
  <thead>
    <tr>
      <th scope="col">{first}</th>
      {numbers.map((name) => (
        <th key={name} scope="col" className="num">
          {name}
        </th>
      ))}
    </tr>
  </thead>
);

const Breakdown = ({ name, column, counts, label }: { name: string; column: string; counts: Record<string, number>; label: (key: string) => string }) => {
  const rows = Object.entries(counts)
    .filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1]);
  return (
    <>
      <h3>{name}</h3>
      {rows.length === 0 ? (
        <p className="muted">{p.none}</p>
      ) : (
        <Table name={name}>
          <Head first={column} numbers={[p.count]} />
          <tbody>
            {rows.map(([key, count]) => (
              <tr key={key}>
                <th scope="row">{label(key)}</th>
                <td className="num">{NUMBER.format(count)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
};

const Summary = ({ figures }: { figures: PerformanceFigures }) => (
  <dl className="tiles">
    <div className="tile">
      <dt>{p.received}</dt>
      <dd>{NUMBER.format(figures.total)}</dd>
    </div>
    <div className="tile">
      <dt>{p.onTime}</dt>
      <dd>{share(figures.compliance.triage.withinBudget)}</dd>
    </div>
    <div className="tile">
      <dt>{p.toAnswer}</dt>
      <dd>{figures.medianMinutesToAnswer === null ? <span className="tile__note">{p.noAnswer}</span> : (
          <>
            {DECIMAL.format(figures.medianMinutesToAnswer)} <span className="tile__note">{p.workingMinutes}</span>
          </>
        )}</dd>
    </div>
    <div className="tile">
      <dt>{p.openLate}</dt>
      <dd>{NUMBER.format(figures.open.late)}</dd>
    </div>
    <div className="tile">
      <dt>{p.ikm}</dt>
      <dd>{figures.ikm.value === null ? <span className="tile__note">{p.noSurvey}</span> : `${DECIMAL.format(figures.ikm.value)} (${figures.ikm.grade})`}</dd>
    </div>
  </dl>
);

const Steps = ({ figures }: { figures: PerformanceFigures }) => (
  <>
    <h3>{p.steps}</h3>
    <Table name={p.steps}>
      <Head first={p.step} numbers={[p.withinBudget, p.late, p.median]} />
      <tbody>
        {SOP_STEP_TABLE.map(({ step, label }) => (
          <tr key={step}>
            <th scope="row">{label.id}</th>
            <td className="num">{share(figures.compliance[step].withinBudget)}</td>
            <td className="num">{NUMBER.format(figures.compliance[step].late)}</td>
            <td className="num">{minutes(figures.medianMinutes[step])}</td>
          </tr>
        ))}
      </tbody>
    </Table>
    <p className="field__hint">{p.stepsNote}</p>
  </>
);

const Open = ({ figures }: { figures: PerformanceFigures }) => (
  <>
    <h3>{p.open}</h3>
    <dl className="figure-list">
      <dt>{p.openCount}</dt>
      <dd>{NUMBER.format(figures.open.open)}</dd>
      <dt>{p.lateCount}</dt>
      <dd>{NUMBER.format(figures.open.late)}</dd>
      <dt>{p.overOneDay}</dt>
      <dd>{NUMBER.format(figures.open.overOneWorkingDay)}</dd>
    </dl>
  </>
);

const Lapor = ({ figures }: { figures: PerformanceFigures }) => (
  <>
    <h3>{p.lapor}</h3>
    <Table name={p.lapor}>
      <Head first={p.step} numbers={[p.laporLimit, p.withinBudget, p.late]} />
      <tbody>
        {LAPOR_CLOCK_TABLE.map(({ clock, label }) => (
          <tr key={clock}>
            <th scope="row">{label.id.replace(/^LAPOR!: /, '')}</th>
            <td className="num">{NUMBER.format(figures.lapor.budgets[clock])}</td>
            <td className="num">{share(figures.lapor.clocks[clock].withinBudget)}</td>
            <td className="num">{NUMBER.format(figures.lapor.clocks[clock].late)}</td>
          </tr>
        ))}
      </tbody>
    </Table>
    <p className="field__hint">{fill(p.laporNote, { count: NUMBER.format(figures.lapor.reports) })}</p>
  </>
);

const Ikm = ({ figures }: { figures: PerformanceFigures }) => (
  <>
    <h3>{p.ikmHeading}</h3>
    {figures.ikm.value === null ? (
      <p className="muted">{p.noSurvey}</p>
    ) : (
      <p className="ikm">
        <strong>{DECIMAL.format(figures.ikm.value)}</strong> · {figures.ikm.grade} ({figures.ikm.label}) · {fill(p.respondents, { count: NUMBER.format(figures.ikm.respondents) })}
      </p>
    )}
    <p className="field__hint">{p.ikmNote}</p>
  </>
);

const Divisions = ({ view }: { view: PublicPerformance['month'] }) => (
  <>
    <h3>{p.divisions}</h3>
    <Table name={p.divisions}>
      <Head first={p.division} numbers={[p.divisionReceived, p.divisionOnTime, p.divisionToAnswer, p.divisionLate, p.ikmShort]} />
      <tbody>
        {view.divisions.map(({ code, name, figures }) => (
          <tr key={code}>
            <th scope="row">{name}</th>
            <td className="num">{NUMBER.format(figures.total)}</td>
            <td className="num">{share(figures.compliance.coordination.withinBudget)}</td>
            <td className="num">{minutes(figures.medianMinutesToAnswer)}</td>
            <td className="num">{NUMBER.format(figures.open.late)}</td>
            <td className="num">{figures.ikm.value === null ? p.notApplicable : `${DECIMAL.format(figures.ikm.value)} (${figures.ikm.grade})`}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  </>
);

const Months = ({ months }: { months: PublicPerformance['year']['months'] }) => (
  <>
    <h3>{p.months}</h3>
    <Table name={p.months}>
      <Head first={p.month} numbers={[p.count]} />
      <tbody>
        {months.map(({ period, total }) => (
          <tr key={period}>
            <th scope="row">{monthInWords(period)}</th>
            <td className="num">{NUMBER.format(total)}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  </>
);

type WindowName = 'month' | 'year';

/** /kinerja: the SOP's performance in public, beside the Standar Pelayanan and the Maklumat Pelayanan. */
export const PerformancePage = () => {
  const [data, setData] = useState<{ performance?: PublicPerformance; standard?: PublicServiceStandard | null; error?: boolean }>({});
  const [windowName, setWindowName] = useState<WindowName>('month');
  const [scope, setScope] = useState('');

  useEffect(() => {
    let current = true;
    fetchPerformance().then(
      (performance) => current && setData((d) => ({ ...d, performance })),
      () => current && setData((d) => ({ ...d, error: true })),
    );
    fetchServiceStandard().then(
      (standard) => current && setData((d) => ({ ...d, standard })),
      () => current && setData((d) => ({ ...d, standard: null })),
    );
    return () => {
      current = false;
    };
  }, []);

  const { performance, standard, error } = data;
  const view = performance?.[windowName];
  const figures = view && (scope ? view.divisions.find((d) => d.code === scope)?.figures : view.office);

  return (
    <>
      <section className="panel" aria-labelledby="performance-heading">
        <h1 id="performance-heading">{p.heading}</h1>
        <p className="lead">{p.intro}</p>
        {!performance && !error && <p className="muted">{p.loading}</p>}
        {error && (
          <p className="form-summary" role="alert">
            {p.unavailable}
          </p>
        )}
        {performance && view && (
          <>
            <p className="muted">{fill(p.computed, { when: dateTimeInWords(new Date(performance.computedAt), performance.timeZone) })}</p>
            <div className="performance__choices">
              <fieldset className="segmented">
                <legend>{p.window}</legend>
                {(['month', 'year'] as const).map((name) => (
                  <label key={name} className={`segmented__option${windowName === name ? ' segmented__option--selected' : ''}`}>
                    <input type="radio" name="window" value={name} checked={windowName === name} onChange={() => setWindowName(name)} />
                    <span>{name === 'month' ? p.thisMonth : p.lastYear}</span>
                  </label>
                ))}
              </fieldset>
              <div className="field">
                <label htmlFor="performance-scope">{p.scope}</label>
                <select id="performance-scope" value={scope} onChange={(event) => setScope(event.target.value)}>
                  <option value="">{p.wholeOffice}</option>
                  {view.divisions.map((d) => (
                    <option key={d.code} value={d.code}>
                      {d.name}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <h2 aria-live="polite">
              {scope ? (view.divisions.find((d) => d.code === scope)?.name ?? p.wholeOffice) : p.wholeOffice} · {periodInWords(view.from, view.to)}
            </h2>
            {figures && (
              <>
                <Summary figures={figures} />
                <Steps figures={figures} />
                <Open figures={figures} />
                <Breakdown name={p.byChannel} column={p.channel} counts={figures.channel} label={(key) => CHANNEL_LABELS[key as keyof typeof CHANNEL_LABELS]?.id ?? key} />
                <Breakdown name={p.byKind} column={p.kind} counts={figures.kind} label={(key) => m.kind[key] ?? key} />
                <Lapor figures={figures} />
                <Ikm figures={figures} />
              </>
            )}
            {!scope && <Divisions view={view} />}
            {!scope && windowName === 'year' && <Months months={view.months} />}
          </>
        )}
      </section>
      {standard && <ServiceStandard standard={standard} />}
      {standard && <ServicePledge standard={standard} />}
    </>
  );
};
