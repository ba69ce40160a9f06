import type { Core } from '@strapi/strapi';
import { CHANNEL_LABELS, CHANNEL_MEDIA, SOP_STEP, SOP_STEP_TABLE, addWorkingMinutes, clockStart, mulberry32, type Channel, type InquiryStepFields, type WorkingCalendar } from '@layanan/config';
import { getService as sop, type Actor } from '@layanan/sop-workflow';
import { APPLICANT_NAMES, HANDED_OVER, INQUIRY_TEMPLATES, REJECT_REASONS, WAITING_FOR_BIDANG, type InquiryTemplate } from './data/demoInquiries';
import { routeDemoAnswer, routeDue } from './demo-delivery';

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

/**
 * The latest arrival that leaves the officer a few working minutes to route it before `now` (the request
 * waiting in the Bidang's queue): the latest of the arrivals that early, or that moment itself.
 */
function waitingArrival(arrivals: Date[], now: Date, calendar: WorkingCalendar): number {
  let latest = new Date(now.getTime() - 30 * 60_000);
  while (addWorkingMinutes(clockStart(latest, calendar), ROUTED_AFTER_MINUTES, calendar).getTime() > now.getTime()) {
    latest = new Date(latest.getTime() - 30 * 60_000);
  }
  const early = arrivals.filter((arrival) => arrival.getTime() <= latest.getTime()).length;
  if (early > 0) return early - 1;
  arrivals[0] = latest;
  return 0;
}

const ROUTED_AFTER_MINUTES = 7;

/**
 * When a request of this channel that came at `time` was recorded: a visit, a call, a radio listener or a
 * LAPOR! report is recorded by the officer, in office hours (a visitor of the evening came back the next
 * morning); what the office cannot have recorded yet by `now` came by WhatsApp instead.
 */
function recorded(random: Random, channel: Channel, time: Date, now: Date, calendar: WorkingCalendar): { receivedAt: Date; channel: Channel } {
  if (CHANNEL_MEDIA[channel].intake !== 'officer') return { receivedAt: time, channel };
  const start = clockStart(time, calendar);
  const receivedAt = start.getTime() === time.getTime() ? time : addWorkingMinutes(start, random() * 120, calendar);
  return receivedAt.getTime() <= now.getTime() ? { receivedAt, channel } : { receivedAt: time, channel: 'whatsapp' };
}

const handedOverBy = (channel: Channel) => HANDED_OVER[channel] ?? `Dibalas lewat ${CHANNEL_LABELS[channel].id}`;

export async function seedDemoInquiries(strapi: Core.Strapi, staff: Staff, count: number, now: Date): Promise<AnsweredDemo[]> {
  const answered: AnsweredDemo[] = [];
  // Seeded, so every fresh start shows the same believable office.
  const random = mulberry32(20260217);
  const clock = sop(strapi, 'clock');
  const workflow = sop(strapi, 'workflow');
  const policy = await sop(strapi, 'policy').current();
  const calendar: WorkingCalendar = await sop(strapi, 'policy').calendarFor(policy);
  const horizon = 90 * 24 * 60 * 60 * 1000;
  const times = Array.from({ length: count }, () => new Date(now.getTime() - Math.pow(random(), 1.15) * horizon)).sort((a, b) => a.getTime() - b.getTime());
  // One request of this morning waits in the Bidang Pendaftaran Penduduk's queue with the officer's note.
  const waitingAt = count > 0 ? waitingArrival(times, now, calendar) : -1;
  const arrivals = times
    .map((time, index) =>
      index === waitingAt ? { receivedAt: clockStart(time, calendar), channel: 'walk_in' as Channel, waiting: true } : { ...recorded(random, weighted(random, CHANNEL_WEIGHTS), time, now, calendar), waiting: false },
    )
    .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
  try {
    for (const { receivedAt, channel, waiting } of arrivals) {
      const template: InquiryTemplate = pick(random, INQUIRY_TEMPLATES);
      const { division, information, answer, ...content } = template;
      const owner = staff.divisions[division];
      clock.use(() => receivedAt);
      const { inquiry, trackingToken } = await workflow.create(
        {
          ...(waiting ? { kind: WAITING_FOR_BIDANG.kind, serviceCategory: WAITING_FOR_BIDANG.serviceCategory, subject: WAITING_FOR_BIDANG.subject, message: WAITING_FOR_BIDANG.message } : content),
          channel,
          applicant: applicantFor(random, channel),
          externalRef: channel === 'lapor_sp4n' ? `LAPOR-${digits(random, 7)}` : undefined,
        },
        channel === 'website' ? { type: 'public', name: 'Pemohon' } : staff.officer,
      );
      await routeDue(strapi, receivedAt);
      let at = clockStart(receivedAt, calendar);
      const advance = (minutes: number): boolean => {
        at = addWorkingMinutes(at, minutes, calendar);
        if (at.getTime() > now.getTime()) return false;
        clock.use(() => at);
        return true;
      };
      if (waiting) {
        if (advance(ROUTED_AFTER_MINUTES)) {
          await workflow.triage(inquiry.documentId, { division: staff.divisions.DAFDUK.documentId, note: WAITING_FOR_BIDANG.note }, staff.officer);
          await routeDue(strapi, at);
        }
        continue;
      }
      // Requests of the last few days are left where an office would have them: some still open at each step.
      const stopAfter = now.getTime() - receivedAt.getTime() < RECENT_MS ? pick(random, OPEN_STAGES) : 'closed';
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
        await routeDue(strapi, at);
        if (stopAfter === 'triaged' || !advance(took('coordination'))) continue;
        await workflow.coordinate(inquiry.documentId, { information }, owner.actor);
        if (stopAfter === 'coordinated' || !advance(took('answer'))) continue;
        done = await workflow.answer(inquiry.documentId, { answer }, staff.officer);
      }
      const answeredAt = at;
      // An answer no adapter carried is the officer's to hand over: at the counter or on the telephone within
      // the hour, a LAPOR! follow-up within a working day or so; some of the last few days' still wait.
      let delivered = (await routeDemoAnswer(strapi, inquiry.id, at)) === 'delivered';
      if (!delivered && (stopAfter !== 'answered' || random() < 0.6) && advance(channel === 'lapor_sp4n' ? 30 + random() * 900 : 2 + random() * 60)) {
        await workflow.confirmDelivery(inquiry.documentId, { how: handedOverBy(channel), at }, staff.officer);
        delivered = true;
      }
      answered.push({
        code: inquiry.code,
        token: trackingToken,
        answeredAt,
        late: SOP_STEP_TABLE.some((row) => done[row.breachedField]),
      });
      if (stopAfter === 'closed' && delivered && advance(30 + random() * 600)) await workflow.close(inquiry.documentId, {}, staff.officer);
    }
  } finally {
    clock.reset();
  }
  return answered;
}
