/**
 * @jest-environment jsdom
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { AdminContext, Notification, type AuthProvider } from 'react-admin';
import { MemoryRouter } from 'react-router-dom';
import RecapPage from '../../dashboard/src/recap/RecapPage';
import { i18nProvider } from '../../dashboard/src/i18n/i18nProvider';
import type { LayananDataProvider } from '../../dashboard/src/providers/dataProvider';
import type { Ikm, Recap } from '../../dashboard/src/types';

// Charts measure their box; jsdom has none to measure.
class NoResize {
  observe() {}
  unobserve() {}
  disconnect() {}
}
Object.assign(global, { ResizeObserver: NoResize });
URL.createObjectURL = jest.fn(() => 'blob:rekap');
URL.revokeObjectURL = jest.fn();
/** The browser's save: jsdom does not navigate, the test only sees which file was offered. */
const saved = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
  return undefined;
});

const leadership: AuthProvider = {
  login: async () => undefined,
  logout: async () => undefined,
  checkAuth: async () => undefined,
  checkError: async () => undefined,
  getPermissions: async () => 'leadership',
  canAccess: async ({ resource }) => resource === 'recap',
};

const RECAP: Recap = {
  range: { from: '2026-06-01', to: '2026-06-10', groupBy: 'day', timeZone: 'Asia/Jakarta', start: '2026-05-31T17:00:00.000Z', end: '2026-06-10T17:00:00.000Z' },
  total: 1234,
  divisions: [{ key: 'none', documentId: null, code: null, name: 'Belum/tanpa Bidang' }],
  periods: [],
  totals: { channel: {}, kind: {}, serviceCategory: {}, status: {}, outcome: {}, division: {} },
  compliance: {
    policies: [{ revision: 1, budgets: { triage: 15, coordination: 60, answer: 60 }, since: null }],
    overall: {
      triage: { applicable: 1234, met: 1110, late: 124, pending: 0, withinBudget: 0.9 },
      coordination: { applicable: 800, met: 700, late: 60, pending: 40, withinBudget: 0.925 },
      answer: { applicable: 0, met: 0, late: 0, pending: 0, withinBudget: null },
    },
    byDivision: {},
  },
  durations: { triage: { count: 1234, median: 6, p90: 14 }, coordination: { count: 760, median: 30, p90: 58 }, answer: { count: 0, median: null, p90: null } },
  timeToAnswer: { count: 10, median: 80 },
  openBreaches: { open: 57, breached: 3, overOneWorkingDay: 1, byStep: { triage: 1, coordination: 2, answer: 0 }, byDivision: {} },
  answerDelivery: {
    overall: { delivered: 40, failed: 2, pending: 5, medianMinutes: 3.5 },
    byChannel: {
      email: { delivered: 31, failed: 2, pending: 1, medianMinutes: 1.25 },
      walk_in: { delivered: 9, failed: 0, pending: 4, medianMinutes: 42 },
    },
  },
  lapor: {
    reports: 12,
    budgets: { lapor_forwarding: 3, lapor_follow_up: 5, lapor_closure: 10 },
    clocks: {
      lapor_forwarding: { applicable: 12, met: 10, late: 1, pending: 1, withinBudget: 11 / 12 },
      lapor_follow_up: { applicable: 9, met: 6, late: 2, pending: 1, withinBudget: 7 / 9 },
      lapor_closure: { applicable: 4, met: 4, late: 0, pending: 0, withinBudget: 1 },
    },
  },
};
const IKM: Ikm = {
  from: '2026-06-01',
  to: '2026-06-10',
  respondents: 42,
  nrr: {},
  ikm: 84.26,
  grade: { grade: 'B', min: 76.61, max: 88.3, label: { id: 'Baik', en: 'Good' } },
  regulation: 'PermenPAN-RB 14/2017',
  periods: [],
};

function renderRecap(overrides: Partial<LayananDataProvider> = {}) {
  const provider = {
    getList: jest.fn(async () => ({ data: [{ id: 'd1', documentId: 'd1', name: 'Bidang Pendaftaran Penduduk', code: 'DAFDUK' }], total: 1 })),
    getRecap: jest.fn(async () => RECAP),
    getIkm: jest.fn(async () => IKM),
    downloadRecap: jest.fn(),
    ...overrides,
  } as unknown as LayananDataProvider;
  render(
    <MemoryRouter>
      <AdminContext dataProvider={provider} authProvider={leadership} i18nProvider={i18nProvider}>
        <RecapPage />
        <Notification />
      </AdminContext>
    </MemoryRouter>,
  );
  return provider;
}

