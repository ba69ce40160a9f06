import { useNavigate } from 'react-router-dom';
import { useLocale, useTranslate } from 'react-admin';
import { channelColour } from '@layanan/config';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { intlLocale } from '../format';
import type { Recap, RecapQuery } from '../types';
import { activeChannels, inquiryListPath, volumeSeries } from './recapModel';

/** Requests per period, stacked by channel; a bar opens the requests it counts. */
export const VolumeChart = ({ recap, query }: { recap: Recap; query: RecapQuery }) => {
  const translate = useTranslate();
  const locale = intlLocale(useLocale());
  const navigate = useNavigate();
  const data = volumeSeries(recap, locale);
  const channels = activeChannels(recap);
  const open = (index: number, channel: string) => navigate(inquiryListPath(recap.periods[index], query, { channel }));
  return (
    <figure className="recap-card recap-card--wide">
      <figcaption>
        {translate('layanan.recap.charts.volume')} <span className="recap-card__hint">{translate('layanan.recap.charts.volume_hint')}</span>
      </figcaption>
      <ResponsiveContainer width="100%" height={320}>
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 13 }} />
          <YAxis allowDecimals={false} tick={{ fontSize: 13 }} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 13 }} />
          {channels.map((channel) => (
            <Bar
              key={channel}
              dataKey={channel}
              name={translate(`layanan.channel.${channel}`)}
              stackId="volume"
              fill={channelColour(channel)}
              cursor="pointer"
              isAnimationActive={false}
              onClick={(_, index) => open(index, channel)}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
};
