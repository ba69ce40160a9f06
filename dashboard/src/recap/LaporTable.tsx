import { useLocale, useTranslate } from 'react-admin';
import { LAPOR_CLOCK_TABLE } from '@layanan/config';
import { intlLocale } from '../format';
import { TableHead } from './TableHead';
import type { Recap } from '../types';

/**
 * SP4N-LAPOR!'s own limits, as the Ombudsman and KemenPAN-RB read them: per limit, the month's reports it
 * applied to, met, late and still running, and the share within it. Shown only when reports came in.
 */
export const LaporTable = ({ recap }: { recap: Recap }) => {
  const translate = useTranslate();
  const locale = intlLocale(useLocale());
  const t = (key: string, options?: Record<string, unknown>) => translate(`layanan.recap.lapor.${key}`, options);
  const count = (value: number) => value.toLocaleString(locale);
  const share = (value: number | null) => (value === null ? '–' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value));
  const { lapor } = recap;
  if (!lapor || lapor.reports === 0) return null;
  return (
    <figure className="recap-card" data-testid="recap-lapor">
      <figcaption>
        {t('title')} <span className="recap-card__hint">{t('hint', { reports: count(lapor.reports) })}</span>
      </figcaption>
      <div className="recap-card__scroll" tabIndex={0} role="region" aria-label={t('title')}>
        <table className="delivery-table lapor-table">
          <TableHead columns={['limit', 'applicable', 'met', 'late', 'pending', 'within']} label={(column) => t(column)} />
          <tbody>
            {LAPOR_CLOCK_TABLE.map(({ clock }) => {
              const figures = lapor.clocks[clock];
              return (
                <tr key={clock} data-clock={clock}>
                  <th scope="row">
                    {t(`clock.${clock}`)} <span className="recap-card__hint lapor-table__days">{t('days', { days: lapor.budgets[clock] })}</span>
                  </th>
                  <td>{count(figures.applicable)}</td>
                  <td>{count(figures.met)}</td>
                  <td className={figures.late > 0 ? 'delivery-table__failed' : undefined}>{count(figures.late)}</td>
                  <td>{count(figures.pending)}</td>
                  <td>{share(figures.withinBudget)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </figure>
  );
};
