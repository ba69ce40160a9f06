import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { readFile } from 'node:fs/promises';
import { getService as sop } from '@layanan/sop-workflow';
import { LAPOR_STATUSES, LAPOR_STATUS_INFO, isLaporStatus, type LaporStatus } from '@layanan/config';
import { parseLaporText } from '../lapor/parse';
import { draftOf } from '../lapor/draft';
import { MappingError } from '../lapor/import';
import { SheetError, readSheet } from '../lapor/sheet';
import type { UploadedSheet } from '../lapor/importer';
import { getService } from '../utils';

type Context = Parameters<Core.ControllerHandler>[0];

const PASTE_MAX = 20_000;

/** The body's `data.text`, or a 400 that says what to paste. */
function pastedText(body: unknown): string {
  const text = (body as { data?: { text?: unknown } } | null)?.data?.text;
  if (typeof text !== 'string' || !text.trim()) throw new errors.ValidationError('Tempelkan teks laporan SP4N-LAPOR! terlebih dahulu.');
  if (text.length > PASTE_MAX) throw new errors.ValidationError(`Teks laporan terlalu panjang (maksimal ${PASTE_MAX.toLocaleString('id-ID')} karakter).`);
  return text;
}

/** The body's `data.status`, one of LAPOR!'s five, or a 400 that lists them. */
function laporStatus(body: unknown): LaporStatus {
  const data = (body as { data?: unknown } | null)?.data;
  const status = (data as { status?: unknown } | null)?.status;
  if (isLaporStatus(status) && Object.keys(data as object).length === 1) return status;
  const choices = LAPOR_STATUSES.map((choice) => `${choice} (${LAPOR_STATUS_INFO[choice].id})`).join(', ');
  throw new errors.ValidationError(`Status SP4N-LAPOR! tidak dikenal. Kirim {"data": {"status": ...}} dengan salah satu: ${choices}.`);
}

const FILE_MAX_BYTES = 10 * 1024 * 1024;

interface UploadedFile {
  filepath: string;
  originalFilename?: string | null;
  size: number;
}

/**
 * The file of a multipart upload (field `files`, which Strapi's body parser removes from disk after the
 * request) and the mapping beside it (field `mapping`, JSON), or a 400 that says what is wrong.
 */
async function uploaded(ctx: Context): Promise<{ upload: UploadedSheet; mapping: unknown }> {
  const files = (ctx.request as { files?: Record<string, UploadedFile | UploadedFile[]> }).files?.files;
  const file = Array.isArray(files) ? files[0] : files;
  if (!file) throw new errors.ValidationError('Pilih berkas Excel (.xlsx) atau CSV berisi laporan SP4N-LAPOR!.');
  if (Array.isArray(files) && files.length > 1) throw new errors.ValidationError('Unggah satu berkas saja.');
  if (file.size > FILE_MAX_BYTES) throw new errors.ValidationError('Berkas lebih dari 10 MB. Bagi laporannya ke beberapa berkas.');
  const filename = (file.originalFilename || 'berkas').replace(/[^\w .()-]/g, '_').slice(0, 120);
  const text = (ctx.request.body as { mapping?: unknown } | undefined)?.mapping;
  let mapping: unknown;
  if (text !== undefined && text !== '') {
    try {
      mapping = JSON.parse(String(text));
    } catch {
      throw new errors.ValidationError('Pemetaan kolom tidak terbaca (harus JSON).');
    }
  }
  try {
    return { upload: { sheet: await readSheet(await readFile(file.filepath), filename), filename }, mapping };
  } catch (error) {
    if (error instanceof SheetError) throw new errors.ValidationError(error.message);
    throw error;
  }
}

/** A mapping the file cannot have is the officer's to correct: a 400 naming the field. */
async function mapped<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof MappingError) throw new errors.ValidationError(error.message);
    throw error;
  }
}

/**
 * SP4N-LAPOR! for officers: a pasted report read into the quick-intake form (nothing is written), a file
 * of reports previewed, then imported, and the status LAPOR! shows for a report recorded.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async parse(ctx: Context) {
    const report = parseLaporText(pastedText(ctx.request.body));
    if (report.missing.includes('trackingId') && report.missing.includes('content')) {
      throw new errors.ValidationError('Teks ini tidak terbaca sebagai laporan SP4N-LAPOR!: nomor tiket (Tracking ID) dan isi laporan tidak ditemukan.');
    }
    return { data: { draft: draftOf(report), missing: report.missing, report } };
  },

  async importPreview(ctx: Context) {
    const { upload, mapping } = await uploaded(ctx);
    return { data: await mapped(() => getService(strapi, 'laporImport').preview(upload, mapping)) };
  },

  async import(ctx: Context) {
    const actor = await sop(strapi, 'staff').actorOf(ctx.state.user as { id: number } | undefined);
    const { upload, mapping } = await uploaded(ctx);
    if (mapping === undefined) throw new errors.ValidationError('Periksa pratinjau dan pemetaan kolom dulu, lalu impor.');
    return { data: await mapped(() => getService(strapi, 'laporImport').run(upload, mapping, actor)) };
  },

  async status(ctx: Context) {
    const actor = await sop(strapi, 'staff').actorOf(ctx.state.user as { id: number } | undefined);
    const status = laporStatus(ctx.request.body);
    const recorded = await getService(strapi, 'lapor').recordByOfficer(String(ctx.params.documentId ?? ''), status, actor);
    return { data: { documentId: ctx.params.documentId, ...recorded } };
  },
});
