/**
 * Raw mails as they reach the Dinas mailbox, modelled on what Gmail, Outlook, Exchange, Zimbra, Postfix
 * and a mailing list really send. Each builder returns CRLF text; non-ASCII goes encoded, as on the wire.
 */

export const DINAS = 'layanan@disdukcapil.probolinggokota.go.id';

interface Headers {
  [name: string]: string | undefined;
}

const crlf = (text: string) => text.replace(/\r?\n/g, '\r\n');

/** Headers first (undefined ones left out), then a blank line, then the body. */
export function rawMail(headers: Headers, body: string): string {
  const lines = Object.entries(headers)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${name}: ${value}`);
  return crlf(`${lines.join('\n')}\n\n${body}`);
}

const base64Lines = (bytes: Buffer) => bytes.toString('base64').replace(/.{76}/g, '$&\n');

export interface QuestionOptions {
  from?: string;
  subject?: string;
  text?: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string;
  to?: string;
  extra?: Headers;
}

/** A citizen's first mail from Gmail, plain text. */
export function question(options: QuestionOptions = {}): string {
  return rawMail(
    {
      'Return-Path': '<budi.santoso@gmail.com>',
      'MIME-Version': '1.0',
      Date: 'Tue, 3 Nov 2026 09:12:41 +0700',
      'Message-ID': options.messageId ?? '<CAKx7Qm1v3r5aT0nYq2bWq8pZ=Lh@mail.gmail.com>',
      'In-Reply-To': options.inReplyTo,
      References: options.references,
      Subject: options.subject ?? 'Syarat perpanjangan KTP-el',
      From: options.from ?? 'Budi Santoso <Budi.Santoso@gmail.com>',
      To: options.to ?? DINAS,
      'Content-Type': 'text/plain; charset="UTF-8"',
      ...options.extra,
    },
    options.text ?? 'Selamat pagi,\n\nKTP-el saya hilang. Apa saja syarat untuk membuat yang baru?\n\nTerima kasih,\nBudi Santoso\n',
  );
}

/** Gmail, Indonesian interface: multipart/alternative, the reply above "Pada … menulis:" and ">" lines. */
export function gmailReply(options: { code: string; ourMessageId: string; references?: string; from?: string }): string {
  const boundary = '000000000000a1b2c3d4e5f60718';
  return rawMail(
    {
      'MIME-Version': '1.0',
      References: options.references ?? `<CAKx7Qm1v3r5aT0nYq2bWq8pZ=Lh@mail.gmail.com> ${options.ourMessageId}`,
      'In-Reply-To': options.ourMessageId,
      From: options.from ?? 'Budi Santoso <budi.santoso@gmail.com>',
      Date: 'Tue, 3 Nov 2026 10:02:17 +0700',
      'Message-ID': '<CAKx7Qm2reply9Hd0Vw@mail.gmail.com>',
      Subject: `Re: Syarat perpanjangan KTP-el [${options.code}]`,
      To: `Layanan Informasi Disdukcapil <${DINAS}>`,
      'Content-Type': `multipart/alternative; boundary="${boundary}"`,
    },
    `--${boundary}
Content-Type: text/plain; charset="UTF-8"

Baik, terima kasih. Apakah surat kehilangan dari kepolisian wajib dibawa?

Pada Sel, 3 Nov 2026 pukul 09.15 Layanan Informasi Disdukcapil <
${DINAS}> menulis:

> Yth. Budi Santoso,
>
> Terima kasih. Permohonan informasi Anda telah kami terima dan dicatat
> dengan kode ${options.code}.
>

--${boundary}
Content-Type: text/html; charset="UTF-8"

<div dir="ltr">Baik, terima kasih. Apakah surat kehilangan dari kepolisian wajib dibawa?</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">Pada Sel, 3 Nov 2026 pukul 09.15 Layanan Informasi Disdukcapil &lt;<a href="mailto:${DINAS}">${DINAS}</a>&gt; menulis:<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">Yth. Budi Santoso,<br><br>Terima kasih.</blockquote></div>

--${boundary}--
`,
  );
}

/** Outlook (desktop, Indonesian): HTML only, the history under a "Dari:/Dikirim:/Kepada:/Subjek:" block. */
export function outlookReply(options: { code: string; ourMessageId: string }): string {
  const html = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><style><!-- p.MsoNormal {margin:0cm;font-size:11.0pt;} --></style></head>
<body lang="EN-ID"><div class="WordSection1"><p class="MsoNormal">Selamat siang,<o:p></o:p></p><p class="MsoNormal">Akta kelahiran anak saya salah ketik nama ibu. Bagaimana cara membetulkannya &amp; berapa lama?<o:p></o:p></p><p class="MsoNormal">Hormat saya,<br>Siti Rahayu<o:p></o:p></p>
<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm"><p class="MsoNormal"><b>Dari:</b> Layanan Informasi Disdukcapil &lt;${DINAS}&gt;<br><b>Dikirim:</b> Selasa, 03 November 2026 09.20<br><b>Kepada:</b> Siti Rahayu &lt;siti.rahayu@outlook.co.id&gt;<br><b>Subjek:</b> Re: Akta kelahiran [${options.code}]<o:p></o:p></p></div>
<p class="MsoNormal">Yth. Siti Rahayu, permohonan Anda telah kami terima.<o:p></o:p></p></div></body></html>`;
  return rawMail(
    {
      From: 'Siti Rahayu <siti.rahayu@outlook.co.id>',
      To: `"Layanan Informasi Disdukcapil" <${DINAS}>`,
      Subject: `RE: Re: Akta kelahiran [${options.code}]`,
      'Thread-Topic': 'Akta kelahiran',
      Date: 'Tue, 3 Nov 2026 02:41:09 +0000',
      'Message-ID': '<SG2PR06MB5311B0C2E8F4A7D9C1@SG2PR06MB5311.apcprd06.prod.outlook.com>',
      'In-Reply-To': options.ourMessageId,
      References: options.ourMessageId,
      'Content-Language': 'id-ID',
      'Content-Type': 'text/html; charset="utf-8"',
      'Content-Transfer-Encoding': 'base64',
      'MIME-Version': '1.0',
    },
    base64Lines(Buffer.from(html, 'utf8')),
  );
}

