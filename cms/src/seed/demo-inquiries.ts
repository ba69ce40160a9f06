import type { Core } from '@strapi/strapi';
import { SOP_STEP, SOP_STEP_TABLE, addWorkingMinutes, clockStart, mulberry32, type Channel, type InquiryStepFields, type WorkingCalendar } from '@layanan/config';
import { getService as sop, type Actor } from '@layanan/sop-workflow';
import { APPLICANT_NAMES, INQUIRY_TEMPLATES, REJECT_REASONS, type InquiryTemplate } from './data/demoInquiries';

const CHANNEL_WEIGHTS: [Channel, number][] = [
  ['whatsapp', 24],
  ['walk_in', 15],
  ['phone', 12],
  ['website', 12],
  ['instagram', 8],
  ['email', 7],
  ['facebook', 6],
  ['lapor_sp4n', 6],
  ['view_probolinggo', 4],
  ['radio', 3],
  ['telegram', 3],
];

type Random = () => number;

const RECENT_MS = 4 * 24 * 60 * 60 * 1000;
const OPEN_STAGES = ['received', 'triaged', 'coordinated', 'answered', 'closed'] as const;

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

function weighted<T>(random: Random, items: readonly [T, number][]): T {
  let roll = random() * items.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [item, weight] of items) {
    roll -= weight;
    if (roll < 0) return item;
  }
  return items[items.length - 1][0];
}

function digits(random: Random, count: number): string {
  return Array.from({ length: count }, () => Math.floor(random() * 10)).join('');
}

/** A syntactically valid NIK of Kota Probolinggo (3574), never a real person's. */
function demoNik(random: Random): string {
  const day = 1 + Math.floor(random() * 28) + (random() < 0.5 ? 40 : 0);
  const month = 1 + Math.floor(random() * 12);
  const year = 60 + Math.floor(random() * 45);
  return `357401${String(day).padStart(2, '0')}${String(month).padStart(2, '0')}${String(year % 100).padStart(2, '0')}${String(1 + Math.floor(random() * 9000)).padStart(4, '0')}`;
}

function applicantFor(random: Random, channel: Channel) {
  const name = pick(random, APPLICANT_NAMES);
  const slug = name.toLowerCase().replace(/[^a-z]+/g, '.').replace(/^\.|\.$/g, '');
  return {
    name,
    phone: ['whatsapp', 'phone', 'walk_in', 'telegram'].includes(channel) ? `+62812${digits(random, 8)}` : undefined,
    email: channel === 'email' || channel === 'website' ? `${slug}@contoh.id` : undefined,
    nik: channel === 'walk_in' && random() < 0.6 ? demoNik(random) : undefined,
    replyAddress: ['instagram', 'facebook'].includes(channel) ? `@${slug.replace(/\./g, '_')}` : undefined,
  };
}

interface Staff {
  officer: Actor;
  divisions: Record<string, { documentId: string; actor: Actor }>;
}

/** How long each step really took, in working minutes: mostly within the SOP, sometimes not. */
function stepMinutes(random: Random, budget: number): number {
  return random() < 0.82 ? 1 + random() * budget * 0.9 : budget * (1.05 + random() * 1.5);
}

/** An answered demo request, as its citizen could rate it. */
export interface AnsweredDemo {
  code: string;
  token: string;
  answeredAt: Date;
  late: boolean;
}

export async function seedDemoInquiries(strapi: Core.Strapi, staff: Staff, count: number, now: Date): Promise<AnsweredDemo[]> {
  const answered: AnsweredDemo[] = [];
  // Seeded, so every fresh start shows the same believable office.
  const random = mulberry32(20260217);
  const clock = sop(strapi, 'clock');
  const workflow = sop(strapi, 'workflow');
  const policy = await sop(strapi, 'policy').current();
  const calendar: WorkingCalendar = await sop(strapi, 'policy').calendarFor(policy);
  const horizon = 90 * 24 * 60 * 60 * 1000;
  const arrivals = Array.from({ length: count }, () => new Date(now.getTime() - Math.pow(random(), 1.15) * horizon)).sort(
    (a, b) => a.getTime() - b.getTime(),
  );
  try {
    for (const receivedAt of arrivals) {
      const template: InquiryTemplate = pick(random, INQUIRY_TEMPLATES);
      const channel = weighted(random, CHANNEL_WEIGHTS);
      const { division, information, answer, ...content } = template;
      const owner = staff.divisions[division];
      clock.use(() => receivedAt);
      const { inquiry, trackingToken } = await workflow.create(
        {
          ...content,
          channel,
          applicant: applicantFor(random, channel),
          externalRef: channel === 'lapor_sp4n' ? `LAPOR-${digits(random, 7)}` : undefined,
        },
        channel === 'website' ? { type: 'public', name: 'Pemohon' } : staff.officer,
      );
      // Requests of the last few days are left where an office would have them: some still open at each step.
      const stopAfter = now.getTime() - receivedAt.getTime() < RECENT_MS ? pick(random, OPEN_STAGES) : 'closed';
      let at = clockStart(receivedAt, calendar);
      const advance = (minutes: number): boolean => {
        at = addWorkingMinutes(at, minutes, calendar);
        if (at.getTime() > now.getTime()) return false;
        clock.use(() => at);
        return true;
      };
      const took = (step: keyof typeof SOP_STEP) => stepMinutes(random, policy[SOP_STEP[step].budgetField]);
      if (stopAfter === 'received' || !advance(took('triage'))) continue;
      if (random() < 0.05) {
        await workflow.reject(inquiry.documentId, { reason: pick(random, REJECT_REASONS) }, staff.officer);
        continue;
      }
      let done: InquiryStepFields;
      if (template.kind === 'information' && random() < 0.3) {
        done = await workflow.answer(inquiry.documentId, { answer }, staff.officer);
      } else {
        await workflow.triage(inquiry.documentId, { division: owner.documentId }, staff.officer);
        if (stopAfter === 'triaged' || !advance(took('coordination'))) continue;
        await workflow.coordinate(inquiry.documentId, { information }, owner.actor);
        if (stopAfter === 'coordinated' || !advance(took('answer'))) continue;
        done = await workflow.answer(inquiry.documentId, { answer }, staff.officer);
      }
      const answeredAt = at;
      // The officer uploads a LAPOR! follow-up within a working day or so; the last few days' may still wait.
      if (channel === 'lapor_sp4n' && advance(30 + random() * 900)) {
        await workflow.confirmDelivery(inquiry.documentId, { how: 'Diunggah ke SP4N-LAPOR!', at }, staff.officer);
      }
      answered.push({
        code: inquiry.code,
        token: trackingToken,
        answeredAt,
        late: SOP_STEP_TABLE.some((row) => done[row.breachedField]),
      });
      if (stopAfter === 'closed' && advance(30 + random() * 600)) await workflow.close(inquiry.documentId, {}, staff.officer);
    }
  } finally {
    clock.reset();
  }
  return answered;
}
