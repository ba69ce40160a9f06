const hidden = { 'content-manager': { visible: false }, 'content-type-builder': { visible: false } };

/** A staff member's Telegram chat: alerts for them go there, and what is sent from there acts as them. */
const telegramLink = {
  schema: {
    kind: 'collectionType',
    collectionName: 'telegram_links',
    info: { singularName: 'telegram-link', pluralName: 'telegram-links', displayName: 'Tautan Telegram', description: 'The Telegram chat of a staff member' },
    options: { draftAndPublish: false },
    pluginOptions: hidden,
    attributes: {
      user: { type: 'relation', relation: 'oneToOne', target: 'plugin::users-permissions.user' },
      chatId: { type: 'string', required: true, unique: true, maxLength: 32 },
      chatType: { type: 'enumeration', enum: ['private', 'group', 'supergroup', 'channel'], default: 'private' },
      linkedAt: { type: 'datetime', required: true },
    },
  },
};

/** A one-time code a signed-in staff member sends to the bot as /start <code>; stored only as a hash. */
const linkCode = {
  schema: {
    kind: 'collectionType',
    collectionName: 'telegram_link_codes',
    info: { singularName: 'link-code', pluralName: 'link-codes', displayName: 'Kode Tautan Telegram', description: 'One-time codes to link a chat' },
    options: { draftAndPublish: false },
    pluginOptions: hidden,
    attributes: {
      codeHash: { type: 'string', required: true, unique: true, maxLength: 64, private: true },
      user: { type: 'relation', relation: 'manyToOne', target: 'plugin::users-permissions.user' },
      expiresAt: { type: 'datetime', required: true },
      usedAt: { type: 'datetime' },
    },
  },
};

export default { 'telegram-link': telegramLink, 'link-code': linkCode };