describe('the recap page', () => {
  it('opens on this month in WIB and shows the KPI tiles: volume, steps on time, open breaches, IKM with grade', async () => {
    const provider = renderRecap();
    const tiles = await screen.findByTestId('recap-kpis');
    const text = tiles.textContent!;
    expect(text).toContain('Permohonan1.234');
    expect(text).toContain('Tepat waktu: Langkah 290%');
    expect(text).toContain('Tepat waktu: Langkah 392,5%');
    expect(text).toContain('Terlambat, masih terbuka3dari 57 yang masih terbuka');
    expect(text).toContain('IKM84,26 (B)Baik · 42 responden');
    const asked = (provider.getRecap as jest.Mock).mock.calls[0][0];
    expect(asked.from).toMatch(/^\d{4}-\d{2}-01$/);
    expect(asked.groupBy).toBe('day');
  });

  it('shows on the IKM tile the index of the requests the filters choose: the counter’s, then Pendaftaran Penduduk’s', async () => {
    const getIkm = jest.fn(async (query: { channel?: string; division?: string }) =>
      query.division === 'd1'
        ? { ...IKM, ikm: 62.5, respondents: 4, grade: { grade: 'C', min: 65, max: 76.6, label: { id: 'Kurang baik', en: 'Poor' } } }
        : query.channel === 'walk_in'
          ? { ...IKM, ikm: 91.67, respondents: 6, grade: { grade: 'A', min: 88.31, max: 100, label: { id: 'Sangat baik', en: 'Very good' } } }
          : IKM,
    );
    renderRecap({ getIkm } as never);
    const tile = async () => (await screen.findByTestId('recap-kpis')).querySelector('[data-kpi="ikm"]')!.textContent;
    expect(await tile()).toBe('IKM84,26 (B)Baik · 42 responden');

    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Kanal' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Datang langsung' }));
    await waitFor(async () => expect(await tile()).toBe('IKM91,67 (A)Sangat baik · 6 responden'));
    expect(getIkm.mock.calls.at(-1)![0]).toMatchObject({ channel: 'walk_in', groupBy: 'month' });

    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Bidang' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Bidang Pendaftaran Penduduk' }));
    await waitFor(async () => expect(await tile()).toBe('IKM62,50 (C)Kurang baik · 4 responden'));
    expect(getIkm.mock.calls.at(-1)![0]).toMatchObject({ channel: 'walk_in', division: 'd1' });
  });

  it('labels each step by the budgets its requests were judged by: 15 minutes until the editor’s change on 10 December, 20 since', async () => {
    const policies = [
      { revision: 1, budgets: { triage: 15, coordination: 60, answer: 60 }, since: '2026-12-01T01:00:00.000Z' },
      // 10 December, 07.30 WIB: still 9 December in UTC.
      { revision: 2, budgets: { triage: 20, coordination: 60, answer: 60 }, since: '2026-12-10T00:30:00.000Z' },
    ];
    renderRecap({ getRecap: jest.fn(async () => ({ ...RECAP, compliance: { ...RECAP.compliance, policies } })) });
    const tiles = await screen.findByTestId('recap-kpis');
    expect(tiles.querySelector('[data-kpi="triage"] .kpi__note')!.textContent).toBe('batas 15 menit (s.d. 10 Des), 20 menit (sejak 10 Des)');
    expect(tiles.querySelector('[data-kpi="coordination"] .kpi__note')!.textContent).toBe('batas 60 menit kerja');
  });

  it('shows per channel how many answers reached the applicant, failed or still wait, and the median minutes', async () => {
    renderRecap();
    const table = await screen.findByTestId('recap-delivery');
    expect(within(table).getByText('Penyampaian jawaban per kanal')).toBeTruthy();
    const cells = (row: HTMLElement) => Array.from(row.querySelectorAll('th, td')).map((cell) => cell.textContent);
    const rows = within(table).getAllByRole('row');
    expect(rows.map(cells)).toEqual([
      ['Kanal', 'Tersampaikan', 'Gagal', 'Belum tersampaikan', 'Median (menit)'],
      ['Datang langsung', '9', '0', '4', '42'],
      ['E-mail', '31', '2', '1', '1,3'],
      ['Semua kanal', '40', '2', '5', '3,5'],
    ]);
  });

  it('shows SP4N-LAPOR!’s own limits in working days: applied, on time, late, running, and the share within', async () => {
    renderRecap();
    const table = await screen.findByTestId('recap-lapor');
    expect(table.textContent).toContain('Tenggat SP4N-LAPOR!');
    expect(table.textContent).toContain('12 laporan');
    const cells = (row: HTMLElement) => Array.from(row.querySelectorAll('th, td')).map((cell) => cell.textContent);
    expect(within(table).getAllByRole('row').map(cells)).toEqual([
      ['Batas', 'Berlaku', 'Tepat waktu', 'Terlambat', 'Masih berjalan', 'Dalam batas'],
      ['Verifikasi dan penerusan 3 hari kerja', '12', '10', '1', '1', '91,7%'],
      ['Tindak lanjut 5 hari kerja', '9', '6', '2', '1', '77,8%'],
      ['Penutupan laporan 10 hari kerja', '4', '4', '0', '0', '100%'],
    ]);
  });

  it('leaves the LAPOR! table out of a range without reports', async () => {
    renderRecap({ getRecap: jest.fn(async () => ({ ...RECAP, lapor: { ...RECAP.lapor, reports: 0 } })) } as never);
    await screen.findByTestId('recap-delivery');
    expect(screen.queryByTestId('recap-lapor')).toBeNull();
  });

  it('shows its dates day first and reads a typed date the same way', async () => {
    const provider = renderRecap();
    await screen.findByTestId('recap-kpis');
    const from = screen.getByLabelText('Dari tanggal') as HTMLInputElement;
    expect(from.value).toMatch(/^01\/\d{2}\/\d{4}$/);
    fireEvent.change(from, { target: { value: '12/01/2026' } });
    await waitFor(() => expect((provider.getRecap as jest.Mock).mock.calls.at(-1)[0].from).toBe('2026-01-12'));
    fireEvent.change(from, { target: { value: '31/02/2026' } });
    fireEvent.blur(from);
    expect(from.value).toBe('12/01/2026');
    expect((provider.getRecap as jest.Mock).mock.calls.at(-1)[0].from).toBe('2026-01-12');
  });

  it('asks again for the whole year when "Tahun ini" is chosen', async () => {
    const provider = renderRecap();
    await screen.findByTestId('recap-kpis');
    fireEvent.click(screen.getByRole('button', { name: 'Tahun ini' }));
    await waitFor(() => expect((provider.getRecap as jest.Mock).mock.calls.length).toBeGreaterThan(1));
    const last = (provider.getRecap as jest.Mock).mock.calls.at(-1)[0];
    expect(last.from).toMatch(/^\d{4}-01-01$/);
    expect(last.groupBy).toBe('month');
  });

  it('downloads the report, showing how much has arrived, then says it is done', async () => {
    let finish: (blob: Blob) => void = () => undefined;
    const downloadRecap = jest.fn((_query, _format, onProgress: (bytes: number) => void) => {
      onProgress(2.5 * 1024 * 1024);
      return new Promise<Blob>((resolve) => {
        finish = resolve;
      });
    });
    renderRecap({ downloadRecap } as never);
    await screen.findByTestId('recap-kpis');
    fireEvent.click(screen.getByRole('button', { name: 'Excel' }));
    expect((await screen.findByRole('status')).textContent).toContain('Mengunduh… 2,5 MB');
    expect(downloadRecap.mock.calls[0][1]).toBe('xlsx');
    finish(new Blob(['x']));
    expect(await screen.findByText(/Rekap rekap-informasi_.*\.xlsx diunduh\./)).toBeTruthy();
    const link = saved.mock.contexts.at(-1) as HTMLAnchorElement;
    expect(link.download).toMatch(/^rekap-informasi_\d{4}-\d{2}-01_\d{4}-\d{2}-\d{2}\.xlsx$/);
  });
});
