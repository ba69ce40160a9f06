import {
  CHANNELS,
  CHANNEL_LABELS,
  SOP_STEP_TABLE,
  dateInWords,
  dateTimeInWords,
  localDateKey,
  officeContactLine,
  periodInWords,
  periodKeyInWords,
  periodKeyShort,
  signatureBlock,
  timeInWords,
  type IkmResult,
  type OfficeProfile,
  type GroupBy,
  type PaperSize,
} from '@layanan/config';
import pdfmake from 'pdfmake';
import type { Recap } from '../services/recap';
import { REPORT_TITLE, figureText, isFigure, isLocalDay, summaryTables, type SummaryCell } from './report';

/**
 * Arimo (OFL) has Arial's metrics: the Permendagri 1/2023 asks for Arial 12 in reports, and the font ships
 * with the product (an npm package) so the PDF looks the same on any server.
 */
const arimo = (weight: 400 | 700, style: 'normal' | 'italic') => require.resolve(`@fontsource/arimo/files/arimo-latin-${weight}-${style}.woff`);
const ARIMO = { normal: arimo(400, 'normal'), bold: arimo(700, 'normal'), italics: arimo(400, 'italic'), bolditalics: arimo(700, 'italic') };
pdfmake.setFonts({ Arimo: ARIMO });
// The report embeds only what it draws itself, its font and the lambang it is handed: no file or address is read otherwise.
const FONT_FILES = new Set(Object.values(ARIMO));
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => FONT_FILES.has(path));

const CM = 72 / 2.54;
/** A4, or F4 (215 × 330 mm) where the local Perwali asks for it. */
const PAGE_SIZES: Record<PaperSize, string | { width: number; height: number }> = { A4: 'A4', F4: { width: 215 * (CM / 10), height: 330 * (CM / 10) } };
const PAGE_WIDTH: Record<PaperSize, number> = { A4: 595.28, F4: 215 * (CM / 10) };
/** Left 3 cm, top 2 cm, right 2 cm, bottom 2.5 cm (ANRI practice, Permendagri 1/2023 Pasal 34). */
const MARGINS: [number, number, number, number] = [3 * CM, 2 * CM, 2 * CM, 2.5 * CM];
const LAMBANG_HEIGHT = 2.3 * CM;

interface Bar {
  label: string;
  value: number;
}

const INK = '#1f3b63';
/** Tables up to this many rows are not split across pages. */
const SHORT_TABLE_ROWS = 15;
const LATE = '#b23b3b';
const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const number = (value: number) => value.toLocaleString('id-ID');

/** A horizontal bar chart as SVG (pdfmake draws it as vectors): readable in print, no raster. */
export function barChartSvg(bars: Bar[], options: { width?: number; unit?: string; target?: number; max?: number } = {}): string {
  const width = options.width ?? 500;
  const labelWidth = 170;
  const rowHeight = 18;
  const height = bars.length * rowHeight + 8;
  const max = Math.max(options.max ?? 0, ...bars.map((b) => b.value), 1);
  const scale = (width - labelWidth - 70) / max;
  const rows = bars.map((bar, i) => {
    const y = 4 + i * rowHeight;
    const length = Math.max(bar.value * scale, bar.value > 0 ? 1 : 0);
    return [
      `<text x="${labelWidth - 6}" y="${y + 12}" font-size="9" text-anchor="end" fill="#222">${escapeXml(bar.label)}</text>`,
      `<rect x="${labelWidth}" y="${y + 2}" width="${length.toFixed(1)}" height="${rowHeight - 6}" fill="${INK}"/>`,
      `<text x="${(labelWidth + length + 4).toFixed(1)}" y="${y + 12}" font-size="9" fill="#222">${escapeXml(number(bar.value))}${options.unit ?? ''}</text>`,
    ].join('');
  });
  const target =
    options.target === undefined
      ? ''
      : `<line x1="${labelWidth + options.target * scale}" y1="0" x2="${labelWidth + options.target * scale}" y2="${height}" stroke="${LATE}" stroke-width="1" stroke-dasharray="3,2"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" font-family="Arimo" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${rows.join('')}${target}</svg>`;
}

