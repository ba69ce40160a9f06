import type { Status } from '@layanan/config';
import { codePeriod } from '../../plugins/sop-workflow/src/services/codes';
import { parseMail } from '../../plugins/channels/src/email/parse';
import { decideThread, trackingCodes, TRACKING_CODE, type ThreadedInquiry, type ThreadLookup } from '../../plugins/channels/src/email/thread';
import { gmailReply, question } from '../helpers/mails';

const OURS = '<inf.INF-2611-00042.17@disdukcapil.probolinggokota.go.id>';

/** The channel's message log and the inquiries, as the lookup sees them. */
function lookup(inquiries: (ThreadedInquiry & { messageIds?: string[] })[]): ThreadLookup & { asked: string[][] } {
  const asked: string[][] = [];
  return {
    asked,
    async byMessageId(ids) {
      asked.push(ids);
      return inquiries.find((inquiry) => inquiry.messageIds?.some((id) => ids.includes(id))) ?? null;
    },
    async byCode(code) {
      return inquiries.find((inquiry) => inquiry.inquiryCode === code) ?? null;
    },
  };
}

const inquiry = (code: string, applicantEmail: string | null, status: Status = 'received', messageIds: string[] = []) => ({ inquiryCode: code, applicantEmail, status, messageIds });
const parse = (raw: string) => parseMail(Buffer.from(raw), { attachmentMaxBytes: 1 << 20 });

describe('decideThread: a reply joins its inquiry only when the applicant wrote it', () => {
  it('appends a reply to our receipt from the applicant, found by In-Reply-To', async () => {
    const mail = await parse(gmailReply({ code: 'INF-2611-00042', ourMessageId: OURS }));
    const known = lookup([inquiry('INF-2611-00042', 'Budi.Santoso@gmail.com', 'triaged', [OURS])]);
    expect(await decideThread(mail, known)).toEqual({ kind: 'append', code: 'INF-2611-00042' });
    expect(known.asked[0][0]).toBe(OURS);
  });

  it('asks for the mail it answers first, then its References from the newest back', async () => {
    const mail = await parse(question({ inReplyTo: '<c@x>', references: '<a@x> <b@x> <c@x>' }));
    const known = lookup([]);
    await decideThread(mail, known);
    expect(known.asked).toEqual([['<c@x>', '<b@x>', '<a@x>']]);
  });

  it('appends by the code in the subject when the client dropped the thread headers', async () => {
    const mail = await parse(question({ subject: 'Fwd: Re: Syarat KTP-el [inf-2611-00042]' }));
    expect(await decideThread(mail, lookup([inquiry('INF-2611-00042', 'budi.santoso@gmail.com')]))).toEqual({ kind: 'append', code: 'INF-2611-00042' });
  });

  it('appends by a +code sub-address', async () => {
    const mail = await parse(question({ to: 'layanan+INF-2611-00042@disdukcapil.probolinggokota.go.id', subject: 'Tambahan' }));
    expect(await decideThread(mail, lookup([inquiry('INF-2611-00042', 'budi.santoso@gmail.com')]))).toEqual({ kind: 'append', code: 'INF-2611-00042' });
  });

  it('never adds a spoofed reply from another address to the applicant’s inquiry: a new request citing the code', async () => {
    const mail = await parse(gmailReply({ code: 'INF-2611-00042', ourMessageId: OURS, from: 'Orang Lain <penipu@example.com>' }));
    expect(await decideThread(mail, lookup([inquiry('INF-2611-00042', 'budi.santoso@gmail.com', 'received', [OURS])]))).toEqual({ kind: 'new-citing', code: 'INF-2611-00042' });
  });

  it('opens a new request citing a closed inquiry instead of reopening it', async () => {
    const mail = await parse(gmailReply({ code: 'INF-2611-00042', ourMessageId: OURS }));
    expect(await decideThread(mail, lookup([inquiry('INF-2611-00042', 'budi.santoso@gmail.com', 'closed', [OURS])]))).toEqual({ kind: 'new-citing', code: 'INF-2611-00042' });
  });

  it('still appends to an answered inquiry: a thank-you or a follow-up belongs with the answer', async () => {
    const mail = await parse(gmailReply({ code: 'INF-2611-00042', ourMessageId: OURS }));
    expect((await decideThread(mail, lookup([inquiry('INF-2611-00042', 'budi.santoso@gmail.com', 'answered', [OURS])]))).kind).toBe('append');
  });

  it('cites an inquiry that had no e-mail address (a walk-in quoted by code) rather than appending', async () => {
    const mail = await parse(question({ subject: 'Menanyakan ADU-2611-00003' }));
    expect(await decideThread(mail, lookup([inquiry('ADU-2611-00003', null)]))).toEqual({ kind: 'new-citing', code: 'ADU-2611-00003' });
  });

  it('prefers the applicant’s own open inquiry when the thread and the subject point at two', async () => {
    const mail = await parse(question({ inReplyTo: OURS, subject: 'Re: [INF-2611-00043] lanjutan' }));
    const known = lookup([inquiry('INF-2611-00042', 'budi.santoso@gmail.com', 'closed', [OURS]), inquiry('INF-2611-00043', 'budi.santoso@gmail.com')]);
    expect(await decideThread(mail, known)).toEqual({ kind: 'append', code: 'INF-2611-00043' });
  });

  it('is a new request when nothing matches, a code that does not exist included', async () => {
    expect(await decideThread(await parse(question()), lookup([]))).toEqual({ kind: 'new' });
    expect(await decideThread(await parse(question({ subject: 'Re: [INF-2611-99999]' })), lookup([]))).toEqual({ kind: 'new' });
  });
});

describe('tracking codes in text', () => {
  it('finds the codes sop-workflow makes, for information and complaints alike', () => {
    for (const kind of ['information', 'complaint'] as const) {
      const code = `${codePeriod(kind, new Date('2026-11-03T02:00:00Z'), 'Asia/Jakarta')}-00042`;
      expect(TRACKING_CODE.test(code)).toBe(true);
      expect(trackingCodes(`Re: Pertanyaan [${code}]`)).toEqual([code]);
    }
  });

  it('upper-cases, keeps each once and in order, and grows past five digits', () => {
    expect(trackingCodes('inf-2611-00042, ADU-2612-123456 dan INF-2611-00042')).toEqual(['INF-2611-00042', 'ADU-2612-123456']);
  });

  it('ignores look-alikes', () => {
    expect(trackingCodes('INF-26-00042, XINF-2611-00042, INF-2611-0042, nomor 2611-00042')).toEqual([]);
  });
});
