import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  DEFAULT_OFFICE_HOURS,
  OFFICE_DAYS,
  minutesOfTime,
  officeHoursRowLabel,
  officeHoursRowsProblem,
  officeHoursRowsRefusal,
  rowsOfWeeklyHours,
  weeklyHoursOfRows,
  type OfficeDay,
} from '../../config/src';

const row = (day: OfficeDay, opensAt: string, closesAt: string) => ({ day, opensAt, closesAt });

describe('office hours as rows of day, opening and closing time', () => {
  it.each([
    ['08:00:00.000', 480],
    ['08:00:00', 480],
    ['16:30', 990],
    ['23:59:59.999', 1439],
    ['24:00', null],
    ['8:00', null],
    ['', null],
    [null, null],
  ])('reads the time %j as %s minutes after midnight', (time, minutes) => {
    expect(minutesOfTime(time)).toBe(minutes);
  });

  it.each([
    ['one session', [row('senin', '08:00:00.000', '16:00:00.000')]],
    ['a lunch break as two rows', [row('senin', '13:00', '16:00'), row('senin', '08:00', '12:00')]],
    ['sessions that touch', [row('jumat', '07:30', '11:00'), row('jumat', '11:00', '13:00')]],
    ['the same hours on different days', [row('senin', '08:00', '16:00'), row('selasa', '08:00', '16:00')]],
  ])('accepts %s', (_what, rows) => {
    expect(officeHoursRowsProblem(rows)).toBeNull();
  });

  it.each([
    ['no list', { senin: '08-16' }, 'Jam kantor harus berupa daftar baris hari, jam buka dan jam tutup.'],
    ['no row', [], 'Jam kantor harus berisi paling sedikit satu baris: hari, jam buka dan jam tutup.'],
    ['an unknown day', [row('monday' as OfficeDay, '08:00', '16:00')], 'Jam kantor baris 1: pilih hari Senin sampai Minggu.'],
    ['a missing time', [{ day: 'rabu', opensAt: '08:00' }], 'Jam kantor Rabu (baris 1): isi jam buka dan jam tutup.'],
    ['closing before opening', [row('kamis', '16:00', '08:00')], 'Jam kantor Kamis (baris 1): jam tutup 08.00 harus setelah jam buka 16.00.'],
    ['closing when opening', [row('kamis', '08:00', '08:00')], 'Jam kantor Kamis (baris 1): jam tutup 08.00 harus setelah jam buka 08.00.'],
    [
      'overlapping sessions',
      [row('senin', '08:00', '12:00'), row('senin', '11:30', '16:00')],
      'Jam kantor Senin: sesi 08.00–12.00 (baris 1) dan 11.30–16.00 (baris 2) tumpang tindih.',
    ],
    [
      'a session inside another',
      [row('sabtu', '08:00', '16:00'), row('minggu', '08:00', '09:00'), row('sabtu', '09:00', '10:00')],
      'Jam kantor Sabtu: sesi 08.00–16.00 (baris 1) dan 09.00–10.00 (baris 3) tumpang tindih.',
    ],
  ])('refuses %s, saying what to fix', (_what, rows, message) => {
    expect(officeHoursRowsProblem(rows)).toBe(message);
  });

  it.each([
    ['closing before opening', [row('senin', '08:00', '16:00'), row('kamis', '16:00', '08:00')], [1, 'closesAt']],
    ['a missing opening', [{ day: 'rabu', closesAt: '08:00' }], [0, 'opensAt']],
    ['an unknown day', [row('monday' as OfficeDay, '08:00', '16:00')], [0, 'day']],
    ['overlapping sessions', [row('senin', '08:00', '12:00'), row('senin', '11:30', '16:00')], [1, 'opensAt']],
    ['no row', [], []],
  ])('points the editor at the input to fix for %s', (_what, rows, at) => {
    expect(officeHoursRowsRefusal(rows)?.at).toEqual(at);
  });

  it('titles a row as an office writes its hours', () => {
    expect(officeHoursRowLabel(row('senin', '07:30:00.000', '15:30:00.000'))).toBe('Senin 07.30–15.30');
    expect(officeHoursRowLabel(row('jumat', '07:30:00', '11:00:00'))).toBe('Jumat 07.30–11.00');
  });

  it('become the weekly intervals the working-time functions read, in order within each day', () => {
    const rows = [row('senin', '13:00', '16:00'), row('senin', '08:00', '12:00'), row('minggu', '09:00', '10:00')];
    expect(weeklyHoursOfRows(rows)).toEqual([[{ start: 540, end: 600 }], [{ start: 480, end: 720 }, { start: 780, end: 960 }], [], [], [], [], []]);
  });

  it('come back from the weekly intervals they were made of, Monday first', () => {
    const rows = rowsOfWeeklyHours(DEFAULT_OFFICE_HOURS);
    expect(rows.map((r) => r.day)).toEqual(['senin', 'selasa', 'rabu', 'kamis', 'jumat']);
    expect(rows[0]).toEqual({ day: 'senin', opensAt: '08:00:00.000', closesAt: '16:00:00.000' });
    expect(weeklyHoursOfRows(rows)).toEqual(DEFAULT_OFFICE_HOURS);
  });

  it('offer the admin panel the same days as config/', () => {
    const file = path.resolve(__dirname, '..', '..', 'cms', 'src', 'components', 'sop', 'office-hours.json');
    const component = JSON.parse(readFileSync(file, 'utf8')) as { attributes: { day: { enum: string[] } } };
    expect([...component.attributes.day.enum].sort()).toEqual([...OFFICE_DAYS].sort());
  });
});
