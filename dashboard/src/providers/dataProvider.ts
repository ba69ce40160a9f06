import { HttpError, withLifecycleCallbacks, type DataProvider, type GetListParams, type Identifier, type RaRecord } from 'react-admin';
import { strapiDataProvider } from 'ra-strapi';
import { EDITABLE_INQUIRY_FIELDS, SEARCH_TEXT_MAX_LENGTH, weeklyHoursOfRows, type AccessKind, type AccessLogEntry, type HolidayOutlook, type LaporStatus, type OfficeHoursRow } from '@layanan/config';
import { stringify } from './queryString';
import type {
  HealthReport,
  ChannelDown,
  ChannelTrouble,
  ContactInfo,
  ConversationMessage,
  DeliveryPlan,
  DivisionRef,
  ExportFormat,
  FailedNotification,
  FaqEntry,
  Ikm,
  Inquiry,
  InquiryEvent,
  QueuedMessage,
  Receipt,
  Recap,
  RecapQuery,
  SopPolicy,
  TelegramLink,
  TelegramLinkCode,
  LaporParse,
  LaporColumnMapping,
  LaporImportPreview,
  LaporImportResult,
} from '../types';
import { JWT_KEY, httpClient, type StrapiErrorBody } from './httpClient';

/** The access log's filters (days in WIB, YYYY-MM-DD). */
export interface AccessLogFilter {
  from?: string;
  to?: string;
  user?: string;
  code?: string;
  kind?: AccessKind;
}
import { API_URL, MAX_PAGE_SIZE, chunks, detailQueryString, listQueryString } from './strapiQuery';

export { API_URL };

type Fetch = typeof httpClient;

interface StrapiRow {
  documentId: string;
  [key: string]: unknown;
}

/** A Strapi row as a react-admin record: the documentId is the id; populated relations stay objects. */
export function toRecord<T = RaRecord>(row: StrapiRow): T {
  return { ...row, id: row.documentId } as T;
}

export interface TriageInput {
  division: string;
  note?: string;
}
export interface AnswerInput {
  answer: string;
  faqEntry?: string;
}
/** The officer's word that the answer reached the citizen by hand: how, and when (now when left out). */
export interface DeliveredInput {
  how: string;
  at?: string;
}

/** The SOP steps and the reads the dashboard needs beyond CRUD; each is one route of the API. */
export interface DomainMethods {
  triageInquiry(id: Identifier, input: TriageInput): Promise<Inquiry>;
  coordinateInquiry(id: Identifier, input: { information: string }): Promise<Inquiry>;
  answerInquiry(id: Identifier, input: AnswerInput): Promise<Inquiry>;
  closeInquiry(id: Identifier, input: { reason?: string }): Promise<Inquiry>;
  rejectInquiry(id: Identifier, input: { reason: string }): Promise<Inquiry>;
  getEvents(id: Identifier): Promise<InquiryEvent[]>;
  /** The conversation with the citizen, oldest first. */
  getMessages(id: Identifier): Promise<ConversationMessage[]>;
  /** Where the answer (and a message from the conversation) will go. */
  getDeliveryPlan(id: Identifier): Promise<DeliveryPlan | null>;
  /** The citizen behind the request on its channel (officers only). */
  getContact(id: Identifier): Promise<ContactInfo | null>;
  /** A citizen's file in the conversation (WhatsApp, Messenger, Instagram), fetched from the medium now. */
  getAttachment(id: Identifier, message: string, index: number): Promise<Blob>;
  /** A message to the citizen that is not the answer; refused with a 409 where the channel cannot send. */
  sendMessage(id: Identifier, input: { text: string }): Promise<QueuedMessage>;
  /** A new Tanda Terima for the inquiry (its tracking key replaces the older receipt's). */
  issueReceipt(id: Identifier): Promise<Receipt>;
  /** The open Tanda Terima (by its key) to the citizen, through the outbox. */
  sendReceipt(id: Identifier, token: string): Promise<QueuedMessage>;
  confirmDelivery(id: Identifier, input: DeliveredInput): Promise<Inquiry>;
  getSopPolicy(): Promise<SopPolicy>;
  getHolidayDates(since: Date): Promise<string[]>;
  /** Whether next year's holidays are in, by the server's clock. */
  getHolidayOutlook(): Promise<HolidayOutlook>;
  /** The published FAQ entries the server's search engine finds for the text, best first. */
  searchFaq(text: string): Promise<FaqEntry[]>;
  /** The Bidang the same engine suggests for a request's text, or null. */
  suggestDivision(text: string): Promise<DivisionRef | null>;
  getRecap(query: RecapQuery): Promise<Recap>;
  /** The IKM over the period, of the requests the Rekap's filters (channel, kind, Bidang) choose. */
  getIkm(query: Omit<RecapQuery, 'groupBy'> & { groupBy?: 'month' | 'week' | 'day' }): Promise<Ikm>;
  /** The report as a file; `onProgress` hears the bytes received so far (the server streams it). */
  downloadRecap(query: RecapQuery, format: ExportFormat, onProgress?: (bytes: number) => void): Promise<Blob>;
  getTelegramLink(): Promise<TelegramLink>;
  createTelegramLinkCode(): Promise<TelegramLinkCode>;
  unlinkTelegram(): Promise<void>;
  getAccessLog(query: AccessLogFilter, page: number, pageSize: number): Promise<{ data: AccessLogEntry[]; total: number }>;
  downloadAccessLog(query: AccessLogFilter): Promise<Blob>;
  getFailedNotifications(): Promise<{ data: FailedNotification[]; total: number; troubles: ChannelTrouble[]; channelsDown: ChannelDown[] }>;
  retryNotification(id: string): Promise<void>;
  /** The server's health in detail (database, sweep, outbox, backup, each channel), as GET /api/health/details reports it. */
  getHealthDetails(signal?: AbortSignal): Promise<HealthReport>;
  /** A pasted LAPOR! report read into the intake's fields; writes nothing. */
  parseLaporReport(text: string): Promise<LaporParse>;
  /** What importing this file would do, row by row, with the guessed mapping or the officer's; writes nothing. */
  previewLaporImport(file: File, mapping?: LaporColumnMapping): Promise<LaporImportPreview>;
  /** Records the file's new reports as requests and says what became of every row. */
  importLaporFile(file: File, mapping: LaporColumnMapping): Promise<LaporImportResult>;
  /** Records what SP4N-LAPOR! shows for a LAPOR! request's report. */
  recordLaporStatus(id: Identifier, status: LaporStatus): Promise<{ laporStatus: LaporStatus; laporStatusAt: string }>;
}

