import type { GroupBy } from './periods';
import type { RecapPolicy, StepCompliance } from './recap';
import type { LaporClock, SopStep } from './steps';
import type { MessageDirection, MessagePurpose, MessageState } from './channels';

// The JSON bodies the CMS answers with and the dashboard reads: declared once, for both sides.

/** Counts keyed by a dimension's value: a channel, a kind, a Bidang's code ('none' when not routed). */
export type Breakdown = Record<string, number>;

/** One period of the Rekap Informasi (a day, a week labelled by its Monday, or a month, in WIB). */
export interface RecapPeriod {
  period: string;
  /** First instant of the period within the range, and the instant after its last. */
  start: string;
  end: string;
  total: number;
  channel: Breakdown;
  kind: Breakdown;
  serviceCategory: Breakdown;
  status: Breakdown;
  outcome: Breakdown;
  division: Breakdown;
}

export interface StepDuration {
  /** Completed steps with a recorded duration. */
  count: number;
  /** Working minutes; continuous percentiles (linear interpolation), null without any step. */
  median: number | null;
  p90: number | null;
}

/**
 * Requests received in the range and answered: the working minutes from their receipt to the answer (the sum of
 * the SOP steps they passed: steps 2–4, or step 2 alone on the direct path), and the median of them (as
 * percentile_cont(0.5); null without any answer).
 */
export interface TimeToAnswer {
  count: number;
  median: number | null;
}

export interface OpenBreaches {
  open: number;
  breached: number;
  /** Of the breached, those whose deadline passed more than one working day ago (see overOneWorkingDayBefore). */
  overOneWorkingDay: number;
  byStep: Record<SopStep, number>;
  byDivision: Breakdown;
}

/**
 * What became of the answers of SOP step 4 (requests received in the range): delivered, failed, or pending
 * (on its way through an adapter, or waiting for the officer to deliver it), and the median calendar minutes
 * from the answer to its delivery, over the delivered ones (null without any).
 */
export interface AnswerDeliveryFigures {
  delivered: number;
  failed: number;
  pending: number;
  medianMinutes: number | null;
}

export interface AnswerDeliveryRecap {
  overall: AnswerDeliveryFigures;
  /** Only the channels with at least one answer in one of the three states. */
  byChannel: Record<string, AnswerDeliveryFigures>;
}

/**
 * SP4N-LAPOR!'s own time limits over the reports received in the range: per clock, the reports it has
 * started for, those done within it (met), those late (flagged, or still running past the deadline), and
 * those still running within it (pending); withinBudget is (met + pending) / applicable, as for the steps.
 */
export interface LaporRecap {
  reports: number;
  /** The working days each clock allows under the current policy. */
  budgets: Record<LaporClock, number>;
  clocks: Record<LaporClock, StepCompliance>;
}

/** GET /api/recap (the README gives the meaning of each figure). */
export interface Recap {
  range: { from: string; to: string; groupBy: GroupBy; timeZone: string; start: string; end: string };
  total: number;
  divisions: { key: string; documentId: string | null; code: string | null; name: string }[];
  periods: RecapPeriod[];
  totals: Omit<RecapPeriod, 'period' | 'start' | 'end' | 'total'>;
  compliance: {
    /** The policy revisions the range's requests were judged by (the current one when the range has none). */
    policies: RecapPolicy[];
    overall: Record<SopStep, StepCompliance>;
    byDivision: Record<string, Record<SopStep, StepCompliance>>;
  };
  durations: Record<SopStep, StepDuration>;
  timeToAnswer: TimeToAnswer;
  openBreaches: OpenBreaches;
  answerDelivery: AnswerDeliveryRecap;
  lapor: LaporRecap;
}

/** GET /api/notifications/failed: a message the outbox gave up on (a citizen's address masked). */
export interface FailedNotification {
  documentId: string;
  channel: string;
  topic: string;
  recipient: string | null;
  attempts: number | null;
  lastError: string | null;
  updatedAt: string;
  inquiry: { documentId: string; code: string } | null;
}

export interface MessageAttachment {
  filename: string;
  mimeType: string;
  /** Bytes, when the medium said (WhatsApp and Messenger files are sized only once fetched). */
  size: number | null;
  /** Larger than the channel keeps: named in the conversation, the file itself not stored. */
  omitted: boolean;
  inline: boolean;
  /**
   * Staff of the inquiry can open it from the medium (GET /api/channels/inquiries/:id/messages/:message/
   * attachments/:index): a WhatsApp, Messenger or Instagram file, fetched from Meta each time.
   */
  openable?: boolean;
  /** What kind of file the medium said it is (image, document, audio, video, sticker, file), when it had no name. */
  media?: string;
}

/** One message of an inquiry's conversation (GET /api/channels/inquiries/:id/messages). */
export interface ConversationMessage {
  documentId: string;
  direction: MessageDirection;
  channel: string;
  purpose: MessagePurpose;
  status: MessageState;
  statusAt: string | null;
  cause: string | null;
  text: string | null;
  attachments: MessageAttachment[] | null;
  at: string;
}

/** One scope of the public performance page (the whole office, or one Bidang) over one window. */
export interface PerformanceFigures {
  total: number;
  channel: Breakdown;
  kind: Breakdown;
  compliance: Record<SopStep, StepCompliance>;
  /** Median working minutes each SOP step took, null without a completed step. */
  medianMinutes: Record<SopStep, number | null>;
  /** Median working minutes from a request's receipt to its answer (the Rekap's timeToAnswer), null without an answer. */
  medianMinutesToAnswer: number | null;
  open: { open: number; late: number; overOneWorkingDay: number };
  lapor: LaporRecap;
  ikm: { respondents: number; value: number | null; grade: string | null; label: string | null };
}

export interface PerformanceWindow {
  from: string;
  to: string;
  office: PerformanceFigures;
  divisions: { code: string; name: string; figures: PerformanceFigures }[];
  /** Requests received per month of the window (YYYY-MM). */
  months: { period: string; total: number }[];
}

/** GET /api/public/performance: the SOP's performance as the public sees it, from the Rekap's own figures. */
export interface PublicPerformance {
  computedAt: string;
  timeZone: string;
  month: PerformanceWindow;
  year: PerformanceWindow;
}

/** GET /api/public/service-standard: the Standar Pelayanan and the Maklumat Pelayanan, as editors keep them. */
export interface PublicServiceStandard {
  serviceName: string;
  legalBasis: string | null;
  requirements: string;
  procedure: string;
  timeLimit: string;
  fee: string;
  products: string;
  complaints: string;
  pledge: string;
  /** YYYY-MM-DD. */
  reviewedOn: string;
}
