import { DEFAULT_SOP_POLICY } from '@layanan/config';
import { composeAnswer, composeMessage, composeReceipt, durationText, ownMessageId, replySubject, type OutgoingContext } from '../../plugins/channels/src/email/compose';

const CODE = 'INF-2611-00042';

function context(overrides: Partial<OutgoingContext> = {}): OutgoingContext {
  return {
    from: { address: 'layanan@disdukcapil.probolinggokota.go.id', name: 'Layanan Informasi Disdukcapil' },
    domain: 'disdukcapil.probolinggokota.go.id',
    to: { address: 'budi.santoso@gmail.com', name: 'Budi Santoso' },
    code: CODE,
    outboxId: 17,
    thread: { messageId: '<CAKx7Qm1@mail.gmail.com>', references: ['<root@mail.gmail.com>'], subject: 'Syarat perpanjangan KTP-el' },
    instance: 'probolinggo-1',
    organisation: { name: 'Dinas Kependudukan dan Pencatatan Sipil Kota Probolinggo', addressLine: 'Kota Probolinggo, Jawa Timur' },
    ...overrides,
  };
}

const receipt = (ctx = context()) =>
  composeReceipt(ctx, { status: 'received', trackingUrl: `https://layanan.example.go.id/lacak/${CODE}?token=abc123`, privacyUrl: 'https://layanan.example.go.id/privasi', policy: DEFAULT_SOP_POLICY });

