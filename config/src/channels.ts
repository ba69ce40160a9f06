/** Where a request arrives; the answer goes back through the same one (SOP step 4). */
export const CHANNELS = [
  'walk_in',
  'phone',
  'website',
  'email',
  'whatsapp',
  'telegram',
  'lapor_sp4n',
  'view_probolinggo',
  'radio',
  'facebook',
  'instagram',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Record<Channel, { id: string; en: string }> = {
  walk_in: { id: 'Datang langsung', en: 'Walk-in' },
  phone: { id: 'Telepon', en: 'Telephone' },
  website: { id: 'Website', en: 'Website' },
  email: { id: 'E-mail', en: 'E-mail' },
  whatsapp: { id: 'WhatsApp', en: 'WhatsApp' },
  telegram: { id: 'Telegram', en: 'Telegram' },
  lapor_sp4n: { id: 'SP4N-LAPOR!', en: 'SP4N-LAPOR!' },
  view_probolinggo: { id: 'View Probolinggo', en: 'View Probolinggo' },
  radio: { id: 'Radio Suara Kota', en: 'Radio Suara Kota' },
  facebook: { id: 'Facebook', en: 'Facebook' },
  instagram: { id: 'Instagram', en: 'Instagram' },
};

/** Channels an officer records by hand (SOP 2a, and 2b sources without an adapter). */
export const OFFICER_INTAKE_CHANNELS: readonly Channel[] = [
  'walk_in',
  'phone',
  'radio',
  'view_probolinggo',
  'lapor_sp4n',
  'email',
  'whatsapp',
  'facebook',
  'instagram',
];

export const KINDS = ['information', 'complaint'] as const;
export type Kind = (typeof KINDS)[number];

export const KIND_LABELS: Record<Kind, { id: string; en: string }> = {
  information: { id: 'Informasi', en: 'Information' },
  complaint: { id: 'Pengaduan', en: 'Complaint' },
};

export const SERVICE_CATEGORIES = [
  'ktp_el',
  'kk',
  'kia',
  'akta_kelahiran',
  'akta_kematian',
  'perkawinan_perceraian',
  'pindah_datang',
  'lainnya',
] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];

export const SERVICE_CATEGORY_LABELS: Record<ServiceCategory, { id: string; en: string }> = {
  ktp_el: { id: 'KTP-el', en: 'Electronic ID card' },
  kk: { id: 'Kartu Keluarga', en: 'Family card' },
  kia: { id: 'Kartu Identitas Anak', en: 'Child ID card' },
  akta_kelahiran: { id: 'Akta Kelahiran', en: 'Birth certificate' },
  akta_kematian: { id: 'Akta Kematian', en: 'Death certificate' },
  perkawinan_perceraian: { id: 'Perkawinan/Perceraian', en: 'Marriage/Divorce' },
  pindah_datang: { id: 'Pindah-Datang', en: 'Moving in/out' },
  lainnya: { id: 'Lainnya', en: 'Other' },
};

/**
 * How each channel works in SOP steps 1 and 4. `intake`: an adapter brings requests in by itself, or an officer
 * records them. `answer`: an adapter carries the answer back, an officer delivers it and confirms (a delivery
 * task), or the tracking page shows it. A channel whose adapter is not configured falls back to the officer.
 */
export type IntakeMode = 'adapter' | 'officer';
export type AnswerMode = 'adapter' | 'officer' | 'tracking';
export const CHANNEL_MEDIA: Record<Channel, { intake: IntakeMode; answer: AnswerMode }> = {
  walk_in: { intake: 'officer', answer: 'officer' },
  phone: { intake: 'officer', answer: 'officer' },
  website: { intake: 'adapter', answer: 'tracking' },
  email: { intake: 'adapter', answer: 'adapter' },
  whatsapp: { intake: 'adapter', answer: 'adapter' },
  telegram: { intake: 'adapter', answer: 'adapter' },
  lapor_sp4n: { intake: 'officer', answer: 'officer' },
  view_probolinggo: { intake: 'officer', answer: 'officer' },
  radio: { intake: 'officer', answer: 'officer' },
  facebook: { intake: 'adapter', answer: 'adapter' },
  instagram: { intake: 'adapter', answer: 'adapter' },
};

/**
 * Channels where the answer is spoken, not sent: face to face at the counter, on a telephone call, read out on
 * air. The officer delivers it (disampaikan) and confirms; nothing leaves the system, so nothing says "sent".
 */
