import { factories, type Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService as sop, rethrowWithCode, type Actor } from '@layanan/sop-workflow';
import { SITE_PAGES, maskEmail, officeFullName, maskName, maskNik, maskPhone, redactFreeText, trackingPath } from '@layanan/config';
import { actorFromState } from '../../../utils/actor';
import { SearchRefused, inquirySearchFilter, personalSearchKind } from '../../../utils/inquiry-search';
import {
  answerSchema,
  closeSchema,
  coordinateSchema,
  deliveredSchema,
  editInquirySchema,
  officerInquirySchema,
  parseBody,
  rejectSchema,
  triageSchema,
} from '../../../utils/validation';

const UID = 'api::inquiry.inquiry';

type Context = Parameters<Core.ControllerHandler>[0];

type Applicant = { name?: string | null; nik?: string | null; phone?: string | null; email?: string | null; replyAddress?: string | null };

/** Lists show personal data masked (UU 27/2022); only the inquiry's own detail view shows it whole. */
function maskApplicant(applicant: Applicant | null | undefined): Applicant | null | undefined {
  if (!applicant) return applicant;
  return {
    ...applicant,
    name: applicant.name ? maskName(applicant.name) : applicant.name,
    nik: applicant.nik ? maskNik(applicant.nik) : applicant.nik,
    phone: applicant.phone ? maskPhone(applicant.phone) : applicant.phone,
    email: applicant.email ? maskEmail(applicant.email) : applicant.email,
    replyAddress: applicant.replyAddress ? '***' : applicant.replyAddress,
  };
}

/** What a citizen or a Bidang wrote; in a list any personal data typed into it is masked too. */
const FREE_TEXT = ['subject', 'message', 'divisionInformation', 'answer', 'notes', 'closeReason'] as const;

type ListRow = { id: number; applicant?: Applicant | null } & Partial<Record<(typeof FREE_TEXT)[number], string | null>>;

function maskListRow(row: ListRow, name: string | undefined): ListRow {
  const masked: ListRow = { ...row };
  for (const field of FREE_TEXT) {
    const text = row[field];
    if (typeof text === 'string' && text) masked[field] = redactFreeText(text, { names: name ? [name] : [] });
  }
  if ('applicant' in row) masked.applicant = maskApplicant(row.applicant);
  return masked;
}

const DETAIL_POPULATE = { applicant: true, division: { fields: ['name', 'code'] }, faqEntry: { fields: ['question'] } } as const;

