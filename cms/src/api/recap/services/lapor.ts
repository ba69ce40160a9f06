import { LAPOR_CLOCK_CHANNEL, LAPOR_CLOCK_TABLE, columnOf, type LaporBudgets, type LaporClock, type LaporRecap, type StepCompliance } from '@layanan/config';
import { join, num, raw, sql, type Dialect, type Fragment } from '../../../utils/sql';

/** `reports`, and per clock: how many reports it applies to, how many were flagged late, how many still run unflagged. */
export type LaporSums = Record<string, number>;

/**
 * SP4N-LAPOR!'s compliance in one grouped scan of its reports in the range (`scope` on the alias `i`): a
 * clock applies once its deadline is set; it is late when flagged, or still running past the deadline (the
 * sweep marks that within a minute); pending while running within it; met when done unflagged.
 */
export async function laporRecap(db: Dialect, scope: Fragment, now: Date, policy: LaporBudgets): Promise<LaporRecap> {
  const sums = LAPOR_CLOCK_TABLE.flatMap(({ clock, dueField, atField, breachedField }) => {
    const [due, done, flag] = [columnOf(dueField), columnOf(atField), columnOf(breachedField)];
    const flagged = raw(`i.${flag} = TRUE`);
    const running = sql`i.${raw(done)} IS NULL AND i.${raw(due)} IS NOT NULL`;
    return [
      sql`sum(CASE WHEN i.${raw(due)} IS NOT NULL THEN 1 ELSE 0 END) AS ${raw(`${clock}_applicable`)}`,
      sql`sum(CASE WHEN ${flagged} THEN 1 ELSE 0 END) AS ${raw(`${clock}_flagged`)}`,
      sql`sum(CASE WHEN ${running} AND NOT (${flagged}) THEN 1 ELSE 0 END) AS ${raw(`${clock}_running`)}`,
      sql`sum(CASE WHEN ${running} AND NOT (${flagged}) AND i.${raw(due)} < ${db.instant(now)} THEN 1 ELSE 0 END) AS ${raw(`${clock}_overdue`)}`,
    ];
  });
  const [row] = await db.run<Record<string, unknown>>(sql`
    SELECT count(*) AS reports, ${join(sums, ', ')}
    FROM inquiries i WHERE i.channel = ${LAPOR_CLOCK_CHANNEL} AND ${scope}`);
  const read = (column: string) => num(row?.[column]);
  const overdue = Object.fromEntries(LAPOR_CLOCK_TABLE.map(({ clock }) => [clock, read(`${clock}_overdue`)]));
  return laporFigures(Object.fromEntries(Object.keys(row ?? {}).map((column) => [column, read(column)])), overdue, policy);
}

/**
 * Per clock, the reports still running unflagged past their deadline (the sweep has not marked them yet):
 * a seek of the clock's open index (flag, end, deadline), few rows.
 */
export async function laporLateUnflagged(db: Dialect, scope: Fragment, now: Date): Promise<Record<string, number>> {
  const counts = LAPOR_CLOCK_TABLE.map(({ clock, dueField, atField, breachedField }) => {
    const [due, done, flag] = [columnOf(dueField), columnOf(atField), columnOf(breachedField)];
    return sql`SELECT ${clock} AS clock, count(*) AS n FROM inquiries i
      WHERE i.${raw(flag)} = FALSE AND i.${raw(done)} IS NULL AND i.${raw(due)} IS NOT NULL AND i.${raw(due)} < ${db.instant(now)}
      AND i.channel = ${LAPOR_CLOCK_CHANNEL} AND ${scope}`;
  });
  const rows = await db.run<{ clock: string; n: unknown }>(join(counts, ' UNION ALL '));
  return Object.fromEntries(rows.map((r) => [r.clock, num(r.n)]));
}

/** The figures of each clock from its sums and the reports still running past its deadline unflagged. */
export function laporFigures(sums: LaporSums, overdue: Record<string, number>, policy: LaporBudgets): LaporRecap {
  const clocks = Object.fromEntries(
    LAPOR_CLOCK_TABLE.map(({ clock }): [LaporClock, StepCompliance] => {
      const applicable = sums[`${clock}_applicable`] ?? 0;
      const late = (sums[`${clock}_flagged`] ?? 0) + (overdue[clock] ?? 0);
      const pending = (sums[`${clock}_running`] ?? 0) - (overdue[clock] ?? 0);
      const met = applicable - late - pending;
      return [clock, { applicable, met, late, pending, withinBudget: applicable === 0 ? null : (met + pending) / applicable }];
    }),
  ) as Record<LaporClock, StepCompliance>;
  const budgets = Object.fromEntries(LAPOR_CLOCK_TABLE.map(({ clock, budgetField }) => [clock, policy[budgetField]])) as Record<LaporClock, number>;
  return { reports: sums.reports ?? 0, budgets, clocks };
}
