import { useDataProvider, useTranslate } from 'react-admin';
import { useQuery } from '@tanstack/react-query';
import { Alert } from '@mui/material';
import type { LayananDataProvider } from '../providers/dataProvider';

const HOUR_MS = 3_600_000;

/** From 1 November: next year's holidays or cuti bersama are not entered yet, so next year's deadlines would run through them. */
export const HolidayReminder = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<LayananDataProvider>();
  const { data } = useQuery({ queryKey: ['holidays', 'outlook'], queryFn: () => dataProvider.getHolidayOutlook(), staleTime: HOUR_MS });
  if (!data?.due || data.missing.length === 0) return null;
  const which = data.missing.length > 1 ? 'all' : data.missing[0];
  return (
    <Alert severity="warning" data-testid="holiday-reminder" sx={{ mb: 1 }}>
      <strong>{translate(`layanan.holidays.missing.${which}`, { year: data.year })}</strong> {translate('layanan.holidays.hint', { year: data.year })}
    </Alert>
  );
};