/** Vertical bars per period; labels thinned out so that a month of days stays legible. */
export function periodChartSvg(bars: Bar[], width = 500): string {
  const height = 150;
  const bottom = height - 22;
  const max = Math.max(...bars.map((b) => b.value), 1);
  const step = (width - 50) / Math.max(bars.length, 1);
  const every = Math.ceil(bars.length / 12);
  const parts = bars.map((bar, i) => {
    const h = (bar.value / max) * (bottom - 14);
    const x = 30 + i * step;
    const label = i % every === 0 ? `<text x="${(x + step / 2).toFixed(1)}" y="${height - 8}" font-size="7" text-anchor="middle" fill="#222">${escapeXml(bar.label)}</text>` : '';
    return `<rect x="${(x + step * 0.1).toFixed(1)}" y="${(bottom - h).toFixed(1)}" width="${(step * 0.8).toFixed(1)}" height="${h.toFixed(1)}" fill="${INK}"/>${label}`;
  });
  const axis = `<line x1="28" y1="${bottom}" x2="${width}" y2="${bottom}" stroke="#888" stroke-width="0.5"/><text x="24" y="18" font-size="7" text-anchor="end" fill="#222">${number(max)}</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" font-family="Arimo" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${axis}${parts.join('')}</svg>`;
}

/** A cell as a reader of the printed report reads it: Indonesian numbers, periods and dates in words. */
const cellText = (value: SummaryCell, groupBy: GroupBy, timeZone: string): string =>
  value === null
    ? ''
    : isFigure(value)
      ? figureText(value)
      : isLocalDay(value)
        ? periodKeyInWords(value.day, groupBy)
        : value instanceof Date
          ? dateTimeInWords(value, timeZone)
          : typeof value === 'number'
            ? number(value)
            : value;

/** What the report says about itself beyond its figures: who issued it, its number, and where to verify it. */
export interface ReportIssue {
  office: OfficeProfile;
  /** The lambang as a data URL (PNG or JPEG), or null to draw the kop without it. */
  lambang: string | null;
  number: string | null;
  /** The public page that checks this file: `<site>/verifikasi/<id>`. */
  verifyUrl: string;
  /** "Kanal: WhatsApp; Bidang: …", or empty for the whole office. */
  filters: string;
  timeZone: string;
}

/** Kop naskah dinas: lambang left, the Pemda and the Dinas centred (about 3:4), address and contacts, a double rule. */
function kop(office: OfficeProfile, lambang: string | null, textWidth: number) {
  const addressLine = [office.address, office.postcode && `Kode Pos ${office.postcode}`].filter(Boolean).join(' ');
  const lines = {
    stack: [
      { text: office.governmentName.toUpperCase(), fontSize: 13 },
      { text: office.officeName.toUpperCase(), fontSize: 17, bold: true },
      ...(addressLine ? [{ text: addressLine, fontSize: 10 }] : []),
      ...(officeContactLine(office) ? [{ text: officeContactLine(office), fontSize: 10 }] : []),
    ],
    alignment: 'center',
    margin: lambang ? [0, 0, LAMBANG_HEIGHT * 0.6, 0] : [0, 0, 0, 0],
  };
  const rule = { canvas: [
    { type: 'line', x1: 0, y1: 0, x2: textWidth, y2: 0, lineWidth: 1.5 },
    { type: 'line', x1: 0, y1: 2.5, x2: textWidth, y2: 2.5, lineWidth: 0.5 },
  ], margin: [0, 6, 0, 0] };
  const heading = lambang ? { columns: [{ image: lambang, fit: [LAMBANG_HEIGHT, LAMBANG_HEIGHT], width: LAMBANG_HEIGHT }, { ...lines, width: '*' }], columnGap: 8 } : lines;
  return [heading, rule];
}

/** Pasal 44: place and date, jabatan (a.n./Plt./Plh.), room to sign, name with titles underlined and bold, pangkat, NIP. */
function signature(issue: ReportIssue, generatedAt: Date) {
  const block = signatureBlock(issue.office);
  return {
    unbreakable: true,
    columns: [
      { width: '*', text: '' },
      {
        width: '50%',
        stack: [
          { text: `${issue.office.city}, ${dateInWords(localDateKey(generatedAt, issue.timeZone))}` },
          ...block.positionLines.map((text) => ({ text })),
          { text: ' ', margin: [0, 0, 0, 48] },
          { text: block.name || ' ', bold: true, decoration: block.name ? 'underline' : undefined },
          ...(block.rank ? [{ text: block.rank }] : []),
          ...(block.nip ? [{ text: block.nip }] : []),
        ],
      },
    ],
    margin: [0, 18, 0, 0],
  };
}

/** The QR code and the short address a reader uses to check the file against the Dinas's register. */
function verification(issue: ReportIssue, generatedAt: Date) {
  return {
    unbreakable: true,
    columns: [
      { qr: issue.verifyUrl, fit: 72, width: 80 },
      {
        width: '*',
        fontSize: 9,
        stack: [
          { text: 'Verifikasi dokumen', bold: true },
          { text: `Dibuat oleh sistem Layanan Informasi pada ${dateInWords(localDateKey(generatedAt, issue.timeZone))} pukul ${timeInWords(generatedAt, issue.timeZone)}.` },
          { text: 'Pindai kode QR atau buka alamat berikut, lalu unggah berkas ini untuk memastikan isinya tidak berubah:' },
          { text: issue.verifyUrl, bold: true },
        ],
      },
    ],
    columnGap: 8,
    margin: [0, 24, 0, 0],
  };
}

