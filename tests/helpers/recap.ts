import type { Core } from '@strapi/strapi';
import { CHANNELS, CHANNEL_MEDIA, KINDS, SERVICE_CATEGORIES, type AnswerDelivery, type Channel } from '@layanan/config';

/** A generated inquiry with just what the recap reads, in plain JavaScript values. */
export interface GeneratedInquiry {
  code: string;
  kind: string;
  channel: string;
  serviceCategory: string;
  status: 'received' | 'triaged' | 'coordinated' | 'answered' | 'closed';
  outcome: 'answered' | 'rejected' | null;
  division: string | null;
  receivedAt: Date;
  triagedAt: Date | null;
  coordinatedAt: Date | null;
  answeredAt: Date | null;
  closedAt: Date | null;
  triageDueAt: Date;
  coordinationDueAt: Date | null;
  answerDueAt: Date | null;
  triageBreached: boolean;
  coordinationBreached: boolean;
  answerBreached: boolean;
  directAnswer: boolean;
  triageWorkingMinutes: number | null;
  coordinationWorkingMinutes: number | null;
  answerWorkingMinutes: number | null;
  answerDelivery: AnswerDelivery | null;
  answerDeliveredAt: Date | null;
  answerDeliveryNote: string | null;
}

type Random = () => number;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const MINUTE = 60_000;

/**
 * Inquiries received uniformly between `from` and `to`, each somewhere along the SOP path, with timestamps,
 * due times, breach flags and durations as the workflow would have left them (late in about a fifth of the
 * steps; some open steps overdue before the sweep has flagged them).
 */
export function generateInquiries(random: Random, count: number, from: Date, to: Date, now: Date, divisions: readonly string[]): GeneratedInquiry[] {
  const span = to.getTime() - from.getTime();
  return Array.from({ length: count }, (_, i) => {
    const receivedAt = new Date(from.getTime() + Math.floor(random() * span));
    const path = pick(random, ['received', 'triaged', 'coordinated', 'answered', 'answered', 'closed', 'direct', 'rejected'] as const);
    const duration = (budget: number) => (random() < 0.8 ? random() * budget : budget * (1 + random() * 2));
    const row: GeneratedInquiry = {
      code: `GEN-${i}`,
      kind: pick(random, KINDS),
      channel: pick(random, CHANNELS),
      serviceCategory: pick(random, SERVICE_CATEGORIES),
      status: 'received',
      outcome: null,
      division: null,
      receivedAt,
      triagedAt: null,
      coordinatedAt: null,
      answeredAt: null,
      closedAt: null,
      triageDueAt: new Date(receivedAt.getTime() + 15 * MINUTE),
      coordinationDueAt: null,
      answerDueAt: null,
      triageBreached: false,
      coordinationBreached: false,
      answerBreached: false,
      directAnswer: false,
      triageWorkingMinutes: null,
      coordinationWorkingMinutes: null,
      answerWorkingMinutes: null,
      answerDelivery: null,
      answerDeliveredAt: null,
      answerDeliveryNote: null,
    };
    if (path === 'received') {
      // Open at triage: flagged by the sweep, overdue but not yet flagged, or still within time.
      row.triageDueAt = new Date(now.getTime() + (random() - 0.5) * 60 * MINUTE);
      row.triageBreached = row.triageDueAt < now && random() < 0.6;
      return row;
    }
    const triage = duration(15);
    row.triagedAt = new Date(receivedAt.getTime() + triage * MINUTE);
    row.triageWorkingMinutes = triage;
    row.triageBreached = triage > 15;
    if (path === 'rejected') return { ...row, status: 'closed', outcome: 'rejected', closedAt: row.triagedAt };
    if (path === 'direct') {
      return delivered(random, { ...row, status: 'answered', outcome: 'answered', directAnswer: true, answeredAt: row.triagedAt });
    }
    row.division = pick(random, divisions);
    row.status = 'triaged';
    row.coordinationDueAt = new Date(row.triagedAt.getTime() + 60 * MINUTE);
    if (path === 'triaged') {
      row.coordinationDueAt = new Date(now.getTime() + (random() - 0.5) * 120 * MINUTE);
      row.coordinationBreached = row.coordinationDueAt < now && random() < 0.6;
      return row;
    }
    const coordination = duration(60);
    row.coordinatedAt = new Date(row.triagedAt.getTime() + coordination * MINUTE);
    row.coordinationWorkingMinutes = coordination;
    row.coordinationBreached = coordination > 60;
    row.status = 'coordinated';
    row.answerDueAt = new Date(row.coordinatedAt.getTime() + 60 * MINUTE);
    if (path === 'coordinated') {
      row.answerDueAt = new Date(now.getTime() + (random() - 0.5) * 120 * MINUTE);
      row.answerBreached = row.answerDueAt < now && random() < 0.6;
      return row;
    }
    const answer = duration(60);
    row.answeredAt = new Date(row.coordinatedAt.getTime() + answer * MINUTE);
    row.answerWorkingMinutes = answer;
    row.answerBreached = answer > 60;
    row.status = path === 'closed' ? 'closed' : 'answered';
    row.outcome = 'answered';
    if (path === 'closed') row.closedAt = new Date(row.answeredAt.getTime() + 30 * MINUTE);
    return delivered(random, row);
  });
}

/**
 * Where an answer stands on its way to the citizen, as the channel's medium would leave it: an adapter's
 * answer mostly delivered, some failed or still on their way; an officer's task mostly confirmed, some still
 * waiting; a website answer without an e-mail only on the tracking page (no delivery state).
 */
function delivered(random: Random, row: GeneratedInquiry): GeneratedInquiry {
  const mode = CHANNEL_MEDIA[row.channel as Channel].answer;
  const roll = random();
  const after = (minutes: number) => new Date(row.answeredAt!.getTime() + Math.round(minutes * MINUTE));
  if (mode === 'tracking' && roll < 0.5) return row;
  if (mode === 'officer') {
    return roll < 0.6
      ? { ...row, answerDelivery: 'delivered', answerDeliveredAt: after(random() * 240), answerDeliveryNote: 'Melalui telepon' }
      : { ...row, answerDelivery: 'officer_task', answerDeliveryNote: 'Sampaikan jawaban lewat kanal pemohon' };
  }
  if (roll < 0.7) return { ...row, answerDelivery: 'delivered', answerDeliveredAt: after(random() * 5), answerDeliveryNote: null };
  if (roll < 0.85) return { ...row, answerDelivery: 'failed', answerDeliveryNote: '550 Mailbox unavailable' };
  return { ...row, answerDelivery: 'sending' };
}

/** Writes generated inquiries through the query engine (no workflow, no HTTP): fast, and exact. */
export async function insertInquiries(strapi: Core.Strapi, rows: readonly GeneratedInquiry[]): Promise<void> {
  const divisions = (await strapi.db.query('api::division.division').findMany({ select: ['id', 'code'] })) as { id: number; code: string }[];
  const idOf = (code: string | null) => (code ? divisions.find((d) => d.code === code)!.id : null);
  await strapi.db.transaction(async () => {
    for (const { division, ...row } of rows) {
      await strapi.db.query('api::inquiry.inquiry').create({
        data: { ...row, subject: `Permohonan ${row.code}`, message: 'Pesan uji rekap.', division: idOf(division), routedDivisionId: idOf(division) },
      });
    }
  });
}
