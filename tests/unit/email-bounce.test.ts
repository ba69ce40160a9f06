import { outcomeOf, parseBounce } from '../../plugins/channels/src/email/bounce';
import { gmailBounce, postfixBounce, question } from '../helpers/mails';

const OURS = '<inf.INF-2611-00042.17@disdukcapil.probolinggokota.go.id>';

describe('parseBounce: which answer did not arrive, and why', () => {
  it('reads a Postfix DSN: our Message-ID from the returned headers, the recipient, 5.1.1, the diagnostic', async () => {
    const report = await parseBounce(Buffer.from(postfixBounce({ ourMessageId: OURS, envelopeId: '17' })));
    expect(report).toEqual({
      originalMessageId: OURS,
      envelopeId: '17',
      recipient: 'budi.santoso@gmial.com',
      action: 'failed',
      status: '5.1.1',
      diagnostic: '550 5.1.1 <budi.santoso@gmial.com>: Recipient address rejected: User unknown',
      outcome: 'permanent',
      recipients: [expect.objectContaining({ recipient: 'budi.santoso@gmial.com', status: '5.1.1' })],
    });
  });

  it('reads a Gmail DSN whose original comes back whole as message/rfc822', async () => {
    const report = await parseBounce(gmailBounce({ ourMessageId: '<inf.INF-2611-00051.23@disdukcapil.probolinggokota.go.id>' }));
    expect(report).toMatchObject({
      originalMessageId: '<inf.INF-2611-00051.23@disdukcapil.probolinggokota.go.id>',
      recipient: 'siti.rahayu@gmail.com',
      action: 'failed',
      status: '5.1.1',
      outcome: 'permanent',
    });
  });

  it('calls a delay temporary: the server is still trying', async () => {
    const report = await parseBounce(postfixBounce({ ourMessageId: OURS, action: 'delayed', status: '4.4.1' }));
    expect(report).toMatchObject({ action: 'delayed', status: '4.4.1', outcome: 'temporary' });
  });

  it('finds what it can in a bounce that is not RFC 3464', async () => {
    const text = `This message was created automatically by mail delivery software.\n\nA message that you sent could not be delivered:\n  budi@example.net\n    550 5.7.1 Relaying denied\n\n------ This is a copy of the message's headers. ------\n\nMessage-ID: ${OURS}\nSubject: Re: KTP-el\n`;
    const raw = question({ from: 'Mail Delivery System <Mailer-Daemon@mx.example.net>', text, extra: { 'X-Failed-Recipients': 'Budi@example.net' } });
    expect(await parseBounce(raw)).toMatchObject({ originalMessageId: OURS, recipient: 'budi@example.net', status: '5.7.1', outcome: 'permanent', action: null });
  });

  it.each([
    ['failed with a 5.x.x code', 'failed', '5.1.1', 'permanent'],
    ['failed after the retries ran out (4.4.7)', 'failed', '4.4.7', 'permanent'],
    ['delayed', 'delayed', '4.4.1', 'temporary'],
    ['delivered (a success DSN)', 'delivered', '2.0.0', 'delivered'],
    ['no action, a 5.x.x code', null, '5.2.2', 'permanent'],
    ['no action, a 4.x.x code', null, '4.2.2', 'temporary'],
    ['nothing known', null, null, 'unknown'],
  ] as const)('%s: %s', (_what, action, status, outcome) => {
    expect(outcomeOf(action, status)).toBe(outcome);
  });
});
