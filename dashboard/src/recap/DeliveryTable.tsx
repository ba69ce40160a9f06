import { useLocale, useTranslate } from 'react-admin';
import { intlLocale } from '../format';
import { TableHead } from './TableHead';
import type { AnswerDeliveryFigures, Recap } from '../types';
import { deliveryRows } from './recapModel';

const Row = ({ label, figures, locale, total }: { label: string; figures: AnswerDeliveryFigures; locale: string; total?: boolean }) => {
  const count = (value: number) => value.toLocaleString(locale);
  const Cell = total ? 'th' : 'td';
  return (
    <tr className={total ? 'delivery-table__total' : undefined}>
      <th scope="row">{label}</th>
      <Cell>{count(figures.delivered)}</Cell>
      <Cell className={figures.failed > 0 ? 'delivery-table__failed' : undefined}>{count(figures.failed)}</Cell>
      <Cell>{count(figures.pending)}</Cell>
      <Cell>{figures.medianMinutes === null ? '–' : new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(figures.medianMinutes)}</Cell>
    </tr>
  );
};

/** SOP step 4 measured to the citizen: per channel, answers delivered, failed and pending, and how long delivery took. */
export const DeliveryTable = ({ recap }: { recap: Recap }) => {
  const translate = useTranslate();
  const locale = intlLocale(useLocale());
  const t = (key: string) => translate(`layanan.recap.delivery.${key}`);
  const rows = deliveryRows(recap);
  return (
    <figure className="recap-card" data-testid="recap-delivery">
      <figcaption>
        {t('title')} <span className="recap-card__hint">{t('hint')}</span>
      </figcaption>
      {rows.length === 0 ? (
        <p className="recap-card__empty">{translate('layanan.recap.charts.empty')}</p>
      ) : (
        <div className="recap-card__scroll" tabIndex={0} role="region" aria-label={t('title')}>
          <table className="delivery-table">
            <TableHead columns={['channel', 'delivered', 'failed', 'pending', 'median']} label={(column) => t(column)} />
            <tbody>
              {rows.map(({ key, ...figures }) => (
                <Row key={key} label={translate(`layanan.channel.${key}`)} figures={figures} locale={locale} />
              ))}
              <Row label={t('all')} figures={recap.answerDelivery.overall} locale={locale} total />
            </tbody>
          </table>
        </div>
      )}
    </figure>
  );
};