export type LayananDataProvider = DataProvider & DomainMethods;

/** List parameters plus `meta.fields` and `meta.populate`: only what a view shows (the board skips long texts). */
type ListParams = Partial<GetListParams> & { meta?: { fields?: readonly string[]; populate?: Record<string, unknown> } };

/**
 * ra-strapi's provider, spread and corrected where it falls short of Strapi 5: per-resource populate,
 * correct filter suffixes and `q`, `getMany` paged past Strapi's default 25, `updateMany` in the
 * `{data}` envelope; then the SOP's own routes.
 */
export function createDataProvider(fetchJson: Fetch = httpClient): LayananDataProvider {
  const base = strapiDataProvider({ baseURL: '', httpClient: fetchJson });

  async function list(resource: string, params: ListParams) {
    const query = listQueryString(resource, {
      filter: params.filter,
      sort: params.sort,
      pagination: params.pagination ?? { page: 1, perPage: 25 },
      fields: params.meta?.fields,
      populate: params.meta?.populate,
    });
    const { json } = await fetchJson(`${API_URL}/${resource}?${query}`, { signal: params.signal });
    return { data: (json.data as StrapiRow[]).map((row) => toRecord(row)), total: json.meta?.pagination?.total ?? json.data.length };
  }

  async function post<T>(path: string, data: Record<string, unknown>): Promise<T> {
    const { json } = await fetchJson(`${API_URL}${path}`, { method: 'POST', body: JSON.stringify({ data }) });
    return toRecord<T>(json.data);
  }

  const inquiryAction = (action: string) => (id: Identifier, input: object) =>
    post<Inquiry>(`/inquiries/${encodeURIComponent(String(id))}/${action}`, { ...input });

  const provider: LayananDataProvider = {
    ...base,
    getList: (resource, params) => list(resource, params) as never,

    getOne: async (resource, { id, signal }) => {
      const query = detailQueryString(resource);
      const { json } = await fetchJson(`${API_URL}/${resource}/${encodeURIComponent(String(id))}${query ? `?${query}` : ''}`, { signal });
      return { data: toRecord(json.data) } as never;
    },

    getMany: async (resource, { ids, signal }) => {
      const pages = await Promise.all(
        chunks(ids).map((part) =>
          list(resource, { filter: { documentId_in: part }, pagination: { page: 1, perPage: MAX_PAGE_SIZE }, signal }),
        ),
      );
      return { data: pages.flatMap((page) => page.data) } as never;
    },

    getManyReference: async (resource, { target, id, filter, ...rest }) =>
      list(resource, { ...rest, filter: { ...filter, [`${target}.documentId_eq`]: id } }) as never,

    updateMany: async (resource, { ids, data }) => {
      const updated = await Promise.all(
        ids.map(async (id) => {
          const { json } = await fetchJson(`${API_URL}/${resource}/${encodeURIComponent(String(id))}`, {
            method: 'PUT',
            body: JSON.stringify({ data }),
          });
          return json.data.documentId as Identifier;
        }),
      );
      return { data: updated };
    },

    triageInquiry: inquiryAction('triage'),
    coordinateInquiry: inquiryAction('coordinate'),
    answerInquiry: inquiryAction('answer'),
    closeInquiry: inquiryAction('close'),
    rejectInquiry: inquiryAction('reject'),

    async getEvents(id) {
      const { json } = await fetchJson(`${API_URL}/inquiries/${encodeURIComponent(String(id))}/events`);
      return json.data as InquiryEvent[];
    },

    async getMessages(id) {
      const { json } = await fetchJson(`${API_URL}/channels/inquiries/${encodeURIComponent(String(id))}/messages`);
      return json.data as ConversationMessage[];
    },

    async getDeliveryPlan(id) {
      const { json } = await fetchJson(`${API_URL}/channels/inquiries/${encodeURIComponent(String(id))}/delivery`);
      return (json.data ?? null) as DeliveryPlan | null;
    },

    async getContact(id) {
      const { json } = await fetchJson(`${API_URL}/channels/inquiries/${encodeURIComponent(String(id))}/contact`);
      return (json.data ?? null) as ContactInfo | null;
    },

    async getAttachment(id, message, index) {
      return downloadFile(`${API_URL}/channels/inquiries/${encodeURIComponent(String(id))}/messages/${encodeURIComponent(message)}/attachments/${index}`);
    },

    async sendMessage(id, input) {
      const { json } = await fetchJson(`${API_URL}/channels/inquiries/${encodeURIComponent(String(id))}/messages`, {
        method: 'POST',
        body: JSON.stringify({ data: { text: input.text } }),
      });
      return json.data as QueuedMessage;
    },

    async issueReceipt(id) {
      const { json } = await fetchJson(`${API_URL}/inquiries/${encodeURIComponent(String(id))}/receipt`, { method: 'POST' });
      return json.data as Receipt;
    },

    async sendReceipt(id, token) {
      const { json } = await fetchJson(`${API_URL}/channels/inquiries/${encodeURIComponent(String(id))}/receipt`, {
        method: 'POST',
        body: JSON.stringify({ data: { token } }),
      });
      return json.data as QueuedMessage;
    },

    confirmDelivery: inquiryAction('delivered'),

    async getSopPolicy() {
      const { json } = await fetchJson(`${API_URL}/sop-policy`);
      const { officeHours, ...policy } = json.data as Omit<SopPolicy, 'officeHours'> & { officeHours: OfficeHoursRow[] | null };
      return { ...policy, officeHours: weeklyHoursOfRows(officeHours ?? []) };
    },

    async getHolidayDates(since) {
      const { data } = await list('holidays', {
        filter: { date_gte: since.toISOString().slice(0, 10) },
        sort: { field: 'date', order: 'ASC' },
        pagination: { page: 1, perPage: MAX_PAGE_SIZE },
        meta: { fields: ['date'] },
      });
      return data.map((row) => String((row as unknown as { date: string }).date).slice(0, 10));
    },

    async getHolidayOutlook() {
      const { json } = await fetchJson(`${API_URL}/holidays/outlook`);
      return json.data as HolidayOutlook;
    },

    async getRecap(query) {
      const { json } = await fetchJson(`${API_URL}/recap?${stringify(query, { skipNulls: true })}`);
      return json.data as Recap;
    },

    async getIkm(query) {
      const { json } = await fetchJson(`${API_URL}/surveys/ikm?${stringify(query, { skipNulls: true })}`);
      return json.data as Ikm;
    },

    async downloadRecap(query, format, onProgress) {
      const { groupBy: _groupBy, ...filters } = query;
      return downloadFile(`${API_URL}/recap/export?${stringify({ ...filters, format }, { skipNulls: true })}`, onProgress);
    },

    async getTelegramLink() {
      const { json } = await fetchJson(`${API_URL}/telegram/link`);
      return json.data as TelegramLink;
    },

    async createTelegramLinkCode() {
      const { json } = await fetchJson(`${API_URL}/telegram/link-code`, { method: 'POST', body: JSON.stringify({ data: {} }) });
      return json.data as TelegramLinkCode;
    },

    async unlinkTelegram() {
      await fetchJson(`${API_URL}/telegram/link`, { method: 'DELETE' });
    },

    async getAccessLog(query, page, pageSize) {
      const { json } = await fetchJson(`${API_URL}/access-logs?${stringify({ ...query, page, pageSize }, { skipNulls: true })}`);
      return { data: json.data as AccessLogEntry[], total: (json.meta?.pagination?.total as number | undefined) ?? 0 };
    },

    async downloadAccessLog(query) {
      return downloadFile(`${API_URL}/access-logs/export?${stringify(query, { skipNulls: true })}`);
    },

    async getFailedNotifications() {
      const { json } = await fetchJson(`${API_URL}/notifications/failed?${stringify({ pagination: { page: 1, pageSize: MAX_PAGE_SIZE } })}`);
      return { data: json.data as FailedNotification[], total: (json.meta?.pagination?.total as number | undefined) ?? json.data.length, troubles: (json.meta?.troubles ?? []) as ChannelTrouble[], channelsDown: (json.meta?.channelsDown ?? []) as ChannelDown[] };
    },

    async getHealthDetails(signal) {
      const { json } = await fetchJson(`${API_URL}/health/details`, { signal });
      return json.data as HealthReport;
    },

    async retryNotification(id) {
      await fetchJson(`${API_URL}/notifications/${encodeURIComponent(id)}/retry`, { method: 'POST', body: JSON.stringify({ data: {} }) });
    },

    async parseLaporReport(text) {
      const { json } = await fetchJson(`${API_URL}/channels/lapor/parse`, { method: 'POST', body: JSON.stringify({ data: { text } }) });
      return json.data as LaporParse;
    },
    async previewLaporImport(file, mapping) {
      const { json } = await fetchJson(`${API_URL}/channels/lapor/import/preview`, { method: 'POST', body: laporUpload(file, mapping) });
      return json.data as LaporImportPreview;
    },
    async importLaporFile(file, mapping) {
      const { json } = await fetchJson(`${API_URL}/channels/lapor/import`, { method: 'POST', body: laporUpload(file, mapping) });
      return json.data as LaporImportResult;
    },
    async recordLaporStatus(id, status) {
      const { json } = await fetchJson(`${API_URL}/channels/lapor/inquiries/${encodeURIComponent(String(id))}/status`, { method: 'PUT', body: JSON.stringify({ data: { status } }) });
      return json.data as { laporStatus: LaporStatus; laporStatusAt: string };
    },
    async searchFaq(text) {
      const { data } = await list('faq-entries', { filter: { q: text.slice(0, SEARCH_TEXT_MAX_LENGTH) }, pagination: { page: 1, perPage: 8 } });
      return data as FaqEntry[];
    },

    async suggestDivision(text) {
      const query = stringify({ q: text.slice(0, SEARCH_TEXT_MAX_LENGTH) }, { encodeValuesOnly: true });
      const { json } = await fetchJson(`${API_URL}/search/division-suggestion?${query}`);
      return (json.data ?? null) as DivisionRef | null;
    },
  };

  // The server accepts only the descriptive fields of an inquiry on PUT; everything else is the workflow's.
  return withLifecycleCallbacks(provider, [
    {
      resource: 'inquiries',
      beforeUpdate: async (params) => ({ ...params, data: editableInquiryFields(params.data) }),
    },
  ]) as LayananDataProvider;
}

