import { holidayOutlook, holidayReminderText } from '../../config/src/holidayOutlook';

const national = (date: string) => ({ date, kind: 'national' });
const cuti = (date: string) => ({ date, kind: 'cuti_bersama' });
const THIS_YEAR = [national('2026-08-17'), cuti('2026-12-24')];

describe('whether next year’s holidays are in', () => {
  it.each([
    ['31 October, nothing for 2027 yet: not in season', '2026-10-31', THIS_YEAR, { year: 2027, due: false, missing: ['national', 'cuti_bersama'] }],
    ['1 November, nothing for 2027', '2026-11-01', THIS_YEAR, { year: 2027, due: true, missing: ['national', 'cuti_bersama'] }],
    ['December, the national holidays in, the SKB’s cuti bersama not', '2026-12-31', [...THIS_YEAR, national('2027-01-01')], { year: 2027, due: true, missing: ['cuti_bersama'] }],
    ['November, both in', '2026-11-15', [...THIS_YEAR, national('2027-01-01'), cuti('2027-03-09')], { year: 2027, due: true, missing: [] }],
    ['January: next year is the one after', '2027-01-02', [national('2027-01-01')], { year: 2028, due: false, missing: ['national', 'cuti_bersama'] }],
  ])('%s', (_when, today, holidays, outlook) => {
    expect(holidayOutlook(today, holidays)).toEqual(outlook);
  });

  it.each([
    [{ year: 2027, due: true, missing: ['national', 'cuti_bersama'] as const }, 'Hari libur 2027 belum diisi: masukkan libur nasional dan cuti bersama 2027 sesuai SKB.'],
    [{ year: 2027, due: true, missing: ['cuti_bersama'] as const }, 'Cuti bersama 2027 belum diisi: tambahkan sesuai SKB 2027 begitu terbit.'],
    [{ year: 2027, due: true, missing: [] as const }, null],
    [{ year: 2027, due: false, missing: ['national', 'cuti_bersama'] as const }, null],
  ])('words the reminder for the admin panel: %j', (outlook, text) => {
    expect(holidayReminderText({ ...outlook, missing: [...outlook.missing] })).toBe(text);
  });
});
