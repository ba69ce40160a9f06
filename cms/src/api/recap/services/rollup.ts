import type { Core } from '@strapi/strapi';
import { createHash } from 'node:crypto';
import { LAPOR_CLOCK_TABLE, SERVICE_CATEGORIES, SOP_STEP_TABLE, STATUSES, columnOf, utcOffsetMinutes } from '@layanan/config';
import { getService as sop } from '@layanan/sop-workflow';
import { num } from '../../../utils/sql';

/**
 * The Rekap Informasi's running totals, kept by the database itself: a trigger on `inquiries` appends each
 * change of a counted field as a delta row (−1 for what the row was, +1 for what it is), and a fold adds
 * the deltas into the day rows and deletes them, in one transaction. Whatever writes an inquiry (the
 * workflow, the sweep, the admin panel, an import straight into the table) is counted, and no writer waits
 * on another: a delta is an append, never an update of a shared row. The recap reads the day rows and the
 * deltas not yet folded, so it is exact at every moment.
 *
 * Two families: `recap_days` counts requests per day, channel, kind and Bidang (the recap's filters), one
 * column per category, status, rejection, breach flag and SP4N-LAPOR! clock (a few dozen rows a day, whatever
 * the volume); `recap_minutes` counts each step's durations per day and whole working minute, from which a
 * percentile's rank is found without sorting a year of requests.
 *
 * Days are local days of the policy's time zone at a fixed offset (Indonesia's zones keep theirs all year);
 * a change of zone rebuilds the totals, and a zone whose offset moves inside a range is recounted from rows.
 */

export const DAYS = 'recap_days';
export const DAY_DELTAS = 'recap_day_deltas';
export const MINUTES = 'recap_minutes';
export const MINUTE_DELTAS = 'recap_minute_deltas';
const META = 'recap_rollup_meta';
const TRIGGER = 'recap_rollup';
const FUNCTION = 'recap_rollup_row';

/** Deltas past which a read folds them first (the minute job keeps them far below). */
const FOLD_ON_READ = 20_000;
/** Deltas in one fold past which PostgreSQL vacuums their table straight after. */
const LARGE_FOLD = 10_000;

export const KEY = ['day', 'channel', 'kind', 'division'] as const;
const CATEGORY_COLUMNS = SERVICE_CATEGORIES.map((category) => `category_${category}`);
const STATUS_COLUMNS = STATUSES.map((status) => `status_${status}`);
export const FLAGS = SOP_STEP_TABLE.map(({ step }) => `${step}_flagged`);
/** Per LAPOR! clock: its deadline set, its breach flagged, and still running unflagged (late or pending, by now). */
export const LAPOR_COLUMNS = LAPOR_CLOCK_TABLE.flatMap(({ clock }) => [`${clock}_applicable`, `${clock}_flagged`, `${clock}_running`]);
export const COUNTS = ['n', ...CATEGORY_COLUMNS, ...STATUS_COLUMNS, 'outcome_rejected', ...FLAGS, ...LAPOR_COLUMNS];

/** Changes with the tables and triggers (and with the categories and statuses counted): the next start rebuilds them. */
const VERSION = `2-${createHash('sha1').update(COUNTS.join(',')).digest('hex').slice(0, 12)}`;

/** The columns of `inquiries` a delta depends on: an update of any other column writes none. */
const WATCHED = [
  'received_at',
  'channel',
  'kind',
  'routed_division_id',
  'service_category',
  'status',
  'outcome',
  ...SOP_STEP_TABLE.flatMap(({ breachedField, workingMinutesField }) => [columnOf(breachedField), columnOf(workingMinutesField)]),
  ...LAPOR_CLOCK_TABLE.flatMap(({ dueField, atField, breachedField }) => [columnOf(dueField), columnOf(atField), columnOf(breachedField)]),
];

interface Expressions {
  day(row: string): string;
  flag(row: string, column: string): string;
  truth(condition: string): string;
  bucket(value: string): string;
}

