import { PassThrough } from 'node:stream';
import type { Core } from '@strapi/strapi';
import type { IkmResult } from '@layanan/config';
import { getService as sop } from '@layanan/sop-workflow';
import { writeCsv } from '../exports/csv';
import { writePdf } from '../exports/pdf';
import { fileName, localClock } from '../exports/report';
import { detailPages } from '../exports/rows';
import { writeXlsx } from '../exports/xlsx';
import type { EXPORT_FORMATS } from '../../../utils/validation';
import type { Fragment } from '../../../utils/sql';
import { recapFilters, type Recap, type RecapParams } from './recap';

type Format = (typeof EXPORT_FORMATS)[number];

const CONTENT_TYPES: Record<Format, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
};

/**
 * The monthly report as a download, streamed: the figures are computed first (one recap, one IKM), then the rows
 * flow from a paged query through the writer to the client, so the response starts at once and memory stays flat.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async send(ctx: { set(name: string, value: string): void; body: unknown; status: number }, format: Format, params: RecapParams, from: string, to: string) {
    const recapService = strapi.service('api::recap.recap') as unknown as {
      compute(params: RecapParams, from: string, to: string): Promise<Recap>;
      divisions(): Promise<import('./recap').DivisionRef[]>;
    };
    const recap = await recapService.compute(params, from, to);
    // The IKM of the same period and filters, computed where GET /api/surveys/ikm computes it.
    const surveys = strapi.service('api::survey-response.survey-response') as unknown as {
      ikm(fromDay: number, toDay: number, groupBy: 'month', regulation?: string, inquiries?: Fragment): Promise<IkmResult>;
    };
    const ikm = await surveys.ikm(params.fromDay, params.toDay, 'month', undefined, recapFilters(params));
    const { timeZone } = await sop(strapi, 'policy').current();
    const start = new Date(recap.range.start);
    const end = new Date(recap.range.end);
    const clock = localClock(timeZone, start, end);
    const generatedAt = sop(strapi, 'clock').now();
    const pages = detailPages(strapi, params, start, end, await recapService.divisions());

    const out = new PassThrough();
    ctx.set('Content-Type', CONTENT_TYPES[format]);
    ctx.set('Content-Disposition', `attachment; filename="${fileName(recap, format)}"`);
    ctx.set('Cache-Control', 'no-store');
    ctx.status = 200;
    ctx.body = out;

    const write =
      format === 'xlsx'
        ? writeXlsx(out, recap, ikm, pages, clock, generatedAt)
        : format === 'csv'
          ? writeCsv(out, pages, clock)
          : writePdf(out, recap, ikm, clock, generatedAt);
    write.catch((error: Error) => {
      strapi.log.error(`[recap] ${format} export ${from}..${to} failed: ${error.message}`);
      out.destroy(error);
    });
  },
});
