/**
 * @jest-environment jsdom
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { App } from '../../dashboard/src/App';
import { routeOfHashLink } from '../../dashboard/src/legacyLinks';

/** One inquiry the stand-in CMS knows; everything else is empty. */
const INQUIRY = {
  id: 'inq-7',
  documentId: 'inq-7',
  code: 'INF-2611-00077',
  kind: 'complaint',
  channel: 'phone',
  status: 'triaged',
  subject: 'KTP-el belum jadi',
  message: 'KTP-el yang direkam tiga minggu lalu belum dicetak.',
  receivedAt: '2026-11-03T02:00:00.000Z',
  applicant: { name: 'Budi Santoso' },
};

jest.mock('../../dashboard/src/providers/dataProvider', () => ({
  createDataProvider: () => ({
    getOne: async (resource: string, { id }: { id: string }) => {
      if (resource !== 'inquiries' || id !== 'inq-7') throw new Error(`tidak ada ${resource}/${id}`);
      return { data: INQUIRY };
    },
    getList: async () => ({ data: [], total: 0 }),
    getMany: async () => ({ data: [] }),
    getManyReference: async () => ({ data: [], total: 0 }),
    getSopPolicy: async () => ({ triageMinutes: 15, coordinationMinutes: 60, answerMinutes: 60, reminderThreshold: 0.8, clockMode: 'calendar', officeHours: [], timeZone: 'Asia/Jakarta' }),
    getHolidayDates: async () => [],
    getEvents: async () => [],
    getMessages: async () => [],
    getDeliveryPlan: async () => ({ mode: 'officer', channel: 'phone' }),
    getFailedNotifications: async () => ({ data: [], total: 0 }),
    getTelegramLink: async () => null,
    searchFaq: async () => [],
  }),
}));

/** The CMS's sign-in and profile routes, as the real auth provider calls them. */
function signInServer(role: string) {
  global.fetch = jest.fn(async (input: RequestInfo | URL) => {
    const url = String(input);
    const body = url.endsWith('/api/auth/local')
      ? { jwt: 'jwt-staf', user: { id: 3 } }
      : url.endsWith('/api/me')
        ? { data: { id: 3, username: 'dafduk', fullName: 'Staf Dafduk', role, division: { documentId: 'div-1', name: 'Bidang Pendaftaran Penduduk' } } }
        : { data: [], meta: { pagination: { total: 0 } } };
    return { status: 200, statusText: 'OK', headers: { get: () => 'application/json' }, text: async () => JSON.stringify(body) } as unknown as Response;
  }) as typeof fetch;
}

let path = '';
const WhereAmI = () => {
  path = useLocation().pathname;
  return null;
};

describe('the link of a Telegram alert', () => {
  beforeEach(() => localStorage.clear());

  it.each(['division_staff', 'officer'])('opens the inquiry for %s after signing in, not the home page', async (role) => {
    signInServer(role);
    render(
      <MemoryRouter initialEntries={['/inquiries/inq-7/show']}>
        <App />
        <WhereAmI />
      </MemoryRouter>,
    );
    fireEvent.change(await screen.findByLabelText(/E-mail atau nama pengguna/), { target: { value: 'dafduk@demo.local' } });
    fireEvent.change(screen.getByLabelText(/Kata sandi/), { target: { value: 'Layanan2026!' } });
    fireEvent.click(screen.getByRole('button', { name: 'Masuk' }));
    expect(await screen.findByText('INF-2611-00077', undefined, { timeout: 5000 })).toBeTruthy();
    await waitFor(() => expect(path).toBe('/inquiries/inq-7/show'));
  });
});

describe('links sent before the dashboard routed by path', () => {
  it.each([
    ['#/inquiries/inq-7/show', '/inquiries/inq-7/show'],
    ['#/antrean', '/antrean'],
    ['#/', null],
    ['', null],
    ['#bagian', null],
  ])('%s → %s', (hash, route) => {
    expect(routeOfHashLink(hash)).toBe(route);
  });
});
