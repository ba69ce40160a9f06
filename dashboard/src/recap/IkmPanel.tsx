import { useLocale, useTranslate } from 'react-admin';
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { gradeTableByRegulation } from '@layanan/config';
import { intlLocale } from '../format';
import type { Ikm } from '../types';
import { periodLabel } from './recapModel';
import { ON_TIME, SERIES } from './palette';

/** The satisfaction index per month (PermenPAN-RB 14/2017), with the threshold of grade A. */
export const IkmPanel = ({ ikm }: { ikm: Ikm }) => {
  const translate = useTranslate();
  const locale = intlLocale(useLocale());
  const t = (key: string) => translate(`layanan.recap.${key}`);
  const data = ikm.periods.map((p) => ({ label: periodLabel(p.period, locale), ikm: p.ikm }));
  const gradeA = gradeTableByRegulation(ikm.regulation)?.intervals.find((interval) => interval.grade === 'A')?.min;
  return (
    <figure className="recap-card">
      <figcaption>
        {t('charts.ikm_trend')} <span className="recap-card__hint">{ikm.regulation}</span>
      </figcaption>
      {ikm.respondents === 0 ? (
        <p className="recap-card__empty">{t('kpi.no_ikm')}</p>
      ) : (
        <ResponsiveContainer width="100%" height={260}>
          <LineChart data={data} margin={{ top: 16, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 13 }} />
            <YAxis domain={[25, 100]} tick={{ fontSize: 13 }} />
            <Tooltip />
            {gradeA !== undefined && (
              <ReferenceLine y={gradeA} stroke={ON_TIME} strokeDasharray="4 3" label={{ value: t('charts.ikm_grade_a'), position: 'insideBottomRight', fontSize: 12 }} />
            )}
            <Line type="monotone" dataKey="ikm" name="IKM" stroke={SERIES[0]} strokeWidth={3} connectNulls isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      )}
    </figure>
  );
};
