import { errors, z } from '@strapi/utils';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import {
  CHANNELS,
  EDITABLE_INQUIRY_FIELDS,
  GROUP_BY,
  IKM_GRADE_TABLES,
  KINDS,
  LAPOR_STATUSES,
  LAPOR_STATUS_INFO,
  MESSAGE_MAX_LENGTH,
  OFFICER_INTAKE_CHANNELS,
  SEARCH_TEXT_MAX_LENGTH,
  SERVICE_CATEGORIES,
  SKM_ELEMENTS,
  SKM_ELEMENT_LABELS,
  SKM_SCORE_MAX,
  SKM_SCORE_MIN,
  dayNumberOf,
  isPhoneText,
  nikProblem,
  type SkmElement,
} from '@layanan/config';

/** Text a person typed: trimmed, bounded, and free of markup (it is shown back in pages and messages). */
const MARKUP = /<\s*\/?\s*[a-z!?][^>]*>/i;
function text(label: string, min: number, max: number) {
  return z
    .string({ error: `${label} harus berupa teks.` })
    .trim()
    .min(min, { error: min <= 1 ? `${label} wajib diisi.` : `${label} minimal ${min} karakter.` })
    .max(max, { error: `${label} maksimal ${max} karakter.` })
    .refine((value) => !MARKUP.test(value), { error: `${label} tidak boleh berisi kode HTML.` });
}

const phone = z
  .string({ error: 'Nomor telepon harus berupa teks.' })
  .trim()
  .max(20, { error: 'Nomor telepon terlalu panjang.' })
  .refine(isPhoneText, { error: 'Nomor telepon hanya boleh berisi angka, tanda +, spasi, tanda kurung, titik dan tanda hubung (huruf O bukan angka 0).' })
  .transform((value, ctx) => {
    const parsed = parsePhoneNumberFromString(value, 'ID');
    if (!parsed || !parsed.isValid()) {
      ctx.addIssue({ code: 'custom', message: 'Nomor telepon tidak valid. Contoh: 0812 3456 7890 atau +62 812 3456 7890.' });
      return z.NEVER;
    }
    return parsed.number;
  });

const nik = z
  .string({ error: 'NIK harus berupa teks.' })
  .trim()
  .superRefine((value, ctx) => {
    const problem = nikProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const applicant = z.strictObject(
  {
    name: text('Nama', 2, 120),
    nik: nik.optional(),
    phone: phone.optional(),
    email: z.email({ error: 'Alamat e-mail tidak valid.' }).max(254, { error: 'Alamat e-mail terlalu panjang.' }).optional(),
    replyAddress: text('Alamat balasan', 1, 254).optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `Data pemohon berisi isian yang tidak dikenal: ${issue.keys.join(', ')}.` : 'Data pemohon wajib diisi.') },
);

const laporStatus = z.enum(LAPOR_STATUSES, {
  error: `Status SP4N-LAPOR! tidak dikenal. Pilihan: ${LAPOR_STATUSES.map((status) => `${status} (${LAPOR_STATUS_INFO[status].id})`).join(', ')}.`,
});
/** The privacy notice's version the form showed (UU 27/2022 Pasal 21); the server checks it is one it published. */
const privacyNoticeVersion = z.number({ error: 'Versi pemberitahuan pelindungan data harus berupa angka.' }).int({ error: 'Versi pemberitahuan pelindungan data harus bilangan bulat.' }).positive({ error: 'Versi pemberitahuan pelindungan data tidak dikenal.' });
const kind = z.enum(KINDS, { error: 'Jenis harus "information" (informasi) atau "complaint" (pengaduan).' });
const serviceCategory = z.enum(SERVICE_CATEGORIES, { error: `Kategori layanan tidak dikenal. Pilihan: ${SERVICE_CATEGORIES.join(', ')}.` });

function strict<T extends z.ZodRawShape>(shape: T) {
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? `Isian tidak dikenal atau tidak boleh diisi: ${issue.keys.join(', ')}.` : 'Data harus berupa objek.'),
  });
}

