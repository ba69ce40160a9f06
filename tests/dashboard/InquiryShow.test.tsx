/**
 * @jest-environment jsdom
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { HttpError } from 'react-admin';
import { InquiryShow } from '../../dashboard/src/inquiries/InquiryShow';
import type { ContactInfo, ConversationMessage, DeliveryPlan, Inquiry, InquiryEvent, SopPolicy } from '../../dashboard/src/types';
import { renderAdmin } from '../helpers/dashboard';
import { fixWallClock } from '../helpers/clock';

fixWallClock();

const POLICY: SopPolicy = { triageMinutes: 15, coordinationMinutes: 60, answerMinutes: 60, reminderThreshold: 0.8, clockMode: 'calendar', officeHours: [], timeZone: 'Asia/Jakarta' };

function buildInquiry(overrides: Partial<Inquiry> = {}): Inquiry {
  return {
    id: 'inq-1',
    documentId: 'inq-1',
    code: 'INF-2611-00042',
    kind: 'information',
    channel: 'email',
    status: 'answered',
    subject: 'Syarat KIA',
    message: 'Apa syarat membuat KIA untuk anak saya?',
    receivedAt: '2026-11-03T02:00:00.000Z',
    answeredAt: '2026-11-03T03:00:00.000Z',
    answer: 'Bawa akta kelahiran dan KK.',
    answerDelivery: 'delivered',
    answerDeliveredAt: '2026-11-03T03:01:00.000Z',
    applicant: { name: 'Siti Aminah', email: 'siti.aminah@gmail.com' },
    ...overrides,
  };
}

let sequence = 0;
function buildMessage(overrides: Partial<ConversationMessage>): ConversationMessage {
  sequence += 1;
  return { documentId: `m${sequence}`, direction: 'in', channel: 'email', purpose: 'question', status: 'received', statusAt: null, cause: null, text: null, attachments: null, at: '2026-11-03T02:00:00.000Z', ...overrides };
}

const EMAIL_PLAN: DeliveryPlan = { mode: 'adapter', channel: 'email', medium: 'email', address: 's***@gmail.com' };

/** A CMS answering for one inquiry; `state.inquiry` is what the next read of it returns. */
function fakeCms(inquiry: Inquiry, { messages = [], plan = EMAIL_PLAN, events = [] }: { messages?: ConversationMessage[]; plan?: DeliveryPlan; events?: InquiryEvent[] } = {}) {
  const state = { inquiry };
  const provider = {
    getOne: jest.fn(async () => ({ data: state.inquiry })),
    getList: jest.fn(async () => ({ data: [], total: 0 })),
    getMany: jest.fn(async () => ({ data: [] })),
    getSopPolicy: jest.fn(async () => POLICY),
    getHolidayDates: jest.fn(async () => []),
    getEvents: jest.fn(async () => events),
    getMessages: jest.fn(async () => [...messages]),
    getDeliveryPlan: jest.fn(async () => plan),
    searchFaq: jest.fn(async () => []),
    sendMessage: jest.fn(async () => ({ status: 'queued' as const, channel: plan.medium ?? plan.channel, address: plan.address })),
    confirmDelivery: jest.fn(async () => state.inquiry),
    recordLaporStatus: jest.fn(async () => ({ laporStatus: state.inquiry.laporStatus!, laporStatusAt: state.inquiry.laporStatusAt! })),
    getContact: jest.fn(async (): Promise<ContactInfo | null> => null),
    getAttachment: jest.fn(async () => new Blob([new Uint8Array([0xff, 0xd8])], { type: 'image/jpeg' })),
  };
  return { state, provider };
}

const showPage = (provider: object, role: 'officer' | 'leadership' | 'division_staff' = 'officer') =>
  renderAdmin(<InquiryShow />, provider, { role, resource: 'inquiries', at: { path: '/inquiries/inq-1/show', pattern: '/inquiries/:id/show' } });

const bubbles = () => Array.from(document.querySelectorAll<HTMLElement>('[data-testid="conversation"] [data-direction]'));

