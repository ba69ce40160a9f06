import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ACCESS_KINDS, utcOffsetMinutes, type AccessKind, type AccessLogEntry } from '@layanan/config';
import { getService as sop } from '@layanan/sop-workflow';

const UID = 'api::access-log.access-log';
const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const MAX_PAGE_SIZE = 100;
/** An export is one office's months, not the whole history at once. */
export const MAX_EXPORT_ROWS = 50_000;

export interface AccessLogQuery {
  from?: string;
  to?: string;
  user?: string;
  code?: string;
  kind?: AccessKind;
}

const refuse = (path: string, message: string) => new errors.ValidationError(message, { errors: [{ path: [path], message, name: 'ValidationError' }] });

/** The filters of the access log's page and export, checked: dates are days in the office's time zone (WIB). */
export function accessLogQuery(query: Record<string, unknown>): AccessLogQuery {
  const text = (name: string, max: number) => {
    const value = query[name];
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'string' || value.length > max) throw refuse(name, `Isian ${name} harus teks paling banyak ${max} huruf.`);
    return value.trim();
  };
  const from = text('from', 10);
  const to = text('to', 10);
  for (const [name, value] of [['from', from], ['to', to]] as const) {
    if (value !== undefined && (!DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))) throw refuse(name, `Tanggal ${name === 'from' ? 'awal' : 'akhir'} harus berbentuk TTTT-BB-HH, misalnya 2026-12-01.`);
  }
  if (from && to && from > to) throw refuse('to', 'Tanggal akhir tidak boleh sebelum tanggal awal.');
  const kind = text('kind', 20);
  if (kind !== undefined && !(ACCESS_KINDS as readonly string[]).includes(kind)) throw refuse('kind', `Jenis akses tidak dikenal. Pilihan: ${ACCESS_KINDS.join(', ')}.`);
  return { from, to, user: text('user', 120), code: text('code', 20), kind: kind as AccessKind | undefined };
}

/** The record of who saw which citizen's data, read by leadership and the Petugas Pelindungan Data. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  async function where(query: AccessLogQuery): Promise<Record<string, unknown>> {
    const { timeZone } = await sop(strapi, 'policy').current();
    /** Midnight of a day (YYYY-MM-DD) on the office's wall clock. */
    const midnight = (day: string) => {
      const utc = new Date(`${day}T00:00:00Z`);
      return new Date(utc.getTime() - utcOffsetMinutes(utc, timeZone) * 60_000);
    };
    const at: Record<string, Date> = {};
    if (query.from) at.$gte = midnight(query.from);
    if (query.to) at.$lt = new Date(midnight(query.to).getTime() + 86_400_000);
    return {
      ...(Object.keys(at).length ? { at } : {}),
      ...(query.user ? { userName: { $containsi: query.user } } : {}),
      ...(query.code ? { inquiryCode: { $containsi: query.code } } : {}),
      ...(query.kind ? { kind: query.kind } : {}),
    };
  }

  const FIELDS = ['at', 'userId', 'userName', 'role', 'inquiryCode', 'kind', 'detail', 'ip'];

  return {
    async page(query: AccessLogQuery, page: number, pageSize: number): Promise<{ rows: AccessLogEntry[]; total: number }> {
      await sop(strapi, 'accessLog').flush();
      const filter = await where(query);
      const [rows, total] = await Promise.all([
        strapi.db.query(UID).findMany({ where: filter, select: FIELDS, orderBy: [{ at: 'desc' }, { id: 'desc' }], offset: (page - 1) * pageSize, limit: pageSize }),
        strapi.db.query(UID).count({ where: filter }),
      ]);
      return { rows: rows as AccessLogEntry[], total };
    },

    async all(query: AccessLogQuery): Promise<AccessLogEntry[]> {
      await sop(strapi, 'accessLog').flush();
      return (await strapi.db.query(UID).findMany({ where: await where(query), select: FIELDS, orderBy: [{ at: 'desc' }, { id: 'desc' }], limit: MAX_EXPORT_ROWS })) as AccessLogEntry[];
    },
  };
};
