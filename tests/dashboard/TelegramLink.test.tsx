/**
 * @jest-environment jsdom
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { AdminContext, Notification } from 'react-admin';
import { MemoryRouter } from 'react-router-dom';
import { TelegramLinkCard } from '../../dashboard/src/profile/TelegramLinkCard';
import { i18nProvider } from '../../dashboard/src/i18n/i18nProvider';
import type { LayananDataProvider } from '../../dashboard/src/providers/dataProvider';
import type { TelegramLink, TelegramLinkCode } from '../../dashboard/src/types';
import { fixWallClock } from '../helpers/clock';

fixWallClock();

const NOT_LINKED: TelegramLink = { enabled: true, botUsername: 'LayananInfoBot', linked: false, chatType: null, linkedAt: null };
const LINKED: TelegramLink = { ...NOT_LINKED, linked: true, chatType: 'private', linkedAt: '2026-11-27T01:15:00.000Z' };

function codeValidFor(minutes: number, code = 'K7M2QX9PRT'): TelegramLinkCode {
  return { code, command: `/start ${code}`, link: `https://t.me/LayananInfoBot?start=${code}`, expiresAt: new Date(Date.now() + minutes * 60_000).toISOString() };
}

/** A server whose link state the test changes, as the bot would when `/start <code>` arrives. */
function fakeServer(initial: TelegramLink, codes: TelegramLinkCode[] = [codeValidFor(15)]) {
  const state = { link: initial };
  const provider = {
    getTelegramLink: jest.fn(async () => state.link),
    createTelegramLinkCode: jest.fn(async () => codes.shift() ?? codeValidFor(15, 'NEXTCODE22')),
    unlinkTelegram: jest.fn(async () => {
      state.link = { ...state.link, linked: false, chatType: null, linkedAt: null };
    }),
  } as unknown as LayananDataProvider;
  return { state, provider };
}

function renderCard(dataProvider: LayananDataProvider, props: { hideWhenLinked?: boolean; pollMs?: number } = {}) {
  return render(
    <MemoryRouter>
      <AdminContext dataProvider={dataProvider} i18nProvider={i18nProvider}>
        <TelegramLinkCard pollMs={20} {...props} />
        <Notification />
      </AdminContext>
    </MemoryRouter>,
  );
}

describe('linking a staff member’s Telegram from the dashboard', () => {
  it('gives a one-time code with the t.me link, waits for the bot to confirm, then shows the link', async () => {
    const { state, provider } = fakeServer(NOT_LINKED);
    renderCard(provider);
    fireEvent.click(await screen.findByRole('button', { name: 'Hubungkan Telegram' }));

    expect(await screen.findByTestId('telegram-command')).toHaveProperty('textContent', '/start K7M2QX9PRT');
    expect(screen.getByTestId('telegram-open').getAttribute('href')).toBe('https://t.me/LayananInfoBot?start=K7M2QX9PRT');
    expect(screen.getByText('Menunggu konfirmasi dari Telegram…')).toBeTruthy();
    expect(screen.getByText(/Kode berlaku sampai pukul \d{2}\.\d{2} WIB dan hanya dapat dipakai sekali\./)).toBeTruthy();
    expect(provider.createTelegramLinkCode).toHaveBeenCalledTimes(1);

    state.link = LINKED;
    await screen.findByText('Telegram terhubung. Notifikasi akan dikirim ke obrolan tersebut.');
    expect(screen.getByTestId('telegram-linked').textContent).toMatch(/^Terhubung ke obrolan pribadi Telegram sejak 27 Nov 2026,? 08\.15 WIB\.$/);
    expect(screen.queryByTestId('telegram-command')).toBeNull();
  });

  it('tells the person when the code has expired and gives a new one on request', async () => {
    const { provider } = fakeServer(NOT_LINKED, [codeValidFor(-1, 'OLDCODE234')]);
    renderCard(provider);
    fireEvent.click(await screen.findByRole('button', { name: 'Hubungkan Telegram' }));
    await screen.findByText('Kode sudah kedaluwarsa. Minta kode baru untuk menghubungkan Telegram.');
    expect(screen.queryByText('/start OLDCODE234')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Minta kode baru' }));
    expect(await screen.findByTestId('telegram-command')).toHaveProperty('textContent', '/start NEXTCODE22');
  });

  it('unlinks after a confirmation', async () => {
    const { provider } = fakeServer(LINKED);
    renderCard(provider);
    fireEvent.click(await screen.findByRole('button', { name: 'Putuskan Telegram' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Konfirmasi' }));
    await screen.findByText('Telegram diputuskan. Notifikasi tidak lagi dikirim ke Telegram.');
    expect(provider.unlinkTelegram).toHaveBeenCalledTimes(1);
    await screen.findByRole('button', { name: 'Hubungkan Telegram' });
  });

  it('says so when the server has no Telegram bot, and offers no button', async () => {
    const { provider } = fakeServer({ ...NOT_LINKED, enabled: false, botUsername: null });
    renderCard(provider);
    await screen.findByText('Notifikasi Telegram belum diaktifkan di server ini. Hubungi administrator sistem.');
    expect(screen.queryByRole('button', { name: 'Hubungkan Telegram' })).toBeNull();
  });

  it('invites a member on the queue page who is not linked yet, and leaves once the link is made', async () => {
    const { state, provider } = fakeServer(NOT_LINKED);
    renderCard(provider, { hideWhenLinked: true });
    fireEvent.click(await screen.findByRole('button', { name: 'Hubungkan Telegram' }));
    await screen.findByTestId('telegram-command');
    state.link = LINKED;
    await screen.findByText('Telegram terhubung. Notifikasi akan dikirim ke obrolan tersebut.');
    expect(screen.queryByTestId('telegram-link')).toBeNull();
  });
});