describe('the conversation on the inquiry page', () => {
  it('shows the citizen on one side and the office on the other, with purposes, delivery, attachments and WIB times', async () => {
    const messages = [
      buildMessage({
        purpose: 'question',
        text: 'Apa syarat membuat KIA untuk anak saya?',
        attachments: [
          { filename: 'akta-anak.pdf', mimeType: 'application/pdf', size: 245_760, omitted: false, inline: false },
          { filename: 'video-loket.mp4', mimeType: 'video/mp4', size: 31_457_280, omitted: true, inline: false },
        ],
      }),
      buildMessage({ direction: 'out', purpose: 'receipt', status: 'delivered', text: 'Permohonan INF-2611-00042 diterima.', at: '2026-11-03T02:01:00.000Z' }),
      buildMessage({ direction: 'out', purpose: 'message', status: 'failed', cause: '550 Mailbox unavailable', text: 'Mohon kirim foto KK.', at: '2026-11-03T02:30:00.000Z' }),
      buildMessage({ direction: 'in', purpose: 'follow_up', text: 'Ini foto KK saya.', at: '2026-11-03T02:40:00.000Z' }),
      buildMessage({ direction: 'out', purpose: 'answer', status: 'sent', text: 'Bawa akta kelahiran dan KK.', at: '2026-11-03T03:00:00.000Z' }),
    ];
    showPage(fakeCms(buildInquiry(), { messages }).provider);
    await waitFor(() => expect(bubbles()).toHaveLength(5));
    const section = screen.getByTestId('conversation-section');
    expect(within(section).getByText('Percakapan')).toBeTruthy();
    expect(bubbles().map((bubble) => [bubble.dataset.direction, bubble.querySelector('.message__purpose')!.textContent])).toEqual([
      ['in', 'Pertanyaan'],
      ['out', 'Tanda terima'],
      ['out', 'Pesan'],
      ['in', 'Pesan lanjutan'],
      ['out', 'Jawaban'],
    ]);
    const [question, receipt, failed, followUp, answer] = bubbles();
    expect(question.textContent).toContain('Pemohon · E-mail');
    expect(question.textContent).toMatch(/3 Nov 2026,? 09\.00 WIB/);
    expect(question.querySelector('.message__status')).toBeNull();
    const files = Array.from(question.querySelectorAll('.message__attachments li')).map((item) => item.textContent);
    expect(files).toEqual(['akta-anak.pdf (240 KB)', 'video-loket.mp4 (30 MB) · tidak disimpan (terlalu besar)']);
    expect(receipt.querySelector('.message__status')!.textContent).toBe('diterima');
    expect(failed.querySelector('.message__status')!.textContent).toBe('gagal: 550 Mailbox unavailable');
    expect(followUp.querySelector('.message__status')).toBeNull();
    expect(answer.querySelector('.message__status')!.textContent).toBe('terkirim');
    expect(answer.textContent).toMatch(/3 Nov 2026,? 10\.00 WIB/);
  });

  it('lets the officer send the citizen a message through the channel, then shows it in the conversation', async () => {
    const messages: ConversationMessage[] = [buildMessage({ text: 'Apa syarat membuat KIA?' })];
    const { provider } = fakeCms(buildInquiry({ status: 'triaged', answeredAt: null, answerDelivery: null }), { messages });
    provider.sendMessage.mockImplementation(async () => {
      messages.push(buildMessage({ direction: 'out', purpose: 'message', status: 'queued', text: 'Mohon kirim foto KK.', at: new Date().toISOString() }));
      return { status: 'queued', channel: 'email', address: 's***@gmail.com' };
    });
    showPage(provider);
    const field = await screen.findByLabelText('Pesan untuk pemohon (bukan jawaban)');
    expect(screen.getByText('Dikirim lewat e-mail ke s***@gmail.com; status permohonan tidak berubah.')).toBeTruthy();
    const send = screen.getByRole('button', { name: 'Kirim pesan' }) as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    fireEvent.change(field, { target: { value: '  Mohon kirim foto KK.  ' } });
    fireEvent.click(send);
    await waitFor(() => expect(provider.sendMessage).toHaveBeenCalledWith('inq-1', { text: 'Mohon kirim foto KK.' }));
    expect(await screen.findByText('Pesan dijadwalkan untuk dikirim ke s***@gmail.com.')).toBeTruthy();
    await waitFor(() => expect(bubbles()).toHaveLength(2));
    expect(bubbles()[1].querySelector('.message__status')!.textContent).toBe('dalam antrean');
    expect((field as HTMLTextAreaElement).value).toBe('');
  });

  it('shows the server’s refusal when the channel cannot send after all', async () => {
    const { provider } = fakeCms(buildInquiry());
    provider.sendMessage.mockRejectedValue(new HttpError('Kanal permohonan ini tidak dapat mengirim pesan dari sistem; hubungi pemohon langsung.', 409));
    showPage(provider);
    fireEvent.change(await screen.findByLabelText('Pesan untuk pemohon (bukan jawaban)'), { target: { value: 'Mohon kirim foto KK.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Kirim pesan' }));
    expect(await screen.findByText('Kanal permohonan ini tidak dapat mengirim pesan dari sistem; hubungi pemohon langsung.')).toBeTruthy();
  });

  it('tells the officer where a channel has no sending from the system, instead of a form', async () => {
    const { provider } = fakeCms(buildInquiry({ channel: 'phone' }), { plan: { mode: 'officer', channel: 'phone', medium: null, address: '+6281*******32' } });
    showPage(provider);
    expect(await screen.findByTestId('conversation-no-sending')).toHaveProperty('textContent', 'Kanal Telepon tidak dapat mengirim pesan dari sistem; hubungi pemohon langsung.');
    expect(screen.queryByLabelText('Pesan untuk pemohon (bukan jawaban)')).toBeNull();
    expect(screen.getByText('Belum ada pesan yang tercatat untuk permohonan ini.')).toBeTruthy();
  });

  it('shows leadership the conversation but no form to write in it', async () => {
    const { provider } = fakeCms(buildInquiry(), { messages: [buildMessage({ text: 'Apa syarat KIA?' })] });
    showPage(provider, 'leadership');
    await waitFor(() => expect(bubbles()).toHaveLength(1));
    expect(screen.queryByLabelText('Pesan untuk pemohon (bukan jawaban)')).toBeNull();
    expect(screen.queryByTestId('conversation-no-sending')).toBeNull();
  });
});