export const publicInquirySchema = strict({
  kind,
  subject: text('Judul', 3, 200),
  message: text('Pesan', 10, MESSAGE_MAX_LENGTH),
  serviceCategory: serviceCategory.optional(),
  applicant,
  /** The honeypot: a field people never see; only robots fill it. */
  website: z.string().max(200).optional(),
  privacyNoticeVersion: privacyNoticeVersion.optional(),
});

export const officerInquirySchema = strict({
  kind,
  channel: z.enum(OFFICER_INTAKE_CHANNELS as unknown as [string, ...string[]], {
    error: `Kanal tidak dapat dicatat petugas. Pilihan: ${OFFICER_INTAKE_CHANNELS.join(', ')}.`,
  }),
  subject: text('Judul', 3, 200),
  message: text('Pesan', 3, MESSAGE_MAX_LENGTH),
  serviceCategory: serviceCategory.optional(),
  applicant,
  externalRef: text('Nomor referensi', 1, 120).optional(),
  notes: text('Catatan', 1, 5000).optional(),
  laporStatus: laporStatus.optional(),
  privacyNoticeVersion: privacyNoticeVersion.optional(),
})
  .refine((data) => data.channel !== 'lapor_sp4n' || Boolean(data.externalRef), {
    error: 'Pengaduan SP4N-LAPOR! wajib mencantumkan nomor tiket LAPOR! (externalRef).',
    path: ['externalRef'],
  })
  .refine((data) => data.channel === 'lapor_sp4n' || data.laporStatus === undefined, {
    error: 'Status SP4N-LAPOR! hanya untuk pengaduan dari SP4N-LAPOR!.',
    path: ['laporStatus'],
  });

const editableShape = {
  kind,
  applicant,
  subject: text('Judul', 3, 200),
  serviceCategory,
  notes: text('Catatan', 0, 5000),
  externalRef: text('Nomor referensi', 1, 120),
} satisfies Record<(typeof EDITABLE_INQUIRY_FIELDS)[number], z.ZodType>;

export const editInquirySchema = strict(editableShape)
  .partial()
  .refine((data) => Object.keys(data).length > 0, { error: 'Tidak ada isian yang diubah.' });

const documentId = z.string({ error: 'Pilih bidang tujuan.' }).trim().min(1, { error: 'Pilih bidang tujuan.' }).max(64);

export const triageSchema = strict({ division: documentId, note: text('Catatan', 1, 2000).optional() });
export const coordinateSchema = strict({ information: text('Informasi dari bidang', 3, 10000) });
export const answerSchema = strict({ answer: text('Jawaban', 3, 10000), faqEntry: z.string().trim().min(1).max(64).optional() });
export const closeSchema = strict({ reason: text('Alasan', 1, 1000).optional() });
export const rejectSchema = strict({ reason: text('Alasan penolakan', 3, 1000) });
/** The officer handed the answer over outside the system: how (in words), and when if not just now. */
export const deliveredSchema = strict({
  how: text('Cara penyampaian', 3, 1000),
  at: z.iso.datetime({ offset: true, error: 'Waktu penyampaian harus berupa waktu ISO 8601, misalnya 2026-12-01T09:30:00+07:00.' }).transform((value) => new Date(value)).optional(),
});

export const channelSchema = z.enum(CHANNELS);

/**
 * Parses `{ data: … }` against a schema; a refusal is a 400 whose message names the first problem in
 * words, with every problem listed in details.
 */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !('data' in body)) {
    throw new errors.ValidationError('Isi permintaan harus berbentuk {"data": {...}}.');
  }
  const result = schema.safeParse((body as { data: unknown }).data);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message }));
  throw new errors.ValidationError(problems[0].message, { errors: problems });
}

