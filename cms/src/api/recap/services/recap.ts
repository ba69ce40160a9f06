import type { Core } from '@strapi/strapi';
import {
  CHANNELS,
  KINDS,
  SERVICE_CATEGORIES,
  SOP_STEP,
  SOP_STEPS,
  SOP_STEP_TABLE,
  STATUSES,
  STEP_OF_STATUS,
  columnOf,
  perStep,
  addStepCounts,
  completedSteps,
  emptyStepCounts,
  percentilePosition,
  periodBounds,
  localDayNumber,
  utcOffsetMinutes,
  LAPOR_CLOCK_CHANNEL,
  overOneWorkingDayBefore,
  stepCompliance,
  type Channel,
  type GroupBy,
  type Kind,
  type AnswerDeliveryFigures,
  type AnswerDeliveryRecap,
  type OpenBreaches,
  type Recap,
  type RecapPolicy,
  type RecapPeriod,
  type StepDuration,
  type PeriodBounds,
  type SopStep,
  type StepCounts,
  type StepStatus,
  type TimeToAnswer,
} from '@layanan/config';
import { getService as sop } from '@layanan/sop-workflow';
import { laporFigures, laporRecap, laporLateUnflagged } from './lapor';
import { COUNTS, DAYS, DAY_DELTAS, FLAGS, KEY, LAPOR_COLUMNS, MINUTES, MINUTE_DELTAS, type RollupService } from './rollup';
import { EMPTY, bool, dialectOf, join, num, raw, sql, type Dialect, type Fragment } from '../../../utils/sql';

/** A recap request, already validated: local days from..to inclusive, and optional filters. */
export interface RecapParams {
  fromDay: number;
  toDay: number;
  groupBy: GroupBy;
  channel?: Channel;
  kind?: Kind;
  /** A Bidang's row id, or 'none' for requests not (yet) routed to one. */
  division?: number | 'none';
}

export interface DivisionRef {
  id: number;
  documentId: string;
  code: string;
  name: string;
}

export const NO_DIVISION = 'none';
/** The key the whole office's delivery median is computed under: no channel is named so. */
const OVERALL = '*';

export type { Recap };

type Period = PeriodBounds;

type Percentiles = Omit<StepDuration, 'count'>;

interface FlagCount {
  step: SopStep;
  division: number | null;
  count: number;
}

interface Cell {
  dimension: Exclude<keyof RecapPeriod, 'period' | 'start' | 'end' | 'total'>;
  key: string;
  /** What to count; null for the value derived from the period's total. */
  where: Fragment | null;
}

/** The commonest value of a dimension in an office's year: cheaper as the total less the others. */
const DERIVED: Partial<Record<Cell['dimension'], string>> = { kind: 'information', serviceCategory: 'ktp_el', status: 'closed' };

const MINUTES_COLUMN = perStep((step) => columnOf(SOP_STEP[step].workingMinutesField));
const FLAG_COLUMN = perStep((step) => columnOf(SOP_STEP[step].breachedField));
const DUE_COLUMN = perStep((step) => columnOf(SOP_STEP[step].dueField));

type Filters = Pick<RecapParams, 'channel' | 'kind' | 'division'>;

/** The optional filters as SQL, on the columns named (the Bidang's, and how a request without one reads). */
function filtersOn(params: Filters, columns: { channel: string; kind: string; division: string; noDivision: string }): Fragment {
  const parts: Fragment[] = [];
  if (params.channel) parts.push(sql` AND ${raw(columns.channel)} = ${params.channel}`);
  if (params.kind) parts.push(sql` AND ${raw(columns.kind)} = ${params.kind}`);
  if (params.division === NO_DIVISION) parts.push(raw(` AND ${columns.noDivision}`));
  else if (params.division !== undefined) parts.push(sql` AND ${raw(columns.division)} = ${params.division}`);
  return parts.length ? join(parts, '') : EMPTY;
}

/** The optional filters, as SQL on the inquiries alias `i`. */
export function recapFilters(params: Filters): Fragment {
  return filtersOn(params, { channel: 'i.channel', kind: 'i.kind', division: 'i.routed_division_id', noDivision: 'i.routed_division_id IS NULL' });
}

/** The same on the running totals' alias `r` (a request without a Bidang is kept under 0). */
function rollupFilters(params: Filters): Fragment {
  return filtersOn(params, { channel: 'r.channel', kind: 'r.kind', division: 'r.division', noDivision: 'r.division = 0' });
}

/** Half-open range of received times, on the inquiries alias `i`. */
export function receivedBetween(db: Dialect, start: Date, end: Date): Fragment {
  return sql`i.received_at >= ${db.instant(start)} AND i.received_at < ${db.instant(end)}`;
}

