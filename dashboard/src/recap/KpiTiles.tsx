import { useLocale, useTranslate } from 'react-admin';
import { SOP_STEPS } from '@layanan/config';
import { intlLocale } from '../format';
import type { Ikm, Recap } from '../types';
import { budgetLabel, formatPercent } from './recapModel';

const Tile = ({ kpi, label, value, note, tone }: { kpi: string; label: string; value: string; note?: string; tone?: 'good' | 'bad' }) => (
  <div className={`kpi${tone ? ` kpi--${tone}` : ''}`} data-kpi={kpi}>
    <div className="kpi__label">{label}</div>
    <div className="kpi__value" data-value>
      {value}
    </div>
    {note && <div className="kpi__note">{note}</div>}
  </div>
);

/** The head of the Dinas' first look: volume, steps on time, what is late right now, and the IKM. */
export const KpiTiles = ({ recap, ikm }: { recap: Recap; ikm?: Ikm }) => {
  const translate = useTranslate();
  const locale = intlLocale(useLocale());
  const t = (key: string, options?: object) => translate(`layanan.recap.${key}`, options);
  return (
    <div className="kpis" data-testid="recap-kpis">
      <Tile kpi="total" label={t('kpi.total')} value={recap.total.toLocaleString(locale)} />
      {SOP_STEPS.map((step) => {
        const share = recap.compliance.overall[step].withinBudget;
        return (
          <Tile
            key={step}
            kpi={step}
            label={t('kpi.on_time', { step: t(`step.${step}`) })}
            value={formatPercent(share === null ? null : share * 100, locale)}
            note={budgetLabel(recap, step, t, locale)}
          />
        );
      })}
      <Tile
        kpi="breaches"
        label={t('kpi.open_breaches')}
        value={recap.openBreaches.breached.toLocaleString(locale)}
        note={t('kpi.open_of', { count: recap.openBreaches.open.toLocaleString(locale) })}
        tone={recap.openBreaches.breached > 0 ? 'bad' : 'good'}
      />
      <Tile
        kpi="ikm"
        label={t('kpi.ikm')}
        value={ikm?.ikm == null ? '–' : `${ikm.ikm.toLocaleString(locale, { minimumFractionDigits: 2 })} (${ikm.grade?.grade})`}
        note={ikm?.ikm == null ? t('kpi.no_ikm') : `${ikm.grade?.label[locale === 'en-GB' ? 'en' : 'id']} · ${t('kpi.respondents', { smart_count: ikm.respondents })}`}
      />
    </div>
  );
};
