/**
 * @jest-environment jsdom
 */
import { screen, waitFor } from '@testing-library/react';
import type { HolidayOutlook } from '@layanan/config';
import { HolidayReminder } from '../../dashboard/src/holidays/HolidayReminder';
import { renderAdmin } from '../helpers/dashboard';

const show = (outlook: HolidayOutlook) => {
  const provider = { getHolidayOutlook: jest.fn(async () => outlook) };
  renderAdmin(<HolidayReminder />, provider);
  return provider;
};

describe('the reminder of next year’s holidays on the board', () => {
  it.each([
    [['national', 'cuti_bersama'] as const, 'Hari libur 2027 belum diisi'],
    [['cuti_bersama'] as const, 'Cuti bersama 2027 belum diisi'],
  ])('says what is missing (%j): %s', async (missing, text) => {
    show({ year: 2027, due: true, missing: [...missing] });
    const notice = await screen.findByTestId('holiday-reminder');
    expect(notice.textContent).toContain(text);
    expect(notice.textContent).toContain('panel admin');
  });

  it.each([
    ['before November', { year: 2027, due: false, missing: ['national', 'cuti_bersama'] }],
    ['when everything is in', { year: 2027, due: true, missing: [] }],
  ] as [string, HolidayOutlook][])('stays quiet %s', async (_when, outlook) => {
    const provider = show(outlook);
    await waitFor(() => expect(provider.getHolidayOutlook).toHaveBeenCalled());
    expect(screen.queryByTestId('holiday-reminder')).toBeNull();
  });
});
