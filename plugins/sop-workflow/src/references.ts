import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import createHttpError from 'http-errors';
import { CHANNEL_LABELS, UNIQUE_REF_CHANNELS, normaliseTrackingId, type Channel } from '@layanan/config';
import { UID } from './utils';

/**
 * A report on a channel whose reference names it (LAPOR!'s tracking number) is recorded once: a unique
 * index per channel refuses the second, whatever path it takes and however two imports race (made by the
 * migration cms/database/migrations/after-sync/…lapor-reference-once.js).
 */
const REFERENCE_INDEX_NAMES = UNIQUE_REF_CHANNELS.map((channel) => `inquiries_${channel}_ref_uq`);

export const isUniqueRefChannel = (channel: unknown): channel is Channel => (UNIQUE_REF_CHANNELS as readonly unknown[]).includes(channel);

/** The reference as it is stored: a LAPOR! tracking number in its one spelling; refused when it is none. */
export function normaliseReference(channel: unknown, ref: unknown): string | undefined {
  if (typeof ref !== 'string' || !isUniqueRefChannel(channel)) return ref as string | undefined;
  const id = normaliseTrackingId(ref);
  if (!id) throw new errors.ValidationError(`Nomor tiket ${CHANNEL_LABELS[channel].id} "${ref.slice(0, 60)}" tidak dikenali: tulis nomornya saja, misalnya 4123567.`, { externalRef: ref });
  return id;
}

/** A unique violation of one of these indexes, as SQLite and PostgreSQL report it. */
export function isDuplicateReference(error: unknown): boolean {
  const { code, constraint, message } = (error ?? {}) as { code?: string; constraint?: string; message?: string };
  if (code === '23505') return typeof constraint === 'string' && REFERENCE_INDEX_NAMES.includes(constraint);
  return /UNIQUE constraint failed: inquiries\.external_ref/.test(String(message));
}

export const DUPLICATE_REFERENCE = 'DuplicateReference';

/**
 * The 409 an officer reads: which report, and as which request it is already recorded. Looked up after
 * the failed transaction has rolled back (PostgreSQL refuses any statement inside it); within a caller's
 * transaction the code is left out.
 */
export async function duplicateReferenceError(strapi: Core.Strapi, channel: Channel, ref: string): Promise<Error> {
  const existing = strapi.db.inTransaction()
    ? null
    : ((await strapi.db.query(UID.inquiry).findOne({ where: { channel, externalRef: ref }, select: ['documentId', 'code'] })) as { documentId: string; code: string } | null);
  const label = CHANNEL_LABELS[channel].id;
  const message = existing
    ? `Laporan ${label} #${ref} sudah tercatat sebagai permohonan ${existing.code}.`
    : `Laporan ${label} #${ref} sudah tercatat.`;
  return Object.assign(createHttpError(409, message, { details: { channel, externalRef: ref, existing: existing ?? null } }), { name: DUPLICATE_REFERENCE });
}

/** Rethrows a duplicate refused inside a transaction with the existing request's code, once out of it. */
export async function rethrowWithCode(strapi: Core.Strapi, error: unknown): Promise<never> {
  const details = (error as { name?: string; details?: { channel?: Channel; externalRef?: string; existing?: unknown } }).details;
  if ((error as { name?: string }).name === DUPLICATE_REFERENCE && details?.channel && details.externalRef && !details.existing && !strapi.db.inTransaction()) {
    throw await duplicateReferenceError(strapi, details.channel, details.externalRef);
  }
  throw error;
}