function expressionsOf(postgres: boolean, offsetMinutes: number): Expressions {
  const offsetMs = offsetMinutes * 60_000;
  return postgres
    ? {
        day: (r) => `floor((extract(epoch from ${r}.received_at) * 1000 + ${offsetMs}) / 86400000)::integer`,
        flag: (r, c) => `coalesce(${r}.${c}, false)::integer`,
        truth: (condition) => `(${condition})::integer`,
        bucket: (value) => `floor(${value})::integer`,
      }
    : {
        // Strapi keeps SQLite's datetimes as epoch milliseconds.
        day: (r) => `((${r}.received_at + ${offsetMs}) / 86400000)`,
        flag: (r, c) => `coalesce(${r}.${c}, 0)`,
        truth: (condition) => `(${condition})`,
        bucket: (value) => `CAST(${value} AS INTEGER)`,
      };
}

/** One delta of a row (`r` is NEW, OLD or a table alias), as the values of KEY then COUNTS. */
function dayValueList(x: Expressions, r: string, sign: number): string[] {
  const laporValues = LAPOR_CLOCK_TABLE.flatMap(({ dueField, atField, breachedField }) => {
    const [due, done, flag] = [columnOf(dueField), columnOf(atField), columnOf(breachedField)];
    return [
      x.truth(`${r}.${due} IS NOT NULL`),
      x.flag(r, flag),
      x.truth(`${r}.${due} IS NOT NULL AND ${r}.${done} IS NULL AND ${x.flag(r, flag)} = 0`),
    ];
  });
  const key = [x.day(r), `coalesce(${r}.channel, '')`, `coalesce(${r}.kind, '')`, `coalesce(${r}.routed_division_id, 0)`];
  const counts = [
    '1',
    ...SERVICE_CATEGORIES.map((category) => x.truth(`coalesce(${r}.service_category, '') = '${category}'`)),
    ...STATUSES.map((status) => x.truth(`coalesce(${r}.status, '') = '${status}'`)),
    x.truth(`coalesce(${r}.outcome, '') = 'rejected'`),
    ...SOP_STEP_TABLE.map(({ breachedField }) => x.flag(r, columnOf(breachedField))),
    ...laporValues,
  ];
  return [...key, ...counts.map((value) => (sign === 1 ? value : `-${value}`))];
}

const dayValues = (x: Expressions, r: string, sign: number) => dayValueList(x, r, sign).join(', ');

/** The inserts of a row's durations (`when` narrows them, e.g. to a changed value). */
function minuteInserts(x: Expressions, r: string, sign: number, when: (column: string) => string): string[] {
  return SOP_STEP_TABLE.map(({ step, workingMinutesField }) => {
    const column = columnOf(workingMinutesField);
    return `INSERT INTO ${MINUTE_DELTAS} (day, step, bucket, n) SELECT ${x.day(r)}, '${step}', ${x.bucket(`${r}.${column}`)}, ${sign} WHERE ${r}.${column} IS NOT NULL AND ${when(column)};`;
  });
}

const dayInsert = (values: string[]) => `INSERT INTO ${DAY_DELTAS} (${[...KEY, ...COUNTS].join(', ')}) VALUES ${values.map((v) => `(${v})`).join(', ')};`;

function changed(postgres: boolean) {
  const differs = postgres ? 'IS DISTINCT FROM' : 'IS NOT';
  return (column: string) => `(OLD.${column} ${differs} NEW.${column} OR OLD.received_at ${differs} NEW.received_at)`;
}

