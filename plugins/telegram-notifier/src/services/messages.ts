import type { Core } from '@strapi/strapi';
import {
  CHANNEL_LABELS,
  DASHBOARD_BASE,
  KIND_LABELS,
  LAPOR_CLOCK,
  LAPOR_CLOCK_TABLE,
  SOP_STEP,
  SOP_STEP_TABLE,
  boardPath,
  dueFieldOf,
  inquiryPagePath,
  isLaporClock,
  redactFreeText,
  type Channel,
  type ClockKey,
  type Kind,
  type SopStep,
  type StepDueField,
} from '@layanan/config';
import { UID, configOf } from '../utils';

export type AlertTopic = 'inquiry.triaged' | 'inquiry.reminder' | 'inquiry.window_closing' | 'inquiry.breached' | 'inquiry.answered';

/** What a Telegram row carries: the text exactly as sent, and which buttons go under it. */
export interface AlertPayload {
  inquiry: string;
  code: string;
  text: string;
  acknowledge: boolean;
  url: string | null;
  /** The step (or LAPOR! clock) a reminder or a breach is about: alerts of one topic and step may share a digest. */
  step?: ClockKey;
}

/** The topics whose alerts may be sent as one digest when many wait for a chat. */
export type DigestTopic = 'inquiry.breached' | 'inquiry.reminder';
export const DIGEST_TOPICS: readonly DigestTopic[] = ['inquiry.breached', 'inquiry.reminder'];
/** How many codes a digest names before "dan N lainnya". */
export const DIGEST_CODES = 5;

export interface AlertInquiry extends Record<StepDueField, string | null>, Partial<Record<string, unknown>> {
  id: number;
  documentId: string;
  code: string;
  kind: Kind;
  channel: Channel;
  subject: string;
  message: string;
  /** The officer's note for the Bidang, given at triage. */
  notes?: string | null;
  answeredAt: string | null;
  applicant?: { name?: string | null } | null;
  division?: { documentId: string; name: string } | null;
}

const EXCERPT_LENGTH = 160;
const TIME_ZONE = 'Asia/Jakarta';

/** What staff wait on at each step, as they say it. */
const STEP_TASK: Record<SopStep, string> = {
  triage: 'pemilahan',
  coordination: 'informasi bidang',
  answer: 'jawaban ke pemohon',
};

