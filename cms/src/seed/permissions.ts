import type { Core } from '@strapi/strapi';
import { ROLE_LABELS, type RoleType } from '@layanan/config';

const inquiry = (...actions: string[]) => actions.map((a) => `api::inquiry.inquiry.${a}`);
const READ_REFERENCE = [
  'api::division.division.find',
  'api::division.division.findOne',
  'api::faq-entry.faq-entry.find',
  'api::faq-entry.faq-entry.findOne',
  'api::holiday.holiday.find',
  'api::holiday.holiday.findOne',
  'api::sop-policy.sop-policy.find',
];
/** An inquiry's conversation and where its answer goes: for whoever may read the inquiry (the route scopes it). */
const CONVERSATION = ['plugin::channels.messages.list', 'plugin::channels.messages.plan'];
/** A citizen's file in it (a KTP photo is personal data): only the staff who handle the inquiry, not leadership. */
const ATTACHMENTS = ['plugin::channels.messages.attachment'];

const SIGNED_IN = [
  'plugin::users-permissions.user.me',
  'api::profile.profile.me',
  'plugin::users-permissions.auth.changePassword',
  'plugin::telegram-notifier.link.createCode',
  'plugin::telegram-notifier.link.show',
  'plugin::telegram-notifier.link.remove',
];
/** The Rekap Informasi and its monthly report: the officer compiles it, leadership reads it. */
const RECAP = ['api::recap.recap.find', 'api::recap.recap.export'];
/**
 * The IKM: leadership reports it; the officer too, as the one who answers the citizens and acts on
 * their ratings and comments.
 */
const IKM = ['api::survey-response.survey-response.ikm'];
/** Who saw which citizen's unmasked data (UU 27/2022 Pasal 31): leadership and the Petugas Pelindungan Data read it. */
const ACCESS_LOG = ['api::access-log.access-log.find', 'api::access-log.access-log.export'];
/** How the server is, part by part (the scheduler, the outbox): the officer acts on it, leadership watches it. */
const HEALTH = ['api::health.health.details'];

/**
 * The whole permission matrix of the users-permissions roles (DESIGN §7). The seed makes the database
 * match it exactly on every start: what is not listed here is refused.
 */
export const PERMISSIONS: Record<RoleType, readonly string[]> = {
  public: [
    'api::public.public.submitInquiry',
    'api::public.public.track',
    'api::public.public.resendTrackingLink',
    'api::public.public.proveTracking',
    'api::public.public.submitSurvey',
    'api::faq-entry.faq-entry.find',
    'api::faq-entry.faq-entry.findOne',
    'api::faq-entry.faq-entry.preview',
    'plugin::users-permissions.auth.callback',
    'plugin::users-permissions.auth.forgotPassword',
    'plugin::users-permissions.auth.resetPassword',
  ],
  officer: [
    ...inquiry('find', 'findOne', 'create', 'update', 'events', 'receipt', 'triage', 'coordinate', 'answer', 'close', 'reject', 'delivered'),
    ...RECAP,
    ...IKM,
    ...HEALTH,
    'api::search.search.divisionSuggestion',
    'api::notification.notification.failed',
    'api::notification.notification.retry',
    'plugin::channels.messages.send',
    'plugin::channels.messages.sendReceipt',
    'plugin::channels.messages.contact',
    'plugin::channels.lapor.parse',
    'plugin::channels.lapor.importPreview',
    'plugin::channels.lapor.import',
    'plugin::channels.lapor.status',
    ...CONVERSATION,
    ...ATTACHMENTS,
    ...READ_REFERENCE,
    ...SIGNED_IN,
  ],
  division_staff: [...inquiry('find', 'findOne', 'events', 'coordinate'), ...CONVERSATION, ...ATTACHMENTS, ...READ_REFERENCE, ...SIGNED_IN],
  leadership: [...inquiry('find', 'findOne', 'events'), ...CONVERSATION, ...RECAP, ...IKM, ...HEALTH, ...ACCESS_LOG, ...READ_REFERENCE, ...SIGNED_IN],
  /** Reads the access log and, like anyone, the FAQ; sees no request itself (the log names codes, never a citizen's data). */
  data_protection_officer: [...ACCESS_LOG, 'api::faq-entry.faq-entry.find', 'api::faq-entry.faq-entry.findOne', ...SIGNED_IN],
};

const ROLE_DESCRIPTIONS: Record<RoleType, string> = {
  public: 'Warga tanpa akun: mengajukan dan melacak permohonan, mengisi survei kepuasan, membaca FAQ.',
  officer: 'Memilah, meneruskan, mengoordinasikan dan menjawab permohonan; menyusun Rekap Informasi.',
  division_staff: 'Memberikan informasi untuk permohonan yang diteruskan ke bidangnya.',
  leadership: 'Memantau kinerja layanan dan Rekap Informasi.',
  data_protection_officer: 'Petugas pelindungan data pribadi (UU 27/2022 Pasal 53): membaca catatan siapa melihat data pribadi warga.',
};

const ROLE_UID = 'plugin::users-permissions.role';
const PERMISSION_UID = 'plugin::users-permissions.permission';

interface RoleRow {
  id: number;
  type: string;
}

export async function ensureRole(strapi: Core.Strapi, type: RoleType): Promise<RoleRow> {
  const existing = (await strapi.db.query(ROLE_UID).findOne({ where: { type } })) as RoleRow | null;
  if (existing) return existing;
  return (await strapi.db.query(ROLE_UID).create({
    data: { type, name: ROLE_LABELS[type].id, description: ROLE_DESCRIPTIONS[type] },
  })) as RoleRow;
}

async function syncRole(strapi: Core.Strapi, role: RoleRow, allowed: readonly string[]): Promise<void> {
  const current = (await strapi.db.query(PERMISSION_UID).findMany({ where: { role: role.id }, select: ['id', 'action'] })) as {
    id: number;
    action: string;
  }[];
  const stale = current.filter((p) => !allowed.includes(p.action)).map((p) => p.id);
  if (stale.length) await strapi.db.query(PERMISSION_UID).deleteMany({ where: { id: { $in: stale } } });
  const have = new Set(current.map((p) => p.action));
  for (const action of allowed.filter((a) => !have.has(a))) {
    await strapi.db.query(PERMISSION_UID).create({ data: { action, role: role.id } });
  }
}

/** Every role's permissions, set explicitly; the default "authenticated" role is left with none. */
export async function syncPermissions(strapi: Core.Strapi): Promise<void> {
  for (const type of Object.keys(PERMISSIONS) as RoleType[]) {
    await syncRole(strapi, await ensureRole(strapi, type), PERMISSIONS[type]);
  }
  const authenticated = (await strapi.db.query(ROLE_UID).findOne({ where: { type: 'authenticated' } })) as RoleRow | null;
  if (authenticated) await syncRole(strapi, authenticated, []);
  // Staff accounts are made by an administrator; nobody signs themselves up.
  const store = strapi.store({ type: 'plugin', name: 'users-permissions', key: 'advanced' });
  const settings = ((await store.get()) ?? {}) as Record<string, unknown>;
  if (settings.allow_register !== false) await store.set({ value: { ...settings, allow_register: false } });
}
