import { classifyMail } from '../../plugins/channels/src/email/classify';
import { parseMail } from '../../plugins/channels/src/email/parse';
import { DINAS, exchangeOutOfOffice, gmailBounce, gmailReply, gmailVacation, listMail, outlookReply, postfixBounce, question, rawMail, zimbraVacation } from '../helpers/mails';

const OURS = '<inf.INF-2611-00042.17@disdukcapil.probolinggokota.go.id>';
const own = { addresses: [DINAS] };
const classify = async (raw: string) => classifyMail(await parseMail(Buffer.from(raw), { attachmentMaxBytes: 1 << 20 }), own);

describe('classifyMail: only a person’s mail becomes an inquiry and gets a receipt', () => {
  it.each([
    ['a citizen’s first question', question()],
    ['a Gmail reply to our receipt', gmailReply({ code: 'INF-2611-00042', ourMessageId: OURS })],
    ['an Outlook reply', outlookReply({ code: 'INF-2611-00051', ourMessageId: OURS })],
    ['a person who writes "Auto-Submitted: no"', question({ extra: { 'Auto-Submitted': 'no' } })],
    ['a subject that merely mentions an automatic reply', question({ subject: 'Balasan otomatis dari Dinas tidak saya terima' })],
  ])('%s is human', async (_what, raw) => {
    expect((await classify(raw)).kind).toBe('human');
  });

  it.each([
    ['an Exchange out-of-office', exchangeOutOfOffice(), 'X-Auto-Response-Suppress: All'],
    ['a Gmail vacation reply', gmailVacation(), 'Auto-Submitted: auto-replied'],
    ['a Zimbra vacation reply', zimbraVacation(), 'Auto-Submitted: auto-replied'],
    ['a mail marked X-Autoreply', question({ extra: { 'X-Autoreply': 'yes' } }), 'X-Autoreply'],
    ['a notification from a no-reply sender', question({ from: 'SP4N-LAPOR <no-reply@lapor.go.id>' }), 'no-reply sender'],
    ['a mail with an empty return path', question({ extra: { 'Return-Path': '<>' } }), 'empty Return-Path'],
    ['an Outlook out-of-office known only by its subject', question({ subject: 'Automatic reply: Syarat KIA' }), 'out-of-office subject'],
    ['a read receipt (a report that is not about delivery)', question({ extra: { 'Content-Type': 'multipart/report; report-type=disposition-notification; boundary="x"' } }), 'multipart/report'],
  ])('%s is an auto-reply', async (_what, raw, reason) => {
    expect(await classify(raw)).toEqual({ kind: 'auto-reply', reason });
  });

  it.each([
    ['a Postfix DSN', postfixBounce({ ourMessageId: OURS }), 'multipart/report; report-type=delivery-status'],
    ['a Gmail DSN', gmailBounce({ ourMessageId: OURS }), 'multipart/report; report-type=delivery-status'],
    ['an Exim bounce', question({ from: 'Mail Delivery System <Mailer-Daemon@mx.example.net>', extra: { 'X-Failed-Recipients': 'budi@example.net' } }), 'X-Failed-Recipients'],
    ['a plain-text notice from postmaster', question({ from: 'postmaster@mx.example.net', subject: 'Delivery failure' }), 'sender postmaster'],
  ])('%s is a bounce', async (_what, raw, reason) => {
    expect(await classify(raw)).toEqual({ kind: 'bounce', reason });
  });

  it.each([
    ['a Google Group mail', listMail(), 'List-Id'],
    ['a newsletter with an unsubscribe link', question({ extra: { 'List-Unsubscribe': '<https://news.example.com/u/1>' } }), 'List-Unsubscribe'],
    ['bulk mail', question({ extra: { Precedence: 'bulk' } }), 'Precedence: bulk'],
    ['junk', question({ extra: { Precedence: 'junk' } }), 'Precedence: junk'],
  ])('%s is list mail', async (_what, raw, reason) => {
    expect(await classify(raw)).toEqual({ kind: 'list', reason });
  });

  it('drops our own receipt coming back (the X-Layanan-Loop header), before anything else', async () => {
    const raw = question({ extra: { 'X-Layanan-Loop': 'probolinggo-1', 'Auto-Submitted': 'auto-replied' } });
    expect(await classify(raw)).toEqual({ kind: 'own-loop', reason: 'X-Layanan-Loop' });
  });

  it('drops mail from our own address, whatever its case', async () => {
    expect(await classify(question({ from: `Layanan <${DINAS.toUpperCase()}>` }))).toEqual({ kind: 'own-loop', reason: 'sent from our own address' });
  });

  it('never puts an address into its reason', async () => {
    const reasons = await Promise.all([exchangeOutOfOffice(), postfixBounce({ ourMessageId: OURS }), listMail(), question({ from: 'noreply@bank.example.id' })].map(classify));
    for (const { reason } of reasons) expect(reason).not.toMatch(/@/);
  });

  it('reads a header block built by hand, too', async () => {
    const raw = rawMail({ From: 'budi@example.com', To: DINAS, Subject: 'x', 'X-Loop': 'helpdesk' }, 'isi\n');
    expect(await classify(raw)).toEqual({ kind: 'auto-reply', reason: 'X-Loop' });
  });
});
