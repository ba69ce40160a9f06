import type { Writable } from 'node:stream';
import pdfmake from 'pdfmake';
import { CHANNELS, CHANNEL_LABELS, SOP_STEP_TABLE, type IkmResult } from '@layanan/config';
import type { Recap } from '../services/recap';
import { LETTERHEAD, figureText, isFigure, isLocalDay, summaryTables, type LocalClock, type SummaryCell } from './report';

/** PDF's built-in fonts: nothing to ship or load, and enough for Bahasa Indonesia. */
const HELVETICA = { normal: 'Helvetica', bold: 'Helvetica-Bold', italics: 'Helvetica-Oblique', bolditalics: 'Helvetica-BoldOblique' };
pdfmake.setFonts({ Helvetica: HELVETICA });
// The report embeds only what it draws itself and the built-in fonts: no file or address is read while rendering.
const BUILT_IN = new Set(Object.values(HELVETICA));
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => BUILT_IN.has(path));

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
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${rows.join('')}${target}</svg>`;
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
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${axis}${parts.join('')}</svg>`;
}

const cellText = (value: SummaryCell): string =>
  value === null ? '' : isFigure(value) ? figureText(value) : isLocalDay(value) ? value.day : value instanceof Date ? value.toISOString() : typeof value === 'number' ? number(value) : value;

/** The printable Rekap Informasi: letterhead, period, the summary tables and three charts. */
export function pdfDefinition(recap: Recap, ikm: IkmResult, clock: LocalClock, generatedAt: Date) {
  const tables = summaryTables(recap, ikm);
  // A short table stays on one page with its title, so that a figure is never read apart from its label
  // (the IKM and its grade); a long one (a month of days) flows on, its header repeated.
  const table = (t: (typeof tables)[number]) => ({
    unbreakable: t.rows.length <= SHORT_TABLE_ROWS,
    stack: [
      { text: t.title, style: 'section' },
      {
        table: {
          headerRows: 1,
          widths: t.headers.map((_, i) => (i === 0 ? '*' : 'auto')),
          body: [t.headers.map((h) => ({ text: h, bold: true, fillColor: '#e8eef7' })), ...t.rows.map((row) => row.map((c) => cellText(c)))],
        },
        layout: 'lightHorizontalLines',
        fontSize: 8.5,
        margin: [0, 0, 0, 8],
      },
    ],
  });
  const chart = (title: string, svg: string) => [{ text: title, style: 'section' }, { svg, width: 500, margin: [0, 0, 0, 8] }];
  const channelBars = CHANNELS.map((key) => ({ label: CHANNEL_LABELS[key].id, value: recap.totals.channel[key] ?? 0 }));
  const complianceBars = SOP_STEP_TABLE.map(({ step, number }) => ({
    label: `Langkah ${number}`,
    value: Math.round((recap.compliance.overall[step].withinBudget ?? 0) * 1000) / 10,
  }));
  return {
    pageSize: 'A4',
    pageMargins: [40, 50, 40, 50] as [number, number, number, number],
    info: { title: `Rekap Informasi ${recap.range.from} s.d. ${recap.range.to}`, author: 'Disdukcapil Kota Probolinggo' },
    defaultStyle: { font: 'Helvetica', fontSize: 9 },
    styles: { section: { bold: true, fontSize: 10, margin: [0, 6, 0, 4] } },
    footer: (page: number, pages: number) => ({
      text: `Dibuat ${clock.format(generatedAt)} WIB — halaman ${page} dari ${pages}`,
      alignment: 'center',
      fontSize: 7,
      margin: [0, 20, 0, 0],
    }),
    content: [
      { text: LETTERHEAD.join(' — '), bold: true, fontSize: 11, alignment: 'center' },
      { text: `Periode ${recap.range.from} s.d. ${recap.range.to} (WIB)`, alignment: 'center', margin: [0, 4, 0, 10] },
      ...chart('Jumlah permohonan per periode', periodChartSvg(recap.periods.map((p) => ({ label: p.period, value: p.total })))),
      ...chart('Permohonan per kanal', barChartSvg(channelBars)),
      ...chart('Dalam batas waktu SOP per langkah (%, garis = 100%)', barChartSvg(complianceBars, { unit: '%', max: 100, target: 100 })),
      ...tables.map(table),
    ],
  };
}

export async function writePdf(out: Writable, recap: Recap, ikm: IkmResult, clock: LocalClock, generatedAt: Date) {
  const document = pdfmake.createPdf(pdfDefinition(recap, ikm, clock, generatedAt) as never);
  const stream = (await document.getStream()) as NodeJS.ReadableStream & { end(): void };
  stream.pipe(out);
  stream.end();
}
