import { LAPOR_CLOCK_CHANNEL, LAPOR_CLOCK_TABLE, columnOf, type LaporBudgets, type LaporClock, type LaporRecap, type StepCompliance } from '@layanan/config';
import { join, num, raw, sql, type Dialect, type Fragment } from '../../../utils/sql';

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
      sql`sum(CASE WHEN i.${raw(due)} IS NOT NULL AND (${flagged} OR (${running} AND i.${raw(due)} < ${db.instant(now)})) THEN 1 ELSE 0 END) AS ${raw(`${clock}_late`)}`,
      sql`sum(CASE WHEN ${running} AND NOT (${flagged}) AND i.${raw(due)} >= ${db.instant(now)} THEN 1 ELSE 0 END) AS ${raw(`${clock}_pending`)}`,
    ];
  });
  const [row] = await db.run<Record<string, unknown>>(sql`
    SELECT count(*) AS reports, ${join(sums, ', ')}
    FROM inquiries i WHERE i.channel = ${LAPOR_CLOCK_CHANNEL} AND ${scope}`);
  const clocks = Object.fromEntries(
    LAPOR_CLOCK_TABLE.map(({ clock }): [LaporClock, StepCompliance] => {
      const applicable = num(row?.[`${clock}_applicable`]);
      const late = num(row?.[`${clock}_late`]);
      const pending = num(row?.[`${clock}_pending`]);
      const met = applicable - late - pending;
      return [clock, { applicable, met, late, pending, withinBudget: applicable === 0 ? null : (met + pending) / applicable }];
    }),
  ) as Record<LaporClock, StepCompliance>;
  const budgets = Object.fromEntries(LAPOR_CLOCK_TABLE.map(({ clock, budgetField }) => [clock, policy[budgetField]])) as Record<LaporClock, number>;
  return { reports: num(row?.reports), budgets, clocks };
}
