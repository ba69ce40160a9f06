import { maskIp } from '@layanan/config';
import { personalSearchKind } from '../../cms/src/utils/inquiry-search';

describe('a staff member’s network address in the access log’s export', () => {
  it.each([
    ['192.168.10.57', '192.168.10.x'],
    ['::ffff:127.0.0.1', '127.0.0.x'],
    ['2001:db8:1:2::17', '2001:db8:1:x'],
    ['::1', 'x'],
    ['', ''],
    [null, ''],
  ])('%p is written %p', (ip, masked) => {
    expect(maskIp(ip)).toBe(masked);
  });
});

describe('which searches name a citizen by a whole number (and so are recorded)', () => {
  it.each([
    ['3574015508910003', 'search_nik'],
    [' 3574 0155 0891 0003 ', 'search_nik'],
    ['0813-7700-1122', 'search_phone'],
    ['+62 813 7700 1122', 'search_phone'],
    ['357401', null],
    ['Wulan Sari', null],
    ['INF-2611-00042', null],
    [['3574015508910003'], null],
  ])('%p → %p', (q, kind) => {
    expect(personalSearchKind(q)).toBe(kind);
  });
});