/**
 * The Rekap Informasi, computed by the database. Volume, breach flags and SP4N-LAPOR!'s clocks come from the
 * running totals per day (rollup.ts), the durations' percentiles from their totals per minute and a short walk
 * of one minute's index entries; open steps and answer deliveries from their own indexes. A range the totals
 * cannot serve (a zone whose offset moves inside it) is counted from the rows: on SQLite one index seek per
 * figure, on PostgreSQL grouped scans of the range.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const rollup = () => strapi.service('api::recap.rollup') as unknown as RollupService;

  async function divisions(): Promise<DivisionRef[]> {
    return (await strapi.db.query('api::division.division').findMany({
      select: ['id', 'documentId', 'code', 'name'],
      orderBy: { id: 'asc' },
    })) as DivisionRef[];
  }

  function cells(known: DivisionRef[]): Cell[] {
    const equal = (column: string, value: string | number) => sql`i.${raw(column)} = ${value}`;
    const counted = <K extends string>(dimension: Cell['dimension'], column: string, keys: readonly K[]) =>
      keys.map((key) => ({ dimension, key, where: DERIVED[dimension] === key ? null : equal(column, key) }));
    return [
      ...counted('channel', 'channel', CHANNELS),
      ...counted('kind', 'kind', KINDS),
      ...counted('serviceCategory', 'service_category', SERVICE_CATEGORIES),
      ...counted('status', 'status', STATUSES),
      { dimension: 'outcome', key: 'rejected', where: sql`i.outcome = ${'rejected'}` },
      ...known.map((division) => ({ dimension: 'division' as const, key: division.code, where: equal('routed_division_id', division.id) })),
      { dimension: 'division', key: NO_DIVISION, where: raw('i.routed_division_id IS NULL') },
    ];
  }

  /** Per period key, the count of each counted cell, by the cell's place in `cells`. */
  type CellCounts = Map<string, Map<number, number>>;

  /**
   * SQLite: each (period, dimension value) is one correlated count that seeks its index on (value, time)
   * and never sorts, so a year of a million requests costs one pass over each index, not a sort of it.
   */
  async function seekedCounts(db: Dialect, params: RecapParams, periods: Period[], all: Cell[]): Promise<CellCounts> {
    const rows = join(
      periods.map((p) => sql`(${p.key}, ${db.instant(p.start)}, ${db.instant(p.end)})`),
      ', ',
    );
    const scope = recapFilters(params);
    const counts = join(
      all.flatMap((cell, i) =>
        cell.where
          ? [sql`(SELECT count(*) FROM inquiries i WHERE ${cell.where} AND i.received_at >= p.starts_at AND i.received_at < p.ends_at${scope}) AS ${raw(`c${i}`)}`]
          : [],
      ),
      ', ',
    );
    const result = await db.run<Record<string, unknown>>(
      sql`WITH periods(period_key, starts_at, ends_at) AS (VALUES ${rows}) SELECT p.period_key, ${counts} FROM periods p`,
    );
    return new Map(
      result.map((row) => [String(row.period_key), new Map(all.flatMap((cell, i) => (cell.where ? [[i, num(row[`c${i}`])] as const] : [])))]),
    );
  }

  /**
   * PostgreSQL: one grouped scan of the range gives every cell and every breach flag, per period and Bidang.
   * An index-only count still reads the table for each entry on pages not yet vacuumed as all-visible, so
   * hundreds of counts over the same rows cost far more there than reading each row once.
   */
  async function scannedCounts(db: Dialect, params: RecapParams, periods: Period[], all: Cell[], known: DivisionRef[]) {
    // width_bucket gives the 1-based place of the period whose start is the last one at or before received_at.
    const starts = join(
      periods.map((p) => db.instant(p.start)),
      ', ',
    );
    const columns = [
      ...all.flatMap((cell, i) => (cell.where && cell.dimension !== 'division' ? [sql`count(*) FILTER (WHERE ${cell.where}) AS ${raw(`c${i}`)}`] : [])),
      ...SOP_STEPS.map((step) => raw(`count(*) FILTER (WHERE i.${FLAG_COLUMN[step]}) AS ${step}_flagged`)),
    ];
    const start = periods[0].start;
    const end = periods[periods.length - 1].end;
    const result = await db.run<Record<string, unknown>>(sql`
      SELECT width_bucket(i.received_at, ARRAY[${starts}]) AS place, i.routed_division_id AS division, count(*) AS n, ${join(columns, ', ')}
      FROM inquiries i WHERE ${receivedBetween(db, start, end)}${recapFilters(params)}
      GROUP BY 1, 2`);
    const counts: CellCounts = new Map(periods.map((p) => [p.key, new Map(all.flatMap((cell, i) => (cell.where ? [[i, 0] as const] : [])))]));
    const flags: FlagCount[] = [];
    for (const row of result) {
      const own = counts.get(periods[num(row.place) - 1].key)!;
      const division = row.division === null ? null : num(row.division);
      const code = division === null ? NO_DIVISION : known.find((d) => d.id === division)?.code;
      all.forEach((cell, i) => {
        if (!cell.where) return;
        if (cell.dimension !== 'division') own.set(i, own.get(i)! + num(row[`c${i}`]));
        else if (cell.key === code) own.set(i, own.get(i)! + num(row.n));
      });
      for (const step of SOP_STEPS) {
        const count = num(row[`${step}_flagged`]);
        if (count > 0) flags.push({ step, division, count });
      }
    }
    return { counts, flags };
  }

  /**
   * Volume: every request has exactly one channel, so the channels add up to the period's total, and the
   * commonest value of the other dimensions is that total less the rest rather than a count of its own.
   */
  function periodFigures(periods: Period[], all: Cell[], counts: CellCounts): RecapPeriod[] {
    return periods.map((period) => {
      const own = counts.get(period.key) ?? new Map<number, number>();
      const volumeRow: RecapPeriod = {
        period: period.key,
        start: period.start.toISOString(),
        end: period.end.toISOString(),
        total: 0,
        channel: {},
        kind: {},
        serviceCategory: {},
        status: {},
        outcome: {},
        division: {},
      };
      all.forEach((cell, i) => {
        if (cell.where) volumeRow[cell.dimension][cell.key] = own.get(i) ?? 0;
      });
      volumeRow.total = Object.values(volumeRow.channel).reduce((a, b) => a + b, 0);
      for (const cell of all.filter((c) => !c.where)) {
        const rest = Object.values(volumeRow[cell.dimension]).reduce((a, b) => a + b, 0);
        volumeRow[cell.dimension][cell.key] = volumeRow.total - rest;
      }
      const { received, triaged, coordinated, answered, closed } = volumeRow.status;
      const rejected = volumeRow.outcome.rejected;
      volumeRow.outcome = { open: received + triaged + coordinated, answered: answered + closed - rejected, rejected };
      return volumeRow;
    });
  }

  /** SQLite: breach flags set per step and Bidang, each count seeking its flag's index. */
  async function flagCounts(db: Dialect, params: RecapParams, start: Date, end: Date): Promise<FlagCount[]> {
    const scope = sql`${receivedBetween(db, start, end)}${recapFilters(params)}`;
    const rows = await db.run<Record<string, unknown>>(
      join(
        SOP_STEPS.map(
          (step) => sql`SELECT ${step} AS step, i.routed_division_id AS division, count(*) AS n
            FROM inquiries i WHERE i.${raw(FLAG_COLUMN[step])} = TRUE AND ${scope} GROUP BY i.routed_division_id`,
        ),
        ' UNION ALL ',
      ),
    );
    return rows.map((row) => ({ step: row.step as SopStep, division: row.division === null ? null : num(row.division), count: num(row.n) }));
  }

  /** The folded day rows and the deltas not yet folded, of local days `first`..`last`, as one relation `r`. */
  function rollupRows(table: string, deltas: string, columns: string, first: number, last: number, where: Fragment): Fragment {
    return sql`(SELECT ${raw(columns)} FROM ${raw(table)} r WHERE r.day BETWEEN ${first} AND ${last}${where}
      UNION ALL SELECT ${raw(columns)} FROM ${raw(deltas)} r WHERE r.day BETWEEN ${first} AND ${last}${where})`;
  }

  interface RollupRow {
    period_key: string;
    channel: string;
    kind: string;
    division: number;
    [count: string]: unknown;
  }

  /** Volume, breach flags and LAPOR!'s clocks per period from the running totals: one grouped read of day rows. */
  async function rolledUp(db: Dialect, params: RecapParams, periods: Period[], offset: number, known: DivisionRef[]) {
    const dayOf = (at: Date) => localDayNumber(at, offset);
    const spans = join(
      periods.map((p) => sql`(${p.key}, CAST(${dayOf(p.start)} AS integer), CAST(${dayOf(p.end) - 1} AS integer))`),
      ', ',
    );
    const columns = [...KEY, ...COUNTS].join(', ');
    const source = rollupRows(DAYS, DAY_DELTAS, columns, dayOf(periods[0].start), dayOf(periods[periods.length - 1].end) - 1, rollupFilters(params));
    const rows = await db.run<RollupRow>(sql`
      WITH periods(period_key, first_day, last_day) AS (VALUES ${spans})
      SELECT p.period_key, r.channel, r.kind, r.division, ${raw(COUNTS.map((c) => `sum(r.${c}) AS ${c}`).join(', '))}
      FROM ${source} r JOIN periods p ON r.day BETWEEN p.first_day AND p.last_day
      GROUP BY p.period_key, r.channel, r.kind, r.division`);
    const all = cells(known);
    const byCode = new Map(known.map((d) => [d.code, d.id]));
    /** What a day row adds to a cell: its count when the cell is one of its keys, else the cell's own column. */
    const share = (cell: Cell, row: RollupRow): number => {
      switch (cell.dimension) {
        case 'channel':
          return row.channel === cell.key ? num(row.n) : 0;
        case 'kind':
          return row.kind === cell.key ? num(row.n) : 0;
        case 'division':
          return num(row.division) === (cell.key === NO_DIVISION ? 0 : byCode.get(cell.key)) ? num(row.n) : 0;
        case 'serviceCategory':
          return num(row[`category_${cell.key}`]);
        case 'status':
          return num(row[`status_${cell.key}`]);
        case 'outcome':
          return num(row[`outcome_${cell.key}`]);
      }
    };
    const cellCounts: CellCounts = new Map(periods.map((p) => [p.key, new Map(all.map((_, i) => [i, 0] as const))]));
    const flagged = new Map<string, FlagCount>();
    const lapor = Object.fromEntries(['reports', ...LAPOR_COLUMNS].map((c) => [c, 0])) as Record<string, number>;
    for (const row of rows) {
      const n = num(row.n);
      const own = cellCounts.get(String(row.period_key))!;
      all.forEach((cell, i) => {
        if (cell.where) own.set(i, own.get(i)! + share(cell, row));
      });
      const division = num(row.division) === 0 ? null : num(row.division);
      SOP_STEPS.forEach((step, k) => {
        const count = num(row[FLAGS[k]]);
        if (count === 0) return;
        const key = `${step}:${division}`;
        const entry = flagged.get(key) ?? { step, division, count: 0 };
        entry.count += count;
        flagged.set(key, entry);
      });
      if (row.channel === LAPOR_CLOCK_CHANNEL) {
        lapor.reports += n;
        for (const c of LAPOR_COLUMNS) lapor[c] += num(row[c]);
      }
    }
    return { periods: periodFigures(periods, all, cellCounts), flags: [...flagged.values()].filter((f) => f.count !== 0), lapor };
  }

  /**
   * Percentiles from the durations' totals per whole minute: the totals give the minute a rank falls in, and
   * the duration index is walked inside that minute alone (a few hundred entries instead of half a year's).
   */
  async function bucketedPercentiles(db: Dialect, params: RecapParams, start: Date, end: Date, offset: number) {
    const first = localDayNumber(start, offset);
    const last = localDayNumber(end, offset) - 1;
    const histogram = await db.run<{ step: string; bucket: unknown; n: unknown }>(sql`
      SELECT r.step AS step, r.bucket AS bucket, sum(r.n) AS n FROM ${rollupRows(MINUTES, MINUTE_DELTAS, 'day, step, bucket, n', first, last, EMPTY)} r
      GROUP BY r.step, r.bucket ORDER BY r.step, r.bucket`);
    const scope = sql`${receivedBetween(db, start, end)}${recapFilters(params)}`;
    const result = perStep((): Percentiles => ({ median: null, p90: null }));
    const walks: Fragment[] = [];
    const wanted: { step: SopStep; which: 'median' | 'p90'; fraction: number; ranks: [number, number] }[] = [];
    for (const step of SOP_STEPS) {
      const buckets = histogram.filter((h) => h.step === step && num(h.n) > 0).map((h) => ({ bucket: num(h.bucket), n: num(h.n) }));
      const total = buckets.reduce((sum, b) => sum + b.n, 0);
      if (total === 0) continue;
      const column = raw(`i.${MINUTES_COLUMN[step]}`);
      // The value at rank k (0-based): its minute, and its place inside that minute.
      const valueAt = (k: number) => {
        let before = 0;
        const found = buckets.find((b) => (before += b.n) > k)!;
        const offsetInBucket = k - (before - found.n);
        // From whichever end of the minute is nearer.
        const fromTop = offsetInBucket > found.n / 2;
        walks.push(sql`SELECT ${walks.length} AS k, v FROM (
          SELECT ${column} AS v FROM inquiries i${db.indexedBy(`inquiries_recap_${step}_minutes_idx`)}
          WHERE ${column} >= ${found.bucket} AND ${column} < ${found.bucket + 1} AND ${scope}
          ORDER BY ${column} ${raw(fromTop ? 'DESC' : 'ASC')} LIMIT 1 OFFSET ${fromTop ? found.n - 1 - offsetInBucket : offsetInBucket}) w`);
        return walks.length - 1;
      };
      for (const [which, p] of [['median', 0.5], ['p90', 0.9]] as const) {
        const { lower, fraction } = percentilePosition(p, total);
        const upper = Math.min(lower + 1, total - 1);
        wanted.push({ step, which, fraction, ranks: [valueAt(lower), upper === lower ? -1 : valueAt(upper)] });
      }
    }
    const values = new Map<number, number>();
    // PostgreSQL walks them side by side, each on a connection of its own; SQLite has the one.
    const found = db.postgres ? (await Promise.all(walks.map((walk) => db.run<{ k: unknown; v: unknown }>(walk)))).flat() : walks.length ? await db.run<{ k: unknown; v: unknown }>(join(walks, ' UNION ALL ')) : [];
    for (const row of found) values.set(num(row.k), Number(row.v));
    for (const { step, which, fraction, ranks } of wanted) {
      const low = values.get(ranks[0]);
      const high = ranks[1] === -1 ? low : values.get(ranks[1]);
      if (low !== undefined && high !== undefined) result[step][which] = low + fraction * (high - low);
    }
    return result;
  }

  /** The volume per period, and the breach flags per step and Bidang over the whole range. */
  async function volumeAndFlags(db: Dialect, params: RecapParams, periods: Period[], known: DivisionRef[]) {
    const all = cells(known);
    if (db.postgres) {
      const { counts, flags } = await scannedCounts(db, params, periods, all, known);
      return { periods: periodFigures(periods, all, counts), flags };
    }
    const counts = await seekedCounts(db, params, periods, all);
    const flags = await flagCounts(db, params, periods[0].start, periods[periods.length - 1].end);
    return { periods: periodFigures(periods, all, counts), flags };
  }

  interface OpenRow {
    division: number | null;
    status: StepStatus;
    open: number;
    flagged: number;
    overdue: number;
    /** Past due (flagged or not) since before `longAgo`: more than one working day late. */
    longOverdue: number;
  }

  /** Open steps: how many are flagged, and how many more are already past due (the sweep has not run yet). */
  async function openSteps(db: Dialect, params: RecapParams, start: Date, end: Date, now: Date, longAgo: Date): Promise<OpenRow[]> {
    // The column of the step each open status waits on.
    const pick = (columns: Record<SopStep, string>) =>
      raw(`CASE i.status ${SOP_STEP_TABLE.map(({ status, step }) => `WHEN '${status}' THEN i.${columns[step]}`).join(' ')} END`);
    const statuses = join(
      SOP_STEP_TABLE.map(({ status }) => sql`${status}`),
      ', ',
    );
    const rows = await db.run<Record<string, unknown>>(sql`
      WITH o AS (
        SELECT i.routed_division_id AS division, i.status AS status, ${pick(FLAG_COLUMN)} AS flagged, ${pick(DUE_COLUMN)} AS due_at
        FROM inquiries i
        WHERE i.status IN (${statuses}) AND ${receivedBetween(db, start, end)}${recapFilters(params)}
      )
      SELECT division, status, count(*) AS open,
        sum(CASE WHEN flagged THEN 1 ELSE 0 END) AS flagged,
        sum(CASE WHEN NOT coalesce(flagged, false) AND due_at < ${db.instant(now)} THEN 1 ELSE 0 END) AS overdue,
        sum(CASE WHEN due_at < ${db.instant(longAgo)} THEN 1 ELSE 0 END) AS long_overdue
      FROM o GROUP BY division, status`);
    return rows.map((row) => ({
      division: row.division === null ? null : num(row.division),
      status: row.status as OpenRow['status'],
      open: num(row.open),
      flagged: num(row.flagged),
      overdue: num(row.overdue),
      longOverdue: num(row.long_overdue),
    }));
  }

  /** PostgreSQL: percentile_cont, one sort per step for both percentiles. */
  async function scannedPercentiles(db: Dialect, params: RecapParams, start: Date, end: Date): Promise<Record<SopStep, Percentiles>> {
    const columns = join(
      SOP_STEPS.map((step) => raw(`percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY i.${MINUTES_COLUMN[step]}) AS ${step}`)),
      ', ',
    );
    const [row] = await db.run<Record<string, unknown>>(sql`SELECT ${columns} FROM inquiries i WHERE ${receivedBetween(db, start, end)}${recapFilters(params)}`);
    return perStep((step) => {
      const [median, p90] = (row?.[step] as (number | null)[] | null | undefined) ?? [null, null];
      return { median: median === null ? null : Number(median), p90: p90 === null ? null : Number(p90) };
    });
  }

  /**
   * SQLite walks each step's duration index in order to the two ranks around the percentile (from the top
   * for the 90th), then interpolates exactly as percentile_cont.
   */
  async function walkedPercentiles(db: Dialect, params: RecapParams, start: Date, end: Date, counts: Record<SopStep, number>) {
    const scope = sql`${receivedBetween(db, start, end)}${recapFilters(params)}`;
    const result = perStep((): Percentiles => ({ median: null, p90: null }));
    const walks: Fragment[] = [];
    const wanted: { step: SopStep; which: 'median' | 'p90'; fraction: number }[] = [];
    for (const step of SOP_STEPS) {
      const n = counts[step];
      if (n === 0) continue;
      for (const [which, p] of [['median', 0.5], ['p90', 0.9]] as const) {
        const { lower, fraction } = percentilePosition(p, n);
        const upper = Math.min(lower + 1, n - 1);
        // Whichever end of the index is nearer: the median from the bottom, the 90th from the top.
        const fromTop = lower > n / 2;
        const column = raw(`i.${MINUTES_COLUMN[step]}`);
        walks.push(sql`SELECT ${wanted.length} AS k, v FROM (
          SELECT ${column} AS v FROM inquiries i${db.indexedBy(`inquiries_recap_${step}_minutes_idx`)}
          WHERE ${column} IS NOT NULL AND ${scope}
          ORDER BY ${column} ${raw(fromTop ? 'DESC' : 'ASC')} LIMIT ${upper - lower + 1} OFFSET ${fromTop ? n - 1 - upper : lower})`);
        wanted.push({ step, which, fraction });
      }
    }
    const values = new Map<number, number[]>();
    if (walks.length) {
      for (const row of await db.run<{ k: number; v: number }>(join(walks, ' UNION ALL '))) {
        values.set(num(row.k), [...(values.get(num(row.k)) ?? []), Number(row.v)]);
      }
    }
    wanted.forEach(({ step, which, fraction }, k) => {
      const [low, high = low] = (values.get(k) ?? []).sort((a, b) => a - b);
      if (low !== undefined) result[step][which] = low + fraction * (high - low);
    });
    return result;
  }

  /**
   * The median of `m` per `key` of the rows `values` selects, as the mean of the middle one or two ranks (as
   * percentile_cont(0.5)), the same on both databases; with `overall`, also over every row under a key of its own.
   */
  async function medianBy(db: Dialect, values: Fragment, overall = false) {
    const every = overall ? sql`SELECT key, m FROM d UNION ALL SELECT ${raw(`'${OVERALL}'`)} AS key, m FROM d` : raw('SELECT key, m FROM d');
    const rows = await db.run<Record<string, unknown>>(sql`
      WITH d AS (${values}), every AS (${every}),
      ranked AS (SELECT key, m, row_number() OVER (PARTITION BY key ORDER BY m) AS k, count(*) OVER (PARTITION BY key) AS n FROM every)
      SELECT key, max(n) AS n, avg(m) AS median FROM ranked WHERE k IN ((n + 1) / 2, (n + 2) / 2) GROUP BY key`);
    return rows.map((row) => ({ key: String(row.key), count: num(row.n), median: row.median === null ? null : Number(row.median) }));
  }

  /**
   * The working minutes from each answered request's receipt to its answer: the steps are contiguous (each starts
   * when the one before ends), so it is the sum of the steps it passed, kept per step in working time: steps 2–4,
   * or step 2 alone when the answer came straight from it (the direct path records step 3 as not needed).
   */
  async function timeToAnswer(db: Dialect, scope: Fragment): Promise<TimeToAnswer> {
    const [triage, coordination, answer] = SOP_STEPS.map((step) => `i.${MINUTES_COLUMN[step]}`);
    const [row] = await medianBy(
      db,
      sql`SELECT ${raw(`'${OVERALL}'`)} AS key, ${raw(`${triage} + coalesce(${coordination}, 0) + coalesce(${answer}, 0)`)} AS m FROM inquiries i
        WHERE i.answered_at IS NOT NULL AND ${raw(triage)} IS NOT NULL AND (i.direct_answer = TRUE OR ${raw(answer)} IS NOT NULL) AND ${scope}`,
    );
    return { count: row?.count ?? 0, median: row?.median ?? null };
  }

  /**
   * SOP step 4 measured to the citizen, per channel: answers delivered, failed and still pending, and the median
   * minutes from the answer to its delivery. The median is the mean of the middle one or two ranks within each
   * channel (as percentile_cont(0.5)), on both databases; the whole office's median is the same walk over every
   * delivered answer, under a key no channel has.
   */
  async function answerDelivery(db: Dialect, params: RecapParams, start: Date, end: Date): Promise<AnswerDeliveryRecap> {
    const scope = sql`${receivedBetween(db, start, end)}${recapFilters(params)}`;
    const counted = (states: readonly string[]) =>
      sql`sum(CASE WHEN i.answer_delivery IN (${join(states.map((state) => sql`${state}`), ', ')}) THEN 1 ELSE 0 END)`;
    const counts = await db.run<Record<string, unknown>>(sql`
      SELECT i.channel AS channel, ${counted(['delivered'])} AS delivered, ${counted(['failed'])} AS failed,
        ${counted(['sending', 'officer_task'])} AS pending
      FROM inquiries i${db.indexedBy('inquiries_recap_delivery_idx')} WHERE i.answer_delivery IS NOT NULL AND ${scope} GROUP BY i.channel`);
    const minutes = db.minutesBetween(raw('i.answered_at'), raw('i.answer_delivered_at'));
    const medians = await medianBy(
      db,
      sql`SELECT i.channel AS key, ${minutes} AS m FROM inquiries i
        WHERE i.answer_delivery = ${'delivered'} AND i.answer_delivered_at IS NOT NULL AND i.answered_at IS NOT NULL AND ${scope}`,
      true,
    );
    const median = new Map(medians.map((row) => [row.key, row.median]));
    const overall: AnswerDeliveryFigures = { delivered: 0, failed: 0, pending: 0, medianMinutes: median.get(OVERALL) ?? null };
    const byChannel: Record<string, AnswerDeliveryFigures> = {};
    for (const row of counts) {
      const figures = { delivered: num(row.delivered), failed: num(row.failed), pending: num(row.pending), medianMinutes: median.get(String(row.channel)) ?? null };
      byChannel[String(row.channel)] = figures;
      overall.delivered += figures.delivered;
      overall.failed += figures.failed;
      overall.pending += figures.pending;
    }
    return { overall, byChannel };
  }

  /**
   * The policy revisions the range's requests carried (each request keeps the one it was received under), with
   * the first request of the range each applied to; the current policy when the range has no request.
   */
  async function policiesOf(db: Dialect, scope: Fragment, start: Date, end: Date, current: Record<SopStep, number> & { revision: number }): Promise<RecapPolicy[]> {
    const revisions = await db.run<{ revision: unknown }>(sql`SELECT DISTINCT i.policy_revision AS revision FROM inquiries i WHERE ${scope}`);
    if (revisions.length === 0) return [{ revision: current.revision, budgets: perStep((step) => current[step]), since: null }];
    const found = await Promise.all(
      revisions.map(async ({ revision }) => {
        const first = (await strapi.db.query('api::inquiry.inquiry').findOne({
          select: ['receivedAt', 'policy'],
          where: { policyRevision: revision === null ? null : num(revision), receivedAt: { $gte: start, $lt: end } },
          orderBy: { receivedAt: 'asc' },
        })) as { receivedAt: string | Date; policy: Partial<Record<string, number>> | null } | null;
        return {
          revision: revision === null ? current.revision : num(revision),
          budgets: perStep((step) => first?.policy?.[SOP_STEP[step].budgetField] ?? current[step]),
          since: first ? new Date(first.receivedAt).toISOString() : null,
        };
      }),
    );
    // Requests from before snapshots were kept read as the current revision: one entry per revision, from its first.
    const byRevision = new Map<number, RecapPolicy>();
    for (const policy of found) {
      const known = byRevision.get(policy.revision);
      if (!known || (policy.since ?? '') < (known.since ?? '')) byRevision.set(policy.revision, policy);
    }
    return [...byRevision.values()];
  }

  return {
    divisions,

    async compute(params: RecapParams, from: string, to: string): Promise<Recap> {
      const db = dialectOf(strapi);
      const policy = await sop(strapi, 'policy').current();
      const now = sop(strapi, 'clock').now();
      const periods = periodBounds(params.fromDay, params.toDay, params.groupBy, policy.timeZone);
      const start = periods[0].start;
      const end = periods[periods.length - 1].end;
      const known = await divisions();
      const keyOf = (id: number | null) => (id === null ? NO_DIVISION : (known.find((d) => d.id === id)?.code ?? `#${id}`));

      const scope = sql`${receivedBetween(db, start, end)}${recapFilters(params)}`;
      const unfiltered = params.channel === undefined && params.kind === undefined && params.division === undefined;
      // The running totals serve a range whose every boundary lies at their offset (always, in Indonesia's zones).
      const offsets = [...new Set(periods.flatMap((p) => [p.start, p.end]).map((at) => utcOffsetMinutes(at, policy.timeZone)))];
      const running = await rollup().ready(offsets);

      // Independent reads: on PostgreSQL each has a connection of its own, so they overlap.
      const currentBudgets = { revision: policy.revision, ...perStep((step) => policy[SOP_STEP[step].budgetField]) };
      const [{ periods: volumeRows, flags, lapor }, open, scanned, delivery, answered, policies] = await Promise.all([
        running
          ? rolledUp(db, params, periods, running.offsetMinutes, known).then(async (rolled) => ({
              ...rolled,
              lapor: laporFigures(rolled.lapor, await laporLateUnflagged(db, scope, now), policy),
            }))
          : Promise.all([volumeAndFlags(db, params, periods, known), laporRecap(db, scope, now, policy)]).then(([volume, laporFromRows]) => ({ ...volume, lapor: laporFromRows })),
        sop(strapi, 'policy')
          .calendarFor(policy)
          .then((calendar) => openSteps(db, params, start, end, now, overOneWorkingDayBefore(now, calendar))),
        running && unfiltered ? bucketedPercentiles(db, params, start, end, running.offsetMinutes) : db.postgres ? scannedPercentiles(db, params, start, end) : null,
        answerDelivery(db, params, start, end),
        timeToAnswer(db, scope),
        policiesOf(db, scope, start, end, currentBudgets),
      ]);
      const totals = emptyTotals();
      for (const row of volumeRows) {
        for (const dimension of Object.keys(totals) as (keyof typeof totals)[]) {
          for (const [key, count] of Object.entries(row[dimension])) totals[dimension][key] = (totals[dimension][key] ?? 0) + count;
        }
      }

      // Per Bidang: what was received (from the volume), what is open, and what is flagged.
      const counts = new Map<string, StepCounts>();
      const countsOf = (key: string) => {
        if (!counts.has(key)) counts.set(key, emptyStepCounts());
        return counts.get(key)!;
      };
      for (const [key, received] of Object.entries(totals.division)) {
        if (received === 0) continue;
        Object.assign(countsOf(key), { received, routed: key === NO_DIVISION ? 0 : received });
      }
      for (const row of open) {
        const step = STEP_OF_STATUS[row.status];
        const entry = countsOf(keyOf(row.division));
        entry.open[step] += row.open;
        entry.openFlagged[step] += row.flagged;
        entry.overdue[step] += row.overdue;
      }
      for (const { step, division, count } of flags) countsOf(keyOf(division)).flagged[step] += count;
      const overall = [...counts.values()].reduce(addStepCounts, emptyStepCounts());
      const complianceOf = (entry: StepCounts) => perStep((step) => stepCompliance(step, entry));
      const completed = completedSteps(overall);
      const percentiles = scanned ?? (await walkedPercentiles(db, params, start, end, completed));
      const stepDurations = perStep((step): StepDuration => ({ count: completed[step], ...percentiles[step] }));

      const openBreaches: OpenBreaches = { open: 0, breached: 0, overOneWorkingDay: 0, byStep: perStep(() => 0), byDivision: {} };
      for (const row of open) {
        const breached = row.flagged + row.overdue;
        openBreaches.open += row.open;
        openBreaches.breached += breached;
        openBreaches.overOneWorkingDay += row.longOverdue;
        openBreaches.byStep[STEP_OF_STATUS[row.status]] += breached;
        openBreaches.byDivision[keyOf(row.division)] = (openBreaches.byDivision[keyOf(row.division)] ?? 0) + breached;
      }

      return {
        range: { from, to, groupBy: params.groupBy, timeZone: policy.timeZone, start: start.toISOString(), end: end.toISOString() },
        total: volumeRows.reduce((sum, row) => sum + row.total, 0),
        divisions: [
          ...known.map((d) => ({ key: d.code, documentId: d.documentId, code: d.code, name: d.name })),
          { key: NO_DIVISION, documentId: null, code: null, name: 'Belum/tanpa Bidang' },
        ],
        periods: volumeRows,
        totals,
        compliance: {
          policies,
          overall: complianceOf(overall),
          byDivision: Object.fromEntries([...counts].map(([key, entry]) => [key, complianceOf(entry)])),
        },
        durations: stepDurations,
        timeToAnswer: answered,
        openBreaches,
        answerDelivery: delivery,
        lapor,
      };
    },
  };
};

function emptyTotals(): Recap['totals'] {
  return { channel: {}, kind: {}, serviceCategory: {}, status: {}, outcome: {}, division: {} };
}