export default factories.createCoreController(UID, ({ strapi }: { strapi: Core.Strapi }) => {
  const workflow = () => sop(strapi, 'workflow');

  async function visible(documentId: string, actor: Actor) {
    const scope = sop(strapi, 'staff').scopeOf(actor);
    const found = await strapi.documents(UID).findFirst({
      filters: { documentId, ...(scope ?? {}) } as never,
      populate: DETAIL_POPULATE as never,
    });
    if (!found) throw new errors.NotFoundError('Permohonan tidak ditemukan.');
    return found;
  }

  /** The applicants' names of a page of rows, to mask them where they typed them; one query when not populated. */
  async function applicantNames(rows: ListRow[]): Promise<Map<number, string>> {
    const names = new Map<number, string>();
    const missing: number[] = [];
    for (const row of rows) {
      if (row.applicant?.name) names.set(row.id, row.applicant.name);
      else if (!('applicant' in row) && FREE_TEXT.some((field) => row[field])) missing.push(row.id);
    }
    if (missing.length === 0) return names;
    const found = (await strapi.db.query(UID).findMany({
      where: { id: { $in: missing } },
      select: ['id'],
      populate: { applicant: { select: ['name'] } },
    })) as { id: number; applicant?: { name?: string | null } | null }[];
    for (const row of found) if (row.applicant?.name) names.set(row.id, row.applicant.name);
    return names;
  }

  return {
    /**
     * The list, within the caller's scope. The search box (`q`) is read here rather than sent as filters:
     * it reaches the applicant's private name key and whole NIK and phone number, which a client's own
     * filters may not probe (see the query guard).
     */
    async find(ctx) {
      const actor = await actorFromState(strapi, ctx.state);
      const scope = sop(strapi, 'staff').scopeOf(actor);
      // Strapi's own `_q` would compare a part of the masked texts; the search here knows what may be compared.
      if (ctx.query._q !== undefined) throw new errors.ValidationError('Gunakan parameter q untuk mencari permohonan.', { path: ['_q'] });
      let search: Record<string, unknown> | null;
      try {
        search = inquirySearchFilter(ctx.query.q);
      } catch (error) {
        if (error instanceof SearchRefused) throw new errors.ValidationError(error.message, { path: ['q'] });
        throw error;
      }
      const personal = personalSearchKind(ctx.query.q);
      // Mutated in place: assigning ctx.query would re-serialise it with Node's flat querystring.
      delete ctx.query.q;
      const controller = core();
      await controller.validateQuery(ctx);
      const query = await controller.sanitizeQuery(ctx);
      const filters = [query.filters, scope, search].filter((filter) => filter && typeof filter === 'object' && Object.keys(filter).length > 0);
      const { results, pagination } = (await strapi.service(UID).find({ ...query, filters: filters.length > 1 ? { $and: filters } : filters[0] } as never)) as {
        results: unknown;
        pagination: unknown;
      };
      const { data, meta } = (await controller.transformResponse(await controller.sanitizeOutput(results, ctx), { pagination })) as { data: ListRow[]; meta: unknown };
      const names = await applicantNames(data);
      if (personal) {
        const codes = data.map((row) => (row as { code?: string }).code ?? null);
        sop(strapi, 'accessLog').record(actor, codes.map((inquiryCode) => ({ inquiryCode, kind: personal })), ctx.request.ip);
      }
      return { data: data.map((row) => maskListRow(row, names.get(row.id))), meta };
    },

    async findOne(ctx) {
      const actor = await actorFromState(strapi, ctx.state);
      const found = await visible(ctx.params.id, actor);
      // The page shows the applicant whole: a row in the access log (UU 27/2022 Pasal 31).
      sop(strapi, 'accessLog').record(actor, [{ inquiryCode: found.code as string, kind: 'request' }], ctx.request.ip);
      return present(found, ctx);
    },

    async create(ctx) {
      const actor = await actorFromState(strapi, ctx.state);
      const input = parseBody(officerInquirySchema, ctx.request.body);
      const { inquiry } = await workflow().create(input, actor);
      ctx.status = 201;
      return present(await visible(inquiry.documentId, actor), ctx);
    },

    async update(ctx) {
      const actor = await actorFromState(strapi, ctx.state);
      const changes = parseBody(editInquirySchema, ctx.request.body);
      await visible(ctx.params.id, actor);
      await strapi.documents(UID).update({ documentId: ctx.params.id, data: changes as never }).catch((error: unknown) => rethrowWithCode(strapi, error));
      return present(await visible(ctx.params.id, actor), ctx);
    },

    async events(ctx) {
      const actor = await actorFromState(strapi, ctx.state);
      const inquiry = await visible(ctx.params.id, actor);
      const rows = await strapi.db.query('api::inquiry-event.inquiry-event').findMany({
        where: { inquiry: { id: inquiry.id } },
        select: ['documentId', 'type', 'actorType', 'actorName', 'at', 'detail', 'public'],
        orderBy: [{ at: 'asc' }, { id: 'asc' }],
        limit: 1000,
      });
      return { data: rows, meta: { total: rows.length } };
    },

    /**
     * The Tanda Terima the officer prints for a citizen at the counter (or on the telephone, on air): the
     * tracking link with a fresh key, so only staff who may issue it ever see one; never stored by a cache.
     */
    async receipt(ctx) {
      const actor = await actorFromState(strapi, ctx.state);
      const inquiry = await visible(ctx.params.id, actor);
      const receipt = await workflow().issueReceipt(inquiry.documentId, actor);
      ctx.set('Cache-Control', 'no-store');
      return {
        data: {
          ...receipt,
          office: officeFullName(await sop(strapi, 'office').current()),
          trackingUrl: publicLink(trackingPath(receipt.code, receipt.trackingToken)),
          privacy: await shownNotice(inquiry.privacyNoticeVersion as number | null | undefined),
        },
      };
    },

    async triage(ctx) {
      return act(ctx, (actor) => workflow().triage(ctx.params.id, parseBody(triageSchema, ctx.request.body), actor));
    },
    async coordinate(ctx) {
      return act(ctx, (actor) => workflow().coordinate(ctx.params.id, parseBody(coordinateSchema, ctx.request.body), actor));
    },
    async answer(ctx) {
      return act(ctx, (actor) => workflow().answer(ctx.params.id, parseBody(answerSchema, ctx.request.body), actor));
    },
    async close(ctx) {
      return act(ctx, (actor) => workflow().close(ctx.params.id, parseBody(closeSchema, ctx.request.body ?? { data: {} }), actor));
    },
    /** The delivery task of step 4: the officer confirms the answer reached the citizen outside the system. */
    async delivered(ctx) {
      return act(ctx, (actor) => workflow().confirmDelivery(ctx.params.id, parseBody(deliveredSchema, ctx.request.body), actor));
    },
    async reject(ctx) {
      return act(ctx, (actor) => workflow().reject(ctx.params.id, parseBody(rejectSchema, ctx.request.body), actor));
    },
  };

  /** An action route: who acts, the step itself, then the inquiry as that person may see it. */
  async function act(ctx: Context, step: (actor: Actor) => Promise<{ documentId: string }>) {
    const actor = await actorFromState(strapi, ctx.state);
    await visible(ctx.params.id, actor);
    const { documentId } = await step(actor);
    return present(await visible(documentId, actor), ctx);
  }

  /** The privacy notice the request recorded (the current one for a request older than the notice), as its receipt prints it. */
  async function shownNotice(version: number | null | undefined) {
    const privacy = sop(strapi, 'privacy');
    const notice = (version ? await privacy.version(version) : null) ?? (await privacy.current());
    if (notice.version === 0) return null;
    const path = `${SITE_PAGES.privacy}?versi=${notice.version}`;
    return { version: notice.version, summary: notice.summary, url: publicLink(path) };
  }

  /** A path of the public site as the citizen opens it: absolute behind PUBLIC_URL, else on this server's origin. */
  function publicLink(path: string): string {
    return `${strapi.config.get<string>('server.url', '').replace(/\/$/, '')}${path}`;
  }

  /** Strapi's own query checks and output shaping of this controller. */
  function core() {
    return strapi.controller(UID) as unknown as {
      validateQuery: (ctx: Context) => Promise<void>;
      sanitizeQuery: (ctx: Context) => Promise<Record<string, unknown>>;
      sanitizeOutput: (data: unknown, ctx: Context) => Promise<unknown>;
      transformResponse: (data: unknown, meta?: Record<string, unknown>) => Promise<unknown>;
    };
  }

  /** The Strapi envelope, with private fields and unreadable relations removed for this caller. */
  async function present(entity: unknown, ctx: Context) {
    const controller = core();
    return controller.transformResponse(await controller.sanitizeOutput(entity, ctx));
  }
});
