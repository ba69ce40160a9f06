import { useTranslate } from 'react-admin';
import { Cell, Legend, Pie, PieChart, ResponsiveContainer, Tooltip } from 'recharts';
import type { Breakdown } from '../types';
import { shares } from './recapModel';
import { SERIES } from './palette';

/** A breakdown of the range's requests as slices (by Bidang, by kind). */
export const ShareChart = ({ title, breakdown, label }: { title: string; breakdown: Breakdown; label: (key: string) => string }) => {
  const translate = useTranslate();
  const data = shares(breakdown, label);
  return (
    <figure className="recap-card">
      <figcaption>{title}</figcaption>
      {data.length === 0 ? (
        <p className="recap-card__empty">{translate('layanan.recap.charts.empty')}</p>
      ) : (
        <ResponsiveContainer width="100%" height={260}>
          <PieChart>
            <Pie data={data} dataKey="value" nameKey="name" outerRadius={80} label={{ fontSize: 13 }} isAnimationActive={false}>
              {data.map((slice, i) => (
                <Cell key={slice.key} fill={SERIES[i % SERIES.length]} />
              ))}
            </Pie>
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 13 }} />
          </PieChart>
        </ResponsiveContainer>
      )}
    </figure>
  );
};
