import type { Core } from '@strapi/strapi';
import {
  CHANNEL_LABELS,
  DASHBOARD_BASE,
  KIND_LABELS,
  SOP_STEP,
  SOP_STEP_TABLE,
  inquiryPagePath,
  redactFreeText,
  type Channel,
  type Kind,
  type SopStep,
  type StepDueField,
} from '@layanan/config';
import { UID, configOf } from '../utils';

export type AlertTopic = 'inquiry.triaged' | 'inquiry.reminder' | 'inquiry.breached' | 'inquiry.answered';

/** What a Telegram row carries: the text exactly as sent, and which buttons go under it. */
export interface AlertPayload {
  inquiry: string;
  code: string;
  text: string;
  acknowledge: boolean;
  url: string | null;
}

export interface AlertInquiry extends Record<StepDueField, string | null> {
  id: number;
  documentId: string;
  code: string;
  kind: Kind;
  channel: Channel;
  subject: string;
  message: string;
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

const stepLabel = (step: SopStep) => `${STEP_TASK[step]} (langkah ${SOP_STEP[step].number})`;

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

/** "Selasa, 3 Nov 2026 10:10 WIB": what staff read on their phones. */
export function formatWib(at: Date | string): string {
  const parts = Object.fromEntries(wibFormat.formatToParts(new Date(at)).map((p) => [p.type, p.value]));
  return `${parts.weekday}, ${parts.day} ${parts.month} ${parts.year} ${parts.hour}:${parts.minute} WIB`;
}

export function excerptOf(text: string, names: readonly string[]): string {
  const flat = redactFreeText(text, { names }).replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  return chars.length <= EXCERPT_LENGTH ? flat : `${chars.slice(0, EXCERPT_LENGTH - 1).join('').trimEnd()}…`;
}

export function dashboardUrl(publicUrl: string, documentId: string): string | null {
  if (!publicUrl) return null;
  return `${publicUrl.replace(/\/+$/, '')}${DASHBOARD_BASE}${inquiryPagePath(documentId)}`;
}

function headline(topic: AlertTopic, inquiry: AlertInquiry, step: SopStep | undefined): string {
  switch (topic) {
    case 'inquiry.triaged':
      return `🔔 <b>Permohonan baru untuk ${escapeHtml(inquiry.division?.name ?? 'bidang Anda')}</b>`;
    case 'inquiry.reminder':
      return `⏳ <b>Pengingat: batas waktu ${stepLabel(step ?? 'coordination')} segera tiba</b>`;
    case 'inquiry.breached':
      return `⛔ <b>TERLAMBAT: batas waktu ${stepLabel(step ?? 'coordination')} terlewati</b>`;
    case 'inquiry.answered':
      return `✅ <b>Permohonan sudah dijawab kepada pemohon</b>`;
  }
}

function deadlineLine(topic: AlertTopic, inquiry: AlertInquiry, step: SopStep | undefined, dueAt: string | undefined): string | null {
  if (topic === 'inquiry.answered') return inquiry.answeredAt ? `Dijawab pada ${formatWib(inquiry.answeredAt)}.` : null;
  const due = dueAt ?? (step ? inquiry[SOP_STEP[step].dueField] : null) ?? inquiry[SOP_STEP.coordination.dueField];
  if (!due) return null;
  if (topic === 'inquiry.breached') return `⏰ Batas waktu <b>${formatWib(due)}</b> sudah lewat.`;
  return `⏰ Batas waktu: <b>${formatWib(due)}</b>`;
}

function callToAction(topic: AlertTopic, step: SopStep | undefined): string | null {
  if (topic === 'inquiry.answered') return null;
  if (topic === 'inquiry.triaged' || step === 'coordination') {
    return 'Balas pesan ini dengan informasi dari bidang, atau tekan <b>Terima</b> bila Anda yang menanganinya.';
  }
  return 'Tekan <b>Terima</b> bila Anda yang menanganinya.';
}

/**
 * The alert as staff read it, in Bahasa Indonesia: code, kind, channel, subject, a short excerpt and the
 * due time in WIB. Nothing about the applicant is included, and the citizen's own words pass through
 * redactFreeText first, since a NIK, a phone number or an address may be typed anywhere.
 */
export function composeAlert(topic: AlertTopic, inquiry: AlertInquiry, options: { step?: SopStep; dueAt?: string; publicUrl: string }): AlertPayload {
  const names = inquiry.applicant?.name ? [inquiry.applicant.name] : [];
  const lines = [
    headline(topic, inquiry, options.step),
    `<b>${escapeHtml(inquiry.code)}</b> · ${KIND_LABELS[inquiry.kind]?.id ?? inquiry.kind} · ${CHANNEL_LABELS[inquiry.channel]?.id ?? inquiry.channel}`,
    '',
    `<b>Perihal:</b> ${escapeHtml(redactFreeText(inquiry.subject, { names }))}`,
    `<i>${escapeHtml(excerptOf(inquiry.message, names))}</i>`,
    '',
    deadlineLine(topic, inquiry, options.step, options.dueAt),
    callToAction(topic, options.step),
  ].filter((line): line is string => line !== null);
  return {
    inquiry: inquiry.documentId,
    code: inquiry.code,
    text: lines.join('\n').replace(/\n{3,}/g, '\n\n').trim(),
    acknowledge: topic !== 'inquiry.answered',
    url: dashboardUrl(options.publicUrl, inquiry.documentId),
  };
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async load(documentId: string): Promise<AlertInquiry | null> {
    return (await strapi.db.query(UID.inquiry).findOne({
      where: { documentId },
      select: ['id', 'documentId', 'code', 'kind', 'channel', 'subject', 'message', ...SOP_STEP_TABLE.map((row) => row.dueField), 'answeredAt'],
      populate: { applicant: { select: ['name'] }, division: { select: ['documentId', 'name'] } },
    })) as AlertInquiry | null;
  },

  compose(topic: AlertTopic, inquiry: AlertInquiry, options: { step?: SopStep; dueAt?: string }): AlertPayload {
    return composeAlert(topic, inquiry, { ...options, publicUrl: configOf(strapi).publicUrl });
  },
});
