import type { Core } from '@strapi/strapi';
import {
  DEFAULT_SOP_POLICY,
  type LaporBudgetField,
  type OfficeHoursRow,
  type SopPolicyValues,
  type StepBudgetField,
  type WorkingCalendar,
  laporBudgetsOf,
  officeHoursRowsProblem,
  stepBudgetsOf,
  weeklyHoursOfRows,
} from '@layanan/config';
import { UID } from '../utils';

export interface EffectivePolicy extends SopPolicyValues {
  revision: number;
}

/** The policy values copied onto each inquiry: a later revision never moves its deadlines. */
export type PolicySnapshot = Pick<EffectivePolicy, 'revision' | StepBudgetField | 'reminderThreshold' | 'clockMode' | 'officeHours' | 'timeZone'> &
  // Snapshots taken before LAPOR!'s limits were data lack them: the SOP's own numbers stand in.
  Partial<Pick<EffectivePolicy, LaporBudgetField>>;

interface PolicyRow extends Partial<Record<StepBudgetField | LaporBudgetField, number | null>> {
  sopNumber?: string | null;
  revisionDate?: string | null;
  revision?: number | null;
  reminderThreshold?: number | string | null;
  clockMode?: 'working' | 'calendar' | null;
  /** The editors' rows (sop.office-hours); read into weekly intervals here, at the edge. */
  officeHours?: unknown;
  timeZone?: string | null;
}

const CACHE_MS = 60_000;

export function toEffectivePolicy(row: PolicyRow | null): EffectivePolicy {
  if (!row) return { ...DEFAULT_SOP_POLICY, revision: 0 };
  const officeHours =
    officeHoursRowsProblem(row.officeHours) === null ? weeklyHoursOfRows(row.officeHours as OfficeHoursRow[]) : DEFAULT_SOP_POLICY.officeHours;
  return {
    sopNumber: row.sopNumber ?? DEFAULT_SOP_POLICY.sopNumber,
    revisionDate: row.revisionDate ?? DEFAULT_SOP_POLICY.revisionDate,
    revision: row.revision ?? 1,
    ...stepBudgetsOf(({ budgetField }) => row[budgetField] ?? DEFAULT_SOP_POLICY[budgetField]),
    ...laporBudgetsOf(({ budgetField }) => row[budgetField] ?? DEFAULT_SOP_POLICY[budgetField]),
    reminderThreshold: Number(row.reminderThreshold ?? DEFAULT_SOP_POLICY.reminderThreshold),
    clockMode: row.clockMode ?? DEFAULT_SOP_POLICY.clockMode,
    officeHours,
    timeZone: row.timeZone ?? DEFAULT_SOP_POLICY.timeZone,
  };
}

export function snapshotOf(policy: EffectivePolicy): PolicySnapshot {
  const { revision, reminderThreshold, clockMode, officeHours, timeZone } = policy;
  return {
    revision,
    ...stepBudgetsOf(({ budgetField }) => policy[budgetField]),
    ...laporBudgetsOf(({ budgetField }) => policy[budgetField]),
    reminderThreshold,
    clockMode,
    officeHours,
    timeZone,
  };
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  let cached: { policy: EffectivePolicy; holidays: ReadonlySet<string>; at: number } | null = null;

  async function load() {
    const row = (await strapi.db.query(UID.policy).findOne({ populate: { officeHours: true } })) as PolicyRow | null;
    const holidays = (await strapi.db.query(UID.holiday).findMany({ select: ['date'] })) as { date: string }[];
    cached = { policy: toEffectivePolicy(row), holidays: new Set(holidays.map((h) => String(h.date).slice(0, 10))), at: Date.now() };
    return cached;
  }

  /** Cached for a minute; editors' changes on this instance invalidate it at once (see the cache middleware). */
  async function state() {
    if (cached && Date.now() - cached.at < CACHE_MS) return cached;
    return load();
  }

  return {
    async current(): Promise<EffectivePolicy> {
      return (await state()).policy;
    },
    async calendarFor(snapshot: PolicySnapshot): Promise<WorkingCalendar> {
      const { holidays } = await state();
      return { mode: snapshot.clockMode, officeHours: snapshot.officeHours, holidays, timeZone: snapshot.timeZone };
    },
    /** The calendar new requests are timed by now: the current policy's hours and every holiday. */
    async currentCalendar(): Promise<WorkingCalendar> {
      const { policy, holidays } = await state();
      return { mode: policy.clockMode, officeHours: policy.officeHours, holidays, timeZone: policy.timeZone };
    },
    invalidate(): void {
      cached = null;
    },
  };
};
