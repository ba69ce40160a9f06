import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { SOP_STEP, redactFreeText, type InquiryStepFields } from '@layanan/config';
import { PUBLIC, getService as sop, inquiryTokenMatches, secretMatches } from '@layanan/sop-workflow';
import { parseBody, publicInquirySchema, surveySchema, trackingProofSchema } from '../../../utils/validation';
import type { SurveyInput } from '../../survey-response/services/survey-response';

const NOT_FOUND = 'Permohonan tidak ditemukan. Periksa kembali kode dan token pelacakan Anda.';
const NOT_PROVED =
  'Kode pelacakan dan data kontak tidak cocok. Periksa kembali kode, 4 angka terakhir nomor HP, atau alamat e-mail yang Anda tulis saat mengajukan.';
const RESENDING =
  'Jika kode ini terdaftar dan permohonannya mencantumkan e-mail atau akun pesan yang dapat kami hubungi, tautan pelacakan baru segera dikirim ke sana. ' +
  'Tautan lama tetap berlaku. Tidak menerimanya? Buka status dengan 4 angka terakhir nomor HP atau alamat e-mail Anda.';

/** The deadline a citizen is told: step 2, when the request is sorted and routed. */
const DUE = SOP_STEP.triage.dueField;

interface TrackRow extends Pick<InquiryStepFields, typeof DUE> {
  id: number;
  documentId: string;
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
  recoveryTokenHash: string | null;
  receiptTokenHash: string | null;
  division: { name: string } | null;
  closeReason: string | null;
  applicant: { name: string | null; phone: string | null; email: string | null } | null;
}

type Ctx = Parameters<Core.ControllerHandler>[0];

/** The code as the citizen typed it (any case), bounded: it is a rate-limit key too. */
const codeOf = (ctx: Ctx) => String(ctx.params.code ?? '').trim().slice(0, 20).toUpperCase();

/** Does the contact the citizen gave match the request's: the last four digits of its phone, or its e-mail? */
function contactMatches(contact: string, applicant: { phone?: string | null; email?: string | null } | null | undefined): boolean {
  const phoneEnd = (applicant?.phone ?? '').replace(/\D/g, '').slice(-4);
  const email = (applicant?.email ?? '').trim().toLowerCase();
  // Both compared by digest whatever was given, so the time taken does not tell which one the request holds.
  const byPhone = secretMatches(contact, phoneEnd.length === 4 ? phoneEnd : '');
  const byEmail = secretMatches(contact.toLowerCase(), email);
  return byPhone || byEmail;
}

/** The citizen's side: ask without an account, then follow the request with its code and token. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const trackRow = (code: string) =>
    strapi.db.query('api::inquiry.inquiry').findOne({
      where: { code },
      populate: {
        division: { select: ['name'] },
        applicant: { select: ['name', 'phone', 'email'] },
      },
    }) as Promise<TrackRow | null>;

  /** What the tracking page shows: the request's course and answer, never who asked. */
  async function publicView(row: TrackRow) {
    const surveyed = await strapi.db.query('api::survey-response.survey-response').count({ where: { inquiry: { id: row.id } } });
    const timeline = await sop(strapi, 'events').publicTimeline(row.id);
    return {
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
      // Why a request was turned down, as the officer wrote it for the citizen, with any personal data masked.
      reason:
        row.outcome === 'rejected' && row.closeReason ? redactFreeText(row.closeReason, { names: row.applicant?.name ? [row.applicant.name] : [] }) : null,
      timeline,
      survey: {
        given: surveyed > 0,
        open: row.outcome === 'answered' && surveyed === 0,
      },
    };
  }

  return {
    async submitInquiry(ctx: Ctx) {
      await sop(strapi, 'rateLimit').consume('publicRateLimit', ctx.request.ip);
      const { website, ...input } = parseBody(publicInquirySchema, ctx.request.body);
      if (website) throw new errors.ValidationError('Permohonan tidak dapat diterima.');
      const { inquiry, trackingToken } = await sop(strapi, 'workflow').create({ ...input, channel: 'website' }, PUBLIC);
      ctx.status = 201;
      return {
        data: {
          code: inquiry.code,
          trackingToken,
          status: inquiry.status,
          [DUE]: inquiry[DUE],
        },
      };
    },

    /** A wrong token answers exactly like an unknown code, so codes cannot be probed. */
    async track(ctx: Ctx) {
      await sop(strapi, 'rateLimit').consume('trackRateLimit', ctx.request.ip);
      const token = typeof ctx.query.token === 'string' ? ctx.query.token : '';
      const row = await trackRow(codeOf(ctx));
      if (!row || !token || !inquiryTokenMatches(token, row)) throw new errors.NotFoundError(NOT_FOUND);
      return { data: await publicView(row) };
    },

    /**
     * A lost link sent again to the contact the request holds, through its channel's receipt. The answer and the
     * work done before it are the same whether the code exists or not; the sending itself happens after.
     */
    async resendTrackingLink(ctx: Ctx) {
      await sop(strapi, 'rateLimit').consume('trackRateLimit', ctx.request.ip);
      const code = codeOf(ctx);
      await sop(strapi, 'rateLimit').consume('recoverRateLimit', code);
      const row = await trackRow(code);
      if (row) {
        setImmediate(() => {
          sop(strapi, 'workflow')
            .recoverTrackingLink(row.documentId, 'resent')
            .catch((error: Error) => strapi.log.error(`[public] the tracking link of ${row.code} could not be sent again: ${error.message}`));
        });
      }
      ctx.status = 202;
      return { data: { message: RESENDING } };
    },

    /** The status for a citizen who proves the request is theirs; with it a new key, for the tracking link. */
    async proveTracking(ctx: Ctx) {
      await sop(strapi, 'rateLimit').consume('trackRateLimit', ctx.request.ip);
      const code = codeOf(ctx);
      await sop(strapi, 'rateLimit').consume('recoverRateLimit', code);
      const { contact } = parseBody(trackingProofSchema, ctx.request.body);
      const row = await trackRow(code);
      const matched = contactMatches(contact, row?.applicant);
      if (!row || !matched) throw new errors.NotFoundError(NOT_PROVED);
      const trackingToken = await sop(strapi, 'workflow').recoverTrackingLink(row.documentId, contact.includes('@') ? 'email' : 'phone');
      return { data: { ...(await publicView(row)), trackingToken } };
    },

    /** SKM: the citizen rates an answered request once, with the same code and token as for tracking. */
    async submitSurvey(ctx: Ctx) {
      await sop(strapi, 'rateLimit').consume('publicRateLimit', ctx.request.ip);
      const input = parseBody(surveySchema, ctx.request.body);
      const service = strapi.service('api::survey-response.survey-response') as unknown as {
        submit(input: SurveyInput): Promise<{ code: string; at: Date }>;
      };
      const { code, at } = await service.submit(input);
      ctx.status = 201;
      return {
        data: {
          code,
          at,
          message: 'Terima kasih. Penilaian Anda membantu kami memperbaiki layanan.',
        },
      };
    },
  };
};
