import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ROLE_LABELS, STAFF_CSV_TEMPLATE, parseStaffCsv, type StaffRow } from '@layanan/config';
import { invite } from './invitation';

const USER = 'plugin::users-permissions.user';
const ROLE = 'plugin::users-permissions.role';
const DIVISION = 'api::division.division';
const MAX_CSV_CHARS = 500_000;

interface AdminCtx {
  request: { body?: unknown };
  params: Record<string, string>;
  body: unknown;
  set(name: string, value: string): void;
}

export type ImportStatus = 'new' | 'exists' | 'error' | 'created' | 'skipped';

export interface ImportRow extends Omit<StaffRow, 'role'> {
  role: string | null;
  roleLabel: string | null;
  status: ImportStatus;
  /** What happens (or happened) to the row, in Indonesian. */
  message: string;
}

function csvOf(body: unknown): string {
  const csv = (body as { csv?: unknown } | undefined)?.csv;
  if (typeof csv !== 'string' || !csv.trim()) throw new errors.ValidationError('Pilih berkas CSV daftar akun staf.');
  if (csv.length > MAX_CSV_CHARS) throw new errors.ValidationError('Berkas terlalu besar; bagi menjadi beberapa berkas (paling banyak 500 baris).');
  return csv;
}

/** Each row of the file as the import would take it: new, already an account (skipped) or wrong. */
async function reviewRows(strapi: Core.Strapi, csv: string): Promise<{ fileError?: string; rows: ImportRow[] }> {
  const divisions = (await strapi.db.query(DIVISION).findMany({ select: ['code'], orderBy: { code: 'asc' } })) as { code: string }[];
  const parsed = parseStaffCsv(csv, divisions.map((d) => d.code));
  const emails = parsed.rows.map((row) => row.email).filter(Boolean);
  const existing = new Set(((await strapi.db.query(USER).findMany({ where: { email: { $in: emails } }, select: ['email'] })) as { email: string }[]).map((u) => u.email.toLowerCase()));
  const rows = parsed.rows.map((row): ImportRow => {
    const common = { ...row, roleLabel: row.role ? ROLE_LABELS[row.role].id : null };
    if (row.errors.length) return { ...common, status: 'error', message: row.errors.join(' ') };
    if (existing.has(row.email)) return { ...common, status: 'exists', message: 'Sudah ada akun dengan alamat ini; baris ini dilewati.' };
    return { ...common, status: 'new', message: 'Akun baru; undangan dikirim ke alamat ini.' };
  });
  return { fileError: parsed.fileError, rows };
}

const counts = (rows: ImportRow[]) => Object.fromEntries(['new', 'exists', 'error', 'created', 'skipped'].map((status) => [status, rows.filter((r) => r.status === status).length]));

/** A free username from the address: its part before the @, with a number after it when taken. */
async function usernameFor(strapi: Core.Strapi, email: string): Promise<string> {
  const base = email.split('@')[0].replace(/[^a-z0-9._-]/g, '').padEnd(3, '0').slice(0, 40);
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await strapi.db.query(USER).findOne({ where: { username: candidate }, select: ['id'] }))) return candidate;
  }
}

async function createRow(strapi: Core.Strapi, row: ImportRow): Promise<ImportRow> {
  const role = (await strapi.db.query(ROLE).findOne({ where: { type: row.role }, select: ['id'] })) as { id: number };
  const division = row.division ? ((await strapi.db.query(DIVISION).findOne({ where: { code: row.division }, select: ['id'] })) as { id: number }) : null;
  // Without a password: the staff-accounts middleware mails the invitation.
  const user = (await strapi.plugin('users-permissions').service('user').add({
    username: await usernameFor(strapi, row.email),
    email: row.email,
    fullName: row.name,
    role: role.id,
    division: division?.id ?? null,
    blocked: false,
  })) as { id: number };
  const invited = await strapi.db.query(USER).findOne({ where: { id: user.id }, select: ['invitedAt'] });
  return { ...row, status: 'created', message: invited?.invitedAt ? 'Akun dibuat; undangan terkirim.' : 'Akun dibuat, tetapi undangan belum terkirim; kirim ulang dari halaman akunnya.' };
}

export const staffController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** POST /users-permissions/staff-import/preview: what an import of this file would do; nothing is written. */
  async preview(ctx: AdminCtx) {
    const review = await reviewRows(strapi, csvOf(ctx.request.body));
    ctx.body = { data: { ...review, counts: counts(review.rows) } };
  },

  /** POST /users-permissions/staff-import: the file's new accounts are made and invited; existing ones and wrong rows are left. */
  async confirm(ctx: AdminCtx) {
    const review = await reviewRows(strapi, csvOf(ctx.request.body));
    if (review.fileError) throw new errors.ValidationError(review.fileError);
    const rows: ImportRow[] = [];
    for (const row of review.rows) {
      if (row.status === 'new') rows.push(await createRow(strapi, row));
      else rows.push(row.status === 'exists' ? { ...row, status: 'skipped' } : row);
    }
    strapi.log.info(`[staff] CSV import: ${rows.filter((r) => r.status === 'created').length} accounts created, ${rows.filter((r) => r.status !== 'created').length} rows left`);
    ctx.body = { data: { rows, counts: counts(rows) } };
  },

  /** GET /users-permissions/staff-import/template: the CSV to fill in, as Excel opens it. */
  async template(ctx: AdminCtx) {
    ctx.set('Content-Type', 'text/csv; charset=utf-8');
    ctx.set('Content-Disposition', 'attachment; filename="templat-akun-staf.csv"');
    ctx.body = STAFF_CSV_TEMPLATE;
  },

  /** POST /users-permissions/staff/:documentId/invitation: a new invitation for an account without a password. */
  async resend(ctx: AdminCtx) {
    const user = (await strapi.db.query(USER).findOne({ where: { documentId: ctx.params.documentId }, select: ['id'] })) as { id: number } | null;
    if (!user) throw new errors.NotFoundError('Akun staf tidak ditemukan.');
    const invitedAt = await invite(strapi, user.id);
    ctx.body = { data: { invitedAt } };
  },
});

const MANAGE_STAFF = [
  'admin::isAuthenticatedAdmin',
  { name: 'admin::hasPermissions', config: { actions: [['plugin::content-manager.explorer.create', USER]] } },
];

export const staffRoutes = [
  { method: 'GET', path: '/staff-import/template', handler: 'staff.template', config: { policies: MANAGE_STAFF } },
  { method: 'POST', path: '/staff-import/preview', handler: 'staff.preview', config: { policies: MANAGE_STAFF } },
  { method: 'POST', path: '/staff-import', handler: 'staff.confirm', config: { policies: MANAGE_STAFF } },
  { method: 'POST', path: '/staff/:documentId/invitation', handler: 'staff.resend', config: { policies: MANAGE_STAFF } },
];
