import type { Core } from '@strapi/strapi';
import { returnedRows, type RawResult } from '@layanan/sop-workflow';

/** A piece of SQL and the values bound to its `?` placeholders, in order. */
export interface Fragment {
  text: string;
  values: unknown[];
}

function isFragment(value: unknown): value is Fragment {
  return typeof value === 'object' && value !== null && 'text' in value && 'values' in value && Array.isArray((value as Fragment).values);
}

/**
 * Builds SQL with every interpolated value bound (never spliced into the text); an interpolated Fragment
 * is inlined with its own values. `raw` is for identifiers and keywords written in the code itself.
 */
export function sql(strings: TemplateStringsArray, ...params: unknown[]): Fragment {
  let text = strings[0];
  const values: unknown[] = [];
  params.forEach((param, i) => {
    if (isFragment(param)) {
      text += param.text;
      values.push(...param.values);
    } else {
      text += '?';
      values.push(param);
    }
    text += strings[i + 1];
  });
  return { text, values };
}

export function raw(text: string): Fragment {
  return { text, values: [] };
}

export function join(fragments: readonly Fragment[], separator: string): Fragment {
  return { text: fragments.map((f) => f.text).join(separator), values: fragments.flatMap((f) => f.values) };
}

export const EMPTY: Fragment = raw('');

/** What differs between SQLite and PostgreSQL for the reporting queries. */
export interface Dialect {
  postgres: boolean;
  /**
   * A bound instant compared with a datetime column as Strapi stores it: epoch milliseconds on SQLite; on
   * PostgreSQL the driver's own rendering of a Date, cast, so that it matches Strapi's writes exactly.
   */
  instant(at: Date): Fragment;
  /** Calendar minutes from one datetime column (or expression) to another, as a fractional number. */
  minutesBetween(from: Fragment, to: Fragment): Fragment;
  /** A hint naming the index to walk: SQLite only, where the planner cannot know the row counts. */
  indexedBy(name: string): Fragment;
  run<T>(fragment: Fragment): Promise<T[]>;
}

export function dialectOf(strapi: Core.Strapi): Dialect {
  const postgres = strapi.db.dialect.client === 'postgres';
  const knex = strapi.db.connection;
  return {
    postgres,
    instant: (at) => (postgres ? sql`CAST(${at} AS timestamp)` : sql`${at.getTime()}`),
    // SQLite keeps Strapi's datetimes as epoch milliseconds; PostgreSQL as timestamps, whose difference is an interval.
    minutesBetween: (from, to) => (postgres ? sql`(EXTRACT(EPOCH FROM (${to} - ${from})) / 60.0)` : sql`((${to} - ${from}) / 60000.0)`),
    indexedBy: (name) => (postgres ? EMPTY : raw(` INDEXED BY ${name}`)),
    async run<T>(fragment: Fragment): Promise<T[]> {
      return returnedRows((await knex.raw(fragment.text, fragment.values as never[])) as RawResult<T>);
    },
  };
}

/** Counts come back as numbers from SQLite and as strings (bigint) from PostgreSQL. */
export function num(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}

export function bool(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 't';
}
