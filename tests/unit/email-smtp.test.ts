import { classify, describe as describeError } from '../../plugins/channels/src/email/smtp';

/** Errors shaped as nodemailer 10.6 reports them (seen against smtp-server 3.21, channels.md §1.4). */
const smtpError = (fields: Record<string, unknown>) => Object.assign(new Error(String(fields.message ?? 'error')), fields);

describe('classify: what a failed send means for the outbox row', () => {
  it.each([
    ['a recipient refused for good (550 at RCPT TO)', { code: 'EENVELOPE', responseCode: 550, command: 'RCPT TO', response: '550 5.1.1 <budi@gmial.com>: Recipient address rejected: User unknown' }, { kind: 'permanent' }],
    ['a sender refused (553 at MAIL FROM)', { code: 'EENVELOPE', responseCode: 553, command: 'MAIL FROM', response: '553 5.7.1 Sender address rejected' }, { kind: 'permanent' }],
    ['a message refused after DATA (554 spam)', { code: 'EMESSAGE', responseCode: 554, command: 'DATA', response: '554 5.7.1 Message rejected as spam' }, { kind: 'permanent' }],
    ['a recipient deferred (451 at RCPT TO)', { code: 'EENVELOPE', responseCode: 451, command: 'RCPT TO', response: '451 4.7.1 Try again later' }, { kind: 'transient' }],
    ['greylisting that names its delay', { code: 'EENVELOPE', responseCode: 450, command: 'RCPT TO', response: '450 4.2.0 Greylisted, please try again in 300 seconds' }, { kind: 'retry-after', ms: 300_000 }],
    ['a rate limit in minutes', { code: 'EMESSAGE', responseCode: 421, response: '421 4.7.0 Too many messages, retry after 2 minutes' }, { kind: 'retry-after', ms: 120_000 }],
    ['a server shutting down (421)', { code: 'ECONNECTION', responseCode: 421, response: '421 Service not available' }, { kind: 'transient' }],
    ['503 bad sequence: the session, not the message', { code: 'EPROTOCOL', responseCode: 503, response: '503 5.5.1 Error: need MAIL command' }, { kind: 'uncertain', retryOnce: true }],
    ['the server is down (ECONNREFUSED)', { code: 'ESOCKET', command: 'CONN', syscall: 'connect', message: 'connect ECONNREFUSED 127.0.0.1:587' }, { kind: 'transient' }],
    ['its name does not resolve', { code: 'EDNS', command: 'CONN', syscall: 'getaddrinfo', message: 'getaddrinfo ENOTFOUND mail.example.go.id' }, { kind: 'transient' }],
    ['no greeting came', { code: 'ETIMEDOUT', command: 'CONN', timeoutType: 'GREETING_TIMEOUT', message: 'Greeting never received' }, { kind: 'transient' }],
    ['wrong password', { code: 'EAUTH', responseCode: 535, command: 'AUTH PLAIN', message: 'Invalid login: 535 5.7.8 Authentication credentials invalid' }, { kind: 'auth' }],
    ['login required', { code: 'EENVELOPE', responseCode: 530, command: 'MAIL FROM', response: '530 5.7.0 Authentication required' }, { kind: 'auth' }],
    ['the connection lost after the greeting, maybe after DATA', { code: 'ECONNECTION', command: 'CONN', message: 'Connection closed unexpectedly' }, { kind: 'uncertain', retryOnce: true }],
    ['no answer to DATA', { code: 'ETIMEDOUT', command: 'CONN', timeoutType: 'SOCKET_TIMEOUT', message: 'Timeout' }, { kind: 'uncertain', retryOnce: true }],
    ['a reset mid-session', { code: 'ESOCKET', syscall: 'read', message: 'read ECONNRESET' }, { kind: 'uncertain', retryOnce: true }],
    ['a send we aborted', { code: 'EABORT', name: 'AbortError', message: 'Message sending aborted' }, { kind: 'uncertain', retryOnce: true }],
    ['something unknown', { message: 'kaboom' }, { kind: 'uncertain', retryOnce: true }],
  ])('%s', (_what, fields, expected) => {
    expect(classify(smtpError(fields))).toEqual(expected);
  });
});

describe('describe: the cause an officer reads on the board', () => {
  it('names the code, the reply and the command, with the citizen’s address masked', () => {
    const error = smtpError({ code: 'EENVELOPE', responseCode: 550, command: 'RCPT TO', response: '550 5.1.1 <budi.santoso@gmial.com>: Recipient address rejected: User unknown' });
    expect(describeError(error)).toBe('EENVELOPE 550 (RCPT TO): 550 5.1.1 <b**********o@gmial.com>: Recipient address rejected: User unknown');
  });

  it('falls back to the message, and to the value of something that is not an error', () => {
    expect(describeError(smtpError({ code: 'ESOCKET', message: 'connect ECONNREFUSED 127.0.0.1:587' }))).toBe('ESOCKET: connect ECONNREFUSED 127.0.0.1:587');
    expect(describeError('putus')).toBe('putus');
  });
});
