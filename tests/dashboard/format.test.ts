import { formatBytes, fromOfficeInput, officeInputValue } from '../../dashboard/src/format';

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

  it('reads nothing from an empty or malformed time', () => {
    expect(fromOfficeInput('')).toBeNull();
    expect(fromOfficeInput('03/11/2026 09:15')).toBeNull();
    expect(fromOfficeInput('2026-13-45T09:15')).toBeNull();
  });
});