describe('the contact behind a request', () => {
  const contact: ContactInfo = {
    contact: { channel: 'whatsapp', address: '+62812****0001', displayName: 'Siti Aminah', lastInboundAt: '2026-11-03T02:00:00.000Z' },
    earlier: [{ documentId: 'inq-0', code: 'INF-2610-00007', channel: 'whatsapp', status: 'closed', subject: 'Syarat KK', receivedAt: '2026-10-20T02:00:00.000Z' }],
    suggested: [{ documentId: 'inq-9', code: 'ADU-2611-00003', channel: 'walk_in', status: 'received', subject: 'Antrean lama', receivedAt: '2026-11-01T02:00:00.000Z' }],
  };

  it('shows the officer who wrote, their earlier requests and look-alikes on other channels, as links and never merged', async () => {
    const { provider } = fakeCms(buildInquiry({ channel: 'whatsapp' }));
    provider.getContact.mockResolvedValue(contact);
    showPage(provider);
    const panel = await screen.findByTestId('contact-panel');
    expect(panel.textContent).toContain('Siti Aminah (+62812****0001) terakhir menulis di WhatsApp 3 Nov 2026, 09.00 WIB.');
    expect(within(screen.getByTestId('contact-earlier')).getByRole('link', { name: 'INF-2610-00007' }).getAttribute('href')).toContain('/inquiries/inq-0/show');
    expect(within(screen.getByTestId('contact-suggested')).getByText(/Pemohon yang sama\?/)).toBeTruthy();
    expect(within(screen.getByTestId('contact-suggested')).getByRole('link', { name: 'ADU-2611-00003' })).toBeTruthy();
  });

  it('is not asked for, nor shown, for leadership', async () => {
    const { provider } = fakeCms(buildInquiry({ channel: 'whatsapp' }));
    provider.getContact.mockResolvedValue(contact);
    showPage(provider, 'leadership');
    await screen.findByTestId('conversation-section');
    expect(provider.getContact).not.toHaveBeenCalled();
    expect(screen.queryByTestId('contact-panel')).toBeNull();
  });
});

