import { CHANNEL_ALERTED, CHANNEL_HEALTH_STATES, MESSAGE_DIRECTIONS, MESSAGE_PURPOSES, MESSAGE_STATES } from '@layanan/config';

const hidden = { 'content-manager': { visible: false }, 'content-type-builder': { visible: false } };

/**
 * The conversation of an inquiry: every message in or out, on its channel, with its external id (unique per
 * channel, so a message delivered twice by a webhook or read twice from a mailbox is stored once) and where
 * it stands (received, queued, sent, delivered, read, failed: with the time and the cause).
 */
const message = {
  schema: {
    kind: 'collectionType',
    collectionName: 'channel_messages',
    info: { singularName: 'message', pluralName: 'messages', displayName: 'Percakapan', description: 'Every message in or out of an inquiry' },
    options: { draftAndPublish: false },
    pluginOptions: hidden,
    attributes: {
      inquiry: { type: 'relation', relation: 'manyToOne', target: 'api::inquiry.inquiry' },
      direction: { type: 'enumeration', enum: [...MESSAGE_DIRECTIONS], required: true },
      channel: { type: 'string', required: true, maxLength: 40 },
      purpose: { type: 'enumeration', enum: [...MESSAGE_PURPOSES], required: true },
      /** `<channel>:<external id>`: the medium's own id (a Message-ID, a wamid) made unique across media. */
      externalKey: { type: 'string', unique: true, maxLength: 400 },
      status: { type: 'enumeration', enum: [...MESSAGE_STATES], required: true },
      statusAt: { type: 'datetime' },
      cause: { type: 'text' },
      text: { type: 'text' },
      /** The citizen's address on the channel (an e-mail address, a phone number): personal data. */
      address: { type: 'string', maxLength: 254, private: true },
      notification: { type: 'integer' },
      attachments: { type: 'json' },
      /** Anything the medium needs to thread a reply (a mail's Message-ID and References). */
      thread: { type: 'json', private: true },
      at: { type: 'datetime', required: true },
    },
  },
};

/**
 * One identity per channel address (a WhatsApp number or BSUID, a Messenger PSID, an Instagram IGSID, a
 * Telegram chat, an e-mail address): the name it shows and when it last wrote, which opens the medium's
 * reply window. Requests are never merged through it; a phone or e-mail seen on another channel is only
 * suggested to the officer as perhaps the same citizen.
 */
const contact = {
  schema: {
    kind: 'collectionType',
    collectionName: 'channel_contacts',
    info: { singularName: 'contact', pluralName: 'contacts', displayName: 'Kontak kanal', description: 'One identity per channel address' },
    options: { draftAndPublish: false },
    pluginOptions: hidden,
    attributes: {
      /** `<channel>:<address>`, unique. */
      key: { type: 'string', unique: true, required: true, maxLength: 300, private: true },
      channel: { type: 'string', required: true, maxLength: 40 },
      address: { type: 'string', required: true, maxLength: 254, private: true },
      phone: { type: 'string', maxLength: 40, private: true },
      email: { type: 'string', maxLength: 254, private: true },
      /** WhatsApp's business-scoped user id, kept beside the number (either may be missing or change). */
      platformUserId: { type: 'string', maxLength: 200, private: true },
      displayName: { type: 'string', maxLength: 120, private: true },
      lastInboundAt: { type: 'datetime' },
    },
  },
};

/**
 * Whether each channel works, shared by every instance (see channel-health service): one row per channel,
 * written when its state changes and at most once a minute otherwise. `alerted` is the last state the
 * officers were told of ('ok' or 'mati'); moving it is the claim that makes one instance send that alert.
 */
const state = {
  schema: {
    kind: 'collectionType',
    collectionName: 'channel_states',
    info: { singularName: 'state', pluralName: 'states', displayName: 'Keadaan kanal', description: 'Whether each channel works' },
    options: { draftAndPublish: false },
    pluginOptions: hidden,
    attributes: {
      channel: { type: 'string', unique: true, required: true, maxLength: 40 },
      state: { type: 'enumeration', enum: [...CHANNEL_HEALTH_STATES], required: true },
      since: { type: 'datetime', required: true },
      lastInboundAt: { type: 'datetime' },
      lastSentAt: { type: 'datetime' },
      lastPolledAt: { type: 'datetime' },
      lastSuccessAt: { type: 'datetime' },
      lastErrorAt: { type: 'datetime' },
      /** In Indonesian, secrets and personal data redacted. */
      lastError: { type: 'text' },
      lastErrorKind: { type: 'enumeration', enum: ['credential', 'transient'] },
      /** The part that failed (imap, smtp, graph, bot, webhook, api): only its own success, or a test, clears it. */
      failedVia: { type: 'string', maxLength: 20 },
      errorCount: { type: 'integer', required: true, default: 0 },
      alerted: { type: 'enumeration', enum: [...CHANNEL_ALERTED], required: true, default: 'ok' },
    },
  },
};

export default { message, contact, state };
