import { REPLY_WINDOW_WARNING_MINUTES } from '@layanan/config';
import { databases } from '../helpers/strapi';
import { useMetaSuite } from '../helpers/meta';
import { drain, linkChat } from '../helpers/telegram';

const INQUIRY = 'api::inquiry.inquiry';
const HOUR = 3600_000;
const MINUTE = 60_000;
const OFFICER_CHAT = 1001;
const LEAD = REPLY_WINDOW_WARNING_MINUTES * MINUTE;

describe.each(databases())('the officers are told before a WhatsApp reply window closes, on %s', (kind) => {
  const { suite, deliver, answer } = useMetaSuite(kind, { telegram: true });
  let number = 0;

  beforeAll(async () => {
    await linkChat(suite.app, suite.telegram!, suite.officer, OFFICER_CHAT);
  });

  const citizen = () => `+6285${String((number += 1)).padStart(8, '0')}`;
  const sweep = () => suite.app.strapi.plugin('sop-workflow').service('sweep').run();
  const inquiryOf = async (phone: string) =>
    (await suite.app.strapi.db.query(INQUIRY).findOne({ where: { channel: 'whatsapp', applicant: { replyAddress: phone } } })) as { id: number; documentId: string; code: string; replyWindowUntil: string };
  /** The window alerts the officer's chat received about one request. */
  const windowAlerts = (code: string) => suite.telegram!.delivered(OFFICER_CHAT).filter((m) => m.text.includes('Jendela balasan WhatsApp') && m.text.includes(code));
  const eventsOf = async (documentId: string) => (await suite.app.http.get(`/api/inquiries/${documentId}/events`).set(suite.officer.auth).expect(200)).body.data as { type: string; detail: Record<string, unknown> }[];
  const ask = async (phone: string, text: string) => deliver(suite.meta.webhook('whatsapp_business_account', suite.meta.waMessage({ from: phone, text })));
  /** Sweeps at `at` (as two instances would, at once) and sends what it queued. */
  async function sweepAt(at: number) {
    suite.clock.set(new Date(at));
    await Promise.all([sweep(), sweep()]);
    await drain(suite.app, suite.clock, { maxRounds: 500 });
  }

  it('an unanswered request gets one Telegram alert when its window is about to close, with the time in WIB; the page’s timeline shows it', async () => {
    const phone = citizen();
    await ask(phone, 'Selamat pagi, apakah akta kelahiran bisa diurus tanpa surat nikah?');
    const inquiry = await inquiryOf(phone);
    const closes = new Date(inquiry.replyWindowUntil).getTime();

    await sweepAt(closes - LEAD - MINUTE);
    expect(windowAlerts(inquiry.code)).toHaveLength(0);

    await sweepAt(closes - LEAD + MINUTE);
    await sweepAt(closes - LEAD + 5 * MINUTE);
    const alerts = windowAlerts(inquiry.code);
    expect(alerts).toHaveLength(1);
    expect(alerts[0].text).toContain('Selasa, 3 Nov 2026 09.00 WIB');
    expect(alerts[0].text).not.toContain(phone.slice(3));
    const events = (await eventsOf(inquiry.documentId)).filter((e) => e.type === 'window_closing');
    expect(events).toEqual([expect.objectContaining({ detail: { channel: 'whatsapp', until: new Date(closes).toISOString() } })]);
  });

  it('a request answered in time is not reminded; one the citizen wrote to again is reminded for the new window only', async () => {
    const answered = citizen();
    await ask(answered, 'Berapa lama pembuatan KIA?');
    const first = await inquiryOf(answered);
    await answer(first.documentId, 'KIA selesai dalam satu hari kerja.');

    const again = citizen();
    await ask(again, 'Apakah pindah datang bisa diwakilkan?');
    const second = await inquiryOf(again);
    const firstWindow = new Date(second.replyWindowUntil).getTime();
    suite.clock.set(new Date(firstWindow - 3 * HOUR));
    await ask(again, 'Maaf, maksud saya diwakilkan oleh kakak kandung.');
    const secondWindow = new Date((await inquiryOf(again)).replyWindowUntil).getTime();
    expect(secondWindow).toBeGreaterThan(firstWindow);

    await sweepAt(firstWindow - LEAD + MINUTE);
    expect(windowAlerts(second.code)).toHaveLength(0);
    await sweepAt(secondWindow - LEAD + MINUTE);
    expect(windowAlerts(second.code)).toHaveLength(1);
    expect(windowAlerts(first.code)).toHaveLength(0);
  });

  it('a window that already shut before any sweep saw it (the server was down) is not announced late', async () => {
    const phone = citizen();
    await ask(phone, 'Apakah bisa legalisir akta secara daring?');
    const inquiry = await inquiryOf(phone);
    await sweepAt(new Date(inquiry.replyWindowUntil).getTime() + MINUTE);
    expect(windowAlerts(inquiry.code)).toHaveLength(0);
    expect((await eventsOf(inquiry.documentId)).map((e) => e.type)).not.toContain('window_closing');
  });
});