const dateKey = (label: string) =>
  z
    .string({ error: `${label} harus berupa tanggal.` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label} harus bertanggal TTTT-BB-HH, misalnya 2026-01-31.` })
    .refine((value) => dayNumberOf(value) !== null, { error: `${label} bukan tanggal yang ada di kalender.` });

const recapFilters = {
  from: dateKey('Tanggal awal').optional(),
  to: dateKey('Tanggal akhir').optional(),
  channel: z.enum(CHANNELS, { error: `Kanal tidak dikenal. Pilihan: ${CHANNELS.join(', ')}.` }).optional(),
  kind: kind.optional(),
  division: z.string({ error: 'Bidang harus berupa teks.' }).trim().min(1, { error: 'Bidang tidak boleh kosong.' }).max(64).optional(),
};

export const recapQuerySchema = strict({
  ...recapFilters,
  groupBy: z.enum(GROUP_BY, { error: `Pengelompokan harus salah satu dari: ${GROUP_BY.join(', ')}.` }).optional(),
});

export const EXPORT_FORMATS = ['xlsx', 'csv', 'pdf'] as const;

export const recapExportSchema = strict({
  ...recapFilters,
  format: z.enum(EXPORT_FORMATS, { error: `Format harus salah satu dari: ${EXPORT_FORMATS.join(', ')}.` }),
});

/** The IKM over the responses about the requests the Rekap's filters choose. */
export const ikmQuerySchema = strict({
  ...recapFilters,
  groupBy: z.enum(GROUP_BY, { error: `Pengelompokan harus salah satu dari: ${GROUP_BY.join(', ')}.` }).optional(),
  regulation: z.enum(IKM_GRADE_TABLES.map((t) => t.regulation) as [string, ...string[]], {
    error: `Peraturan tidak dikenal. Pilihan: ${IKM_GRADE_TABLES.map((t) => t.regulation).join('; ')}.`,
  }).optional(),
});

const score = (element: SkmElement) =>
  z
    .number({ error: `Nilai ${element} (${SKM_ELEMENT_LABELS[element].id}) wajib diisi dengan angka 1 sampai 4.` })
    .int({ error: `Nilai ${element} harus bilangan bulat 1 sampai 4.` })
    .min(SKM_SCORE_MIN, { error: `Nilai ${element} harus antara 1 dan 4.` })
    .max(SKM_SCORE_MAX, { error: `Nilai ${element} harus antara 1 dan 4.` });

/**
 * What a citizen who lost the tracking link gives to prove the request is theirs: the last four digits of the
 * phone number, or the e-mail address, they wrote when they asked.
 */
export const trackingProofSchema = strict({
  contact: z
    .string({ error: 'Tulis 4 angka terakhir nomor HP atau alamat e-mail yang Anda cantumkan saat mengajukan.' })
    .trim()
    .max(254, { error: 'Alamat e-mail terlalu panjang.' })
    .refine((value) => /^\d{4}$/.test(value) || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value), {
      error: 'Tulis 4 angka terakhir nomor HP (contoh: 7890) atau alamat e-mail yang Anda cantumkan saat mengajukan.',
    }),
});

export const surveySchema = strict({
  code: z.string({ error: 'Kode permohonan wajib diisi.' }).trim().min(1, { error: 'Kode permohonan wajib diisi.' }).max(20, { error: 'Kode permohonan tidak dikenal.' }),
  token: z.string({ error: 'Token pelacakan wajib diisi.' }).trim().min(1, { error: 'Token pelacakan wajib diisi.' }).max(100, { error: 'Token pelacakan tidak valid.' }),
  scores: z.strictObject(
    Object.fromEntries(SKM_ELEMENTS.map((element) => [element, score(element)])) as Record<SkmElement, ReturnType<typeof score>>,
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `Unsur survei tidak dikenal: ${issue.keys.join(', ')}. Unsur yang dinilai: ${SKM_ELEMENTS.join(', ')}.`
          : `Nilai survei wajib diisi untuk unsur ${SKM_ELEMENTS.join(', ')}.`,
    },
  ),
  comment: text('Saran dan masukan', 1, 2000).optional(),
});

/** What a citizen or an officer searches for: any text up to the limit (an empty one finds nothing). */
export const searchQuerySchema = z.object({
  q: z
    .string({ error: 'Teks pencarian (q) harus berupa satu teks.' })
    .max(SEARCH_TEXT_MAX_LENGTH, { error: `Teks pencarian terlalu panjang (paling banyak ${SEARCH_TEXT_MAX_LENGTH} karakter).` }),
});

/**
 * Parses a query string (already split by Strapi's qs) against a schema; a refusal is a 400 naming the
 * first problem.
 */
export function parseQuery<T extends z.ZodType>(schema: T, query: unknown): z.infer<T> {
  const result = schema.safeParse(query ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message }));
  throw new errors.ValidationError(problems[0].message, { errors: problems });
}
