import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ACCESS_KIND_LABELS, CSV_BOM, ROLE_LABELS, csvLine, csvText, isRoleType, maskIp } from '@layanan/config';
import { getService as sop } from '@layanan/sop-workflow';
import { MAX_PAGE_SIZE, accessLogQuery, type AccessLogQuery } from '../services/access-log';

type Ctx = Parameters<Core.ControllerHandler>[0];

interface AccessLogService {
  page(query: AccessLogQuery, page: number, pageSize: number): Promise<{ rows: import('@layanan/config').AccessLogEntry[]; total: number }>;
  all(query: AccessLogQuery): Promise<import('@layanan/config').AccessLogEntry[]>;
}

const HEADER = ['Waktu (WIB)', 'Petugas', 'Peran', 'Kode permohonan', 'Yang dibuka', 'Keterangan', 'Alamat jaringan'];

function positive(value: unknown, fallback: number, name: string, max: number): number {
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > max) throw new errors.ValidationError(`${name} harus bilangan bulat 1 sampai ${max}.`);
  return number;
}

/** The time as a WIB wall clock for a spreadsheet: "2026-12-07 09.15.02". */
function wib(at: string | Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(at));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}.${part('minute')}.${part('second')}`;
}

/** The access log (UU 27/2022 Pasal 31) for leadership and the Petugas Pelindungan Data: a page, and the CSV. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => strapi.service('api::access-log.access-log') as unknown as AccessLogService;
  return {
    async find(ctx: Ctx) {
      const query = accessLogQuery(ctx.query as Record<string, unknown>);
      const page = positive(ctx.query.page, 1, 'Halaman', 100_000);
      const pageSize = positive(ctx.query.pageSize, 25, 'Jumlah per halaman', MAX_PAGE_SIZE);
      const { rows, total } = await service().page(query, page, pageSize);
      return { data: rows, meta: { pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) } } };
    },

    /** The staff member's network stays, the machine's number does not: the file leaves the system. */
    async export(ctx: Ctx) {
      const query = accessLogQuery(ctx.query as Record<string, unknown>);
      const rows = await service().all(query);
      const { timeZone } = await sop(strapi, 'policy').current();
      const lines = rows.map((row) =>
        csvLine(
          [wib(row.at, timeZone), row.userName ?? '', isRoleType(row.role) ? ROLE_LABELS[row.role].id : (row.role ?? ''), row.inquiryCode ?? '', ACCESS_KIND_LABELS[row.kind]?.id ?? row.kind, row.detail ?? '', maskIp(row.ip)].map(csvText),
        ),
      );
      ctx.set('Content-Type', 'text/csv; charset=utf-8');
      ctx.set('Content-Disposition', `attachment; filename="catatan-akses-data-pribadi${query.from ? `-${query.from}` : ''}${query.to ? `-${query.to}` : ''}.csv"`);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = CSV_BOM + csvLine(HEADER.map(csvText)) + lines.join('');
    },
  };
};