function triggerStatements(postgres: boolean, offsetMinutes: number): string[] {
  const x = expressionsOf(postgres, offsetMinutes);
  const always = () => 'TRUE';
  const onUpdate = [dayInsert([dayValues(x, 'OLD', -1), dayValues(x, 'NEW', 1)]), ...minuteInserts(x, 'OLD', -1, changed(postgres)), ...minuteInserts(x, 'NEW', 1, changed(postgres))];
  const onInsert = [dayInsert([dayValues(x, 'NEW', 1)]), ...minuteInserts(x, 'NEW', 1, always)];
  const onDelete = [dayInsert([dayValues(x, 'OLD', -1)]), ...minuteInserts(x, 'OLD', -1, always)];
  if (postgres) {
    return [
      `CREATE OR REPLACE FUNCTION ${FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP = 'UPDATE' THEN ${onUpdate.join(' ')}
         ELSIF TG_OP = 'INSERT' THEN ${onInsert.join(' ')}
         ELSE ${onDelete.join(' ')}
         END IF;
         RETURN NULL;
       END $$`,
      `CREATE TRIGGER ${TRIGGER} AFTER INSERT OR DELETE OR UPDATE OF ${WATCHED.join(', ')} ON inquiries FOR EACH ROW EXECUTE FUNCTION ${FUNCTION}()`,
    ];
  }
  return [
    `CREATE TRIGGER ${TRIGGER}_insert AFTER INSERT ON inquiries BEGIN ${onInsert.join(' ')} END`,
    `CREATE TRIGGER ${TRIGGER}_update AFTER UPDATE OF ${WATCHED.join(', ')} ON inquiries BEGIN ${onUpdate.join(' ')} END`,
    `CREATE TRIGGER ${TRIGGER}_delete AFTER DELETE ON inquiries BEGIN ${onDelete.join(' ')} END`,
  ];
}

const dropTriggers = (postgres: boolean) =>
  postgres
    ? [`DROP TRIGGER IF EXISTS ${TRIGGER} ON inquiries`, `DROP FUNCTION IF EXISTS ${FUNCTION}()`]
    : ['insert', 'update', 'delete'].map((op) => `DROP TRIGGER IF EXISTS ${TRIGGER}_${op}`);

const keyColumns = (postgres: boolean) => ['day integer NOT NULL', 'channel varchar(40) NOT NULL', 'kind varchar(40) NOT NULL', 'division integer NOT NULL'].map((c) => (postgres ? c : c.replace(/varchar\(\d+\)/, 'text')));
const countColumns = () => COUNTS.map((c) => `${c} integer NOT NULL`);

function tableStatements(postgres: boolean): string[] {
  const serial = postgres ? 'id bigserial PRIMARY KEY' : 'id integer PRIMARY KEY AUTOINCREMENT';
  return [
    `CREATE TABLE IF NOT EXISTS ${META} (name varchar(40) PRIMARY KEY, value varchar(200) NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS ${DAYS} (${[...keyColumns(postgres), ...countColumns()].join(', ')}, PRIMARY KEY (${KEY.join(', ')}))`,
    `CREATE TABLE IF NOT EXISTS ${DAY_DELTAS} (${serial}, ${[...keyColumns(postgres), ...countColumns()].join(', ')})`,
    `CREATE TABLE IF NOT EXISTS ${MINUTES} (day integer NOT NULL, step varchar(20) NOT NULL, bucket integer NOT NULL, n integer NOT NULL, PRIMARY KEY (step, day, bucket))`,
    `CREATE TABLE IF NOT EXISTS ${MINUTE_DELTAS} (${serial}, day integer NOT NULL, step varchar(20) NOT NULL, bucket integer NOT NULL, n integer NOT NULL)`,
  ];
}

