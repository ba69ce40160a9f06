/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { AdminContext, HttpError, Notification, type AuthProvider } from 'react-admin';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { Board } from '../../dashboard/src/board/Board';
import { i18nProvider } from '../../dashboard/src/i18n/i18nProvider';
import type { LayananDataProvider } from '../../dashboard/src/providers/dataProvider';
import type { Inquiry, SopPolicy } from '../../dashboard/src/types';
import { fixWallClock } from '../helpers/clock';

const MINUTE = 60_000;
/** Calendar time: the minutes left are the same whatever the office hours. */
const POLICY: SopPolicy = { triageMinutes: 15, coordinationMinutes: 60, answerMinutes: 60, reminderThreshold: 0.8, clockMode: 'calendar', officeHours: [], timeZone: 'Asia/Jakarta' };

let sequence = 0;
function inquiry(overrides: Partial<Inquiry>): Inquiry {
  sequence += 1;
  const id = `doc-${sequence}`;
  return { id, documentId: id, code: `INF-2611-${String(sequence).padStart(5, '0')}`, kind: 'information', channel: 'whatsapp', status: 'received', subject: `Permohonan ${sequence}`, receivedAt: NOW.toISOString(), applicant: { name: 'S*** A*****' }, updatedAt: NOW.toISOString(), ...overrides };
}
/** Tuesday 3 November 2026, 10:00 WIB: the board's clock is held there, so no test depends on the hour it runs at. */
const NOW = new Date('2026-11-03T03:00:00.000Z');
const inMinutes = (minutes: number) => new Date(NOW.getTime() + minutes * MINUTE).toISOString();
fixWallClock(NOW.toISOString());

const officer: AuthProvider = {
  login: async () => undefined,
  logout: async () => undefined,
  checkAuth: async () => undefined,
  checkError: async () => undefined,
  getPermissions: async () => 'officer',
  canAccess: async () => true,
};

function fakeProvider(inquiries: Inquiry[], overrides: Partial<LayananDataProvider> = {}) {
  return {
    getList: jest.fn(async (resource: string, params: { filter?: Record<string, unknown> }) => {
      if (resource !== 'inquiries') return { data: [], total: 0 };
      const statuses = params.filter?.status_in as string[] | undefined;
      const rows = statuses ? inquiries.filter((i) => statuses.includes(i.status)) : params.filter?.status === 'closed' ? inquiries.filter((i) => i.status === 'closed') : [];
      return { data: rows, total: rows.length };
    }),
    getOne: jest.fn(async () => ({ data: {} })),
    getMany: jest.fn(async () => ({ data: [] })),
    getSopPolicy: jest.fn(async () => POLICY),
    getHolidayDates: jest.fn(async () => []),
    getHolidayOutlook: jest.fn(async () => ({ year: 2027, due: false, missing: [] })),
    closeInquiry: jest.fn(),
    triageInquiry: jest.fn(),
    getFailedNotifications: jest.fn(async () => ({ data: [], total: 0, troubles: [], channelsDown: [] })),
    retryNotification: jest.fn(),
    ...overrides,
  } as unknown as LayananDataProvider;
}

/** Where the board has sent the officer. */
const Where = () => <output data-testid="where">{useLocation().pathname}</output>;

function renderBoard(dataProvider: LayananDataProvider, at = '/') {
  return render(
    <MemoryRouter initialEntries={[at]}>
      <AdminContext dataProvider={dataProvider} authProvider={officer} i18nProvider={i18nProvider}>
        <Board pollMs={60 * MINUTE} />
        <Where />
        <Notification />
      </AdminContext>
    </MemoryRouter>,
  );
}

const column = (status: string) => document.querySelector(`[data-status="${status}"]`) as HTMLElement;
const codesIn = (status: string) => Array.from(column(status).querySelectorAll('[data-testid="inquiry-card"]')).map((card) => card.getAttribute('data-code'));

