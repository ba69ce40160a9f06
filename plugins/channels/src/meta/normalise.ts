/**
 * A Meta message item made into what the intake takes: who wrote (their address on the medium and the name
 * they show), what they wrote as text an officer can read, and the media they attached (ids only: the files
 * are fetched later, for staff). Pure; WhatsApp's message types per channels.md §2.2.
 */

export interface NormalisedMessage {
  externalId: string;
  /** WhatsApp: +<wa_id>, or the BSUID when the number is hidden; Messenger/Instagram: the PSID/IGSID. */
  address: string;
  name: string | null;
  text: string;
  at: Date;
  attachments: { type: string; mediaId?: string; url?: string; mimeType?: string; filename?: string; sha256?: string }[];
  /** The message it quotes (a reply in the app), if any. */
  replyTo: string | null;
  /** WhatsApp identity, both kept: the phone may be hidden behind a username, the BSUID may change with the number. */
  identity: { phone: string | null; bsuid: string | null; username: string | null };
}

/**
 * WhatsApp telling us a citizen's identity changed (a `system` message): the addresses they had, and the
 * ones they have now, so their open request follows them.
 */
export interface IdentityChange {
  change: 'user_changed_number' | 'user_changed_user_id';
  previous: string[];
  phone: string | null;
  bsuid: string | null;
}

export type Normalised = { kind: 'message'; message: NormalisedMessage } | { kind: 'identity'; identity: IdentityChange } | { kind: 'ignore'; reason: string };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const obj = (value: unknown): Record<string, unknown> => (isObject(value) ? value : {});
const str = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
/** Text from outside: no NUL (no valid text for PostgreSQL), trimmed, bounded. */
const clean = (value: unknown, max = 5000) => str(value).replace(/\0/g, '').trim().slice(0, max);

const MEDIA_LABELS: Record<string, string> = {
  image: 'Gambar',
  video: 'Video',
  audio: 'Pesan suara',
  document: 'Dokumen',
  sticker: 'Stiker',
  file: 'Berkas',
};

/** Meta's timestamps are Unix seconds (WhatsApp, as a string) or milliseconds (Messenger). */
function timeOf(value: unknown, fallback: Date): Date {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) return fallback;
  const date = new Date(n < 1e12 ? n * 1000 : n);
  return Number.isNaN(date.getTime()) ? fallback : date;
}

export function normaliseWhatsApp(data: Record<string, unknown>, received: Date): Normalised {
  const message = obj(data.message);
  const contact = obj(data.contact);
  const type = str(message.type);
  const waId = str(message.from).replace(/\D/g, '') || str(contact.wa_id).replace(/\D/g, '');
  const bsuid = clean(message.from_user_id || contact.user_id, 200) || null;
  const phone = waId ? `+${waId}` : null;
  const address = phone ?? bsuid;
  if (!address) return { kind: 'ignore', reason: 'no-sender' };
  const profile = obj(contact.profile);
  let text = '';
  const attachments: NormalisedMessage['attachments'] = [];

  switch (type) {
    case 'text':
      text = clean(obj(message.text).body);
      break;
    case 'image':
    case 'video':
    case 'audio':
    case 'document':
    case 'sticker': {
      const media = obj(message[type]);
      attachments.push({ type, mediaId: clean(media.id, 200), mimeType: clean(media.mime_type, 100) || undefined, filename: clean(media.filename, 200) || undefined, sha256: clean(media.sha256, 100) || undefined });
      text = clean(media.caption) || `[${MEDIA_LABELS[type]}${media.filename ? `: ${clean(media.filename, 200)}` : ''}]`;
      break;
    }
    case 'location': {
      const location = obj(message.location);
      const place = [clean(location.name, 200), clean(location.address, 300)].filter(Boolean).join(', ');
      text = `[Lokasi${place ? `: ${place}` : ''} (${str(location.latitude)}, ${str(location.longitude)})]`;
      break;
    }
    case 'interactive': {
      const interactive = obj(message.interactive);
      const reply = obj(interactive.button_reply ?? interactive.list_reply);
      text = [clean(reply.title, 200), clean(reply.description, 300)].filter(Boolean).join(' — ');
      break;
    }
    case 'button':
      text = clean(obj(message.button).text, 500);
      break;
    case 'contacts': {
      const cards = Array.isArray(message.contacts) ? message.contacts.filter(isObject) : [];
      text = cards.map((card) => `[Kontak: ${clean(obj(card.name).formatted_name, 200)}]`).join('\n');
      break;
    }
    case 'reaction':
      return { kind: 'ignore', reason: 'reaction' };
    case 'system':
      return identityChange(message, phone, bsuid);
    default:
      text = '[Jenis pesan ini belum dapat ditampilkan; mohon minta warga mengirim ulang sebagai teks atau foto.]';
  }
  return {
    kind: 'message',
    message: {
      externalId: clean(message.id, 200),
      address,
      name: clean(profile.name, 120) || clean(profile.username, 120) || null,
      text: text || '(pesan kosong)',
      at: timeOf(message.timestamp, received),
      attachments,
      replyTo: clean(obj(message.context).id, 200) || null,
      identity: { phone, bsuid, username: clean(profile.username, 120) || null },
    },
  };
}

