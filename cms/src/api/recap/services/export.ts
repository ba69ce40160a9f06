import { PassThrough } from 'node:stream';
import type { Core } from '@strapi/strapi';
import { CHANNEL_LABELS, KIND_LABELS, ROLE_LABELS, SITE_PAGES, isRoleType, type IkmResult } from '@layanan/config';
import { getService as sop } from '@layanan/sop-workflow';
import { writeCsv } from '../exports/csv';
import { renderPdf } from '../exports/pdf';
import { lambangDataUrl } from '../exports/lambang';
import { fileName, localClock } from '../exports/report';
import { detailPages } from '../exports/rows';
import { writeXlsx } from '../exports/xlsx';
import type { EXPORT_FORMATS } from '../../../utils/validation';
import type { Fragment } from '../../../utils/sql';
import type { Issue, IssueRequest } from '../../issued-document/services/issued-document';
import { NO_DIVISION, recapFilters, type DivisionRef, type Recap, type RecapParams } from './recap';

type Format = (typeof EXPORT_FORMATS)[number];

const CONTENT_TYPES: Record<Format, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
};

interface ExportCtx {
  set(name: string, value: string): void;
  body: unknown;
  status: number;
  state: { user?: { id: number } };
}

/** "Kanal: WhatsApp; Jenis: Pengaduan; Bidang: …": what part of the office's requests a report covers. */
function filtersText(params: RecapParams, divisions: DivisionRef[]): string {
  const division = params.division === NO_DIVISION ? 'Belum/tanpa Bidang' : divisions.find((d) => d.id === params.division)?.name;
  return [
    params.channel && `Kanal: ${CHANNEL_LABELS[params.channel].id}`,
    params.kind && `Jenis: ${KIND_LABELS[params.kind].id}`,
    params.division !== undefined && `Bidang: ${division ?? '-'}`,
  ]
    .filter(Boolean)
    .join('; ');
}

/** The public site's address, for the verification link printed on a report (PUBLIC_URL, else the server's URL). */
function siteUrl(strapi: Core.Strapi): string {
  const publicUrl = (strapi.config.get('plugin::channels') as { publicUrl?: string } | undefined)?.publicUrl;
  return String(publicUrl || strapi.config.get('server.url') || '').replace(/\/+$/, '');
}

/**
 * The monthly report as a download. The spreadsheet and CSV are streamed: the figures are computed first (one
 * recap, one IKM), then the rows flow from a paged query through the writer to the client. The PDF is a
 * naskah dinas: drawn whole, numbered and recorded with its SHA-256 in the register of issued documents first.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async send(ctx: ExportCtx, format: Format, params: RecapParams, from: string, to: string) {
    const recapService = strapi.service('api::recap.recap') as unknown as {
      compute(params: RecapParams, from: string, to: string): Promise<Recap>;
      divisions(): Promise<DivisionRef[]>;
    };
    const recap = await recapService.compute(params, from, to);
    // The IKM of the same period and filters, computed where GET /api/surveys/ikm computes it.
    const surveys = strapi.service('api::survey-response.survey-response') as unknown as {
      ikm(fromDay: number, toDay: number, groupBy: 'month', regulation?: string, inquiries?: Fragment): Promise<IkmResult>;
    };
    const ikm = await surveys.ikm(params.fromDay, params.toDay, 'month', undefined, recapFilters(params));
    const { timeZone } = await sop(strapi, 'policy').current();
    const office = await sop(strapi, 'office').current();
    const start = new Date(recap.range.start);
    const end = new Date(recap.range.end);
    const clock = localClock(timeZone, start, end);
    const generatedAt = sop(strapi, 'clock').now();
    const divisions = await recapService.divisions();

    if (format === 'pdf') {
      const filters = filtersText(params, divisions);
      const request: IssueRequest = { title: 'Rekap Informasi', periodFrom: from, periodTo: to, filters, generatedAt, generatedByRole: await roleLabel(strapi, ctx.state.user?.id) };
      const lambang = await lambangDataUrl(strapi, office.lambangUrl);
      const register = strapi.service('api::issued-document.issued-document') as unknown as {
        issue(request: IssueRequest, render: (issue: Issue) => Promise<Buffer>): Promise<{ file: Buffer }>;
      };
      const { file } = await register.issue(request, ({ verificationId, number }) =>
        renderPdf(recap, ikm, generatedAt, {
          office,
          lambang,
          number,
          filters,
          timeZone,
          verifyUrl: `${siteUrl(strapi)}${SITE_PAGES.verify.replace(':id', verificationId)}`,
        }),
      );
      ctx.set('Content-Type', CONTENT_TYPES.pdf);
      ctx.set('Content-Disposition', `attachment; filename="${fileName(recap, format)}"`);
      ctx.set('Cache-Control', 'no-store');
      ctx.status = 200;
      ctx.body = file;
      return;
    }

    const pages = detailPages(strapi, params, start, end, divisions);
    const out = new PassThrough();
    ctx.set('Content-Type', CONTENT_TYPES[format]);
    ctx.set('Content-Disposition', `attachment; filename="${fileName(recap, format)}"`);
    ctx.set('Cache-Control', 'no-store');
    ctx.status = 200;
    ctx.body = out;

    const write = format === 'xlsx' ? writeXlsx(out, recap, ikm, pages, clock, generatedAt, office) : writeCsv(out, pages, clock);
    write.catch((error: Error) => {
      strapi.log.error(`[recap] ${format} export ${from}..${to} failed: ${error.message}`);
      out.destroy(error);
    });
  },
});

/** The role a report was made under, as the verification page names it (never the person). */
async function roleLabel(strapi: Core.Strapi, userId: number | undefined): Promise<string> {
  if (userId === undefined) return '';
  const row = (await strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: userId }, select: ['id'], populate: { role: { select: ['type'] } } })) as {
    role?: { type?: string } | null;
  } | null;
  const type = row?.role?.type;
  return isRoleType(type) ? ROLE_LABELS[type].id : '';
}
