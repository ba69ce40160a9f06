import { useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, LabelList, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Recap } from '../types';
import { complianceRows } from './recapModel';
import { LATE, ON_TIME } from './palette';

/** Per SOP step, the share within its time budget against the SOP's own target: every request on time. */
export const ComplianceChart = ({ recap }: { recap: Recap }) => {
  const translate = useTranslate();
  const t = (key: string) => translate(`layanan.recap.${key}`);
  const data = complianceRows(recap).map((row) => ({ ...row, label: t(`step.${row.step}`) }));
  return (
    <figure className="recap-card">
      <figcaption>
        {t('charts.compliance')} <span className="recap-card__hint">{t('charts.compliance_target')}</span>
      </figcaption>
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={data} margin={{ top: 20, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 13 }} />
          <YAxis domain={[0, 100]} unit="%" tick={{ fontSize: 13 }} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 13 }} />
          <ReferenceLine y={100} stroke={LATE} strokeDasharray="4 3" />
          <Bar dataKey="withinBudget" name={t('charts.within_budget')} fill={ON_TIME} isAnimationActive={false}>
            <LabelList dataKey="withinBudget" position="top" fontSize={13} />
          </Bar>
          <Bar dataKey="late" name={t('charts.late')} fill={LATE} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
};
