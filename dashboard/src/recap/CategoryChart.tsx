import { useNavigate } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Recap, RecapQuery } from '../types';
import { inquiryListPath, topCategories } from './recapModel';
import { SERIES } from './palette';

/** The services asked about most; a bar opens those requests. */
export const CategoryChart = ({ recap, query }: { recap: Recap; query: RecapQuery }) => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const data = topCategories(recap).map((row) => ({ ...row, label: translate(`layanan.serviceCategory.${row.key}`) }));
  const range = { start: recap.range.start, end: recap.range.end };
  return (
    <figure className="recap-card">
      <figcaption>{translate('layanan.recap.charts.categories')}</figcaption>
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 24 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 13 }} />
          <YAxis type="category" dataKey="label" width={150} tick={{ fontSize: 13 }} />
          <Tooltip />
          <Bar
            dataKey="value"
            fill={SERIES[2]}
            cursor="pointer"
            isAnimationActive={false}
            onClick={(_, index) => navigate(inquiryListPath(range, query, { serviceCategory: data[index].key }))}
          />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
};
