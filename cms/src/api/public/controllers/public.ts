import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { SOP_STEP, type InquiryStepFields } from '@layanan/config';
import { PUBLIC, getService as sop, tokenMatches } from '@layanan/sop-workflow';
import { parseBody, publicInquirySchema, surveySchema } from '../../../utils/validation';
import type { SurveyInput } from '../../survey-response/services/survey-response';

const NOT_FOUND = 'Permohonan tidak ditemukan. Periksa kembali kode dan token pelacakan Anda.';

/** The deadline a citizen is told: step 2, when the request is sorted and routed. */
const DUE = SOP_STEP.triage.dueField;

interface TrackRow extends Pick<InquiryStepFields, typeof DUE> {
  id: number;
  code: string;
  kind: string;
  status: string;
  outcome: string | null;
  subject: string;
  receivedAt: string;
  answeredAt: string | null;
  closedAt: string | null;
  answer: string | null;
  trackingTokenHash: string | null;
  division: { name: string } | null;
}

/** The citizen's side: ask without an account, then follow the request with its code and token. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async submitInquiry(ctx: Parameters<Core.ControllerHandler>[0]) {
    await sop(strapi, 'rateLimit').consume('publicRateLimit', ctx.request.ip);
    const { website, ...input } = parseBody(publicInquirySchema, ctx.request.body);
    if (website) throw new errors.ValidationError('Permohonan tidak dapat diterima.');
    const { inquiry, trackingToken } = await sop(strapi, 'workflow').create({ ...input, channel: 'website' }, PUBLIC);
    ctx.status = 201;
    return { data: { code: inquiry.code, trackingToken, status: inquiry.status, [DUE]: inquiry[DUE] } };
  },

  /** A wrong token answers exactly like an unknown code, so codes cannot be probed. */
  async track(ctx: Parameters<Core.ControllerHandler>[0]) {
    await sop(strapi, 'rateLimit').consume('trackRateLimit', ctx.request.ip);
    const code = String(ctx.params.code ?? '').slice(0, 20).toUpperCase();
    const token = typeof ctx.query.token === 'string' ? ctx.query.token : '';
    const row = (await strapi.db.query('api::inquiry.inquiry').findOne({
      where: { code },
      populate: { division: { select: ['name'] } },
    })) as TrackRow | null;
    if (!row || !token || !tokenMatches(token, row.trackingTokenHash)) throw new errors.NotFoundError(NOT_FOUND);
    const surveyed = await strapi.db.query('api::survey-response.survey-response').count({ where: { inquiry: { id: row.id } } });
    const timeline = await sop(strapi, 'events').publicTimeline(row.id);
    return {
      data: {
        code: row.code,
        kind: row.kind,
        status: row.status,
        outcome: row.outcome,
        subject: row.subject,
        division: row.division?.name ?? null,
        receivedAt: row.receivedAt,
        [DUE]: row[DUE],
        answeredAt: row.answeredAt,
        closedAt: row.closedAt,
        answer: row.answer,
        timeline,
        survey: { given: surveyed > 0, open: row.outcome === 'answered' && surveyed === 0 },
      },
    };
  },

  /** SKM: the citizen rates an answered request once, with the same code and token as for tracking. */
  async submitSurvey(ctx: Parameters<Core.ControllerHandler>[0]) {
    await sop(strapi, 'rateLimit').consume('publicRateLimit', ctx.request.ip);
    const input = parseBody(surveySchema, ctx.request.body);
    const service = strapi.service('api::survey-response.survey-response') as unknown as { submit(input: SurveyInput): Promise<{ code: string; at: Date }> };
    const { code, at } = await service.submit(input);
    ctx.status = 201;
    return { data: { code, at, message: 'Terima kasih. Penilaian Anda membantu kami memperbaiki layanan.' } };
  },
});