/**
 * How the last table meets the signature: its last `carried` rows (at least three) are drawn as a block with the
 * signature and the verification note, so neither is ever alone on a page, and the table never ends with one or
 * two rows on a page of their own; `repeatHeader` when that block starts a page (it then carries the header).
 */
export interface Ending {
  carried: number;
  repeatHeader: boolean;
}

/** Rows the closing block carries at the least: a table's last page never holds fewer. */
const CLOSING_ROWS = 3;
/** Ids the layout reports pages for (see renderPdf): each row of the last table. */
const rowId = (index: number) => `row-${index}`;

/** The printable Rekap Informasi as a naskah dinas (laporan): kop, title and period, the figures, the signature. */
export function pdfDefinition(recap: Recap, ikm: IkmResult, generatedAt: Date, issue: ReportIssue, ending: Ending = { carried: CLOSING_ROWS, repeatHeader: false }) {
  const paper = issue.office.paperSize;
  const textWidth = PAGE_WIDTH[paper] - MARGINS[0] - MARGINS[2];
  const groupBy = recap.range.groupBy;
  const tables = summaryTables(recap, ikm);
  const text = (c: SummaryCell) => cellText(c, groupBy, issue.timeZone);
  const headerRow = (t: (typeof tables)[number]) => t.headers.map((h) => ({ text: h, bold: true, fillColor: '#e8eef7' }));
  const grid = (t: (typeof tables)[number], rows: SummaryCell[][], options: { header: boolean; widths: (string | number)[]; firstRow?: number }) => ({
    table: {
      headerRows: options.header ? 1 : 0,
      keepWithHeaderRows: options.header ? CLOSING_ROWS : 0,
      dontBreakRows: true,
      widths: options.widths,
      body: [
        ...(options.header ? [headerRow(t)] : []),
        ...rows.map((row, r) => row.map((c, i) => (i === 0 && options.firstRow !== undefined ? { text: text(c), id: rowId(options.firstRow + r) } : text(c)))),
      ],
    },
    layout: 'lightHorizontalLines',
    fontSize: 10,
    margin: [0, 0, 0, 8],
  });
  // A short table stays on one page with its title, so that a figure is never read apart from its label
  // (the IKM and its grade); a long one flows on, its header repeated and never left without three rows.
  const table = (t: (typeof tables)[number]) => ({
    unbreakable: t.rows.length <= SHORT_TABLE_ROWS,
    stack: [{ text: t.title, style: 'section' }, grid(t, t.rows, { header: true, widths: t.headers.map((_, i) => (i === 0 ? '*' : 'auto')) })],
  });
  const last = tables[tables.length - 1];
  // The last table in two parts that must line up: fixed widths for every column but the first.
  const column = Math.min(80, Math.floor((textWidth * 0.6) / Math.max(last.headers.length - 1, 1)));
  const widths = last.headers.map((_, i) => (i === 0 ? '*' : column));
  const carried = last.rows.length <= SHORT_TABLE_ROWS ? last.rows.length : Math.min(ending.carried, last.rows.length);
  const flowing = last.rows.slice(0, last.rows.length - carried);
  const closingRows = last.rows.slice(last.rows.length - carried);
  const whole = flowing.length === 0;
  const closing = {
    unbreakable: true,
    stack: [
      ...(whole ? [{ text: last.title, style: 'section' }] : ending.repeatHeader ? [{ text: `${last.title} (lanjutan)`, style: 'section' }] : []),
      ...(closingRows.length ? [grid(last, closingRows, { header: whole || ending.repeatHeader, widths, firstRow: flowing.length })] : []),
      signature(issue, generatedAt),
      verification(issue, generatedAt),
    ],
  };
  const chart = (title: string, svg: string) => ({ unbreakable: true, stack: [{ text: title, style: 'section' }, { svg, width: textWidth, margin: [0, 0, 0, 8] }] });
  const channelBars = CHANNELS.map((key) => ({ label: CHANNEL_LABELS[key].id, value: recap.totals.channel[key] ?? 0 }));
  const complianceBars = SOP_STEP_TABLE.map(({ step, number }) => ({
    label: `Langkah ${number}`,
    value: Math.round((recap.compliance.overall[step].withinBudget ?? 0) * 1000) / 10,
  }));
  const period = periodInWords(recap.range.from, recap.range.to);
  return {
    pageSize: PAGE_SIZES[paper],
    pageMargins: MARGINS,
    info: {
      title: `Rekap Informasi ${period}`,
      author: issue.office.shortName,
      subject: issue.number ? `Nomor ${issue.number}` : undefined,
      creationDate: generatedAt,
    },
    defaultStyle: { font: 'Arimo', fontSize: 12, lineHeight: 1.1 },
    styles: { section: { bold: true, fontSize: 12, margin: [0, 8, 0, 4] } },
    // Page numbers centred at the top with a dash either side, from the second page on.
    header: (page: number) => (page > 1 ? { text: `- ${page} -`, alignment: 'center', fontSize: 12, margin: [0, 1.2 * CM, 0, 0] } : null),
    footer: () => ({ text: `Verifikasi: ${issue.verifyUrl}`, alignment: 'right', fontSize: 8, color: '#444', margin: [MARGINS[0], 0.9 * CM, MARGINS[2], 0] }),
    content: [
      ...kop(issue.office, issue.lambang, textWidth),
      { text: REPORT_TITLE, bold: true, alignment: 'center', margin: [0, 14, 0, 0] },
      { text: period, bold: true, alignment: 'center' },
      ...(issue.number ? [{ text: `Nomor: ${issue.number}`, alignment: 'center' }] : []),
      ...(issue.filters ? [{ text: issue.filters, alignment: 'center', fontSize: 10 }] : []),
      { text: `Waktu dalam WIB; data per ${dateInWords(localDateKey(generatedAt, issue.timeZone))} pukul ${timeInWords(generatedAt, issue.timeZone)}.`, alignment: 'center', fontSize: 10, margin: [0, 2, 0, 10] },
      chart('Jumlah permohonan per periode', periodChartSvg(recap.periods.map((p) => ({ label: periodKeyShort(p.period, groupBy), value: p.total })))),
      chart('Permohonan per kanal', barChartSvg(channelBars)),
      chart('Dalam batas waktu SOP per langkah (%, garis = 100%)', barChartSvg(complianceBars, { unit: '%', max: 100, target: 100 })),
      ...tables.slice(0, -1).map(table),
      ...(whole ? [] : [{ stack: [{ text: last.title, style: 'section' }, grid(last, flowing, { header: true, widths, firstRow: 0 })] }]),
      closing,
    ],
  };
}

