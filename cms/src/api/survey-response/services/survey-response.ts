import { factories, type Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import createHttpError from 'http-errors';
import {
  SKM_ELEMENTS,
  computeIkm,
  gradeTableByRegulation,
  gradeTableFor,
  periodBounds,
  type GroupBy,
  type IkmResult,
  type SkmElement,
} from '@layanan/config';
import { TOKEN_HASH_FIELDS, getService as sop, inquiryTokenMatches } from '@layanan/sop-workflow';
import { EMPTY, dialectOf, join, num, raw, sql, type Fragment } from '../../../utils/sql';

const UID = 'api::survey-response.survey-response';
export const NOT_FOUND = 'Permohonan tidak ditemukan. Periksa kembali kode dan token pelacakan Anda.';
const ALREADY = 'Survei untuk permohonan ini sudah diisi. Terima kasih atas penilaian Anda.';

export interface SurveyInput {
  code: string;
  token: string;
  scores: Record<SkmElement, number>;
  comment?: string;
}

interface InquiryRow {
  id: number;
  code: string;
  status: string;
  outcome: string | null;
  trackingTokenHash: string | null;
  recoveryTokenHash: string | null;
  receiptTokenHash: string | null;
}

export interface IkmPeriod extends IkmResult {
  period: string;
}

/** The attribute u1 is stored in the column u_1 (Strapi snake-cases the digits apart). */
const columnOf = (element: SkmElement) => `u_${element.slice(1)}`;

/** A unique violation, as SQLite and PostgreSQL report it. */
function isUniqueViolation(error: unknown): boolean {
  const { code } = (error ?? {}) as { code?: string };
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/.test(String((error as Error)?.message));
}

/** The SKM: one rating per answered inquiry, given with its tracking token; the IKM over a period. */
export default factories.createCoreService(UID, ({ strapi }: { strapi: Core.Strapi }) => ({
  async submit(input: SurveyInput): Promise<{ code: string; at: Date }> {
    const code = input.code.toUpperCase();
    const inquiry = (await strapi.db.query('api::inquiry.inquiry').findOne({
      where: { code },
      select: ['id', 'code', 'status', 'outcome', ...TOKEN_HASH_FIELDS],
    })) as InquiryRow | null;
    // A wrong token answers exactly like an unknown code, so codes cannot be probed.
    if (!inquiry || !inquiryTokenMatches(input.token, inquiry)) throw new errors.NotFoundError(NOT_FOUND);
    if (inquiry.outcome === 'rejected') {
      throw createHttpError(409, 'Permohonan ini ditutup tanpa jawaban, sehingga tidak dapat dinilai.', { details: { status: inquiry.status } });
    }
    if (inquiry.outcome !== 'answered') {
      throw createHttpError(409, 'Survei kepuasan dapat diisi setelah permohonan Anda dijawab.', { details: { status: inquiry.status } });
    }
    const at = sop(strapi, 'clock').now();
    const scores = Object.fromEntries(SKM_ELEMENTS.map((element) => [element.toLowerCase(), input.scores[element]]));
    const rated = async () => (await strapi.db.query(UID).count({ where: { inquiry: { id: inquiry.id } } })) > 0;
    try {
      await strapi.db.transaction(async () => {
        if (await rated()) throw createHttpError(409, ALREADY);
        await strapi.db.query(UID).create({ data: { inquiry: inquiry.id, ...scores, comment: input.comment ?? null, at } });
      });
    } catch (error) {
      if ((error as { status?: number }).status === 409) throw error;
      // Two ratings racing: the unique index refuses the second link row (on PostgreSQL the query engine's
      // clean-up then fails in the aborted transaction, hiding the unique violation), and the first has committed.
      if (isUniqueViolation(error) || (await rated())) throw createHttpError(409, ALREADY);
      throw error;
    }
    return { code: inquiry.code, at };
  },

  /**
   * IKM per PermenPAN-RB 14/2017 over the responses given in the period (and per sub-period for a trend):
   * the database sums each element's scores, the grading is config's pure computation. `inquiries` narrows
   * the responses to those about matching requests: SQL conditions on the inquiries alias `i`, each
   * starting with AND (the Rekap Informasi's filters).
   */
  async ikm(fromDay: number, toDay: number, groupBy: GroupBy, regulation?: string, inquiries?: Fragment) {
    const { timeZone } = await sop(strapi, 'policy').current();
    const periods = periodBounds(fromDay, toDay, groupBy, timeZone);
    const lastDay = new Date(toDay * 86_400_000).toISOString().slice(0, 10);
    const table = (regulation ? gradeTableByRegulation(regulation) : undefined) ?? gradeTableFor(lastDay);
    const db = dialectOf(strapi);
    const sums = join(
      SKM_ELEMENTS.map((element) => raw(`sum(s.${columnOf(element)}) AS ${columnOf(element)}`)),
      ', ',
    );
    const values = join(
      periods.map((p) => sql`(${p.key}, ${db.instant(p.start)}, ${db.instant(p.end)})`),
      ', ',
    );
    const about = inquiries
      ? sql` AND EXISTS (SELECT 1 FROM survey_responses_inquiry_lnk l JOIN inquiries i ON i.id = l.inquiry_id WHERE l.survey_response_id = s.id${inquiries})`
      : EMPTY;
    const rows = await db.run<Record<string, unknown>>(sql`
      WITH periods(period_key, starts_at, ends_at) AS (VALUES ${values})
      SELECT p.period_key, count(s.id) AS respondents, ${sums}
      FROM periods p LEFT JOIN survey_responses s ON s.at >= p.starts_at AND s.at < p.ends_at${about}
      GROUP BY p.period_key`);
    const byKey = new Map(rows.map((row) => [String(row.period_key), row]));
    const overall = { respondents: 0, totals: Object.fromEntries(SKM_ELEMENTS.map((e) => [e, 0])) as Record<SkmElement, number> };
    const trend: IkmPeriod[] = periods.map(({ key }) => {
      const row = byKey.get(key) ?? {};
      const totals = Object.fromEntries(SKM_ELEMENTS.map((e) => [e, num(row[columnOf(e)])])) as Record<SkmElement, number>;
      const respondents = num(row.respondents);
      overall.respondents += respondents;
      for (const e of SKM_ELEMENTS) overall.totals[e] += totals[e];
      return { period: key, ...computeIkm({ respondents, totals }, table) };
    });
    return { ...computeIkm(overall, table), periods: trend, table };
  },
}));
