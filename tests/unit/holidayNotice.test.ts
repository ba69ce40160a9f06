import { holidayNotice } from '../../cms/src/admin/extensions/holidayNotice';

describe('the holiday widget on the admin home page', () => {
  it('from 1 November, says that next year has no holidays at all yet', () => {
    expect(holidayNotice({ year: 2027, due: true, missing: ['national', 'cuti_bersama'] })).toEqual({
      tone: 'warning',
      text: 'Hari libur 2027 belum diisi: masukkan libur nasional dan cuti bersama 2027 sesuai SKB.',
    });
  });

  it('asks for the cuti bersama alone once the national holidays are in', () => {
    expect(holidayNotice({ year: 2027, due: true, missing: ['cuti_bersama'] })).toMatchObject({ tone: 'warning', text: expect.stringMatching(/^Cuti bersama 2027 belum diisi/) });
  });

  it('is calm when everything is entered, and before November', () => {
    expect(holidayNotice({ year: 2027, due: true, missing: [] })).toEqual({ tone: 'ok', message: 'complete', year: 2027 });
    expect(holidayNotice({ year: 2027, due: false, missing: ['national', 'cuti_bersama'] })).toEqual({ tone: 'ok', message: 'early', year: 2027 });
  });
});
