import type { ChannelHealthState, MonitoredChannel } from '@layanan/config';
import type {
  AnswerDelivery,
  OfficeHoursRow,
  Channel,
  EventType,
  GroupBy,
  InquiryLaporFields,
  InquiryStepFields,
  Kind,
  LaporBudgets,
  LaporReportField,
  LaporStatus,
  RoleType,
  ServiceCategory,
  SopStep,
  Status,
  StepBudgets,
  StepBreachedField,
  WeeklyHours,
} from '@layanan/config';

export interface Applicant {
  name?: string | null;
  nik?: string | null;
  phone?: string | null;
  email?: string | null;
  replyAddress?: string | null;
}

export interface DivisionRef {
  documentId: string;
  name: string;
  code: string;
}

export interface Division extends DivisionRef {
  id: string;
  description?: string | null;
  topics?: string[] | null;
  active?: boolean | null;
}

/** The SOP step fields (config's step table) as the API returns them; a list may leave any of them out. */
type InquirySteps = Partial<Omit<InquiryStepFields, StepBreachedField>> & Partial<Record<StepBreachedField, boolean | null>>;

export interface Inquiry extends InquirySteps, Partial<InquiryLaporFields> {
  id: string;
  documentId: string;
  code: string;
  kind: Kind;
  channel: Channel;
  status: Status;
  outcome?: 'answered' | 'rejected' | null;
  subject: string;
  message?: string;
  serviceCategory?: ServiceCategory | null;
  applicant?: Applicant | null;
  division?: DivisionRef | null;
  receivedAt: string;
  closedAt?: string | null;
  directAnswer?: boolean | null;
  divisionInformation?: string | null;
  answer?: string | null;
  closeReason?: string | null;
  notes?: string | null;
  externalRef?: string | null;
  /** What SP4N-LAPOR! shows for the report (a LAPOR! request only), and when that was seen. */
  laporStatus?: LaporStatus | null;
  laporStatusAt?: string | null;
  /** SOP step 4 to the citizen: null until answered (and for answers from before delivery was recorded). */
  answerDelivery?: AnswerDelivery | null;
  /** Chat media: until when the answer may go as a free message (WhatsApp's 24 hours). */
  replyWindowUntil?: string | null;
  answerDeliveredAt?: string | null;
  /** A failure's cause, the officer's task ("Sampaikan jawaban lewat …"), or how the answer was delivered. */
  answerDeliveryNote?: string | null;
  faqEntry?: { documentId: string; question: string } | null;
  updatedAt?: string;
}

export type { EventType };

export interface InquiryEvent {
  documentId: string;
  type: EventType;
  actorType: 'user' | 'public' | 'system' | 'admin';
  actorName?: string | null;
  at: string;
  detail?: Record<string, unknown> | null;
  public?: boolean;
}

/** Where the answer will go (GET /api/channels/inquiries/:id/delivery); the address comes masked. */
export interface DeliveryPlan {
  mode: 'adapter' | 'officer' | 'tracking';
  channel: Channel;
  medium: string | null;
  address: string | null;
  /** An answered LAPOR! request's follow-up, to upload on the report's page. */
  lapor?: { trackingId: string; reportUrl: string; text: string } | null;
}

/** A channel that cannot send at all right now (GET /api/notifications/failed, meta.troubles). */
export interface ChannelTrouble {
  channel: string;
  kind: 'auth' | 'outage';
  since: string;
  cause: string;
}

/** A channel that cannot bring requests in or answers out (meta.channelsDown): the board shows it in red. */
export interface ChannelDown {
  channel: string;
  since: string | null;
  cause: string | null;
}

/** Another request shown beside this one: the same contact's, or a look-alike's on another channel. */
export interface RelatedInquiry {
  documentId: string;
  code: string;
  channel: Channel;
  status: Status;
  subject: string;
  receivedAt: string;
}

/** GET /api/channels/inquiries/:id/contact: who wrote on the channel, their other requests, and perhaps-the-same elsewhere. */
export interface ContactInfo {
  contact: { channel: Channel; address: string; displayName: string | null; lastInboundAt: string | null } | null;
  earlier: RelatedInquiry[];
  suggested: RelatedInquiry[];
}

/** POST /api/channels/inquiries/:id/messages: the message waits in the outbox for its channel. */
/** The Tanda Terima as the server issues it: a fresh key for the tracking link, the promise and the hours. */
export interface Receipt {
  code: string;
  kind: string;
  channel: string;
  status: string;
  receivedAt: string;
  trackingToken: string;
  trackingUrl: string;
  answerDueBy: string | null;
  clockMode: 'working' | 'calendar';
  officeHours: OfficeHoursRow[];
  office: string;
  /** The privacy notice the request recorded (UU 27/2022 Pasal 21): its summary, printed, and its page. */
  privacy: { version: number; summary: string; url: string } | null;
}

export interface QueuedMessage {
  status: 'queued';
  channel: string;
  address: string | null;
}

