import type { Core } from '@strapi/strapi';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { CODE_PREFIX, CODE_SEQUENCE_DIGITS, type Kind } from '@layanan/config';
import { returnedRows, type RawResult } from '../utils';

export const CODE_COUNTER_TABLE = 'inquiry_code_counters';

/** INF-2611-…: kind, then year and month of arrival in the office's zone; a per-month sequence follows. */
export function codePeriod(kind: Kind, at: Date, timeZone: string): string {
  return `${CODE_PREFIX[kind]}-${format(new TZDate(at, timeZone), 'yyMM')}`;
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * One atomic upsert, so two instances (or two requests) never get the same number: the row lock of
   * ON CONFLICT DO UPDATE serialises them on PostgreSQL, and SQLite has a single writer. It runs on the
   * current transaction when there is one (on SQLite a second connection would wait for it forever).
   */
  async next(kind: Kind, at: Date, timeZone: string): Promise<string> {
    const period = codePeriod(kind, at, timeZone);
    const result = (await strapi.db.transaction(({ trx }) =>
      trx.raw(
        `INSERT INTO ${CODE_COUNTER_TABLE} (period, value) VALUES (?, 1)
       ON CONFLICT (period) DO UPDATE SET value = ${CODE_COUNTER_TABLE}.value + 1
       RETURNING value`,
        [period],
      ),
    )) as RawResult<{ value: number | string }>;
    const rows = returnedRows(result);
    return `${period}-${String(Number(rows[0].value)).padStart(CODE_SEQUENCE_DIGITS, '0')}`;
  },
});
