import { htmlToText } from '../../plugins/channels/src/email/html';
import { parseMail } from '../../plugins/channels/src/email/parse';
import { stripQuotedHistory } from '../../plugins/channels/src/email/reply';
import { gmailReply, outlookPlainReply, outlookReply, question, withAttachments } from '../helpers/mails';

const CODE = 'INF-2611-00042';
const OURS = `<inf.${CODE}.17@disdukcapil.probolinggokota.go.id>`;
const parse = (raw: string, attachmentMaxBytes = 1024 * 1024) => parseMail(Buffer.from(raw), { attachmentMaxBytes });

describe('parseMail: a mail as the intake needs it', () => {
  it('reads a first question from Gmail: ids, sender lower-cased, subject, date, text', async () => {
    const mail = await parse(question());
    expect(mail).toMatchObject({
      messageId: '<CAKx7Qm1v3r5aT0nYq2bWq8pZ=Lh@mail.gmail.com>',
      inReplyTo: null,
      references: [],
      from: { address: 'budi.santoso@gmail.com', name: 'Budi Santoso' },
      to: [{ address: 'layanan@disdukcapil.probolinggokota.go.id', name: '' }],
      subject: 'Syarat perpanjangan KTP-el',
      date: new Date('2026-11-03T02:12:41Z'),
      text: 'Selamat pagi,\n\nKTP-el saya hilang. Apa saja syarat untuk membuat yang baru?\n\nTerima kasih,\nBudi Santoso',
      attachments: [],
    });
    expect(mail.replyText).toBe(mail.text);
    expect(mail.headers.get('return-path')).toEqual(['<budi.santoso@gmail.com>']);
  });

  it('reads a Gmail reply: the thread ids, and the reply without "Pada … menulis:" and the quoted lines', async () => {
    const mail = await parse(gmailReply({ code: CODE, ourMessageId: OURS }));
    expect(mail.inReplyTo).toBe(OURS);
    expect(mail.references).toEqual(['<CAKx7Qm1v3r5aT0nYq2bWq8pZ=Lh@mail.gmail.com>', OURS]);
    expect(mail.text).toContain('> Terima kasih. Permohonan informasi Anda telah kami terima');
    expect(mail.replyText).toBe('Baik, terima kasih. Apakah surat kehilangan dari kepolisian wajib dibawa?');
  });

  it('makes an HTML-only Outlook reply readable and cuts it at the "Dari:/Dikirim:/Kepada:" block', async () => {
    const mail = await parse(outlookReply({ code: 'INF-2611-00051', ourMessageId: OURS }));
    expect(mail.hasHtml).toBe(true);
    expect(mail.subject).toBe('RE: Re: Akta kelahiran [INF-2611-00051]');
    expect(mail.text).not.toMatch(/MsoNormal|<\/?(p|div|b|br|o:p)\b|&amp;/);
    expect(mail.text).toContain('Dari: Layanan Informasi Disdukcapil <layanan@disdukcapil.probolinggokota.go.id>');
    expect(mail.replyText).toBe(
      'Selamat siang,\n\nAkta kelahiran anak saya salah ketik nama ibu. Bagaimana cara membetulkannya & berapa lama?\n\nHormat saya,\nSiti Rahayu',
    );
  });

  it('keeps attachments with their content under the cap, and only their name, type and size over it', async () => {
    const mail = await parse(withAttachments(300_000), 100_000);
    expect(mail.from).toEqual({ address: 'dewi.lestari@gmail.com', name: 'Dewi Lestari — RT 03' });
    expect(mail.subject).toBe('Kartu Keluarga rusak – mohon dibantu');
    expect(mail.attachments.map(({ content, ...meta }) => ({ ...meta, hasContent: content !== null }))).toEqual([
      { filename: 'KK-rusak.jpg', mimeType: 'image/jpeg', size: 22, omitted: false, inline: false, contentId: null, hasContent: true },
      { filename: 'scan-dokumen.pdf', mimeType: 'application/pdf', size: 300_000, omitted: true, inline: false, contentId: null, hasContent: false },
    ]);
    expect(Buffer.from(mail.attachments[0].content!).subarray(0, 2).toString('hex')).toBe('ffd8');
  });

  it('has no Message-ID rather than an invented one when the mail carries none', async () => {
    const raw = question().replace(/Message-ID: .*\r\n/, '');
    expect((await parse(raw)).messageId).toBeNull();
  });
});