export interface FaqEntry {
  id: string;
  documentId: string;
  question: string;
  answer: string;
  serviceCategory?: ServiceCategory | null;
  keywords?: string[] | null;
  division?: DivisionRef | null;
}

export interface SopPolicy extends StepBudgets, Partial<LaporBudgets> {
  reminderThreshold: number | string;
  clockMode: 'working' | 'calendar';
  /** Per weekday (0 = Sunday), read from the policy's office-hours rows. */
  officeHours: WeeklyHours;
  timeZone: string;
}

/** The signed-in staff member, from GET /api/me. */
export interface StaffProfile {
  id: number;
  username: string;
  email: string;
  fullName: string | null;
  role: RoleType | null;
  division: DivisionRef | null;
}

/** GET /api/telegram/link: whether the signed-in staff member's alerts reach a Telegram chat. */
export interface TelegramLink {
  enabled: boolean;
  botUsername: string | null;
  linked: boolean;
  chatType: 'private' | 'group' | 'supergroup' | null;
  linkedAt: string | null;
}

/** POST /api/telegram/link-code: a one-time code for `/start <code>`; `link` is null when the bot's name is not set. */
export interface TelegramLinkCode {
  code: string;
  command: string;
  link: string | null;
  expiresAt: string;
}

export type { AnswerDeliveryFigures, ConversationMessage, MessageAttachment, Breakdown, FailedNotification, OpenBreaches, Recap, RecapPeriod, StepCompliance, StepDuration } from '@layanan/config';
export type SopStepKey = SopStep;
export type RecapGroupBy = GroupBy;

export interface RecapQuery {
  from: string;
  to: string;
  groupBy?: RecapGroupBy;
  channel?: Channel;
  kind?: Kind;
  /** A Bidang's documentId, or 'none'. */
  division?: string;
}

export type ExportFormat = 'xlsx' | 'csv' | 'pdf';

export interface IkmGrade {
  grade: 'A' | 'B' | 'C' | 'D';
  min: number;
  max: number;
  label: { id: string; en: string };
}

/** GET /api/surveys/ikm: PermenPAN-RB 14/2017. */
export interface Ikm {
  from: string;
  to: string;
  respondents: number;
  nrr: Record<string, number>;
  ikm: number | null;
  grade: IkmGrade | null;
  regulation: string;
  periods: { period: string; respondents: number; ikm: number | null; grade: IkmGrade | null }[];
}

/** An intake filled in from a pasted LAPOR! report (POST /api/channels/lapor/parse), for the officer to review. */
export interface LaporDraft {
  kind: Kind;
  channel: 'lapor_sp4n';
  subject: string;
  message: string;
  serviceCategory: string;
  applicant: { name: string; email?: string; phone?: string };
  externalRef: string;
  notes: string;
  laporStatus?: LaporStatus;
}
export interface LaporParse {
  draft: LaporDraft;
  /** What the text did not say: trackingId, content, reportedAt, reporter. */
  missing: string[];
}

/** Which column (0-based) of an imported file holds each field of a LAPOR! report. */
export type LaporColumnMapping = Record<LaporReportField, number | null>;
export type LaporImportOutcome = 'new' | 'duplicate_file' | 'duplicate_existing' | 'invalid' | 'created' | 'failed';
export interface LaporImportRow {
  row: number;
  trackingId: string | null;
  outcome: LaporImportOutcome;
  problems: string[];
  warnings: string[];
  sameAsRow?: number;
  existing?: { code: string; documentId: string };
  created?: { code: string; documentId: string };
  subject: string | null;
  /** Masked, or LAPOR!'s word for an anonymous or confidential reporter. */
  reporter: string | null;
}
export interface LaporImportSummary {
  total: number;
  new: number;
  created: number;
  duplicateFile: number;
  duplicateExisting: number;
  invalid: number;
  failed: number;
}
export interface LaporImportPreview {
  columns: { index: number; header: string; sample: string }[];
  mapping: LaporColumnMapping;
  guessed: boolean;
  /** Whether the mapping names the columns an import needs (a guess may not). */
  complete: boolean;
  summary: LaporImportSummary;
  hints: string[];
  /** Every row with a problem, and the first new ones. */
  rows: LaporImportRow[];
}
export interface LaporImportResult {
  summary: LaporImportSummary;
  rows: LaporImportRow[];
}

/** GET /api/health/details: the server's parts and each channel, for the officers and leadership. */
export type HealthState = 'ok' | 'degraded' | 'down';
export interface ChannelHealthStatus {
  channel: MonitoredChannel;
  enabled: boolean;
  state: ChannelHealthState;
  since: string | null;
  lastInboundAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
}
export interface HealthReport {
  status: HealthState;
  checkedAt: string;
  checks: {
    database: { state: HealthState };
    scheduler: { state: HealthState; lastRunAt: string | null };
    outbox: { state: HealthState; oldestDueAt: string | null; failedLast24h: number };
    backup: { state: HealthState; scheduled: boolean; lastAt: string | null };
    channels: { state: HealthState; items: ChannelHealthStatus[] };
  };
}

