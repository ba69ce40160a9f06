import { holidayReminderText, type HolidayOutlook } from '@layanan/config';

/** What the home page's holiday widget says: the reminder while next year is missing days off, else where things stand. */
export type HolidayNotice = { tone: 'warning'; text: string } | { tone: 'ok'; message: 'complete' | 'early'; year: number };

export function holidayNotice(outlook: HolidayOutlook): HolidayNotice {
  const text = holidayReminderText(outlook);
  if (text) return { tone: 'warning', text };
  return { tone: 'ok', message: outlook.missing.length === 0 ? 'complete' : 'early', year: outlook.year };
}

/** The holiday list in the content manager, where the editor enters them. */
export const HOLIDAY_LIST = '/content-manager/collection-types/api::holiday.holiday';