/**
 * `user_changed_number`: `from` is the old number, `system.wa_id` (formerly `new_wa_id`) the new one, and a new
 * BSUID comes with it (`system.user_id`, the old one in `system.previous_user_id`). `user_changed_user_id`:
 * only the BSUID changed (no number is shared). System messages carry no `contacts` entry.
 */
function identityChange(message: Record<string, unknown>, oldPhone: string | null, senderBsuid: string | null): Normalised {
  const system = obj(message.system);
  const change = clean(system.type, 60);
  if (change !== 'user_changed_number' && change !== 'user_changed_user_id') return { kind: 'ignore', reason: `system:${change}` };
  const newWaId = str(system.wa_id || system.new_wa_id).replace(/\D/g, '');
  const bsuid = clean(system.user_id, 200) || null;
  const phone = change === 'user_changed_number' ? (newWaId ? `+${newWaId}` : null) : oldPhone;
  const previous = [change === 'user_changed_number' ? oldPhone : null, clean(system.previous_user_id, 200) || null, senderBsuid].filter(
    (address): address is string => Boolean(address) && address !== phone && address !== bsuid,
  );
  if (previous.length === 0 || (!phone && !bsuid)) return { kind: 'ignore', reason: `system:${change}:incomplete` };
  return { kind: 'identity', identity: { change, previous: [...new Set(previous)], phone, bsuid } };
}

/** A Messenger or Instagram direct message (never an echo: the caller sorted those out). */
export function normaliseMessaging(data: Record<string, unknown>, received: Date): Normalised {
  const event = obj(data.event);
  const message = obj(event.message);
  const sender = clean(obj(event.sender).id, 200);
  if (!sender) return { kind: 'ignore', reason: 'no-sender' };
  if (message.is_deleted === true) return { kind: 'ignore', reason: 'deleted' };
  const attachments = (Array.isArray(message.attachments) ? message.attachments.filter(isObject) : []).map((a) => ({ type: clean(a.type, 40) || 'file', url: clean(obj(a.payload).url, 2000) || undefined }));
  const labels = attachments.map((a) => `[${MEDIA_LABELS[a.type] ?? 'Lampiran'}]`).join(' ');
  const text = clean(message.text) || clean(obj(message.quick_reply).payload, 500) || labels || '(pesan kosong)';
  return {
    kind: 'message',
    message: {
      externalId: clean(message.mid, 200),
      address: sender,
      name: null,
      text,
      at: timeOf(event.timestamp, received),
      attachments,
      replyTo: clean(obj(message.reply_to).mid, 200) || null,
      identity: { phone: null, bsuid: null, username: null },
    },
  };
}
