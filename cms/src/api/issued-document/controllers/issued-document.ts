import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { periodInWords } from '@layanan/config';
import { getService as sop } from '@layanan/sop-workflow';
import type { IssuedRow } from '../services/issued-document';

type Ctx = Parameters<Core.ControllerHandler>[0];

const NOT_FOUND = 'Dokumen tidak ditemukan. Periksa kembali kode verifikasi yang tercetak di dokumen.';

/** What the public verification page shows: the document, never who asked for it or anyone it names. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async verify(ctx: Ctx) {
    await sop(strapi, 'rateLimit').consume('trackRateLimit', ctx.request.ip);
    const id = String(ctx.params.id ?? '').trim().toUpperCase().slice(0, 20);
    const service = strapi.service('api::issued-document.issued-document') as unknown as { byVerificationId(id: string): Promise<IssuedRow | null> };
    const row = /^[A-Z0-9]{6,20}$/.test(id) ? await service.byVerificationId(id) : null;
    if (!row || !row.sha256) throw new errors.NotFoundError(NOT_FOUND);
    const periodFrom = String(row.periodFrom).slice(0, 10);
    const periodTo = String(row.periodTo).slice(0, 10);
    return {
      data: {
        verificationId: row.verificationId,
        kind: row.kind,
        title: row.title,
        number: row.number,
        period: { from: periodFrom, to: periodTo, words: periodInWords(periodFrom, periodTo) },
        filters: row.filters || null,
        generatedAt: row.generatedAt,
        generatedByRole: row.generatedByRole,
        sha256: row.sha256,
      },
    };
  },
});