interface LaidOut {
  id?: string;
  pageNumbers: number[];
}

/**
 * The whole file at once: its SHA-256 goes into the register before it is handed out. Laid out until the
 * ending holds (at most a few passes): when the closing block starts a new page it repeats the table's header,
 * and takes along the one or two rows that would otherwise end the table alone on the page before.
 */
export async function renderPdf(recap: Recap, ikm: IkmResult, generatedAt: Date, issue: ReportIssue): Promise<Buffer> {
  let ending: Ending = { carried: CLOSING_ROWS, repeatHeader: false };
  for (let pass = 0; ; pass += 1) {
    const pages = new Map<string, number>();
    const definition = {
      ...pdfDefinition(recap, ikm, generatedAt, issue, ending),
      // Only watches where the marked lines fell: it never asks for a break itself.
      pageBreakBefore: (node: LaidOut) => {
        if (node.id) pages.set(node.id, node.pageNumbers[0]);
        return false;
      },
    };
    const file = (await pdfmake.createPdf(definition as never).getBuffer()) as Buffer;
    const next = nextEnding(ending, pages, summaryTables(recap, ikm).at(-1)!.rows.length);
    if (pass >= 3 || (next.carried === ending.carried && next.repeatHeader === ending.repeatHeader)) return file;
    ending = next;
  }
}

/** From where the last table's rows fell (row-0 … row-(total-1)), the ending the next pass draws. */
function nextEnding(ending: Ending, pages: Map<string, number>, total: number): Ending {
  const flowing = total - ending.carried;
  if (flowing <= 0 || total <= SHORT_TABLE_ROWS) return ending;
  const pageOf = (index: number) => pages.get(rowId(index)) ?? 0;
  const lastPage = pageOf(flowing - 1);
  if (pageOf(flowing) <= lastPage) return { ...ending, repeatHeader: false };
  // The closing block went over: the rows left alone on the page before go with it.
  let alone = 0;
  while (alone < flowing && pageOf(flowing - 1 - alone) === lastPage) alone += 1;
  const startedEarlier = alone < flowing;
  return { carried: ending.carried + (alone < CLOSING_ROWS && startedEarlier ? alone : 0), repeatHeader: true };
}