describe('the delivery of the answer on the inquiry page', () => {
  it('shows an answer delivered by its medium: the state, the time in WIB and how', async () => {
    showPage(fakeCms(buildInquiry({ answerDeliveryNote: 'Diterima server e-mail pemohon.' })).provider);
    const block = await screen.findByTestId('answer-delivery');
    expect(block.dataset.delivery).toBe('delivered');
    expect(block.textContent).toMatch(/^TerkirimTersampaikan 3 Nov 2026,? 10\.01 WIBDiterima server e-mail pemohon\.$/);
    expect(screen.queryByTestId('delivered-form')).toBeNull();
  });

  it('gives the officer the delivery task and records "Sudah disampaikan" with how and when (WIB)', async () => {
    const task = buildInquiry({ channel: 'radio', answerDelivery: 'officer_task', answerDeliveredAt: null, answerDeliveryNote: 'Sampaikan jawaban lewat Radio Suara Kota' });
    const { state, provider } = fakeCms(task, { plan: { mode: 'officer', channel: 'radio', medium: null, address: '+6281*******32' } });
    provider.confirmDelivery.mockImplementation(async () => {
      state.inquiry = { ...task, answerDelivery: 'delivered', answerDeliveredAt: '2026-11-03T03:30:00.000Z', answerDeliveryNote: 'Dibacakan di Radio Suara Kota' };
      return state.inquiry;
    });
    showPage(provider);
    expect(await screen.findByText('Bacakan jawaban di siaran Radio Suara Kota')).toBeTruthy();
    expect(screen.getByText('Menunggu disampaikan petugas')).toBeTruthy();
    const form = await screen.findByTestId('delivered-form');
    const when = within(form).getByLabelText(/Waktu penyampaian \(WIB\)/) as HTMLInputElement;
    // Day first and a dot in the time, whatever the browser's language.
    expect(when.value).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}\.\d{2}$/);
    fireEvent.click(within(form).getByText('Dibacakan di Radio Suara Kota'));
    expect((within(form).getByLabelText(/Cara penyampaian/) as HTMLInputElement).value).toBe('Dibacakan di Radio Suara Kota');
    fireEvent.change(when, { target: { value: '3/11/2026 10:3' } });
    expect(within(form).getByText('Tulis tanggal dan jam seperti 08/12/2026 09.15.')).toBeTruthy();
    expect((within(form).getByRole('button', { name: 'Sudah disampaikan' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(when, { target: { value: '03/11/2026 10.30' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Sudah disampaikan' }));
    await waitFor(() => expect(provider.confirmDelivery).toHaveBeenCalledWith('inq-1', { how: 'Dibacakan di Radio Suara Kota', at: '2026-11-03T03:30:00.000Z' }));
    expect(await screen.findByText('Penyampaian jawaban tercatat.')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('answer-delivery').dataset.delivery).toBe('delivered'));
    expect(screen.getByTestId('answer-delivery').textContent).toContain('Dibacakan di Radio Suara Kota');
    // Read out on air, not sent: the state says it was handed over.
    expect(within(screen.getByTestId('answer-delivery')).getByText('Tersampaikan')).toBeTruthy();
    expect(screen.getByTestId('answer-delivery').textContent).not.toContain('Terkirim');
    expect(screen.queryByTestId('delivered-form')).toBeNull();
  });

  it('after a failed send shows the cause, and the officer may deliver it another way', async () => {
    const failed = buildInquiry({ answerDelivery: 'failed', answerDeliveredAt: null, answerDeliveryNote: '550 5.1.1 Mailbox unavailable' });
    showPage(fakeCms(failed).provider);
    const block = await screen.findByTestId('answer-delivery');
    expect(within(block).getByText('Gagal terkirim')).toBeTruthy();
    expect(within(block).getByText('550 5.1.1 Mailbox unavailable')).toBeTruthy();
    expect(await within(block).findByText('Sampaikan jawaban lewat E-mail ke s***@gmail.com')).toBeTruthy();
    const confirm = within(block).getByRole('button', { name: 'Sudah disampaikan' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.change(within(block).getByLabelText(/Cara penyampaian/), { target: { value: 'Melalui telepon' } });
    expect(confirm.disabled).toBe(false);
  });

  it('shows leadership the task but not the confirmation', async () => {
    showPage(fakeCms(buildInquiry({ channel: 'phone', answerDelivery: 'officer_task' }), { plan: { mode: 'officer', channel: 'phone', medium: null, address: '+6281*******32' } }).provider, 'leadership');
    expect(await screen.findByText('Sampaikan jawaban lewat telepon ke +6281*******32')).toBeTruthy();
    expect(screen.queryByTestId('delivered-form')).toBeNull();
  });

  it('has no delivery block before the answer', async () => {
    showPage(fakeCms(buildInquiry({ status: 'triaged', answeredAt: null, answerDelivery: null })).provider);
    await screen.findByTestId('conversation');
    expect(screen.queryByTestId('delivery-section')).toBeNull();
  });
});

describe('the answer form says beforehand where the answer will go', () => {
  it.each([
    ['an e-mail address', EMAIL_PLAN, 'Jawaban akan dikirim ke e-mail s***@gmail.com'],
    ['the tracking page', { mode: 'tracking', channel: 'website', medium: null, address: null } as DeliveryPlan, 'Jawaban akan tampil di halaman pelacakan pemohon'],
    ['the officer at the counter', { mode: 'officer', channel: 'walk_in', medium: null, address: null } as DeliveryPlan, 'Setelah disimpan, sampaikan jawaban langsung kepada pemohon dan konfirmasi Sudah disampaikan'],
    ['the officer by hand', { mode: 'officer', channel: 'view_probolinggo', medium: null, address: null } as DeliveryPlan, 'Setelah dijawab, sampaikan jawaban lewat View Probolinggo dan konfirmasi Sudah disampaikan'],
  ])('through %s', async (_label, plan, text) => {
    const coordinated = buildInquiry({ channel: plan.channel, status: 'coordinated', answeredAt: null, answerDelivery: null, divisionInformation: 'Syaratnya akta dan KK.' });
    showPage(fakeCms(coordinated, { plan }).provider);
    fireEvent.click(await screen.findByRole('button', { name: 'Jawab' }));
    await waitFor(() => expect(screen.getByTestId('answer-plan').textContent).toBe(text));
  });
});

describe('a walk-in answer is delivered, not sent', () => {
  it('is saved for the officer to tell the citizen, who is told so, and no word says it was sent', async () => {
    const walkIn = buildInquiry({ channel: 'walk_in', status: 'coordinated', answeredAt: null, answerDelivery: null, divisionInformation: 'KTP-el sudah dicetak.' });
    const { state, provider } = fakeCms(walkIn, { plan: { mode: 'officer', channel: 'walk_in', medium: null, address: '+6281*******32' } });
    // The answer route returns the answer on its way ('sending'); the routing makes it the officer's task just after.
    const answerInquiry = jest.fn(async (): Promise<Inquiry> => {
      const answered: Inquiry = { ...walkIn, status: 'answered', answeredAt: '2026-11-03T03:00:00.000Z', answerDelivery: 'sending', answer: 'KTP-el sudah dicetak.' };
      state.inquiry = { ...answered, answerDelivery: 'officer_task' };
      return answered;
    });
    showPage({ ...provider, answerInquiry });
    fireEvent.click(await screen.findByRole('button', { name: 'Jawab' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Simpan jawaban' }));
    await waitFor(() => expect(answerInquiry).toHaveBeenCalled());
    expect(await screen.findByText('Jawaban tersimpan. Sampaikan kepada pemohon, lalu konfirmasi Sudah disampaikan.')).toBeTruthy();
    expect(await screen.findByText('Sampaikan jawaban langsung kepada pemohon saat datang ke kantor')).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/terkirim|lewat Datang langsung/i);
  });
});

describe('the timeline of delivery and conversation', () => {
  it('names the new events in Bahasa Indonesia, with how, through what and the note', async () => {
    const events: InquiryEvent[] = [
      { documentId: 'e1', type: 'message_received', actorType: 'public', at: '2026-11-03T02:40:00.000Z', detail: { channel: 'email' } },
      { documentId: 'e2', type: 'message_sent', actorType: 'user', actorName: 'Petugas Ani', at: '2026-11-03T02:30:00.000Z', detail: { channel: 'email' } },
      { documentId: 'e3', type: 'acknowledged', actorType: 'user', actorName: 'Staf Dafduk', at: '2026-11-03T02:20:00.000Z', detail: null },
      { documentId: 'e4', type: 'answer_failed', actorType: 'system', at: '2026-11-03T03:01:00.000Z', detail: { via: 'email', note: '550 Mailbox unavailable' } },
      { documentId: 'e5', type: 'answer_delivered', actorType: 'user', actorName: 'Petugas Ani', at: '2026-11-03T03:30:00.000Z', detail: { via: 'officer', note: 'Melalui telepon' } },
    ];
    showPage(fakeCms(buildInquiry(), { events }).provider);
    const timeline = await screen.findByTestId('timeline');
    await waitFor(() => expect(timeline.querySelectorAll('[data-event]')).toHaveLength(5));
    const items = Array.from(timeline.querySelectorAll<HTMLElement>('[data-event]'));
    expect(items.map((item) => item.querySelector('p')!.textContent)).toEqual(['Pesan dari pemohon', 'Pesan ke pemohon', 'Diterima bidang', 'Jawaban gagal terkirim', 'Jawaban tersampaikan']);
    expect(items[0].textContent).toContain('E-mail');
    expect(items[3].textContent).toContain('e-mail · 550 Mailbox unavailable');
    expect(items[4].textContent).toContain('oleh petugas · Melalui telepon');
  });
});

describe('the Tanda Terima of a request', () => {
  it('opens from the request for the officer, and the timeline says when one was made and how one was sent', async () => {
    const events: InquiryEvent[] = [
      { documentId: 'e1', type: 'note', actorType: 'user', actorName: 'Petugas Ani', at: '2026-11-03T02:01:00.000Z', detail: { receipt: 'issued' } },
      { documentId: 'e2', type: 'note', actorType: 'user', actorName: 'Petugas Ani', at: '2026-11-03T02:02:00.000Z', detail: { receipt: 'sent', via: 'smtp' } },
    ];
    showPage(fakeCms(buildInquiry({ channel: 'walk_in', status: 'received' }), { events }).provider);
    expect((await screen.findByTestId('open-receipt')).getAttribute('href')).toMatch(/\/inquiries\/inq-1\/tanda-terima$/);
    const timeline = await screen.findByTestId('timeline');
    await waitFor(() => expect(timeline.querySelectorAll('[data-event]')).toHaveLength(2));
    const items = Array.from(timeline.querySelectorAll<HTMLElement>('[data-event]'));
    expect(items[0].textContent).toContain('tanda terima dibuat');
    expect(items[1].textContent).toContain('tanda terima dikirim ke pemohon lewat E-mail (SMTP)');
  });

  it('is not offered to leadership, who may read the request but not hand out its key', async () => {
    showPage(fakeCms(buildInquiry({ channel: 'walk_in', status: 'received' })).provider, 'leadership');
    await screen.findByTestId('inquiry-page');
    expect(screen.queryByTestId('open-receipt')).toBeNull();
  });
});

describe('a citizen’s file from a chat medium', () => {
  const photo = (overrides: object = {}) =>
    buildMessage({ channel: 'whatsapp', purpose: 'follow_up', text: 'Ini foto KTP-el saya', attachments: [{ filename: '', mimeType: 'image/jpeg', size: null, omitted: false, inline: false, openable: true, media: 'image', ...overrides }] });

  it('is named by its kind and opened in a new tab from the medium when the officer asks', async () => {
    const message = photo();
    const { provider } = fakeCms(buildInquiry({ channel: 'whatsapp' }), { messages: [message] });
    const tab = { location: { href: '' }, close: jest.fn() };
    const openWindow = jest.spyOn(window, 'open').mockReturnValue(tab as unknown as Window);
    URL.createObjectURL = jest.fn(() => 'blob:layanan/1');
    URL.revokeObjectURL = jest.fn();
    try {
      showPage(provider);
      const item = await screen.findByText('Foto');
      expect(item.closest('li')!.textContent).not.toContain('(');
      fireEvent.click(await within(item.closest('li')!).findByRole('button', { name: 'Buka' }));
      await waitFor(() => expect(tab.location.href).toBe('blob:layanan/1'));
      expect(provider.getAttachment).toHaveBeenCalledWith('inq-1', message.documentId, 0);
      expect(openWindow).toHaveBeenCalledWith('', '_blank');
    } finally {
      openWindow.mockRestore();
    }
  });

  it('is named, but cannot be opened, by leadership', async () => {
    showPage(fakeCms(buildInquiry({ channel: 'whatsapp' }), { messages: [photo()] }).provider, 'leadership');
    const item = await screen.findByText('Foto');
    expect(within(item.closest('li')!).queryByRole('button')).toBeNull();
  });

  it('a document of another kind is downloaded, never opened; a file the medium no longer has says so', async () => {
    const { provider } = fakeCms(buildInquiry({ channel: 'whatsapp' }), { messages: [photo({ filename: 'surat.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', media: 'document' })] });
    provider.getAttachment.mockRejectedValueOnce(new HttpError('Berkas ini sudah tidak tersedia di Meta. WhatsApp menyimpan berkas warga 7 hari; minta warga mengirim ulang bila perlu.', 404));
    const openWindow = jest.spyOn(window, 'open');
    try {
      showPage(provider);
      fireEvent.click(await screen.findByRole('button', { name: 'Unduh' }));
      expect(await screen.findByText(/sudah tidak tersedia di Meta/)).toBeTruthy();
      expect(openWindow).not.toHaveBeenCalled();
    } finally {
      openWindow.mockRestore();
    }
  });
});

describe('the reply window of a chat medium on the inquiry page', () => {
  const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

  it('warns the officer, as the reminder did, while an unanswered WhatsApp request can still be answered freely', async () => {
    const until = inMinutes(90);
    const open = buildInquiry({ channel: 'whatsapp', status: 'triaged', answeredAt: null, answerDelivery: null, answer: null, replyWindowUntil: until });
    const events: InquiryEvent[] = [{ documentId: 'e1', type: 'window_closing', actorType: 'system', at: inMinutes(-30), detail: { channel: 'whatsapp', until } }];
    showPage(fakeCms(open, { events }).provider);
    const chip = await screen.findByTestId('reply-window');
    expect(chip.dataset.window).toBe('closing');
    expect(chip.textContent).toMatch(/^Jendela WhatsApp tutup \d{2}\.\d{2} WIB$/);
    const timeline = await screen.findByTestId('timeline');
    await waitFor(() => expect(timeline.querySelector('[data-event="window_closing"]')).not.toBeNull());
    const item = timeline.querySelector<HTMLElement>('[data-event="window_closing"]')!;
    expect(item.querySelector('p')!.textContent).toBe('Pengingat: jendela balasan segera tutup');
    expect(item.textContent).toMatch(/WhatsApp · tutup .+ WIB/);
  });

  it('says nothing of the window once the answer went', async () => {
    showPage(fakeCms(buildInquiry({ channel: 'whatsapp', replyWindowUntil: inMinutes(90) })).provider);
    await screen.findByTestId('inquiry-page');
    expect(screen.queryByTestId('reply-window')).toBeNull();
  });
});

describe('the SP4N-LAPOR! status on the inquiry page', () => {
  const lapor = (overrides: Partial<Inquiry> = {}) =>
    buildInquiry({ channel: 'lapor_sp4n', externalRef: '4123901', status: 'triaged', answeredAt: null, answerDelivery: null, laporStatus: 'verifikasi', laporStatusAt: '2026-11-03T02:05:00.000Z', ...overrides });
  const LAPOR_PLAN: DeliveryPlan = { mode: 'adapter', channel: 'lapor_sp4n', medium: 'lapor-api', address: '4123901' };

  it('shows what LAPOR! says and when it was seen (WIB), with no warning while it matches ours', async () => {
    showPage(fakeCms(lapor(), { plan: LAPOR_PLAN }).provider);
    const panel = await screen.findByTestId('lapor-status');
    expect(panel.textContent).toMatch(/^Verifikasitercatat 3 Nov 2026,? 09\.05 WIB/);
    expect(screen.queryByTestId('lapor-status-mismatch')).toBeNull();
  });

  it('warns when LAPOR! says Selesai while ours is still open', async () => {
    showPage(fakeCms(lapor({ laporStatus: 'selesai' }), { plan: LAPOR_PLAN }).provider);
    const warning = await screen.findByTestId('lapor-status-mismatch');
    expect(warning.textContent).toBe('LAPOR! menyatakan "Selesai", sedangkan di sini permohonan berstatus "Dipilah". Periksa keduanya dan selaraskan.');
  });

  it('lets the officer record what LAPOR! shows now', async () => {
    const { state, provider } = fakeCms(lapor({ laporStatus: null, laporStatusAt: null }), { plan: LAPOR_PLAN });
    provider.recordLaporStatus.mockImplementation(async () => {
      state.inquiry = { ...state.inquiry, laporStatus: 'tunda', laporStatusAt: '2026-11-03T03:00:00.000Z' };
      return { laporStatus: 'tunda' as const, laporStatusAt: '2026-11-03T03:00:00.000Z' };
    });
    showPage(provider);
    const panel = await screen.findByTestId('lapor-status');
    expect(panel.textContent).toContain('Belum tercatat.');
    const save = (await within(panel).findByRole('button', { name: 'Catat' })) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.mouseDown(within(panel).getByRole('combobox'));
    fireEvent.click(await screen.findByRole('option', { name: 'Tunda' }));
    fireEvent.click(save);
    await waitFor(() => expect(provider.recordLaporStatus).toHaveBeenCalledWith('inq-1', 'tunda'));
    expect(await screen.findByText('Status SP4N-LAPOR! tercatat.')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('lapor-status').dataset.laporStatus).toBe('tunda'));
  });

  it('shows leadership the status but no select', async () => {
    showPage(fakeCms(lapor(), { plan: LAPOR_PLAN }).provider, 'leadership');
    expect((await screen.findByTestId('lapor-status')).textContent).toContain('Verifikasi');
    expect(screen.queryByRole('button', { name: 'Catat' })).toBeNull();
  });

  it('has no LAPOR! status for a request of another channel', async () => {
    showPage(fakeCms(buildInquiry()).provider);
    await screen.findByTestId('conversation');
    expect(screen.queryByTestId('lapor-status-section')).toBeNull();
  });

  it('a follow-up the LAPOR! API refused is the officer’s task to copy, with the cause', async () => {
    const refused = lapor({ status: 'answered', answeredAt: '2026-11-03T03:00:00.000Z', answerDelivery: 'officer_task', answerDeliveryNote: 'Tidak terunggah otomatis ke SP4N-LAPOR!: LAPOR! menolak (422): Laporan sudah ditutup Unggah tindak lanjut secara manual, lalu catat tanggalnya.' });
    showPage(fakeCms(refused, { plan: { ...LAPOR_PLAN, lapor: { trackingId: '4123901', reportUrl: 'https://www.lapor.go.id/laporan/detil/4123901', text: 'Yth. Pelapor,\n\nJawaban.' } } }).provider);
    const block = await screen.findByTestId('answer-delivery');
    expect(await within(block).findByText(/LAPOR! menolak \(422\)/)).toBeTruthy();
    expect(await within(block).findByTestId('lapor-follow-up')).toBeTruthy();
  });
});
