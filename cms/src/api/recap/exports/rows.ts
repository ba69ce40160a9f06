import type { Core } from '@strapi/strapi';
import { SOP_STEP, SOP_STEP_TABLE, columnOf, maskEmail, maskName, maskNik, maskPhone, perStep, redactFreeText, type SopStep } from '@layanan/config';
import { bool, dialectOf, num, raw, sql, type Fragment } from '../../../utils/sql';
import { receivedBetween, recapFilters, type DivisionRef, type RecapParams } from '../services/recap';

/** One inquiry as the report lists it: personal data already masked (UU 27/2022), in the citizen's own words too. */
export interface DetailRow {
  code: string;
  receivedAt: Date;
  kind: string;
  channel: string;
  serviceCategory: string | null;
  subject: string;
  status: string;
  outcome: string | null;
  division: string | null;
  applicantName: string | null;
  applicantNik: string | null;
  applicantPhone: string | null;
  applicantEmail: string | null;
  triagedAt: Date | null;
  coordinatedAt: Date | null;
  answeredAt: Date | null;
  closedAt: Date | null;
  /** Each SOP step's working minutes and whether it was late. */
  steps: Record<SopStep, { minutes: number | null; breached: boolean }>;
  directAnswer: boolean;
  externalRef: string | null;
  answerDelivery: string | null;
  answerDeliveredAt: Date | null;
}

/** Rows per query: small enough that writing a page never holds the event loop for long. */
const PAGE = 500;

/** SQLite returns epoch milliseconds, PostgreSQL a Date. */
function instant(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value : new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : (value as number | string));
}

const masked = (value: unknown, mask: (text: string) => string) => (typeof value === 'string' && value ? mask(value) : null);
const minutes = (value: unknown) => (value === null || value === undefined ? null : Number(value));

const STEP_COLUMNS = SOP_STEP_TABLE.flatMap(({ workingMinutesField, breachedField }) => [workingMinutesField, breachedField])
  .map((field) => `i.${columnOf(field)}`)
  .join(', ');

/**
 * Every inquiry received in the range, oldest first, a page at a time: keyset paging on (received_at, id),
 * so that a year of requests streams through in constant memory and each page is an index range.
 */
export async function* detailPages(strapi: Core.Strapi, params: RecapParams, start: Date, end: Date, divisions: DivisionRef[]): AsyncGenerator<DetailRow[]> {
  const db = dialectOf(strapi);
  const divisionName = new Map(divisions.map((d) => [d.id, d.name]));
  let after: { at: Date; id: number } | null = null;
  for (;;) {
    const cursor: Fragment = after
      ? sql` AND i.received_at >= ${db.instant(after.at)} AND (i.received_at > ${db.instant(after.at)} OR i.id > ${after.id})`
      : sql``;
    const rows: Record<string, unknown>[] = await db.run<Record<string, unknown>>(sql`
      SELECT i.id, i.code, i.received_at, i.kind, i.channel, i.service_category, i.subject, i.status, i.outcome,
        i.routed_division_id, i.triaged_at, i.coordinated_at, i.answered_at, i.closed_at,
        ${raw(STEP_COLUMNS)}, i.direct_answer, i.external_ref,
        i.answer_delivery, i.answer_delivered_at,
        a.name AS applicant_name, a.nik AS applicant_nik, a.phone AS applicant_phone, a.email AS applicant_email
      FROM inquiries i
      LEFT JOIN inquiries_cmps c ON c.entity_id = i.id AND c.field = ${'applicant'}
      LEFT JOIN components_inquiry_applicants a ON a.id = c.cmp_id
      WHERE ${receivedBetween(db, start, end)}${recapFilters(params)}${cursor}
      ORDER BY i.received_at, i.id
      LIMIT ${PAGE}`);
    if (rows.length === 0) return;
    yield rows.map((row) => {
      const names = typeof row.applicant_name === 'string' ? [row.applicant_name] : [];
      return {
        code: String(row.code),
        receivedAt: instant(row.received_at)!,
        kind: String(row.kind),
        channel: String(row.channel),
        serviceCategory: (row.service_category as string | null) ?? null,
        subject: redactFreeText(String(row.subject ?? ''), { names }),
        status: String(row.status),
        outcome: (row.outcome as string | null) ?? null,
        division: row.routed_division_id === null ? null : (divisionName.get(num(row.routed_division_id)) ?? null),
        applicantName: masked(row.applicant_name, maskName),
        applicantNik: masked(row.applicant_nik, maskNik),
        applicantPhone: masked(row.applicant_phone, maskPhone),
        applicantEmail: masked(row.applicant_email, maskEmail),
        triagedAt: instant(row.triaged_at),
        coordinatedAt: instant(row.coordinated_at),
        answeredAt: instant(row.answered_at),
        closedAt: instant(row.closed_at),
        steps: perStep((step) => ({
          minutes: minutes(row[columnOf(SOP_STEP[step].workingMinutesField)]),
          breached: bool(row[columnOf(SOP_STEP[step].breachedField)]),
        })),
        directAnswer: bool(row.direct_answer),
        externalRef: typeof row.external_ref === 'string' ? redactFreeText(row.external_ref) : null,
        answerDelivery: (row.answer_delivery as string | null) ?? null,
        answerDeliveredAt: instant(row.answer_delivered_at),
      };
    });
    if (rows.length < PAGE) return;
    const last: Record<string, unknown> = rows[rows.length - 1];
    after = { at: instant(last.received_at)!, id: num(last.id) };
  }
}
