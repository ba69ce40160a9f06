import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { EDITABLE_INQUIRY_FIELDS, INTAKE_FIELDS, citizenOutboxChannel, nameKey, type Kind } from '@layanan/config';
import { UID, getService } from '../utils';
import { SYSTEM, workflowActor, workflowReceiptSecret, type Actor } from '../services/actor';
import { duplicateReferenceError, isDuplicateReference, normaliseReference } from '../references';

type Data = Record<string, unknown>;

function pick(data: Data, fields: readonly string[]): Data {
  return Object.fromEntries(Object.entries(data).filter(([key]) => fields.includes(key)));
}

/** The applicant as stored: their name's search key is derived here, on every path that writes one, never sent. */
function withNameKey(data: Data): Data {
  const applicant = data.applicant as Data | null | undefined;
  if (!applicant || typeof applicant !== 'object') return data;
  const name = typeof applicant.name === 'string' ? applicant.name : '';
  return { ...data, applicant: { ...applicant, nameKey: name ? nameKey(name).slice(0, 255) : null } };
}

/** The admin-panel user behind a write that did not come through the workflow, if any. */
function requestActor(strapi: Core.Strapi): Actor {
  const user = strapi.requestContext.get()?.state?.user as { id: number; firstname?: string; lastname?: string; username?: string } | undefined;
  if (!user) return SYSTEM;
  const name = [user.firstname, user.lastname].filter(Boolean).join(' ') || user.username || `admin #${user.id}`;
  return { type: 'admin', name };
}

/** The write itself; a report recorded already (LAPOR!'s tracking number) is a 409, not a failed statement. */
async function refusingDuplicates<T>(strapi: Core.Strapi, data: Data, next: () => T): Promise<Awaited<T>> {
  try {
    return await next();
  } catch (error) {
    if (isDuplicateReference(error)) throw await duplicateReferenceError(strapi, data.channel as never, String(data.externalRef));
    throw error;
  }
}

/**
 * A new inquiry with its code, deadlines, audit event and receipt, committed together (a refused create uses
 * no number). Only the workflow (`trusted`) may set server-managed fields; from anywhere else only the intake
 * fields are kept. `write` stores the row itself: the document service's create for the admin panel and the
 * REST API, the workflow's direct insert for its own intake.
 */
export function recordIntake<T>(strapi: Core.Strapi, given: Data, trusted: Actor | null | undefined, write: (data: Data) => T): Promise<Awaited<T>> {
  const clean = withNameKey(trusted ? given : pick(given, INTAKE_FIELDS));
  const receivedAt = trusted && given.receivedAt ? new Date(given.receivedAt as string) : getService(strapi, 'clock').now();
  const kind = (clean.kind as Kind | undefined) ?? 'information';
  if (clean.externalRef !== undefined) clean.externalRef = normaliseReference(clean.channel, clean.externalRef);
  if (clean.laporStatus) clean.laporStatusAt = receivedAt;
  const actor = trusted ?? requestActor(strapi);
  const committed = strapi.db.transaction(async (): Promise<Awaited<T>> => {
    const { privacyNoticeVersion: shown, ...fields } = clean;
    const data = { ...fields, ...(await getService(strapi, 'workflow').intakeFields(kind, receivedAt, clean.channel as string | undefined, trusted ? shown : undefined)) };
    const result = await refusingDuplicates(strapi, clean, () => write(data));
    const created = result as unknown as { id: number; documentId: string; code: string; channel: string };
    await getService(strapi, 'events').record({
      inquiryId: created.id,
      type: 'created',
      actor,
      at: receivedAt,
      detail: { channel: created.channel },
    });
    // The citizen's receipt, with the code, through the channel they used.
    await getService(strapi, 'outbox').enqueue({
      channel: citizenOutboxChannel(created.channel),
      topic: 'inquiry.received',
      idempotencyKey: `received:${created.documentId}`,
      inquiryId: created.id,
      payload: { inquiry: created.documentId, code: created.code, ...workflowReceiptSecret() },
      at: receivedAt,
    });
    return result;
  });
  // strapi.db.transaction's typing wraps the callback's promise once more.
  return committed as unknown as Promise<Awaited<T>>;
}

/**
 * Every write to an inquiry passes here, whatever its path (REST, admin panel, scripts). Only the workflow
 * itself may set status, timestamps, due times, division or code; from anywhere else those are dropped.
 * Every create gets its code and deadlines here and every create or edit its audit event.
 */
export const inquiryGuard =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (ctx, next) => {
    if (ctx.uid !== UID.inquiry) return next();
    const trusted = workflowActor();
    const params = ctx.params as { data?: Data };

    switch (ctx.action) {
      case 'delete':
      case 'clone':
        throw new errors.ForbiddenError('Permohonan tidak dapat dihapus atau digandakan; tutup atau tolak melalui alur SOP.');
      case 'create':
        return recordIntake(strapi, params.data ?? {}, trusted, (data) => {
          params.data = data;
          return next();
        });
      case 'update': {
        if (trusted) return next();
        const changes = withNameKey(pick(params.data ?? {}, EDITABLE_INQUIRY_FIELDS));
        const documentId = (ctx.params as { documentId?: string }).documentId;
        const channel = 'externalRef' in changes && documentId ? ((await strapi.db.query(UID.inquiry).findOne({ where: { documentId }, select: ['channel'] })) as { channel: string } | null)?.channel : undefined;
        if (channel && typeof changes.externalRef === 'string') changes.externalRef = normaliseReference(channel, changes.externalRef);
        params.data = changes;
        const actor = requestActor(strapi);
        return strapi.db.transaction(async () => {
          const result = await refusingDuplicates(strapi, { channel, externalRef: changes.externalRef }, next);
          const updated = result as unknown as { id: number } | null;
          if (updated && Object.keys(changes).length > 0) {
            await getService(strapi, 'events').record({
              inquiryId: updated.id,
              type: 'edited',
              actor,
              at: getService(strapi, 'clock').now(),
              detail: { fields: Object.keys(changes) },
            });
          }
          return result;
        });
      }
      default:
        return next();
    }
  };

/** The records only the system writes, each once, and nobody changes afterwards (through the admin panel or the API). */
const APPEND_ONLY: Record<string, string> = {
  [UID.event]: 'Riwayat permohonan hanya dapat ditambah oleh sistem dan tidak dapat diubah atau dihapus.',
  [UID.privacyVersion]: 'Versi pemberitahuan pelindungan data dibuat sendiri saat pemberitahuan disimpan dan tidak dapat diubah atau dihapus.',
  [UID.accessLog]: 'Catatan akses data pribadi hanya ditulis oleh sistem dan tidak dapat diubah atau dihapus.',
};

/** The audit trails are append-only: the services write their rows through the query engine; no one edits or removes them. */
export const appendOnlyEvents =
  (): Modules.Documents.Middleware.Middleware =>
  async (ctx, next) => {
    const refusal = APPEND_ONLY[ctx.uid as string];
    if (!refusal) return next();
    if (['create', 'update', 'delete', 'clone', 'publish', 'unpublish', 'discardDraft'].includes(ctx.action)) {
      throw new errors.ForbiddenError(refusal);
    }
    return next();
  };