/** Outlook's plain-text reply style, "-----Original Message-----" and all. */
export function outlookPlainReply(): string {
  return question({
    from: 'Agus Wibowo <agus.wibowo@yahoo.co.id>',
    subject: 'RE: Pindah datang',
    text: 'Terima kasih atas penjelasannya, besok saya datang.\n\n-----Original Message-----\nFrom: Layanan Informasi <layanan@disdukcapil.probolinggokota.go.id>\nSent: Tuesday, November 3, 2026 9:30 AM\nTo: Agus Wibowo\nSubject: Re: Pindah datang\n\nYth. Agus Wibowo, ...\n',
  });
}

/** A photo of a document (small) and a scan over the cap, as a phone's mail app attaches them. */
export function withAttachments(bigBytes: number): string {
  const boundary = '----=_Part_1_20261103';
  const photo = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex');
  return rawMail(
    {
      From: '=?UTF-8?Q?Dewi_Lestari_=E2=80=94_RT_03?= <dewi.lestari@gmail.com>',
      To: DINAS,
      Subject: '=?UTF-8?B?S2FydHUgS2VsdWFyZ2EgcnVzYWsg4oCTIG1vaG9uIGRpYmFudHU=?=',
      Date: 'Tue, 3 Nov 2026 13:05:00 +0700',
      'Message-ID': '<20261103130500.1@android.gmail.com>',
      'MIME-Version': '1.0',
      'Content-Type': `multipart/mixed; boundary="${boundary}"`,
    },
    `--${boundary}
Content-Type: text/plain; charset=utf-8

Kartu Keluarga saya rusak terkena air, foto terlampir. Bagaimana cara menggantinya?

--${boundary}
Content-Type: image/jpeg; name="KK-rusak.jpg"
Content-Disposition: attachment; filename="KK-rusak.jpg"
Content-Transfer-Encoding: base64

${base64Lines(photo)}
--${boundary}
Content-Type: application/pdf; name="scan-dokumen.pdf"
Content-Disposition: attachment; filename="scan-dokumen.pdf"
Content-Transfer-Encoding: base64

${base64Lines(Buffer.alloc(bigBytes, 0x25))}
--${boundary}--
`,
  );
}

