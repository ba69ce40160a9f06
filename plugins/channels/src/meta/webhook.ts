import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Meta's webhook (WhatsApp Cloud API, Messenger, Instagram), as pure functions: the signature over the raw
 * body, and the split of one delivery into its items. Meta batches (`entry[]`, `changes[]`, `messages[]`,
 * `statuses[]`, `messaging[]` are all arrays) and delivers at least once, so every item gets its own key
 * and is stored once under it.
 */

export type MetaChannel = 'whatsapp' | 'facebook' | 'instagram';
export type ItemKind = 'message' | 'status' | 'echo' | 'receipt' | 'error';

export interface WebhookItem {
  channel: MetaChannel;
  /** Unique per item and stable across Meta's redeliveries (wamid, mid, watermark). */
  key: string;
  kind: ItemKind;
  /** The business side it was addressed to: the phone number id, the Page id, the Instagram account id. */
  account: string;
  /** The item as Meta sent it, with the sender's contact entry for a WhatsApp message. */
  data: Record<string, unknown>;
}

/** `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body with the app secret>`, compared in constant time. */
export function signatureMatches(raw: Buffer | string, header: string | undefined, appSecret: string): boolean {
  if (!appSecret || !header) return false;
  const match = /^sha256=([0-9a-f]{64})$/i.exec(header.trim());
  if (!match) return false;
  const expected = createHmac('sha256', appSecret).update(typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw).digest();
  return timingSafeEqual(expected, Buffer.from(match[1], 'hex'));
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? value.filter(isObject) : []);
const str = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
/** Keys end up in one indexed column: anything from outside is cut to a sane length. */
const keyPart = (value: unknown) => str(value).slice(0, 160);

function whatsappItems(entry: Record<string, unknown>): WebhookItem[] {
  const items: WebhookItem[] = [];
  for (const change of list(entry.changes)) {
    const value = isObject(change.value) ? change.value : {};
    const account = str(isObject(value.metadata) ? value.metadata.phone_number_id : '');
    const contacts = list(value.contacts);
    for (const message of list(value.messages)) {
      const id = keyPart(message.id);
      if (!id) continue;
      const from = str(message.from);
      const contact = contacts.find((c) => str(c.wa_id) === from || (str(c.user_id) && str(c.user_id) === str(message.from_user_id))) ?? (contacts.length === 1 ? contacts[0] : null);
      items.push({ channel: 'whatsapp', key: `wa:msg:${id}`, kind: 'message', account, data: { message, contact } });
    }
    for (const status of list(value.statuses)) {
      const id = keyPart(status.id);
      const state = keyPart(status.status);
      if (id && state) items.push({ channel: 'whatsapp', key: `wa:st:${id}:${state}`, kind: 'status', account, data: { status } });
    }
    list(value.errors).forEach((error, i) => {
      items.push({ channel: 'whatsapp', key: `wa:err:${account}:${keyPart(entry.id)}:${keyPart(error.code)}:${str(value.timestamp) || i}`, kind: 'error', account, data: { error } });
    });
  }
  return items;
}

function messagingItems(channel: 'facebook' | 'instagram', entry: Record<string, unknown>): WebhookItem[] {
  const prefix = channel === 'facebook' ? 'fb' : 'ig';
  const items: WebhookItem[] = [];
  for (const event of list(entry.messaging)) {
    const sender = keyPart(isObject(event.sender) ? event.sender.id : '');
    const recipient = str(isObject(event.recipient) ? event.recipient.id : '');
    const account = str(entry.id) || recipient;
    if (isObject(event.message)) {
      const mid = keyPart(event.message.mid);
      if (!mid) continue;
      const echo = event.message.is_echo === true;
      items.push({ channel, key: `${prefix}:${echo ? 'echo' : 'mid'}:${mid}`, kind: echo ? 'echo' : 'message', account, data: { event } });
    } else if (isObject(event.delivery) || isObject(event.read)) {
      const receipt = (isObject(event.read) ? event.read : event.delivery) as Record<string, unknown>;
      const what = isObject(event.read) ? 'read' : 'dlv';
      items.push({ channel, key: `${prefix}:${what}:${sender}:${keyPart(receipt.watermark ?? (Array.isArray(receipt.mids) ? receipt.mids.join(',') : ''))}`, kind: 'receipt', account, data: { event } });
    }
  }
  return items;
}

/** Every item of one webhook delivery; an `object` we do not serve yields none (acknowledged, logged). */
export function splitWebhook(body: unknown): { object: string; items: WebhookItem[] } {
  if (!isObject(body)) return { object: '', items: [] };
  const object = str(body.object);
  const entries = list(body.entry);
  const items =
    object === 'whatsapp_business_account'
      ? entries.flatMap(whatsappItems)
      : object === 'page'
        ? entries.flatMap((e) => messagingItems('facebook', e))
        : object === 'instagram'
          ? entries.flatMap((e) => messagingItems('instagram', e))
          : [];
  return { object, items };
}
