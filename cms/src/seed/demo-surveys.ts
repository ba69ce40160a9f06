import type { Core } from '@strapi/strapi';
import { SKM_ELEMENTS, mulberry32, type SkmElement } from '@layanan/config';
import { getService as sop } from '@layanan/sop-workflow';
import type { AnsweredDemo } from './demo-inquiries';
import type { SurveyInput } from '../api/survey-response/services/survey-response';

const COMMENTS = [
  'Petugas ramah dan jawabannya jelas.',
  'Terima kasih, informasinya membantu.',
  'Balasan cukup cepat lewat WhatsApp.',
  'Mohon antrean di loket dipercepat.',
  'Syaratnya sudah jelas, tapi blanko masih sering kosong.',
  'Pelayanan sudah baik, pertahankan.',
  'Jawaban agak lama, mohon ditingkatkan.',
];

/**
 * About half of the answered demo requests are rated, a few hours to two days after the answer, through
 * the same service as the public survey page. Scores lean on how the request went: a late step costs a
 * point on completion time (U3) more often than not; the service is free of charge, so U4 is nearly always 4.
 */
export async function seedDemoSurveys(strapi: Core.Strapi, answered: AnsweredDemo[], now: Date): Promise<number> {
  const random = mulberry32(14_2017);
  const clock = sop(strapi, 'clock');
  const service = strapi.service('api::survey-response.survey-response') as unknown as { submit(input: SurveyInput): Promise<unknown> };
  const clamp = (value: number) => Math.min(4, Math.max(1, Math.round(value)));
  let rated = 0;
  try {
    for (const request of answered) {
      if (random() >= 0.5) continue;
      const at = new Date(request.answeredAt.getTime() + (1 + random() * 47) * 3_600_000);
      if (at.getTime() > now.getTime()) continue;
      const mood = 2.9 + random() * 1.1 - (request.late ? 0.5 : 0);
      const scores = Object.fromEntries(
        SKM_ELEMENTS.map((element) => {
          if (element === 'U4') return [element, random() < 0.95 ? 4 : 3];
          const penalty = element === 'U3' && request.late && random() < 0.7 ? 1 : 0;
          return [element, clamp(mood + (random() - 0.5) * 1.2 - penalty)];
        }),
      ) as Record<SkmElement, number>;
      clock.use(() => at);
      await service.submit({ code: request.code, token: request.token, scores, comment: random() < 0.35 ? COMMENTS[Math.floor(random() * COMMENTS.length)] : undefined });
      rated += 1;
    }
  } finally {
    clock.reset();
  }
  return rated;
}