/** Exchange / Outlook out-of-office: no Auto-Submitted, but Exchange's own two markers. */
export function exchangeOutOfOffice(): string {
  return rawMail(
    {
      From: 'Rina Kusuma <rina.kusuma@pemkot.example.go.id>',
      To: DINAS,
      Subject: 'Balasan otomatis: Re: Surat pindah [INF-2611-00007]',
      Date: 'Tue, 3 Nov 2026 10:00:00 +0700',
      'Message-ID': '<a1b2c3d4e5f6@EXCH01.pemkot.example.go.id>',
      'X-Auto-Response-Suppress': 'All',
      'X-MS-Exchange-Inbox-Rules-Loop': 'rina.kusuma@pemkot.example.go.id',
      'Content-Type': 'text/plain; charset="us-ascii"',
    },
    'Saya sedang cuti sampai 10 November 2026. Untuk hal mendesak hubungi bagian umum.\n',
  );
}

/** Gmail's vacation responder: the original subject, Auto-Submitted: auto-replied. */
export function gmailVacation(): string {
  return rawMail(
    {
      'Return-Path': '<budi.santoso@gmail.com>',
      'Auto-Submitted': 'auto-replied',
      Precedence: 'bulk',
      From: 'Budi Santoso <budi.santoso@gmail.com>',
      To: DINAS,
      Subject: 'Re: Syarat perpanjangan KTP-el [INF-2611-00042]',
      'Message-ID': '<CAvacation123@mail.gmail.com>',
      'In-Reply-To': '<inf.INF-2611-00042.17@disdukcapil.probolinggokota.go.id>',
      Date: 'Tue, 3 Nov 2026 09:15:30 +0700',
      'Content-Type': 'text/plain; charset="UTF-8"',
    },
    'Terima kasih atas e-mail Anda. Saya sedang berlibur dan akan membalas setelah 9 November.\n',
  );
}

/** Zimbra's vacation reply (many Indonesian government and campus servers run Zimbra). */
export function zimbraVacation(): string {
  return rawMail(
    {
      From: 'Hendra <hendra@unej.example.ac.id>',
      To: DINAS,
      Subject: 'Sedang tidak di kantor',
      'Auto-Submitted': 'auto-replied (zimbra; vacation)',
      'Message-ID': '<1234.zimbra@unej.example.ac.id>',
      'Content-Type': 'text/plain; charset=utf-8',
    },
    'Mohon maaf, saya sedang tidak di kantor.\n',
  );
}

/** Postfix's bounce of an answer we sent: RFC 3464, with the headers of our mail. */
export function postfixBounce(options: { ourMessageId: string; recipient?: string; action?: string; status?: string; envelopeId?: string }): string {
  const boundary = '4F2A81C0123.1762139702/mail.probolinggokota.go.id';
  const recipient = options.recipient ?? 'budi.santoso@gmial.com';
  const status = options.status ?? '5.1.1';
  return rawMail(
    {
      'Return-Path': '<>',
      Date: 'Tue,  3 Nov 2026 10:15:02 +0700 (WIB)',
      From: 'MAILER-DAEMON@mail.probolinggokota.go.id (Mail Delivery System)',
      Subject: options.action === 'delayed' ? 'Delayed Mail (still being retried)' : 'Undelivered Mail Returned to Sender',
      To: DINAS,
      'Auto-Submitted': 'auto-replied',
      'MIME-Version': '1.0',
      'Content-Type': `multipart/report; report-type=delivery-status;\n\tboundary="${boundary}"`,
      'Message-Id': '<20261103031502.4F2A81C0123@mail.probolinggokota.go.id>',
    },
    `This is a MIME-encapsulated message.

--${boundary}
Content-Description: Notification
Content-Type: text/plain; charset=us-ascii

This is the mail system at host mail.probolinggokota.go.id.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients.

<${recipient}>: host gmial.com[203.0.113.9] said: 550 ${status}
    <${recipient}>: Recipient address rejected: User unknown

--${boundary}
Content-Description: Delivery report
Content-Type: message/delivery-status

Reporting-MTA: dns; mail.probolinggokota.go.id
X-Postfix-Queue-ID: 4F2A81C0123
X-Postfix-Sender: rfc822; ${DINAS}
${options.envelopeId ? `Original-Envelope-Id: ${options.envelopeId}\n` : ''}Arrival-Date: Tue,  3 Nov 2026 10:14:58 +0700 (WIB)

Final-Recipient: rfc822; ${recipient}
Original-Recipient: rfc822;${recipient}
Action: ${options.action ?? 'failed'}
Status: ${status}
Remote-MTA: dns; gmial.com
Diagnostic-Code: smtp; 550 ${status} <${recipient}>: Recipient address
    rejected: User unknown

--${boundary}
Content-Description: Undelivered Message Headers
Content-Type: text/rfc822-headers

Return-Path: <${DINAS}>
From: Layanan Informasi <${DINAS}>
To: ${recipient}
Subject: Re: Syarat perpanjangan KTP-el [INF-2611-00042]
Message-ID: ${options.ourMessageId}
Date: Tue, 3 Nov 2026 10:14:57 +0700

--${boundary}--
`,
  );
}