/** Folds the deltas up to `upTo` into the day rows, in key order (two instances folding never deadlock). */
function foldStatements(postgres: boolean): string[] {
  const sums = COUNTS.map((c) => `sum(${c})`).join(', ');
  const updates = COUNTS.map((c) => `${c} = ${DAYS}.${c} + excluded.${c}`).join(', ');
  const dayKey = KEY.join(', ');
  if (postgres) {
    return [
      `WITH moved AS (DELETE FROM ${DAY_DELTAS} WHERE id <= ? RETURNING *)
       INSERT INTO ${DAYS} (${dayKey}, ${COUNTS.join(', ')}) SELECT ${dayKey}, ${sums} FROM moved GROUP BY ${dayKey} ORDER BY ${dayKey}
       ON CONFLICT (${dayKey}) DO UPDATE SET ${updates}`,
      `WITH moved AS (DELETE FROM ${MINUTE_DELTAS} WHERE id <= ? RETURNING *)
       INSERT INTO ${MINUTES} (step, day, bucket, n) SELECT step, day, bucket, sum(n) FROM moved GROUP BY step, day, bucket ORDER BY step, day, bucket
       ON CONFLICT (step, day, bucket) DO UPDATE SET n = ${MINUTES}.n + excluded.n`,
    ];
  }
  return [
    `INSERT INTO ${DAYS} (${dayKey}, ${COUNTS.join(', ')}) SELECT ${dayKey}, ${sums} FROM ${DAY_DELTAS} WHERE id <= ? GROUP BY ${dayKey}
     ON CONFLICT (${dayKey}) DO UPDATE SET ${updates}`,
    `DELETE FROM ${DAY_DELTAS} WHERE id <= ?`,
    `INSERT INTO ${MINUTES} (step, day, bucket, n) SELECT step, day, bucket, sum(n) FROM ${MINUTE_DELTAS} WHERE id <= ? GROUP BY step, day, bucket
     ON CONFLICT (step, day, bucket) DO UPDATE SET n = ${MINUTES}.n + excluded.n`,
    `DELETE FROM ${MINUTE_DELTAS} WHERE id <= ?`,
  ];
}

/** The whole table counted afresh into the day rows (a first start, a new version, a new zone). */
function rebuildStatements(postgres: boolean, offsetMinutes: number): string[] {
  const x = expressionsOf(postgres, offsetMinutes);
  const values = dayValueList(x, 'i', 1);
  const key = values.slice(0, KEY.length);
  const counts = values.slice(KEY.length);
  const named = (list: string[], names: readonly string[]) => list.map((v, k) => `${v} AS ${names[k]}`).join(', ');
  return [
    `INSERT INTO ${DAYS} (${[...KEY, ...COUNTS].join(', ')})
     SELECT ${KEY.join(', ')}, ${COUNTS.map((c) => `sum(${c})`).join(', ')}
     FROM (SELECT ${named(key, KEY)}, ${named(counts, COUNTS)} FROM inquiries i) r GROUP BY ${KEY.join(', ')}`,
    ...SOP_STEP_TABLE.map(({ step, workingMinutesField }) => {
      const column = `i.${columnOf(workingMinutesField)}`;
      return `INSERT INTO ${MINUTES} (step, day, bucket, n) SELECT '${step}', d, b, count(*) FROM (SELECT ${x.day('i')} AS d, ${x.bucket(column)} AS b FROM inquiries i WHERE ${column} IS NOT NULL) r GROUP BY d, b`;
    }),
  ];
}

export interface RollupState {
  offsetMinutes: number;
}

