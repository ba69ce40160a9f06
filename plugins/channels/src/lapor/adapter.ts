import type { LaporClassification, LaporStatus } from '@layanan/config';

/** One LAPOR! report as this product keeps it, whichever way it came in (paste, file, mail, API). */
export interface LaporReport {
  trackingId: string;
  title: string | null;
  content: string;
  category: string | null;
  classification: LaporClassification | null;
  /** When the reporter submitted it on LAPOR!. */
  reportedAt: Date | null;
  /** When LAPOR! forwarded (disposed) it to this office, if known. */
  dispositionAt: Date | null;
  location: string | null;
  /** Anonymous or confidential reports carry no reporter data: the answer can only go back through LAPOR!. */
  anonymous: boolean;
  confidential: boolean;
  reporter: { name: string | null; email: string | null; phone: string | null };
  status: LaporStatus | null;
}

export interface FollowUpReceipt {
  /** LAPOR!'s id of the posted follow-up, if it gives one. */
  id: string | null;
  postedAt: Date | null;
  status: LaporStatus | null;
}

/**
 * What this product needs from SP4N-LAPOR!: new reports since a time, one report, posting a follow-up
 * (tindak lanjut), and a report's status. `manual` has none of these by itself (the officer brings reports
 * in and uploads follow-ups); `api` calls LAPOR!'s integration API.
 */
export interface LaporAdapter {
  readonly mode: 'manual' | 'api';
  listNew(since: Date, signal?: AbortSignal): Promise<LaporReport[]>;
  get(trackingId: string, signal?: AbortSignal): Promise<LaporReport | null>;
  postFollowUp(trackingId: string, text: string, options: { idempotencyKey: string; signal?: AbortSignal }): Promise<FollowUpReceipt>;
  status(trackingId: string, signal?: AbortSignal): Promise<{ status: LaporStatus; at: Date | null } | null>;
}

/** The adapter that works today with no credentials: nothing is fetched, follow-ups are the officer's task. */
export const manualAdapter: LaporAdapter = {
  mode: 'manual',
  listNew: async () => [],
  get: async () => null,
  postFollowUp: async () => {
    throw new Error('LAPOR! manual: follow-ups are uploaded by the officer');
  },
  status: async () => null,
};