/** Gmail's "Delivery Status Notification (Failure)": the whole original comes back as message/rfc822. */
export function gmailBounce(options: { ourMessageId: string }): string {
  const boundary = '000000000000deadbeef0001';
  return rawMail(
    {
      From: 'Mail Delivery Subsystem <mailer-daemon@googlemail.com>',
      To: DINAS,
      'Auto-Submitted': 'auto-replied',
      Subject: 'Delivery Status Notification (Failure)',
      'Message-ID': '<6543.dsn@mx.google.com>',
      'Content-Type': `multipart/report; boundary="${boundary}"; report-type=delivery-status`,
      'MIME-Version': '1.0',
    },
    `--${boundary}
Content-Type: text/plain; charset="UTF-8"

Alamat tidak ditemukan. Pesan Anda tidak terkirim ke siti.rahayu@gmail.com karena alamat tidak ditemukan.

--${boundary}
Content-Type: message/delivery-status

Reporting-MTA: dns; googlemail.com

Final-Recipient: rfc822; Siti.Rahayu@gmail.com
Action: failed
Status: 5.1.1
Diagnostic-Code: smtp; 550-5.1.1 The email account that you tried to reach does not exist.

--${boundary}
Content-Type: message/rfc822

From: Layanan Informasi <${DINAS}>
To: siti.rahayu@gmail.com
Subject: Re: Akta kelahiran [INF-2611-00051]
Message-ID: ${options.ourMessageId}
Content-Type: text/plain; charset=utf-8

Yth. Siti Rahayu, ...

--${boundary}--
`,
  );
}

/** A mailing list the Dinas address is on (a Google Group of the Pemkot's public-relations officers). */
export function listMail(): string {
  return rawMail(
    {
      From: 'Humas Pemkot <humas@probolinggokota.example.go.id>',
      To: 'pejabat-ppid@googlegroups.com',
      Subject: '[pejabat-ppid] Rapat koordinasi PPID hari Kamis',
      'Message-ID': '<list-7781@probolinggokota.example.go.id>',
      'List-Id': '<pejabat-ppid.googlegroups.com>',
      'List-Unsubscribe': '<mailto:pejabat-ppid+unsubscribe@googlegroups.com>',
      Precedence: 'list',
      'Mailing-list': 'list pejabat-ppid@googlegroups.com',
      'Content-Type': 'text/plain; charset=utf-8',
    },
    'Yth. rekan-rekan PPID pembantu, rapat koordinasi diadakan Kamis pukul 09.00.\n',
  );
}

/** LAPOR!'s notification to the Dinas admin: quoted-printable UTF-8 from its no-reply address, as such systems send it. */
export function laporNotification(options: { body: string; messageId: string; subject?: string; from?: string }): string {
  const qp = Buffer.from(options.body, 'utf8')
    .toString('latin1')
    .replace(/[^\n\x20-\x3c\x3e-\x7e]/g, (char) => `=${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
    .replace(/[^\n]{73}(?=[^\n])/g, '$&=\n');
  return rawMail(
    {
      'MIME-Version': '1.0',
      Date: 'Thu, 5 Feb 2026 13:25:02 +0700',
      'Message-ID': options.messageId,
      Subject: options.subject ?? '[SP4N-LAPOR!] Laporan baru untuk instansi Anda',
      From: options.from ?? 'SP4N-LAPOR! <noreply@lapor.go.id>',
      To: DINAS,
      'Auto-Submitted': 'auto-generated',
      'Content-Type': 'text/plain; charset="UTF-8"',
      'Content-Transfer-Encoding': 'quoted-printable',
    },
    qp,
  );
}
