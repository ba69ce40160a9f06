import { useTranslate } from 'react-admin';
import { Cell, Legend, Pie, PieChart, ResponsiveContainer, Tooltip } from 'recharts';
import type { Breakdown } from '../types';
import { shares } from './recapModel';

/** A breakdown of the range's requests as slices (by Bidang, by kind), each key in its own fixed colour. */
export const ShareChart = ({
  title,
  breakdown,
  label,
  colour,
}: {
  title: string;
  breakdown: Breakdown;
  label: (key: string) => string;
  colour: (key: string) => string;
}) => {
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
              {data.map((slice) => (
                <Cell key={slice.key} fill={colour(slice.key)} />
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
