import {
  budgetSpans,
  ANSWER_DELIVERY_LABELS,
  CHANNELS,
  CHANNEL_LABELS,
  KINDS,
  KIND_LABELS,
  SERVICE_CATEGORIES,
  SERVICE_CATEGORY_LABELS,
  SKM_ELEMENTS,
  SKM_ELEMENT_LABELS,
  LAPOR_CLOCK_TABLE,
  SOP_STEP,
  SOP_STEPS,
  SOP_STEP_TABLE,
  STATUSES,
  STATUS_LABELS,
  utcOffsetMinutes,
  type AnswerDelivery,
  type AnswerDeliveryFigures,
  type Channel,
  periodInWords,
  type IkmResult,
  type OfficeProfile,
  type Kind,
  type ServiceCategory,
  type Status,
  type SopStep,
} from '@layanan/config';
import type { Recap } from '../services/recap';
import type { DetailRow } from './rows';

export const REPORT_TITLE = 'REKAP INFORMASI';

/** The heading lines of every Rekap Informasi: the Pemda and the Dinas from the Profil Dinas, then the title. */
export const letterheadLines = (office: Pick<OfficeProfile, 'governmentName' | 'officeName'>): string[] => [
  office.governmentName.toUpperCase(),
  office.officeName.toUpperCase(),
  REPORT_TITLE,
];

export type Cell = string | number | Date | null;

/**
 * A measured figure with its unit: a number with a number format in a spreadsheet, so that it can be summed
 * and charted, and Indonesian text on paper. `null` is a figure that cannot be measured (nothing to count).
 */
export interface Figure {
  figure: number | null;
  unit: 'percent' | 'minutes' | 'index' | 'score';
}
/** A day or a month of the office's calendar (`YYYY-MM-DD`, `YYYY-MM`): a date cell in a spreadsheet. */
export interface LocalDay {
  day: string;
}
export type SummaryCell = Cell | Figure | LocalDay;

export interface SummaryTable {
  title: string;
  headers: string[];
  rows: SummaryCell[][];
}

export const isFigure = (cell: SummaryCell): cell is Figure => typeof cell === 'object' && cell !== null && 'unit' in cell;
export const isLocalDay = (cell: SummaryCell): cell is LocalDay => typeof cell === 'object' && cell !== null && 'day' in cell;

/** Decimals of each unit, the same on paper and in the spreadsheet's number format. */
export const FIGURE_DECIMALS: Record<Figure['unit'], number> = { percent: 1, minutes: 1, index: 2, score: 2 };
/** What a figure that cannot be measured shows. */
export const NO_FIGURE = '–';

/** A figure as Indonesian text: comma decimals, "20,0%". */
export function figureText({ figure, unit }: Figure): string {
  if (figure === null) return NO_FIGURE;
  const decimals = FIGURE_DECIMALS[unit];
  const value = unit === 'percent' ? figure * 100 : figure;
  const text = value.toLocaleString('id-ID', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: false });
  return unit === 'percent' ? `${text}%` : text;
}

/** Wall-clock times of the office's zone: an instant shifted by its UTC offset, read as if it were UTC. */
export interface LocalClock {
  shift(at: Date): Date;
  format(at: Date | null): string;
}

/**
 * One offset for the whole report when the zone keeps it over the range (Asia/Jakarta always does), so that
 * a million rows do not each ask Intl for it; a zone that changes offset is asked per instant.
 */
export function localClock(timeZone: string, start: Date, end: Date): LocalClock {
  const fixed = utcOffsetMinutes(start, timeZone) === utcOffsetMinutes(end, timeZone) ? utcOffsetMinutes(start, timeZone) : null;
  const shift = (at: Date) => new Date(at.getTime() + (fixed ?? utcOffsetMinutes(at, timeZone)) * 60_000);
  return {
    shift,
    format: (at) => (at ? shift(at).toISOString().slice(0, 16).replace('T', ' ') : ''),
  };
}

const percent = (share: number | null): Figure => ({ figure: share, unit: 'percent' });
const minutes = (value: number | null): Figure => ({ figure: value, unit: 'minutes' });
/** The step's budget as its requests were judged: "15", or "15 (s.d. 10 Des), 20 (sejak 10 Des)" in the office's zone. */
function budgetText(recap: Recap, step: SopStep): Cell {
  const spans = budgetSpans(recap.compliance.policies, step);
  if (spans.length === 1) return spans[0].minutes;
  const day = (iso: string) => new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'short', timeZone: recap.range.timeZone }).format(new Date(iso));
  return spans.map(({ minutes, since, until }) => (until ? `${minutes} (s.d. ${day(until)})` : `${minutes} (sejak ${day(since!)})`)).join(', ');
}
const share = (count: number, total: number) => (total === 0 ? 0 : count / total);