/** A file of LAPOR! reports and the mapping of its columns, as the import routes read them (multipart). */
function laporUpload(file: File, mapping?: LaporColumnMapping): FormData {
  const form = new FormData();
  form.append('files', file, file.name);
  if (mapping) form.append('mapping', JSON.stringify(mapping));
  return form;
}

/** A file download with the staff token, read chunk by chunk so that the page can show its progress. */
async function downloadFile(url: string, onProgress?: (bytes: number) => void): Promise<Blob> {
  const token = localStorage.getItem(JWT_KEY);
  const response = await fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!response.ok || !response.body) {
    const body = (await response.json().catch(() => null)) as StrapiErrorBody | null;
    throw new HttpError(body?.error?.message ?? response.statusText, response.status, body);
  }
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    received += value.length;
    onProgress?.(received);
  }
  return new Blob(parts as BlobPart[], { type: response.headers.get('Content-Type') ?? 'application/octet-stream' });
}

function editableInquiryFields(data: Record<string, unknown>): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const key of EDITABLE_INQUIRY_FIELDS) if (key in data) picked[key] = data[key];
  if (picked.applicant && typeof picked.applicant === 'object') {
    const { id: _id, ...applicant } = picked.applicant as Record<string, unknown>;
    picked.applicant = applicant;
  }
  return picked;
}