describe('the receipt: code, status, tracking link and the SOP’s next steps, in Indonesian', () => {
  it('is a reply in the citizen’s thread, with our own Message-ID and a DSN request', () => {
    const mail = receipt();
    expect(mail).toMatchObject({
      from: { name: 'Layanan Informasi Disdukcapil', address: 'layanan@disdukcapil.probolinggokota.go.id' },
      to: { name: 'Budi Santoso', address: 'budi.santoso@gmail.com' },
      subject: `Re: Syarat perpanjangan KTP-el [${CODE}]`,
      messageId: `<inf.${CODE}.17@disdukcapil.probolinggokota.go.id>`,
      inReplyTo: '<CAKx7Qm1@mail.gmail.com>',
      references: ['<root@mail.gmail.com>', '<CAKx7Qm1@mail.gmail.com>'],
      dsn: { id: '17', return: 'headers', notify: ['failure', 'delay'], recipient: 'budi.santoso@gmail.com' },
    });
  });

  it('says it is automatic, so that responders stay quiet, and marks itself as ours', () => {
    expect(receipt().headers).toEqual({ 'X-Layanan-Loop': 'probolinggo-1', 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All' });
  });

  it('tells the citizen the code, the status, the link and the SOP’s times from the policy', () => {
    const text = String(receipt().text);
    expect(text).toMatch(/^Yth\. Budi Santoso,/);
    expect(text).toContain(`Permohonan informasi Anda telah kami terima dan dicatat dengan kode ${CODE}.`);
    expect(text).toContain('Status saat ini: Diterima.');
    expect(text).toContain('meneruskannya ke bidang terkait dalam 15 menit jam kerja.');
    expect(text).toContain('paling lambat 2 jam 15 menit jam kerja sejak permohonan informasi diterima.');
    expect(text).toContain(`https://layanan.example.go.id/lacak/${CODE}?token=abc123`);
    expect(text).toContain('Dinas Kependudukan dan Pencatatan Sipil Kota Probolinggo\nKota Probolinggo, Jawa Timur');
  });

  it('links the privacy notice (UU 27/2022 Pasal 21), naming the Dinas that processes the data', () => {
    const text = String(receipt().text);
    expect(text).toContain('Dinas Kependudukan dan Pencatatan Sipil Kota Probolinggo mencatat data pribadi Anda hanya untuk menjawab permohonan informasi ini (UU 27/2022).');
    expect(text).toContain('\n\nhttps://layanan.example.go.id/privasi\n\n');
    expect(String(receipt().html)).toContain('<a href="https://layanan.example.go.id/privasi">');
  });

  it('takes the times from a revised policy, and leaves out "jam kerja" when the clock runs in calendar time', () => {
    const text = String(composeReceipt(context(), { status: 'received', trackingUrl: 'https://x.go.id/t', privacyUrl: 'https://x.go.id/privasi', policy: { triageMinutes: 30, coordinationMinutes: 120, answerMinutes: 90, clockMode: 'calendar' } }).text);
    expect(text).toContain('dalam 30 menit.');
    expect(text).toContain('paling lambat 4 jam sejak');
    expect(text).not.toContain('jam kerja');
  });

  it('speaks of a complaint as pengaduan', () => {
    expect(String(receipt(context({ kind: 'complaint', code: 'ADU-2611-00003' })).text)).toContain('Pengaduan Anda telah kami terima dan dicatat dengan kode ADU-2611-00003.');
  });

  it('has an HTML part with everything escaped and the link clickable', () => {
    const html = String(receipt(context({ to: { address: 'x@example.com', name: '<script>alert(1)</script>' } })).html);
    expect(html).not.toContain('<script>');
    expect(html).toContain('Yth. &#60;script&#62;alert(1)&#60;/script&#62;,');
    expect(html).toContain(`<a href="https://layanan.example.go.id/lacak/${CODE}?token=abc123">`);
  });

  it('starts a thread of its own for a request from the website: no In-Reply-To, no "Re:"', () => {
    const mail = receipt(context({ thread: { messageId: null, references: [], subject: 'Cara mengurus KIA' }, to: { address: 'sari@example.com' } }));
    expect(mail.subject).toBe(`Cara mengurus KIA [${CODE}]`);
    expect(mail.inReplyTo).toBeUndefined();
    expect(mail.references).toBeUndefined();
    expect(mail.to).toBe('sari@example.com');
    expect(String(mail.text)).toMatch(/^Yth\. Bapak\/Ibu,/);
  });
});

describe('the answer and the officer’s own message', () => {
  it('carries the answer with no Auto-Submitted: a person wrote it', () => {
    const mail = composeAnswer(context({ outboxId: 18 }), { text: 'Syaratnya: fotokopi KK dan surat kehilangan dari kepolisian.\nDatang ke loket 2.', trackingUrl: 'https://x.go.id/lacak' });
    expect(mail.headers).toEqual({ 'X-Layanan-Loop': 'probolinggo-1' });
    expect(mail.messageId).toBe(`<inf.${CODE}.18@disdukcapil.probolinggokota.go.id>`);
    expect(String(mail.text)).toContain('Syaratnya: fotokopi KK dan surat kehilangan dari kepolisian.\nDatang ke loket 2.');
    expect(String(mail.html)).toContain('<p>Syaratnya: fotokopi KK dan surat kehilangan dari kepolisian.<br>Datang ke loket 2.</p>');
    expect(String(mail.text)).toContain('https://x.go.id/lacak');
  });

  it('asks for a missing detail in the same thread', () => {
    const mail = composeMessage(context({ outboxId: 'k9x2' }), { text: 'Mohon kirim foto KK Anda.' });
    expect(mail).toMatchObject({ subject: `Re: Syarat perpanjangan KTP-el [${CODE}]`, inReplyTo: '<CAKx7Qm1@mail.gmail.com>', messageId: `<inf.${CODE}.k9x2@disdukcapil.probolinggokota.go.id>` });
    expect(mail.headers).not.toHaveProperty('Auto-Submitted');
    expect(String(mail.text)).toContain('Mohon kirim foto KK Anda.');
  });

  it('keeps a long References chain to its root and its latest ids', () => {
    const references = Array.from({ length: 30 }, (_, i) => `<m${i}@x>`);
    const mail = composeAnswer(context({ thread: { messageId: '<last@x>', references, subject: 'Re: x' } }), { text: 'y' });
    const sent = mail.references as string[];
    expect(sent).toHaveLength(20);
    expect(sent[0]).toBe('<m0@x>');
    expect(sent.at(-1)).toBe('<last@x>');
  });
});

describe('subjects and ids', () => {
  it.each([
    ['Syarat KTP-el', `Re: Syarat KTP-el [${CODE}]`],
    ['Re: Syarat KTP-el', `Re: Syarat KTP-el [${CODE}]`],
    ['RE: Re: Re[2]: Syarat KTP-el', `Re: Syarat KTP-el [${CODE}]`],
    ['Balas: Syarat KTP-el', `Re: Syarat KTP-el [${CODE}]`],
    [`Re: Syarat KTP-el [${CODE}]`, `Re: Syarat KTP-el [${CODE}]`],
    [`Re: [${CODE.toLowerCase()}] Syarat KTP-el [${CODE}]`, `Re: Syarat KTP-el [${CODE}]`],
    [`Status ${CODE}?`, `Re: Status? [${CODE}]`],
    ['', `Re: Permohonan informasi [${CODE}]`],
  ])('%j → %j', (subject, expected) => {
    expect(replySubject(subject, CODE, true)).toBe(expected);
  });

  it('builds our Message-ID from the code and the outbox row, under our domain only', () => {
    expect(ownMessageId(CODE, 'abc/def', 'Disdukcapil.Probolinggokota.go.id')).toBe(`<inf.${CODE}.abcdef@disdukcapil.probolinggokota.go.id>`);
  });

  it.each([
    [15, '15 menit'],
    [60, '1 jam'],
    [135, '2 jam 15 menit'],
    [0, '0 menit'],
  ])('%i minutes read "%s"', (minutes, text) => {
    expect(durationText(minutes)).toBe(text);
  });
});
