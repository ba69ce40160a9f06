import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { parseLaporText } from '../lapor/parse';
import { draftOf } from '../lapor/draft';

type Context = Parameters<Core.ControllerHandler>[0];

const PASTE_MAX = 20_000;

/** The body's `data.text`, or a 400 that says what to paste. */
function pastedText(body: unknown): string {
  const text = (body as { data?: { text?: unknown } } | null)?.data?.text;
  if (typeof text !== 'string' || !text.trim()) throw new errors.ValidationError('Tempelkan teks laporan SP4N-LAPOR! terlebih dahulu.');
  if (text.length > PASTE_MAX) throw new errors.ValidationError(`Teks laporan terlalu panjang (maksimal ${PASTE_MAX.toLocaleString('id-ID')} karakter).`);
  return text;
}

/** SP4N-LAPOR! for officers: a pasted report read into the quick-intake form (nothing is written). */
export default ({ strapi: _strapi }: { strapi: Core.Strapi }) => ({
  async parse(ctx: Context) {
    const report = parseLaporText(pastedText(ctx.request.body));
    if (report.missing.includes('trackingId') && report.missing.includes('content')) {
      throw new errors.ValidationError('Teks ini tidak terbaca sebagai laporan SP4N-LAPOR!: nomor tiket (Tracking ID) dan isi laporan tidak ditemukan.');
    }
    return { data: { draft: draftOf(report), missing: report.missing, report } };
  },
});
