import { useEffect, useState } from 'react';
import { useDataProvider } from 'react-admin';
import { useQuery } from '@tanstack/react-query';
import type { WorkingCalendar } from '@layanan/config';
import type { LayananDataProvider } from '../providers/dataProvider';
import type { SopPolicy } from '../types';
import { calendarOf } from './countdown';

const DAY_MS = 86_400_000;

export interface SopCalendar {
  policy: SopPolicy;
  calendar: WorkingCalendar;
}

/** The SOP policy and the holidays, read once per session: countdowns count working time like the server. */
export function useSopCalendar(): SopCalendar | undefined {
  const dataProvider = useDataProvider<LayananDataProvider>();
  const { data } = useQuery({
    queryKey: ['sop-calendar'],
    queryFn: async (): Promise<SopCalendar> => {
      const [policy, holidays] = await Promise.all([dataProvider.getSopPolicy(), dataProvider.getHolidayDates(new Date(Date.now() - 30 * DAY_MS))]);
      return { policy, calendar: calendarOf(policy, holidays) };
    },
    staleTime: 10 * 60_000,
  });
  return data;
}

/** The current time, renewed every `intervalMs`: one clock for a whole board, not one per card. */
export function useNow(intervalMs = 15_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
