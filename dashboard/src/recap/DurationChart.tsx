import { useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Recap } from '../types';
import { durationRows } from './recapModel';
import { MUTED, SERIES } from './palette';

/** How long each step really takes, in working minutes: median and 90th percentile beside the budget. */
export const DurationChart = ({ recap }: { recap: Recap }) => {
  const translate = useTranslate();
  const t = (key: string) => translate(`layanan.recap.${key}`);
  const data = durationRows(recap).map((row) => ({ ...row, label: t(`step.${row.step}`) }));
  return (
    <figure className="recap-card">
      <figcaption>{t('charts.durations')}</figcaption>
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={data} margin={{ top: 16, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 13 }} />
          <YAxis tick={{ fontSize: 13 }} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 13 }} />
          <Bar dataKey="median" name={t('charts.median')} fill={SERIES[0]} isAnimationActive={false} />
          <Bar dataKey="p90" name={t('charts.p90')} fill={SERIES[1]} isAnimationActive={false} />
          <Bar dataKey="budget" name={t('charts.budget')} fill={MUTED} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
};