const channelLabel = (key: string) => CHANNEL_LABELS[key as Channel]?.id ?? key;
const kindLabel = (key: string) => KIND_LABELS[key as Kind]?.id ?? key;
const categoryLabel = (key: string | null) => (key ? (SERVICE_CATEGORY_LABELS[key as ServiceCategory]?.id ?? key) : '');
const statusLabel = (key: string) => STATUS_LABELS[key as Status]?.id ?? key;
const deliveryLabel = (key: string | null) => (key ? (ANSWER_DELIVERY_LABELS[key as AnswerDelivery]?.id ?? key) : '');
const deliveryRow = (label: string, f: AnswerDeliveryFigures): SummaryCell[] => [label, f.delivered, f.failed, f.pending, minutes(f.medianMinutes)];
export const OUTCOME_LABELS: Record<string, string> = { open: 'Belum selesai', answered: 'Dijawab', rejected: 'Ditolak' };

/** Said instead of an index when no citizen rated a request in the period: an IKM of 0 does not exist. */
export const NO_RESPONDENTS = 'Belum ada responden survei kepuasan pada periode ini';

/** The IKM of the period (SKM, PermenPAN-RB 14/2017): the index, its grade, the respondents and each element. */
export function ikmTables(ikm: IkmResult): SummaryTable[] {
  const title = 'Indeks Kepuasan Masyarakat (IKM)';
  if (ikm.respondents === 0 || ikm.ikm === null || !ikm.grade) {
    return [{ title, headers: ['Uraian', 'Nilai'], rows: [['Jumlah responden', 0], ['Nilai IKM', NO_RESPONDENTS]] }];
  }
  return [
    {
      title,
      headers: ['Uraian', 'Nilai'],
      rows: [
        ['Jumlah responden', ikm.respondents],
        ['Nilai IKM (konversi 25–100)', { figure: ikm.ikm, unit: 'index' }],
        ['Mutu pelayanan', ikm.grade.grade],
        ['Kinerja unit pelayanan', ikm.grade.label.id],
        ['Dasar penilaian', ikm.regulation],
      ],
    },
    {
      title: 'Nilai IKM per unsur pelayanan',
      headers: ['Unsur', 'Nama unsur', 'Nilai rata-rata (1–4)', 'Nilai konversi (25–100)'],
      rows: SKM_ELEMENTS.map((element) => [
        element,
        SKM_ELEMENT_LABELS[element].id,
        { figure: ikm.nrr[element], unit: 'score' },
        { figure: ikm.nrr[element] * 25, unit: 'index' },
      ]),
    },
  ];
}

/** The summary figures as tables, shared by the XLSX summary sheet and the PDF. */
export function summaryTables(recap: Recap, ikm: IkmResult): SummaryTable[] {
  const total = recap.total;
  const breakdown = (title: string, header: string, keys: readonly string[], counts: Record<string, number>, label: (key: string) => string) => ({
    title,
    headers: [header, 'Jumlah', 'Persentase'],
    rows: keys.map((key) => [label(key), counts[key] ?? 0, percent(share(counts[key] ?? 0, total))]),
  });
  const divisionName = (key: string) => recap.divisions.find((d) => d.key === key)?.name ?? key;
  return [
    {
      title: 'Ringkasan',
      headers: ['Uraian', 'Nilai'],
      rows: [
        ['Periode', periodInWords(recap.range.from, recap.range.to)],
        ['Jumlah permohonan', total],
        ['Belum selesai', recap.totals.outcome.open ?? 0],
        ['Dijawab', recap.totals.outcome.answered ?? 0],
        ['Ditolak', recap.totals.outcome.rejected ?? 0],
        ['Langkah terbuka yang melewati batas waktu', recap.openBreaches.breached],
      ],
    },
    ...ikmTables(ikm),
    breakdown('Permohonan per kanal', 'Kanal', CHANNELS, recap.totals.channel, channelLabel),
    breakdown('Permohonan per jenis', 'Jenis', KINDS, recap.totals.kind, kindLabel),
    breakdown('Permohonan per kategori layanan', 'Kategori layanan', SERVICE_CATEGORIES, recap.totals.serviceCategory, (k) => categoryLabel(k)),
    breakdown('Permohonan per bidang', 'Bidang', recap.divisions.map((d) => d.key), recap.totals.division, divisionName),
    breakdown('Permohonan per status', 'Status', STATUSES, recap.totals.status, statusLabel),
    {
      title: 'Kepatuhan waktu SOP per langkah',
      headers: ['Langkah', 'Batas (menit kerja)', 'Berlaku', 'Tepat waktu', 'Terlambat', 'Sedang berjalan', 'Dalam batas waktu'],
      rows: SOP_STEPS.map((step) => {
        const c = recap.compliance.overall[step];
        return [SOP_STEP[step].label.id, budgetText(recap, step), c.applicable, c.met, c.late, c.pending, percent(c.withinBudget)];
      }),
    },
    {
      title: 'Kepatuhan waktu SOP per bidang (dalam batas waktu)',
      headers: ['Bidang', ...SOP_STEPS.map((step) => SOP_STEP[step].label.id)],
      rows: Object.entries(recap.compliance.byDivision).map(([key, steps]) => [divisionName(key), ...SOP_STEPS.map((step) => percent(steps[step].withinBudget))]),
    },
    {
      title: 'Lama penanganan per langkah (menit kerja)',
      headers: ['Langkah', 'Jumlah selesai', 'Median', 'Persentil 90'],
      rows: [
        ...SOP_STEPS.map((step): SummaryCell[] => {
          const d = recap.durations[step];
          return [SOP_STEP[step].label.id, d.count, minutes(d.median), minutes(d.p90)];
        }),
        ['Sejak diterima sampai dijawab', recap.timeToAnswer.count, minutes(recap.timeToAnswer.median), ''],
      ],
    },
    {
      title: 'Penyampaian jawaban per kanal',
      headers: ['Kanal', 'Tersampaikan', 'Gagal terkirim', 'Belum tersampaikan', 'Median jawaban sampai tersampaikan (menit)'],
      rows: [
        ...CHANNELS.filter((channel) => recap.answerDelivery.byChannel[channel]).map((channel) => deliveryRow(channelLabel(channel), recap.answerDelivery.byChannel[channel])),
        deliveryRow('Semua kanal', recap.answerDelivery.overall),
      ],
    },
    {
      title: `Kepatuhan tenggat SP4N-LAPOR! (${recap.lapor.reports} laporan)`,
      headers: ['Batas', 'Hari kerja', 'Berlaku', 'Tepat waktu', 'Terlambat', 'Sedang berjalan', 'Dalam batas waktu'],
      rows: LAPOR_CLOCK_TABLE.map(({ clock, label }) => {
        const c = recap.lapor.clocks[clock];
        return [label.id, recap.lapor.budgets[clock], c.applicable, c.met, c.late, c.pending, percent(c.withinBudget)];
      }),
    },
    {
      title: 'Jumlah permohonan per periode',
      headers: ['Periode', 'Jumlah', 'Belum selesai', 'Dijawab', 'Ditolak'],
      rows: recap.periods.map((p) => [{ day: p.period }, p.total, p.outcome.open, p.outcome.answered, p.outcome.rejected]),
    },
  ];
}

