/**
 * @jest-environment jsdom
 */
import { screen, within } from '@testing-library/react';
import HealthPage from '../../dashboard/src/health/HealthPage';
import type { HealthReport } from '../../dashboard/src/types';
import { renderAdmin } from '../helpers/dashboard';
import { fixWallClock } from '../helpers/clock';

fixWallClock();

const REPORT: HealthReport = {
  status: 'degraded',
  checkedAt: '2026-12-08T03:05:00.000Z',
  checks: {
    database: { state: 'ok' },
    scheduler: { state: 'ok', lastRunAt: '2026-12-08T03:04:00.000Z' },
    outbox: { state: 'ok', oldestDueAt: null, failedLast24h: 2 },
    backup: { state: 'ok', scheduled: true, lastAt: '2026-12-07T19:00:00.000Z' },
    channels: {
      state: 'degraded',
      items: [
        { channel: 'email', enabled: true, state: 'mati', since: '2026-12-08T02:50:00.000Z', lastInboundAt: '2026-12-08T01:10:00.000Z', lastSuccessAt: '2026-12-08T02:49:00.000Z', lastError: 'IMAP: login ditolak (AUTHENTICATIONFAILED).', lastErrorAt: '2026-12-08T02:50:00.000Z' },
        { channel: 'telegram', enabled: true, state: 'diam', since: '2026-12-08T03:00:00.000Z', lastInboundAt: '2026-12-07T02:00:00.000Z', lastSuccessAt: '2026-12-08T03:04:00.000Z', lastError: null, lastErrorAt: null },
        { channel: 'lapor_sp4n', enabled: false, state: 'belum_diatur', since: null, lastInboundAt: null, lastSuccessAt: null, lastError: null, lastErrorAt: null },
      ],
    },
  },
};

describe('Kesehatan layanan in the dashboard', () => {
  it('shows the officer each part of the server and each channel, with the last error and what to do, in WIB', async () => {
    const provider = { getHealthDetails: jest.fn(async () => REPORT) };
    renderAdmin(<HealthPage />, provider, { role: 'officer' });
    expect((await screen.findByTestId('health-status')).textContent).toMatch(/^Ada bagian yang terganggu \(diperiksa 8 Des 2026,? 10\.05 WIB\)/);
    expect(screen.getByText('Antrean pesan keluar: tidak ada yang tertunda; 2 gagal dalam 24 jam')).toBeTruthy();
    expect(screen.getByText(/Cadangan terakhir yang baik: 8 Des 2026,? 02\.00 WIB/)).toBeTruthy();

    const email = within(screen.getAllByTestId('health-channel').find((row) => row.dataset.channel === 'email')!);
    expect(email.getByText('Mati')).toBeTruthy();
    expect(email.getByText(/IMAP: login ditolak \(AUTHENTICATIONFAILED\)\. \(8 Des 2026,? 09\.50 WIB\)/)).toBeTruthy();
    expect(email.getByText('Periksa kata sandi IMAP/SMTP di Pengaturan → Kanal, lalu tekan Tes koneksi.')).toBeTruthy();
    const telegram = within(screen.getAllByTestId('health-channel').find((row) => row.dataset.channel === 'telegram')!);
    expect(telegram.getByText('Diam')).toBeTruthy();
    const lapor = within(screen.getAllByTestId('health-channel').find((row) => row.dataset.channel === 'lapor_sp4n')!);
    expect(lapor.getByText('Belum diatur')).toBeTruthy();
  });
});
