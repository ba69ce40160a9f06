import { EmailConfigError, parseAddressSetting, readEmailConfig, validateEmailEnv } from '../../plugins/channels/src/email/config';

const IMAP = { MAIL_IMAP_HOST: 'mail.probolinggokota.go.id', MAIL_IMAP_USER: 'layanan@disdukcapil.probolinggokota.go.id', MAIL_IMAP_PASS: 'rahasia' };
const SMTP = { MAIL_SMTP_HOST: 'mail.probolinggokota.go.id', MAIL_SMTP_USER: 'layanan', MAIL_SMTP_PASS: 'rahasia', MAIL_FROM: 'Layanan Informasi Disdukcapil <Layanan@Disdukcapil.Probolinggokota.go.id>' };

function problemsOf(env: Record<string, string>): string[] {
  try {
    validateEmailEnv(env);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(EmailConfigError);
    return (error as EmailConfigError).problems;
  }
}

describe('e-mail settings from the environment', () => {
  it('leaves both sides off when nothing is set, with the defaults in place', () => {
    expect(readEmailConfig({})).toEqual({ inbound: null, outbound: null, ownAddresses: [], maxBytes: 10 * 1024 * 1024, attachmentMaxBytes: 5 * 1024 * 1024, rawRetentionDays: 30, tlsVerify: true });
  });

  it('checks mail servers\' certificates unless MAIL_TLS_VERIFY=false, and refuses anything else', () => {
    expect(readEmailConfig({ MAIL_TLS_VERIFY: 'false' }).tlsVerify).toBe(false);
    expect(() => readEmailConfig({ MAIL_TLS_VERIFY: 'nanti' })).toThrow(/MAIL_TLS_VERIFY must be true or false/);
  });

  it('reads a full set-up: IMAPS on 993 and STARTTLS submission on 587 by default, INBOX, a poll each minute', () => {
    const config = readEmailConfig({ ...IMAP, ...SMTP });
    expect(config.inbound).toEqual({ host: 'mail.probolinggokota.go.id', port: 993, secure: true, user: IMAP.MAIL_IMAP_USER, pass: 'rahasia', mailbox: 'INBOX', pollSeconds: 60 });
    expect(config.outbound).toEqual({
      host: 'mail.probolinggokota.go.id', port: 587, secure: false, user: 'layanan', pass: 'rahasia',
      from: { address: 'layanan@disdukcapil.probolinggokota.go.id', name: 'Layanan Informasi Disdukcapil' },
      domain: 'disdukcapil.probolinggokota.go.id',
    });
    expect(config.ownAddresses).toEqual(['layanan@disdukcapil.probolinggokota.go.id']);
  });

  it('follows an explicit port and security: 465 implies TLS, 143 and false mean plain IMAP', () => {
    const config = readEmailConfig({ ...IMAP, ...SMTP, MAIL_IMAP_PORT: '143', MAIL_IMAP_SECURE: 'false', MAIL_SMTP_PORT: '465', MAIL_IMAP_MAILBOX: 'Layanan', MAIL_POLL_SECONDS: '30' });
    expect(config.inbound).toMatchObject({ port: 143, secure: false, mailbox: 'Layanan', pollSeconds: 30 });
    expect(config.outbound).toMatchObject({ port: 465, secure: true });
  });

  it('lets a relay that needs no login send (user and password both unset)', () => {
    expect(readEmailConfig({ MAIL_SMTP_HOST: '10.0.0.5', MAIL_SMTP_PORT: '25', MAIL_FROM: 'layanan@disdukcapil.probolinggokota.go.id' }).outbound).toMatchObject({ port: 25, secure: false, user: '', pass: '' });
  });

  it('reads the size limits and the retention of raw mail', () => {
    expect(readEmailConfig({ MAIL_MAX_BYTES: '2000000', MAIL_ATTACHMENT_MAX_BYTES: '500000', MAIL_RAW_RETENTION_DAYS: '7' })).toMatchObject({ maxBytes: 2_000_000, attachmentMaxBytes: 500_000, rawRetentionDays: 7 });
  });

  it.each([
    ['intake with a host but no login', { MAIL_IMAP_HOST: 'mail.example.go.id' }, [/MAIL_IMAP_USER is not set/, /MAIL_IMAP_PASS is not set/]],
    ['intake with a login but no host', { MAIL_IMAP_USER: 'layanan', MAIL_IMAP_PASS: 'x' }, [/MAIL_IMAP_HOST is not set, but MAIL_IMAP_USER, MAIL_IMAP_PASS are/]],
    ['sending without MAIL_FROM', { MAIL_SMTP_HOST: 'mail.example.go.id' }, [/MAIL_FROM is not set/]],
    ['MAIL_FROM without a server to send through', { MAIL_FROM: 'layanan@example.go.id' }, [/MAIL_SMTP_HOST is not set, but MAIL_FROM is/]],
    ['a user without a password', { ...SMTP, MAIL_SMTP_PASS: '' }, [/MAIL_SMTP_USER and MAIL_SMTP_PASS go together/]],
    ['a port that is not a number', { ...IMAP, MAIL_IMAP_PORT: 'imaps' }, [/MAIL_IMAP_PORT must be a whole number from 1 to 65535, got "imaps"/]],
    ['a port out of range', { ...SMTP, MAIL_SMTP_PORT: '70000' }, [/MAIL_SMTP_PORT must be a whole number/]],
    ['SECURE that is not true or false', { ...IMAP, MAIL_IMAP_SECURE: 'ya' }, [/MAIL_IMAP_SECURE must be true or false, got "ya"/]],
    ['MAIL_FROM that is not an address', { ...SMTP, MAIL_FROM: 'Layanan Informasi' }, [/MAIL_FROM must be an e-mail address/]],
    ['a poll of zero seconds', { ...IMAP, MAIL_POLL_SECONDS: '0' }, [/MAIL_POLL_SECONDS must be a whole number from 1 to 3600/]],
    ['a size limit in words', { MAIL_MAX_BYTES: '10MB' }, [/MAIL_MAX_BYTES must be a whole number/]],
  ])('refuses %s with a message that names the setting', (_what, env, expected) => {
    const problems = problemsOf(env);
    expect(problems).toHaveLength(expected.length);
    expected.forEach((pattern, i) => expect(problems[i]).toMatch(pattern));
  });

  it('names every problem at once, in one error', () => {
    expect(() => readEmailConfig({ MAIL_IMAP_HOST: 'x', MAIL_SMTP_PORT: 'abc', MAIL_FROM: 'bukan alamat', MAIL_SMTP_HOST: 'y' })).toThrow(
      /E-mail settings are incomplete or invalid:\n- .*MAIL_IMAP_USER[\s\S]*MAIL_SMTP_PORT[\s\S]*MAIL_FROM must be/,
    );
  });

  it.each([
    ['layanan@example.go.id', { address: 'layanan@example.go.id', name: '' }],
    ['Layanan Informasi <Layanan@Example.go.id>', { address: 'layanan@example.go.id', name: 'Layanan Informasi' }],
    ['"Disdukcapil, Kota Probolinggo" <layanan@example.go.id>', { address: 'layanan@example.go.id', name: 'Disdukcapil, Kota Probolinggo' }],
    ['layanan@localhost', null],
    ['<>', null],
  ])('reads the address setting %j', (value, expected) => {
    expect(parseAddressSetting(value)).toEqual(expected);
  });
});