const rollupService = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const postgres = () => strapi.db.dialect.client === 'postgres';
  let state: RollupState | null = null;

  async function policyOffset(): Promise<number> {
    const policy = await sop(strapi, 'policy').current();
    return utcOffsetMinutes(sop(strapi, 'clock').now(), policy.timeZone);
  }

  async function triggersPresent(): Promise<boolean> {
    if (postgres()) {
      const result = (await knex().raw(`SELECT count(*) AS n FROM pg_trigger WHERE tgname = ? AND NOT tgisinternal`, [TRIGGER])) as { rows: { n: string }[] };
      return Number(result.rows[0].n) === 1;
    }
    const rows = (await knex().raw(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name LIKE ?`, [`${TRIGGER}_%`])) as { n: number }[];
    return Number(rows[0].n) === 3;
  }

  async function meta(): Promise<Record<string, string>> {
    const rows = (await knex()(META).select('name', 'value')) as { name: string; value: string }[];
    return Object.fromEntries(rows.map((r) => [r.name, r.value]));
  }

  /** Kept as they are: of this version and offset, with their triggers. */
  async function current(offsetMinutes: number): Promise<boolean> {
    const stored = await meta();
    return stored.version === VERSION && stored.offset_minutes !== undefined && Number(stored.offset_minutes) === offsetMinutes && (await triggersPresent());
  }

  /**
   * Counts every request afresh, with the triggers for this offset. On PostgreSQL writers wait meanwhile, and
   * an instance that finds another has just done it (the lock conflicts with itself) leaves it as it is.
   */
  async function rebuild(offsetMinutes: number): Promise<void> {
    const started = Date.now();
    await strapi.db.transaction(async ({ trx }) => {
      if (postgres()) {
        await trx.raw('LOCK TABLE inquiries IN SHARE ROW EXCLUSIVE MODE');
        if (await current(offsetMinutes)) return;
      }
      for (const statement of dropTriggers(postgres())) await trx.raw(statement);
      // Created afresh: another version may have had other columns.
      for (const table of [DAYS, DAY_DELTAS, MINUTES, MINUTE_DELTAS]) await trx.raw(`DROP TABLE IF EXISTS ${table}`);
      for (const statement of tableStatements(postgres())) await trx.raw(statement);
      for (const statement of rebuildStatements(postgres(), offsetMinutes)) await trx.raw(statement);
      for (const statement of triggerStatements(postgres(), offsetMinutes)) await trx.raw(statement);
      await trx(META).delete();
      await trx(META).insert([
        { name: 'version', value: VERSION },
        { name: 'offset_minutes', value: String(offsetMinutes) },
      ]);
    });
    const ms = Date.now() - started;
    if (ms > 1000) strapi.log.info(`[recap] running totals counted afresh in ${(ms / 1000).toFixed(1)} s.`);
  }

  async function fold(): Promise<void> {
    const bounds = await Promise.all(
      [DAY_DELTAS, MINUTE_DELTAS].map(async (table) => ((await knex()(table).min({ first: 'id' }).max({ last: 'id' })) as { first: unknown; last: unknown }[])[0]),
    );
    const [days, minutes] = bounds.map((b) => num(b?.last));
    const folded = bounds.map((b) => (num(b?.last) ? num(b?.last) - num(b?.first) + 1 : 0));
    if (!days && !minutes) return;
    // The statements of the day rows come first, then those of the durations; each takes its own last id.
    const statements = foldStatements(postgres());
    const half = statements.length / 2;
    await strapi.db.transaction(async ({ trx }) => {
      for (const [k, statement] of statements.entries()) await trx.raw(statement, [k < half ? days : minutes]);
    });
    // PostgreSQL leaves the folded deltas as dead rows that every read of the deltas steps over until a vacuum:
    // after a large fold (an import, a rebuild's backlog) that is done at once rather than left to autovacuum.
    if (postgres() && Math.max(...folded) > LARGE_FOLD) await knex().raw(`VACUUM ${DAY_DELTAS}, ${MINUTE_DELTAS}`);
  }

  return {
    /** At start: the tables, and a rebuild when they are new, of another version or zone, or lost their triggers. */
    async ensure(): Promise<void> {
      for (const statement of tableStatements(postgres())) await knex().raw(statement);
      const offsetMinutes = await policyOffset();
      if (!(await current(offsetMinutes))) await rebuild(offsetMinutes);
      state = { offsetMinutes };
      await fold();
    },

    /** Folds the deltas into the day rows (every minute, and before a read when many have gathered). */
    fold,

    /**
     * The offset the totals are kept in, when it serves a range whose ends are at `offsets` (null: count from
     * the rows). A new zone in the policy rebuilds them first.
     */
    async ready(offsets: number[]): Promise<RollupState | null> {
      if (!state) return null;
      const offsetMinutes = await policyOffset();
      if (offsetMinutes !== state.offsetMinutes) {
        if (!(await current(offsetMinutes))) await rebuild(offsetMinutes);
        state = { offsetMinutes };
      }
      if (offsets.some((o) => o !== state!.offsetMinutes)) return null;
      const pending = num(((await knex()(DAY_DELTAS).count({ n: '*' })) as { n: unknown }[])[0]?.n);
      if (pending > FOLD_ON_READ) await fold();
      return state;
    },
  };
};

export default rollupService;
export type RollupService = ReturnType<typeof rollupService>;