describe('the triage board', () => {

  it('shows one column per SOP state with each request under its state, the nearest deadline first', async () => {
    const later = inquiry({ triageDueAt: inMinutes(14) });
    const sooner = inquiry({ triageDueAt: inMinutes(4) });
    const routed = inquiry({ status: 'triaged', coordinationDueAt: inMinutes(50), division: { documentId: 'd1', name: 'Bidang Pendaftaran Penduduk', code: 'DAFDUK' } });
    const answered = inquiry({ status: 'answered', answeredAt: inMinutes(-5) });
    renderBoard(fakeProvider([later, routed, sooner, answered]));
    await waitFor(() => expect(codesIn('received')).toEqual([sooner.code, later.code]));
    expect(Array.from(document.querySelectorAll('[data-status] h2')).map((h) => h.textContent)).toEqual(['Diterima', 'Dipilah', 'Dikoordinasikan', 'Dijawab', 'Selesai']);
    expect(codesIn('triaged')).toEqual([routed.code]);
    expect(within(column('triaged')).getByText('DAFDUK')).toBeTruthy();
    expect(codesIn('answered')).toEqual([answered.code]);
    expect(codesIn('closed')).toEqual([]);
  });

  it('marks an answer still to be delivered, and narrows the board to those with "Menunggu penyampaian"', async () => {
    const task = inquiry({ status: 'answered', channel: 'radio', answeredAt: inMinutes(-20), answerDelivery: 'officer_task' });
    const failed = inquiry({ status: 'answered', channel: 'email', answeredAt: inMinutes(-10), answerDelivery: 'failed' });
    const delivered = inquiry({ status: 'answered', channel: 'email', answeredAt: inMinutes(-5), answerDelivery: 'delivered' });
    const provider = fakeProvider([task, failed, delivered]);
    renderBoard(provider);
    await waitFor(() => expect(codesIn('answered')).toHaveLength(3));
    const badge = (code: string) => document.querySelector(`[data-code="${code}"] [data-delivery]`)?.textContent ?? null;
    expect(badge(task.code)).toBe('Belum disampaikan');
    expect(badge(failed.code)).toBe('Gagal terkirim');
    expect(badge(delivered.code)).toBeNull();
    const asked = (provider.getList as jest.Mock).mock.calls.find(([resource]) => resource === 'inquiries')[1];
    expect(asked.meta.fields).toContain('answerDelivery');

    fireEvent.click(screen.getByRole('checkbox', { name: 'Menunggu penyampaian' }));
    await waitFor(() => expect(codesIn('answered')).toEqual([failed.code, task.code]));
  });

  it('badges a LAPOR! request with the status LAPOR! shows, amber when it does not match ours', async () => {
    const open = inquiry({ status: 'triaged', channel: 'lapor_sp4n', laporStatus: 'verifikasi' });
    const ahead = inquiry({ status: 'triaged', channel: 'lapor_sp4n', laporStatus: 'selesai' });
    const none = inquiry({ status: 'triaged', channel: 'lapor_sp4n' });
    const provider = fakeProvider([open, ahead, none]);
    renderBoard(provider);
    await waitFor(() => expect(codesIn('triaged')).toHaveLength(3));
    const badge = (code: string) => document.querySelector<HTMLElement>(`[data-code="${code}"] [data-lapor-status]`);
    expect(badge(open.code)?.textContent).toBe('LAPOR!: Verifikasi');
    expect(badge(open.code)?.className).not.toContain('mismatch');
    expect(badge(ahead.code)?.textContent).toBe('LAPOR!: Selesai');
    expect(badge(ahead.code)?.className).toContain('chip--lapor-mismatch');
    expect(badge(ahead.code)?.title).toBe('LAPOR! menyatakan Selesai; status di sini berbeda');
    expect(badge(none.code)).toBeNull();
    const asked = (provider.getList as jest.Mock).mock.calls.find(([resource]) => resource === 'inquiries')[1];
    expect(asked.meta.fields).toContain('laporStatus');
  });

  it('opened from a Telegram digest at "?terlambat=triage", shows only the requests late on step 2, and can show them all again', async () => {
    const lateTriage = inquiry({ triageDueAt: inMinutes(-30), triageBreached: true });
    const lateThenRouted = inquiry({ status: 'triaged', triageBreached: true, coordinationDueAt: inMinutes(40) });
    const lateCoordination = inquiry({ status: 'triaged', coordinationDueAt: inMinutes(-10), coordinationBreached: true });
    const onTime = inquiry({ triageDueAt: inMinutes(10) });
    renderBoard(fakeProvider([lateTriage, lateThenRouted, lateCoordination, onTime]), '/?terlambat=triage');
    await waitFor(() => expect(codesIn('received')).toEqual([lateTriage.code]));
    expect(codesIn('triaged')).toEqual([lateThenRouted.code]);
    expect(screen.getByRole('combobox', { name: 'Tenggat' }).textContent).toBe('Terlambat: Pemilahan (langkah 2)');

    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Tenggat' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Semua tenggat' }));
    await waitFor(() => expect(codesIn('received')).toEqual([lateTriage.code, onTime.code]));
    expect(codesIn('triaged')).toEqual([lateCoordination.code, lateThenRouted.code]);
  });

  it('shows until when a WhatsApp answer may go as a free message, amber in its last hour, red once shut; not once answered', async () => {
    const open = inquiry({ replyWindowUntil: inMinutes(300) });
    const closing = inquiry({ replyWindowUntil: inMinutes(40) });
    const closed = inquiry({ replyWindowUntil: inMinutes(-5) });
    const answered = inquiry({ status: 'answered', answeredAt: inMinutes(-1), replyWindowUntil: inMinutes(40) });
    const walkIn = inquiry({ channel: 'walk_in' });
    const provider = fakeProvider([open, closing, closed, answered, walkIn]);
    renderBoard(provider);
    const chip = (code: string) => document.querySelector(`[data-code="${code}"] [data-window]`) as HTMLElement | null;
    await waitFor(() => expect(chip(open.code)).not.toBeNull());
    expect(chip(open.code)!.dataset.window).toBe('open');
    expect(chip(open.code)!.textContent).toMatch(/^Balas di WhatsApp s\.d\. \d{2}\.\d{2} WIB$/);
    expect(chip(closing.code)!.dataset.window).toBe('closing');
    expect(chip(closing.code)!.textContent).toMatch(/^Jendela WhatsApp tutup \d{2}\.\d{2} WIB$/);
    expect(chip(closed.code)!.textContent).toBe('Jendela WhatsApp sudah tutup');
    expect(chip(answered.code)).toBeNull();
    expect(chip(walkIn.code)).toBeNull();
    const asked = (provider.getList as jest.Mock).mock.calls.find(([resource]) => resource === 'inquiries')[1];
    expect(asked.meta.fields).toContain('replyWindowUntil');
  });

  it('counts down each step: green, amber and "segera" at the reminder threshold, red once breached', async () => {
    const green = inquiry({ triageDueAt: inMinutes(10.5) });
    const amber = inquiry({ triageDueAt: inMinutes(2.5) });
    const red = inquiry({ triageDueAt: inMinutes(-5.5), triageBreached: true });
    renderBoard(fakeProvider([green, amber, red]));
    const badge = (code: string) => document.querySelector(`[data-code="${code}"] [data-urgency]`) as HTMLElement | null;
    await waitFor(() => expect(badge(green.code)).not.toBeNull());
    expect(badge(green.code)!.dataset.urgency).toBe('ok');
    expect(badge(green.code)!.textContent).toBe('sisa 11 mnt');
    expect(badge(amber.code)!.dataset.urgency).toBe('warning');
    expect(badge(amber.code)!.textContent).toBe('segera: sisa 3 mnt');
    expect(badge(red.code)!.dataset.urgency).toBe('breached');
    expect(badge(red.code)!.textContent).toBe('terlambat 5 mnt');
  });

  it('moves a card at once and puts it back with a notification when the server refuses', async () => {
    const answered = inquiry({ status: 'answered', answeredAt: inMinutes(-30) });
    let refuse: (error: Error) => void = () => undefined;
    const closeInquiry = jest.fn(() => new Promise<Inquiry>((_, reject) => (refuse = reject)));
    renderBoard(fakeProvider([answered], { closeInquiry }));
    await waitFor(() => expect(codesIn('answered')).toEqual([answered.code]));

    fireEvent.click(within(column('answered')).getByRole('button', { name: 'Pindahkan ke…' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Selesai' }));
    await waitFor(() => expect(codesIn('closed')).toEqual([answered.code]));
    expect(closeInquiry).toHaveBeenCalledWith(answered.id, {});

    await act(async () => refuse(new HttpError('Permohonan berstatus "Selesai" (closed) tidak dapat ditutup menjadi "Selesai" (closed).', 409)));
    await waitFor(() => expect(codesIn('answered')).toEqual([answered.code]));
    expect(codesIn('closed')).toEqual([]);
    expect(await screen.findByText(/Perpindahan INF-2611-\d+ dibatalkan: Permohonan berstatus "Selesai"/)).toBeTruthy();
  });

  it('keeps the citizen’s name masked on a moved card, though the server’s answer to the move carries it whole', async () => {
    const answered = inquiry({ status: 'answered', answeredAt: inMinutes(-30), subject: 'KTP-el a.n. S*** A*****' });
    const closeInquiry = jest.fn(async (): Promise<Inquiry> => ({ ...answered, status: 'closed', closedAt: NOW.toISOString(), applicant: { name: 'Siti Aminah' }, subject: 'KTP-el a.n. Siti Aminah' }));
    renderBoard(fakeProvider([answered], { closeInquiry }));
    await waitFor(() => expect(codesIn('answered')).toEqual([answered.code]));
    fireEvent.click(within(column('answered')).getByRole('button', { name: 'Pindahkan ke…' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Selesai' }));
    await waitFor(() => expect(closeInquiry).toHaveBeenCalled());
    await waitFor(() => expect(column('closed').textContent).toContain('S*** A*****'));
    expect(document.body.textContent).not.toContain('Siti Aminah');
  });

  it('asks for the Bidang before routing, and rolls back a refused triage too', async () => {
    const fresh = inquiry({ triageDueAt: inMinutes(12), message: 'Syarat KTP-el baru?' });
    const triageInquiry = jest.fn(async () => {
      throw new HttpError('Forbidden', 403);
    });
    const divisions = [{ id: 'd1', documentId: 'd1', name: 'Bidang Pendaftaran Penduduk', code: 'DAFDUK', topics: ['ktp'], active: true }];
    const suggestDivision = jest.fn(async () => divisions[0]);
    const provider = fakeProvider([fresh], { triageInquiry, suggestDivision });
    const baseGetList = provider.getList;
    provider.getList = jest.fn(async (resource: string, params: never) => (resource === 'divisions' ? { data: divisions, total: 1 } : baseGetList(resource, params))) as never;
    renderBoard(provider);
    await waitFor(() => expect(codesIn('received')).toEqual([fresh.code]));

    fireEvent.click(within(column('received')).getByRole('button', { name: 'Pindahkan ke…' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Dipilah' }));
    await waitFor(() => expect(codesIn('triaged')).toEqual([fresh.code]));
    const dialog = await screen.findByRole('dialog');
    await waitFor(() => expect(within(dialog).getByText('Saran: Bidang Pendaftaran Penduduk')).toBeTruthy());
    // The server's search engine reads the request's subject and message.
    expect(suggestDivision).toHaveBeenCalledWith(`${fresh.subject}\nSyarat KTP-el baru?`);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Teruskan ke bidang' }));

    await waitFor(() => expect(triageInquiry).toHaveBeenCalledWith(fresh.id, { division: 'd1' }));
    await waitFor(() => expect(codesIn('received')).toEqual([fresh.code]));
    expect(await screen.findByText(/dibatalkan: Forbidden/)).toBeTruthy();
  });

  it('answers from the board with the citizen’s question and the Bidang’s information in view, inserting an FAQ entry beside it', async () => {
    const information = 'Dari Bidang Dafduk: KTP-el Anda sudah dicetak.';
    const faq = { id: 'f1', documentId: 'f1', question: 'Di mana mengambil KTP-el?', answer: 'KTP-el diambil di loket 3 dengan bukti perekaman.' };
    const coordinated = inquiry({ status: 'coordinated', answerDueAt: inMinutes(40), subject: 'KTP-el sudah jadi?' });
    const answerInquiry = jest.fn(async (): Promise<Inquiry> => ({ ...coordinated, status: 'answered' }));
    const provider = fakeProvider([coordinated], {
      answerInquiry,
      getOne: jest.fn(async () => ({ data: { ...coordinated, message: 'Apakah KTP-el saya sudah jadi?', divisionInformation: information } })) as never,
      searchFaq: jest.fn(async () => [faq]) as never,
      getDeliveryPlan: jest.fn(async () => null) as never,
    });
    renderBoard(provider);
    await waitFor(() => expect(codesIn('coordinated')).toEqual([coordinated.code]));

    fireEvent.click(within(column('coordinated')).getByRole('button', { name: 'Pindahkan ke…' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Dijawab' }));
    const dialog = await screen.findByRole('dialog');
    expect((await within(dialog).findByRole('region', { name: 'Pertanyaan pemohon' })).textContent).toContain('Apakah KTP-el saya sudah jadi?');
    expect(within(dialog).getByRole('region', { name: 'Informasi dari Bidang' }).textContent).toContain(information);
    const answer = within(dialog).getByRole('textbox', { name: /Jawaban untuk pemohon/ }) as HTMLTextAreaElement;
    await waitFor(() => expect(answer.value).toBe(information));

    fireEvent.click(await within(dialog).findByRole('button', { name: 'Sisipkan' }));
    await waitFor(() => expect(answer.value).toBe(`${information}\n\n${faq.answer}`));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Urungkan sisipan' }));
    expect(answer.value).toBe(information);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Sisipkan' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Kirim jawaban' }));
    await waitFor(() => expect(answerInquiry).toHaveBeenCalledWith(coordinated.id, { answer: `${information}\n\n${faq.answer}`, faqEntry: 'f1' }));
  });

  it('works from the keyboard: Enter opens a card, the menu is no control inside another, and focus comes back after a dialog', async () => {
    const fresh = inquiry({ triageDueAt: inMinutes(12), message: 'Syarat KTP-el baru?' });
    renderBoard(fakeProvider([fresh]));
    await waitFor(() => expect(codesIn('received')).toEqual([fresh.code]));
    expect(document.querySelectorAll('[role="button"] button, [role="button"] [role="button"], button [role="button"]')).toHaveLength(0);

    fireEvent.click(within(column('received')).getByRole('button', { name: 'Pindahkan ke…' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Dipilah' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Batal' }));
    await waitFor(() => expect((document.activeElement as HTMLElement | null)?.dataset.card).toBe(fresh.id));
    expect(codesIn('received')).toEqual([fresh.code]);

    fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'Enter' });
    expect(screen.getByTestId('where').textContent).toBe(`/inquiries/${fresh.id}/show`);
  });

  it('rejects a new request as its own act, with a reason, and says it was rejected', async () => {
    const spam = inquiry({ triageDueAt: inMinutes(12) });
    const rejectInquiry = jest.fn(async (): Promise<Inquiry> => ({ ...spam, status: 'closed', outcome: 'rejected' }));
    renderBoard(fakeProvider([spam], { rejectInquiry }));
    await waitFor(() => expect(codesIn('received')).toEqual([spam.code]));

    fireEvent.click(within(column('received')).getByRole('button', { name: 'Pindahkan ke…' }));
    expect(screen.queryByRole('menuitem', { name: 'Selesai' })).toBeNull();
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Tolak' }));
    const dialog = await screen.findByRole('dialog');
    const confirm = within(dialog).getByRole('button', { name: 'Tolak permohonan' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Alasan penolakan/ }), { target: { value: 'Spam berulang' } });
    fireEvent.click(confirm);
    await waitFor(() => expect(rejectInquiry).toHaveBeenCalledWith(spam.id, { reason: 'Spam berulang' }));
    expect(await screen.findByText(`Permohonan ${spam.code} ditolak.`)).toBeTruthy();
    expect(screen.queryByText(/dipindahkan ke "Selesai"/)).toBeNull();
  });

  it('tells the officer when a whole channel is held, why and since when, even with nothing failed yet', async () => {
    const troubles = [{ channel: 'whatsapp-api', kind: 'auth' as const, since: '2026-11-27T02:30:00.000Z', cause: 'Meta 190: Token akses Meta kedaluwarsa atau dicabut: administrator perlu menghubungkan ulang.' }];
    const getFailedNotifications = jest.fn(async () => ({ data: [], total: 0, troubles, channelsDown: [] }));
    renderBoard(fakeProvider([], { getFailedNotifications } as Partial<LayananDataProvider>));
    const banner = await screen.findByTestId('channel-trouble');
    expect(banner.textContent).toMatch(/^Pengiriman lewat WhatsApp tertahan sejak 27 Nov 2026,? 09\.30 WIB: akses ditolak \(Meta 190: Token akses Meta kedaluwarsa/);
    expect(screen.queryByTestId('failed-notifications')).toBeNull();
  });

  it('shows a red strip while a channel is mati: which, since when, why, and who must act', async () => {
    const channelsDown = [{ channel: 'email', since: '2026-11-27T02:30:00.000Z', cause: 'Login IMAP ditolak (AUTHENTICATIONFAILED): nama pengguna atau kata sandi kotak surat salah atau sudah diganti.' }];
    const getFailedNotifications = jest.fn(async () => ({ data: [], total: 0, troubles: [], channelsDown }));
    renderBoard(fakeProvider([], { getFailedNotifications } as Partial<LayananDataProvider>));
    const strip = await screen.findByTestId('channel-down');
    expect(strip.getAttribute('data-channel')).toBe('email');
    expect(strip.textContent).toMatch(/^Kanal E-mail MATI sejak 27 Nov 2026,? 09\.30 WIB: Login IMAP ditolak \(AUTHENTICATIONFAILED\).*Pengaturan → Kanal\.$/);
  });

  it('tells the officer about messages the outbox gave up on, and sends one again on request', async () => {
    const failed = [
      { documentId: 'n1', channel: 'telegram', topic: 'inquiry.triaged', recipient: '5550101', attempts: 8, lastError: 'Gagal setelah 8 percobaan. 502 Bad Gateway', updatedAt: '2026-11-27T02:30:00.000Z', inquiry: { documentId: 'doc-x', code: 'INF-2611-00042' } },
      { documentId: 'n2', channel: 'telegram', topic: 'inquiry.breached', recipient: '5550102', attempts: 1, lastError: 'Forbidden: bot was blocked by the user', updatedAt: '2026-11-27T02:31:00.000Z', inquiry: null },
    ];
    const retryNotification = jest.fn(async (id: string) => {
      failed.splice(failed.findIndex((row) => row.documentId === id), 1);
    });
    const getFailedNotifications = jest.fn(async () => ({ data: [...failed], total: failed.length, troubles: [], channelsDown: [] }));
    renderBoard(fakeProvider([], { getFailedNotifications, retryNotification } as Partial<LayananDataProvider>));

    const banner = await screen.findByTestId('failed-notifications');
    expect(banner.textContent).toContain('2 pesan gagal terkirim');
    fireEvent.click(within(banner).getByRole('button', { name: 'Lihat' }));
    const rows = await screen.findAllByTestId('failed-notification');
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringMatching(/INF-2611-00042Diteruskan ke bidang · Telegram.*Gagal terkirim ke 5550101 · 8 kali dicoba.*27 Nov 2026,? 09\.30 WIB.*502 Bad Gateway/),
      expect.stringMatching(/Terlambat · Telegram.*bot was blocked/),
    ]);

    fireEvent.click(within(rows[1]).getByRole('button', { name: 'Kirim ulang' }));
    await screen.findByText('Pesan dijadwalkan untuk dikirim ulang.');
    expect(retryNotification).toHaveBeenCalledWith('n2');
    await waitFor(() => expect(screen.getByTestId('failed-notifications').textContent).toContain('1 pesan gagal terkirim'));
  });
});