export const SPOKEN_ANSWER_CHANNELS: readonly Channel[] = ['walk_in', 'phone', 'radio'];

export function isSpokenAnswer(channel: string): boolean {
  return (SPOKEN_ANSWER_CHANNELS as readonly string[]).includes(channel);
}

/**
 * Channels whose answer goes to an account or address the citizen names (a profile, a number, an inbox): a
 * spoken answer needs none, and SP4N-LAPOR! answers in its own ticket.
 */
export function takesReplyAddress(channel: string): boolean {
  return !isSpokenAnswer(channel) && channel !== 'lapor_sp4n';
}

/**
 * Where the answer stands after step 4: on its way through an adapter, delivered (the medium accepted it, or
 * the officer confirmed handing it over), failed (with the cause), or waiting for the officer to deliver it.
 */
export const ANSWER_DELIVERY_STATES = ['sending', 'delivered', 'failed', 'officer_task'] as const;
export type AnswerDelivery = (typeof ANSWER_DELIVERY_STATES)[number];

export const ANSWER_DELIVERY_LABELS: Record<AnswerDelivery, { id: string; en: string }> = {
  sending: { id: 'Sedang dikirim', en: 'Sending' },
  delivered: { id: 'Terkirim', en: 'Delivered' },
  failed: { id: 'Gagal terkirim', en: 'Delivery failed' },
  officer_task: { id: 'Menunggu disampaikan petugas', en: 'Awaiting delivery by an officer' },
};

/** The channel a conversation message travelled through, and which way. */
export const MESSAGE_DIRECTIONS = ['in', 'out'] as const;
export type MessageDirection = (typeof MESSAGE_DIRECTIONS)[number];
/** What a message of the conversation is for: the request itself, a later word from the citizen, our receipt, the answer, or another message. */
export const MESSAGE_PURPOSES = ['question', 'follow_up', 'receipt', 'answer', 'message'] as const;
export type MessagePurpose = (typeof MESSAGE_PURPOSES)[number];
export const MESSAGE_STATES = ['received', 'queued', 'sent', 'delivered', 'read', 'failed'] as const;
export type MessageState = (typeof MESSAGE_STATES)[number];

/**
 * The outbox channel of the rows written for the citizen of a request (the receipt, the answer). Kept apart
 * from the media's own outbox channels (`telegram` also carries the staff alerts, `smtp` the mail itself),
 * so routing a citizen's row is never confused with sending one.
 */
export const citizenOutboxChannel = (channel: Channel | string) => `citizen:${channel}`;

/**
 * Chat media that answer freely only for a while after the citizen's last message (WhatsApp's customer
 * service window; Messenger's and Instagram's standard window): hours, and how long before it closes the
 * officers are reminded (once, on Telegram, while the request still waits for its answer) and the card turns
 * amber. Meta's rule and the office's habit, not the SOP's: the SOP policy does not carry them.
 */
export const REPLY_WINDOW_HOURS: Partial<Record<Channel, number>> = { whatsapp: 24, facebook: 24, instagram: 24 };
export const REPLY_WINDOW_WARNING_MINUTES = 120;

/** When the officers hear that a reply window closing at `until` is about to close. */
export const replyWindowReminderAt = (until: Date): Date => new Date(until.getTime() - REPLY_WINDOW_WARNING_MINUTES * 60_000);

/** The media's own outbox channels (a sender each), as officers read them when one is held. */
export const OUTBOX_CHANNEL_LABELS: Record<string, { id: string; en: string }> = {
  telegram: { id: 'Telegram', en: 'Telegram' },
  smtp: { id: 'E-mail (SMTP)', en: 'E-mail (SMTP)' },
  'whatsapp-api': { id: 'WhatsApp', en: 'WhatsApp' },
  'messenger-api': { id: 'Facebook Messenger', en: 'Facebook Messenger' },
  'instagram-api': { id: 'Instagram', en: 'Instagram' },
  'lapor-api': { id: 'SP4N-LAPOR! (tindak lanjut)', en: 'SP4N-LAPOR! (follow-up)' },
};

/**
 * A citizen's file that a browser may show in place (a photo, a PDF, a voice note). Anything else (HTML, SVG,
 * an office document) is only downloaded: opened from our own address it could run script as the officer.
 */
export const opensInline = (mimeType: string | null | undefined): boolean =>
  /^(image\/(jpeg|png|webp|gif)|application\/pdf|audio\/[\w.+-]+|video\/[\w.+-]+|text\/plain)$/.test(String(mimeType ?? '').toLowerCase());
