import { dayMonthYear, dayMonthYearTime, parseDayMonthYearTime, formatBytes, formatLongDateTime, fromOfficeInput, officeInputValue, formatTimeOrDay, parseDayMonthYear } from '../../dashboard/src/format';

describe('the office formats', () => {
  it('gives a size in bytes, KB, then MB', () => {
    expect(formatBytes(300, 'id-ID')).toBe('300 B');
    expect(formatBytes(512 * 1024, 'id-ID')).toBe('512 KB');
    expect(formatBytes(1.25 * 1024 * 1024, 'id-ID')).toBe('1,3 MB');
  });

  it('fills a datetime input with the WIB wall clock and reads it back as the same instant', () => {
    // 02:15 UTC is 09:15 in Probolinggo, whatever the browser's zone.
    expect(officeInputValue(new Date('2026-11-03T02:15:00Z'))).toBe('2026-11-03T09:15');
    expect(fromOfficeInput('2026-11-03T09:15')?.toISOString()).toBe('2026-11-03T02:15:00.000Z');
    // Past midnight in WIB is still the evening before in UTC.
    expect(officeInputValue(new Date('2026-11-30T17:30:00Z'))).toBe('2026-12-01T00:30');
  });

  it('writes a WIB date and time day first with a dot, and reads back what an officer types', () => {
    expect(dayMonthYearTime('2026-12-08T09:15')).toBe('08/12/2026 09.15');
    expect(parseDayMonthYearTime('08/12/2026 09.15')).toBe('2026-12-08T09:15');
    expect(parseDayMonthYearTime(' 8-12-2026  9:05 ')).toBe('2026-12-08T09:05');
    for (const text of ['', '08/12/2026', '12/31/2026 09.15', '08/12/2026 24.00', '08/12/2026 9.5', '08/12/2026 09.15 WIB']) expect([text, parseDayMonthYearTime(text)]).toEqual([text, null]);
  });

  it('names the day of a deadline only when it is not today in WIB', () => {
    const now = new Date('2026-12-01T15:00:00Z'); // 22.00 WIB, Tuesday 1 December
    expect(formatTimeOrDay('2026-12-01T16:30:00Z', now)).toBe('23.30 WIB');
    // 00.30 WIB is already Wednesday in Probolinggo, though still 1 December in UTC.
    expect(formatTimeOrDay('2026-12-01T17:30:00Z', now)).toBe('2 Des, 00.30 WIB');
    expect(formatTimeOrDay(null, now)).toBe('');
  });

  it('names the month in full for citizens, in WIB', () => {
    // 17:30 UTC on 7 December is 00.30 WIB on the 8th.
    expect(formatLongDateTime('2026-12-07T17:30:00Z')).toBe('8 Desember 2026 pukul 00.30 WIB');
    expect(formatLongDateTime(null)).toBe('');
  });

  it('reads nothing from an empty or malformed time', () => {
    expect(fromOfficeInput('')).toBeNull();
    expect(fromOfficeInput('03/11/2026 09:15')).toBeNull();
    expect(fromOfficeInput('2026-13-45T09:15')).toBeNull();
  });
});

describe('a date as Indonesians write it: day, month, year', () => {
  it('shows 1 December 2026 as 01/12/2026, never the American 12/01/2026', () => {
    expect(dayMonthYear('2026-12-01')).toBe('01/12/2026');
  });

  it.each([
    ['01/12/2026', '2026-12-01'],
    ['1/12/2026', '2026-12-01'],
    ['1-12-2026', '2026-12-01'],
    [' 31.01.2026 ', '2026-01-31'],
    ['29/02/2028', '2028-02-29'],
    ['29/02/2026', null],
    ['12/31/2026', null],
    ['2026-12-01', null],
    ['01/12/26', null],
    ['', null],
  ])('reads %j as %s', (text, key) => {
    expect(parseDayMonthYear(text)).toBe(key);
  });
});