describe('htmlToText: HTML a person can read', () => {
  it.each([
    ['paragraphs and line breaks', '<p>Selamat pagi,</p><p>Saya mau tanya<br>syarat KIA.</p>', 'Selamat pagi,\n\nSaya mau tanya\nsyarat KIA.'],
    ['entities, named and numeric', '<div>Pak&nbsp;RT &amp; RW &#8211; &#x2014; &quot;KK&quot; &hellip;</div>', 'Pak RT & RW – — "KK" …'],
    ['scripts, styles and comments dropped', '<style>p{color:red}</style><script>alert(1)</script><!-- x --><p>Isi</p>', 'Isi'],
    ['lists as dashes', '<ul><li>Fotokopi KK</li><li>Surat kehilangan</li></ul>', '- Fotokopi KK\n- Surat kehilangan'],
    ['a link keeps its address', '<p>Lihat <a href="https://probolinggokota.go.id/kia">halaman ini</a></p>', 'Lihat halaman ini (https://probolinggokota.go.id/kia)'],
    ['a blockquote becomes ">" lines', '<div>Ya.</div><blockquote><div>Pertanyaan lama</div><div>baris 2</div></blockquote>', 'Ya.\n\n> Pertanyaan lama\n> baris 2'],
    ['table cells side by side', '<table><tr><td>Nama</td><td>Budi</td></tr><tr><td>Kel.</td><td>Jati</td></tr></table>', 'Nama Budi\nKel. Jati'],
    ['preformatted text kept as it is', '<pre>NIK   : ****\nNama  : Budi</pre>', 'NIK   : ****\nNama  : Budi'],
  ])('%s', (_what, html, text) => {
    expect(htmlToText(html)).toBe(text);
  });
});

describe('stripQuotedHistory: what the citizen wrote this time', () => {
  it.each([
    ['Gmail in English', 'Thanks, noted.\n\nOn Tue, Nov 3, 2026 at 9:15 AM Layanan <layanan@x.go.id> wrote:\n> Dear Sir,\n> ...', 'Thanks, noted.'],
    ['Gmail in Indonesian, on one line', 'Sudah saya kirim.\n\nPada Sel, 3 Nov 2026 09.15, Layanan <layanan@x.go.id> menulis:\n> Yth.', 'Sudah saya kirim.'],
    ['the attribution wrapped over two lines', 'Oke.\n\nPada Sel, 3 Nov 2026 pukul 09.15 Layanan Informasi Disdukcapil <\nlayanan@x.go.id> menulis:\n\n> Yth.', 'Oke.'],
    ['Outlook plain text', 'Terima kasih.\n\n-----Original Message-----\nFrom: Layanan\nSent: Tuesday\n\nYth. ...', 'Terima kasih.'],
    ['Outlook in Indonesian with its rule', 'Baik.\n\n________________________________\nDari: Layanan <layanan@x.go.id>\nDikirim: Selasa, 3 November 2026 09.20\nKepada: Siti\nSubjek: Re: KIA\n\nYth. Siti', 'Baik.'],
    ['a trailing block of ">" lines without attribution', 'Siap, terima kasih.\n\n> Yth. Bapak,\n> dokumen sudah bisa diambil.', 'Siap, terima kasih.'],
    ['bottom-posting: the reply under the quote', 'Pada Sel, 3 Nov 2026 09.15, Layanan <l@x.go.id> menulis:\n> Kapan Anda datang?\n\nBesok pagi.', 'Besok pagi.'],
    ['interleaved answers keep their context', '> Nama ibu kandung?\nSri Wahyuni\n> Tanggal lahir anak?\n12 Mei 2026', '> Nama ibu kandung?\nSri Wahyuni\n> Tanggal lahir anak?\n12 Mei 2026'],
    ['a mail that is all quote keeps all of it', '> hanya kutipan', '> hanya kutipan'],
  ])('%s', (_what, text, reply) => {
    expect(stripQuotedHistory(text)).toBe(reply);
  });

  it('leaves "Dari:" in the citizen\'s own words alone', () => {
    const text = 'Dari: kelurahan saya disuruh ke Dinas.\nApakah benar?';
    expect(stripQuotedHistory(text)).toBe(text);
  });

  it('cuts the plain Outlook reply of a parsed mail', async () => {
    expect((await parse(outlookPlainReply())).replyText).toBe('Terima kasih atas penjelasannya, besok saya datang.');
  });
});
