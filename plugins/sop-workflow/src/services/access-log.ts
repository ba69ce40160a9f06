import type { Core } from '@strapi/strapi';
import type { AccessKind } from '@layanan/config';
import type { Actor } from './actor';
import { UID, getService } from '../utils';

export interface AccessSeen {
  inquiryCode: string | null;
  kind: AccessKind;
  detail?: string | null;
}

interface Row extends Required<AccessSeen> {
  at: Date;
  userId: number | null;
  userName: string;
  role: string;
  ip: string | null;
}

/** Rows wait at most this long, or until this many, and are then written in one statement. */
const FLUSH_MS = 1_000;
const BATCH = 200;
/**
 * The same staff member shown the same thing of the same request again within this time is one showing (a page
 * that fetches the request twice while it opens, a refresh): not a second row.
 */
const SAME_SHOWING_MS = 60_000;
const MAX_REMEMBERED = 10_000;

/**
 * The record of who was shown a citizen's unmasked data (UU 27/2022 Pasal 31). Recording never makes a staff
 * member's page wait: rows are kept in memory and written in batches, each batch in one insert; a batch the
 * database refuses is kept for the next round. A reader flushes first, so what this instance recorded is there.
 * Rows are only ever added (the document service refuses any change, see appendOnlyEvents).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let pending: Row[] = [];
  let timer: NodeJS.Timeout | null = null;
  let writing: Promise<void> = Promise.resolve();
  const lastShown = new Map<string, number>();

  /** Whether this showing is a new one, remembering it if so. */
  function fresh(key: string, at: number): boolean {
    const last = lastShown.get(key);
    if (last !== undefined && at - last >= 0 && at - last < SAME_SHOWING_MS) return false;
    if (lastShown.size >= MAX_REMEMBERED) lastShown.clear();
    lastShown.set(key, at);
    return true;
  }

  function schedule(): void {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      flush().catch(() => undefined);
    }, FLUSH_MS);
    timer.unref?.();
  }

  function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    const rows = pending;
    pending = [];
    if (rows.length > 0) {
      writing = writing.then(async () => {
        try {
          await strapi.db.query(UID.accessLog).createMany({ data: rows });
        } catch (error) {
          pending = rows.concat(pending);
          strapi.log.warn(`[access-log] ${rows.length} rows wait for the next round: ${(error as Error).message}`);
          schedule();
        }
      });
    }
    return writing;
  }

  return {
    /** One row per thing shown; for staff only (the citizen seeing their own request is no access to record). */
    record(actor: Actor, seen: readonly AccessSeen[], ip: string | null | undefined): void {
      if (actor.type !== 'user' || seen.length === 0) return;
      const at = getService(strapi, 'clock').now();
      for (const item of seen) {
        if (!fresh(`${actor.id}|${item.inquiryCode}|${item.kind}|${item.detail ?? ''}`, at.getTime())) continue;
        pending.push({
          at,
          userId: actor.id ?? null,
          userName: (actor.name ?? '').slice(0, 120),
          role: actor.role ?? '',
          inquiryCode: item.inquiryCode,
          kind: item.kind,
          detail: item.detail ?? null,
          ip: ip ? ip.slice(0, 64) : null,
        });
      }
      if (pending.length === 0) return;
      if (pending.length >= BATCH) flush().catch(() => undefined);
      else schedule();
    },

    flush,
  };
};
