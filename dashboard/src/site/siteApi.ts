/** The public API, same origin: no account, Strapi's envelope in and out. */
export interface FieldProblem {
  path: string[];
  message: string;
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly problems: FieldProblem[] = [],
  ) {
    super(message);
  }
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, { ...init, headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...init?.headers } });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const error = body?.error ?? {};
    throw new ApiError(error.message ?? response.statusText, response.status, error.details?.errors ?? []);
  }
  return body as T;
}

export interface AskInput {
  kind: string;
  subject: string;
  message: string;
  serviceCategory?: string;
  applicant: { name: string; phone?: string; email?: string; nik?: string };
  website?: string;
  /** The privacy notice's version the form showed. */
  privacyNoticeVersion?: number;
}

export interface Submitted {
  code: string;
  trackingToken: string;
  status: string;
  triageDueAt: string | null;
}

export const submitInquiry = (data: AskInput) =>
  request<{ data: Submitted }>('/api/public/inquiries', { method: 'POST', body: JSON.stringify({ data }) }).then((body) => body.data);

export interface Tracked {
  code: string;
  kind: string;
  status: string;
  outcome: string | null;
  subject: string;
  division: string | null;
  receivedAt: string;
  triageDueAt: string | null;
  answeredAt: string | null;
  closedAt: string | null;
  answer: string | null;
  /** Why a rejected request was not taken up, as the officer wrote it for the citizen. */
  reason?: string | null;
  timeline: { type: string; at: string }[];
  /** The satisfaction survey: open once the request is answered, until the citizen has rated it. */
  survey?: { given: boolean; open: boolean };
}

export const trackInquiry = (code: string, token: string) =>
  request<{ data: Tracked }>(`/api/public/track/${encodeURIComponent(code)}?token=${encodeURIComponent(token)}`).then((body) => body.data);

/** The request's contact receives a new tracking link; the answer is the same whatever the code. */
export const resendTrackingLink = (code: string) =>
  request<{ data: { message: string } }>(`/api/public/track/${encodeURIComponent(code)}/resend`, { method: 'POST', body: '{}' }).then((body) => body.data.message);

/** The status, for the last four digits of the phone or the e-mail address the request gave, with a new key. */
export const proveTracking = (code: string, contact: string) =>
  request<{ data: Tracked & { trackingToken: string } }>(`/api/public/track/${encodeURIComponent(code)}/verify`, {
    method: 'POST',
    body: JSON.stringify({ data: { contact } }),
  }).then((body) => body.data);

/**
 * What the citizen typed in the tracking form: a code, or a whole tracking link pasted from a message (then
 * with its token). Codes are read in capitals, whatever was typed.
 */
export function parseTrackingInput(text: string): { code: string; token: string } | null {
  const value = text.trim();
  const link = /\/lacak\/([^/?#\s]+)(?:\?(?:[^#\s]*&)?token=([^&#\s]+))?/.exec(value);
  if (link) return { code: decodeURIComponent(link[1]).toUpperCase(), token: link[2] ? decodeURIComponent(link[2]) : '' };
  return value ? { code: value.replace(/\s+/g, '').toUpperCase(), token: '' } : null;
}

export interface SurveyInput {
  code: string;
  token: string;
  scores: Record<string, number>;
  comment?: string;
}

export const submitSurvey = (data: SurveyInput) =>
  request<{ data: { code: string; at: string; message: string } }>('/api/public/surveys', { method: 'POST', body: JSON.stringify({ data }) }).then((body) => body.data);

/** The survey page of a request: like tracking, the link carries the token. */
export function surveyPath(code: string, token: string): string {
  return `/survei/${encodeURIComponent(code)}?token=${encodeURIComponent(token)}`;
}

export interface PublicFaq {
  documentId: string;
  question: string;
  answer: string;
  serviceCategory: string | null;
  keywords: string[] | null;
}

/** Each entry comes with its keywords, as a list of words. */
export const listFaq = () =>
  request<{ data: PublicFaq[] }>('/api/faq-entries?pagination[pageSize]=100&sort=question:asc&fields[0]=question&fields[1]=answer&fields[2]=serviceCategory').then(
    (body) => body.data,
  );

/** The entries the search engine finds for the citizen's words, best first (at most 20). */
export const searchFaq = (q: string, signal?: AbortSignal) =>
  request<{ data: PublicFaq[] }>(
    `/api/faq-entries?q=${encodeURIComponent(q)}&pagination[pageSize]=20&fields[0]=question&fields[1]=answer&fields[2]=serviceCategory`,
    { signal },
  ).then((body) => body.data);

/** The draft of one entry, opened from the admin panel's preview with its signed token. */
export const previewFaq = (documentId: string, token: string) =>
  request<{ data: PublicFaq }>(`/api/faq-preview/${encodeURIComponent(documentId)}?token=${encodeURIComponent(token)}`).then((body) => body.data);

export { trackingPath } from '@layanan/config';

/** A staff member's password: the mailed link asked for, then the new password set with its code. */
export const requestPasswordReset = (email: string) => request<{ ok: boolean }>('/api/auth/forgot-password', { method: 'POST', body: JSON.stringify({ email }) });

export const resetPassword = (code: string, password: string) =>
  request<unknown>('/api/auth/reset-password', { method: 'POST', body: JSON.stringify({ code, password, passwordConfirmation: password }) });