/** "informasi bidang (langkah 3)", or for SP4N-LAPOR!'s own limits "tindak lanjut (SP4N-LAPOR!)". */
const stepLabel = (step: ClockKey) =>
  isLaporClock(step) ? `${LAPOR_CLOCK[step].label.id.replace(/^LAPOR!:\s*/, '')} (SP4N-LAPOR!)` : `${STEP_TASK[step]} (langkah ${SOP_STEP[step].number})`;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const wibFormat = new Intl.DateTimeFormat('id-ID', {
  timeZone: TIME_ZONE,
  weekday: 'long',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "Selasa, 3 Nov 2026 10.10 WIB": what staff read on their phones, the time written the Indonesian way. */
export function formatWib(at: Date | string): string {
  const parts = Object.fromEntries(wibFormat.formatToParts(new Date(at)).map((p) => [p.type, p.value]));
  return `${parts.weekday}, ${parts.day} ${parts.month} ${parts.year} ${parts.hour}.${parts.minute} WIB`;
}

export function excerptOf(text: string, names: readonly string[]): string {
  const flat = redactFreeText(text, { names }).replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  return chars.length <= EXCERPT_LENGTH ? flat : `${chars.slice(0, EXCERPT_LENGTH - 1).join('').trimEnd()}…`;
}

function base(publicUrl: string): string | null {
  return publicUrl ? `${publicUrl.replace(/\/+$/, '')}${DASHBOARD_BASE}` : null;
}

export function dashboardUrl(publicUrl: string, documentId: string): string | null {
  const root = base(publicUrl);
  return root && `${root}${inquiryPagePath(documentId)}`;
}

/** The board, filtered to the requests that breached the step when the digest is about breaches. */
export function boardUrl(publicUrl: string, filter: { breached?: SopStep } = {}): string | null {
  const root = base(publicUrl);
  return root && `${root}${boardPath(filter)}`;
}

function headline(topic: AlertTopic, inquiry: AlertInquiry, step: ClockKey | undefined): string {
  switch (topic) {
    case 'inquiry.triaged':
      return `🔔 <b>Permohonan baru untuk ${escapeHtml(inquiry.division?.name ?? 'bidang Anda')}</b>`;
    case 'inquiry.reminder':
      return `⏳ <b>Pengingat: batas waktu ${stepLabel(step ?? 'coordination')} segera tiba</b>`;
    case 'inquiry.window_closing':
      return `⌛ <b>Jendela balasan ${CHANNEL_LABELS[inquiry.channel]?.id ?? inquiry.channel} segera tutup; permohonan belum dijawab</b>`;
    case 'inquiry.breached':
      return `⛔ <b>TERLAMBAT: batas waktu ${stepLabel(step ?? 'coordination')} terlewati</b>`;
    case 'inquiry.answered':
      return `✅ <b>Permohonan sudah dijawab kepada pemohon</b>`;
  }
}

function deadlineLine(topic: AlertTopic, inquiry: AlertInquiry, step: ClockKey | undefined, dueAt: string | undefined): string | null {
  if (topic === 'inquiry.answered') return inquiry.answeredAt ? `Dijawab pada ${formatWib(inquiry.answeredAt)}.` : null;
  const due = dueAt ?? (step ? (inquiry[dueFieldOf(step)] as string | null | undefined) : null) ?? inquiry[SOP_STEP.coordination.dueField];
  if (!due) return null;
  if (topic === 'inquiry.window_closing' && dueAt) {
    return `⏰ Jawab sebelum <b>${formatWib(dueAt)}</b> agar jawaban sampai lewat ${CHANNEL_LABELS[inquiry.channel]?.id ?? inquiry.channel}; sesudah itu jawaban mungkin harus disampaikan lewat kanal lain.`;
  }
  if (topic === 'inquiry.breached') return `⏰ Batas waktu <b>${formatWib(due)}</b> sudah lewat.`;
  return `⏰ Batas waktu: <b>${formatWib(due)}</b>`;
}

function callToAction(topic: AlertTopic, step: ClockKey | undefined): string | null {
  if (topic === 'inquiry.answered') return null;
  if (topic === 'inquiry.window_closing') return 'Buka permohonan di dasbor untuk menjawabnya.';
  if (step && isLaporClock(step)) return `Buka permohonan di dasbor: ${LAPOR_CLOCK[step].task.id}.`;
  if (topic === 'inquiry.triaged' || step === 'coordination') {
    return 'Balas pesan ini dengan informasi dari bidang, atau tekan <b>Terima</b> bila Anda yang menanganinya.';
  }
  return 'Tekan <b>Terima</b> bila Anda yang menanganinya.';
}

/** The officer's note travels with the request to the Bidang, masked as the citizen's words are. */
function noteLine(topic: AlertTopic, inquiry: AlertInquiry, step: ClockKey | undefined, names: readonly string[]): string | null {
  if (!inquiry.notes?.trim()) return null;
  if (topic !== 'inquiry.triaged' && step !== 'coordination') return null;
  return `📝 <b>Catatan petugas:</b> ${escapeHtml(excerptOf(inquiry.notes, names))}`;
}

/**
 * The alert as staff read it, in Bahasa Indonesia: code, kind, channel, subject, a short excerpt and the
 * due time in WIB. Nothing about the applicant is included, and the citizen's own words pass through
 * redactFreeText first, since a NIK, a phone number or an address may be typed anywhere.
 */
export function composeAlert(topic: AlertTopic, inquiry: AlertInquiry, options: { step?: ClockKey; dueAt?: string; publicUrl: string }): AlertPayload {
  const names = inquiry.applicant?.name ? [inquiry.applicant.name] : [];
  const lines = [
    headline(topic, inquiry, options.step),
    `<b>${escapeHtml(inquiry.code)}</b> · ${KIND_LABELS[inquiry.kind]?.id ?? inquiry.kind} · ${CHANNEL_LABELS[inquiry.channel]?.id ?? inquiry.channel}`,
    '',
    `<b>Perihal:</b> ${escapeHtml(redactFreeText(inquiry.subject, { names }))}`,
    `<i>${escapeHtml(excerptOf(inquiry.message, names))}</i>`,
    noteLine(topic, inquiry, options.step, names),
    '',
    deadlineLine(topic, inquiry, options.step, options.dueAt),
    callToAction(topic, options.step),
  ].filter((line): line is string => line !== null);
  return {
    inquiry: inquiry.documentId,
    code: inquiry.code,
    text: lines.join('\n').replace(/\n{3,}/g, '\n\n').trim(),
    acknowledge: topic !== 'inquiry.answered' && topic !== 'inquiry.window_closing',
    url: dashboardUrl(options.publicUrl, inquiry.documentId),
    ...(options.step && (DIGEST_TOPICS as readonly string[]).includes(topic) ? { step: options.step } : {}),
  };
}

/** What a digest row carries to Telegram: the text and the one button under it. */
export interface DigestMessage {
  text: string;
  url: string | null;
}

/**
 * Many alerts of one kind for one chat as one message: "⛔ 37 permohonan melewati tenggat pemilahan (langkah
 * 2)", the first few codes (each a link to its page), how many more, and a button to the board filtered to
 * the breaches of that step. Codes only: nothing of any citizen's words or person.
 */
export function composeDigest(topic: DigestTopic, step: ClockKey, alerts: readonly Pick<AlertPayload, 'code' | 'url'>[], publicUrl: string): DigestMessage {
  const count = alerts.length;
  const title = topic === 'inquiry.breached' ? `⛔ <b>${count} permohonan melewati tenggat ${stepLabel(step)}</b>` : `⏳ <b>${count} permohonan mendekati tenggat ${stepLabel(step)}</b>`;
  const named = alerts.slice(0, DIGEST_CODES).map(({ code, url }) => (url ? `<a href="${escapeHtml(url).replace(/"/g, '&quot;')}">${escapeHtml(code)}</a>` : escapeHtml(code)));
  const rest = count - named.length;
  const codes = `${named.join(', ')}${rest > 0 ? ` dan ${rest} lainnya` : ''}.`;
  // The board filters by SOP step; SP4N-LAPOR!'s breaches are read on the board as a whole.
  const url = topic === 'inquiry.breached' && !isLaporClock(step) ? boardUrl(publicUrl, { breached: step }) : boardUrl(publicUrl);
  const hint =
    topic === 'inquiry.breached'
      ? 'Dikirim sebagai satu ringkasan karena banyak yang terlambat sekaligus. Daftar lengkapnya ada di papan pemilahan, disaring menurut langkah ini.'
      : 'Dikirim sebagai satu ringkasan karena banyak yang menunggu sekaligus. Daftar lengkapnya ada di papan pemilahan.';
  return { text: [title, '', codes, '', hint].join('\n'), url };
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async load(documentId: string): Promise<AlertInquiry | null> {
    return (await strapi.db.query(UID.inquiry).findOne({
      where: { documentId },
      select: ['id', 'documentId', 'code', 'kind', 'channel', 'subject', 'message', 'notes', ...SOP_STEP_TABLE.map((row) => row.dueField), ...LAPOR_CLOCK_TABLE.map((row) => row.dueField), 'answeredAt'],
      populate: { applicant: { select: ['name'] }, division: { select: ['documentId', 'name'] } },
    })) as AlertInquiry | null;
  },

  compose(topic: AlertTopic, inquiry: AlertInquiry, options: { step?: ClockKey; dueAt?: string }): AlertPayload {
    return composeAlert(topic, inquiry, { ...options, publicUrl: configOf(strapi).publicUrl });
  },
});