export interface DetailColumn {
  header: string;
  width: number;
  kind?: 'time' | 'minutes';
  value: (row: DetailRow) => Cell;
}

const yesNo = (value: boolean) => (value ? 'Ya' : 'Tidak');

/** The detail sheet and the CSV: one row per inquiry, headers in Indonesian, personal data masked. */
export const DETAIL_COLUMNS: DetailColumn[] = [
  { header: 'Kode', width: 17, value: (r) => r.code },
  { header: 'Diterima (WIB)', width: 17, kind: 'time', value: (r) => r.receivedAt },
  { header: 'Jenis', width: 11, value: (r) => kindLabel(r.kind) },
  { header: 'Kanal', width: 17, value: (r) => channelLabel(r.channel) },
  { header: 'Kategori layanan', width: 22, value: (r) => categoryLabel(r.serviceCategory) },
  { header: 'Perihal', width: 40, value: (r) => r.subject },
  { header: 'Nama pemohon', width: 22, value: (r) => r.applicantName },
  { header: 'NIK', width: 18, value: (r) => r.applicantNik },
  { header: 'Telepon', width: 16, value: (r) => r.applicantPhone },
  { header: 'E-mail', width: 26, value: (r) => r.applicantEmail },
  { header: 'Bidang', width: 26, value: (r) => r.division },
  { header: 'Status', width: 15, value: (r) => statusLabel(r.status) },
  { header: 'Hasil', width: 13, value: (r) => OUTCOME_LABELS[r.outcome ?? 'open'] },
  { header: 'Dijawab langsung', width: 10, value: (r) => yesNo(r.directAnswer) },
  { header: 'Dipilah (WIB)', width: 17, kind: 'time', value: (r) => r.triagedAt },
  { header: 'Dikoordinasikan (WIB)', width: 17, kind: 'time', value: (r) => r.coordinatedAt },
  { header: 'Dijawab (WIB)', width: 17, kind: 'time', value: (r) => r.answeredAt },
  { header: 'Ditutup (WIB)', width: 17, kind: 'time', value: (r) => r.closedAt },
  ...SOP_STEP_TABLE.map(({ step, number }): DetailColumn => ({
    header: `Langkah ${number} (menit kerja)`,
    width: 12,
    kind: 'minutes',
    value: (r) => r.steps[step].minutes,
  })),
  ...SOP_STEP_TABLE.map(({ step, number }): DetailColumn => ({ header: `Langkah ${number} terlambat`, width: 10, value: (r) => yesNo(r.steps[step].breached) })),
  { header: 'Nomor referensi', width: 18, value: (r) => r.externalRef },
  { header: 'Penyampaian jawaban', width: 20, value: (r) => deliveryLabel(r.answerDelivery) },
  { header: 'Jawaban tersampaikan (WIB)', width: 17, kind: 'time', value: (r) => r.answerDeliveredAt },
];

export function fileName(recap: Recap, extension: string): string {
  return `rekap-informasi_${recap.range.from}_${recap.range.to}.${extension}`;
}
