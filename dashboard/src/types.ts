import type { Channel, Kind, RoleType, ServiceCategory, Status } from '@layanan/config';

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

export interface Inquiry {
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
  triagedAt?: string | null;
  coordinatedAt?: string | null;
  answeredAt?: string | null;
  closedAt?: string | null;
  triageDueAt?: string | null;
  coordinationDueAt?: string | null;
  answerDueAt?: string | null;
  triageBreached?: boolean | null;
  coordinationBreached?: boolean | null;
  answerBreached?: boolean | null;
  directAnswer?: boolean | null;
  divisionInformation?: string | null;
  answer?: string | null;
  closeReason?: string | null;
  notes?: string | null;
  externalRef?: string | null;
  faqEntry?: { documentId: string; question: string } | null;
  updatedAt?: string;
}

export type EventType =
  | 'created'
  | 'triaged'
  | 'coordinated'
  | 'answered'
  | 'closed'
  | 'rejected'
  | 'reopened'
  | 'breached'
  | 'reminded'
  | 'notified'
  | 'edited'
  | 'note';

export interface InquiryEvent {
  documentId: string;
  type: EventType;
  actorType: 'user' | 'public' | 'system' | 'admin';
  actorName?: string | null;
  at: string;
  detail?: Record<string, unknown> | null;
  public?: boolean;
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

export interface SopPolicy {
  triageMinutes: number;
  coordinationMinutes: number;
  answerMinutes: number;
  reminderThreshold: number | string;
  clockMode: 'working' | 'calendar';
  officeHours: { start: number; end: number }[][];
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
