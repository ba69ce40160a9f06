import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CHANNELS, KINDS, SOP_STEPS, LAPOR_CLOCKS, computeIkm, gradeTableByRegulation, totalsOf, SKM_ELEMENTS, type Recap, type SkmElement } from '../../config/src';
import { renderPdf, type ReportIssue } from '../../cms/src/api/recap/exports/pdf';
import { OFFICE_PROFILE } from '../../cms/src/seed/data/office-profile';
import { pdfText } from '../helpers/pdf';
import { pdfPagesAsPng } from '../helpers/pdf-pages';
import { launchChromium } from '../helpers/browser';

const ARTIFACTS = path.resolve(__dirname, '..', '..', 'test-artifacts', 'pdf-layout');
const DAY = 86_400_000;
const GENERATED = new Date('2026-12-01T02:00:00Z');
const ISSUE: ReportIssue = {
  office: { ...OFFICE_PROFILE, signatoryName: 'Drs. Contoh Nama, M.Si.', signatoryRank: 'Pembina Utama Muda (IV/c)', signatoryNip: '196407281991031004', lambangUrl: null },
  lambang: null,
  number: '400.14.4/0001/425.111/2026',
  verifyUrl: 'https://layanan.example.go.id/verifikasi/ABCDEFGHJK',
  filters: '',
  timeZone: 'Asia/Jakarta',
};
const compliance = { applicable: 10, met: 8, late: 1, pending: 1, withinBudget: 0.9 };
const step = <T>(value: () => T) => Object.fromEntries(SOP_STEPS.map((s) => [s, value()])) as Record<(typeof SOP_STEPS)[number], T>;

/** A daily Rekap of 1..`days` November 2026: the last table (a row a day) grows with it. */
function dailyRecap(days: number): Recap {
  const periods = Array.from({ length: days }, (_, i) => {
    const key = `2026-11-${String(i + 1).padStart(2, '0')}`;
    return {
      period: key,
      start: new Date(Date.parse(`${key}T00:00:00+07:00`)).toISOString(),
      end: new Date(Date.parse(`${key}T00:00:00+07:00`) + DAY).toISOString(),
      total: 10 + i,
      channel: { website: 10 + i },
      kind: { information: 10 + i },
      serviceCategory: {},
      status: {},
      outcome: { open: 1, answered: 8 + i, rejected: 1 },
      division: {},
    };
  });
  return {
    range: { from: '2026-11-01', to: periods[days - 1].period, groupBy: 'day', timeZone: 'Asia/Jakarta', start: periods[0].start, end: periods[days - 1].end },
    total: periods.reduce((sum, p) => sum + p.total, 0),
    divisions: [
      { key: 'DAFDUK', documentId: 'a', code: 'DAFDUK', name: 'Bidang Pendaftaran Penduduk' },
      { key: 'none', documentId: null, code: null, name: 'Belum/tanpa Bidang' },
    ],
    periods,
    totals: { channel: Object.fromEntries(CHANNELS.map((c) => [c, 3])), kind: Object.fromEntries(KINDS.map((k) => [k, 5])), serviceCategory: {}, status: {}, outcome: { open: 1, answered: 5, rejected: 1 }, division: { DAFDUK: 4 } },
    compliance: { policies: [{ revision: 1, budgets: { triage: 15, coordination: 60, answer: 60 }, since: null }], overall: step(() => compliance), byDivision: { DAFDUK: step(() => compliance) } },
    durations: step(() => ({ count: 10, median: 12.5, p90: 40 })),
    timeToAnswer: { count: 10, median: 80 },
    openBreaches: { open: 3, breached: 1, overOneWorkingDay: 0, byStep: step(() => 0), byDivision: {} },
    answerDelivery: { overall: { delivered: 5, failed: 0, pending: 1, medianMinutes: 2 }, byChannel: { website: { delivered: 5, failed: 0, pending: 1, medianMinutes: 2 } } },
    lapor: { reports: 2, budgets: { lapor_forwarding: 3, lapor_follow_up: 5, lapor_closure: 10 }, clocks: Object.fromEntries(LAPOR_CLOCKS.map((c) => [c, compliance])) as Recap['lapor']['clocks'] },
  };
}

const IKM = computeIkm(totalsOf([Object.fromEntries(SKM_ELEMENTS.map((e) => [e, 3])) as Record<SkmElement, number>]), gradeTableByRegulation('PermenPAN-RB 14/2017')!);
const dayRow = (day: number) => new RegExp(`\\b${day} November 2026 ${10 + day - 1}\\b`);

describe('the Rekap PDF as printed', () => {
  it.each(Array.from({ length: 16 }, (_, i) => 16 + i))(
    'a daily Rekap of %i days: Indonesian dates, and the table ends with three rows or more beside the signature',
    async (days) => {
      const { pageTexts } = pdfText(await renderPdf(dailyRecap(days), IKM, GENERATED, ISSUE));
      const pages = pageTexts.map((t) => t.replace(/\s+/g, ' '));
      expect(pages.join(' ')).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      const rowsOn = pages.map((text) => Array.from({ length: days }, (_, i) => i + 1).filter((day) => dayRow(day).test(text)));
      expect(rowsOn.flat()).toEqual(Array.from({ length: days }, (_, i) => i + 1));
      const signed = pages.findIndex((text) => text.includes('Drs. Contoh Nama, M.Si.'));
      expect(pages[signed]).toContain('Verifikasi dokumen');
      // The signature page carries the table's last rows; no page of the table holds one or two rows only.
      expect(rowsOn[signed]).toEqual(expect.arrayContaining([days - 2, days - 1, days]));
      for (const rows of rowsOn) if (rows.length > 0) expect([days, rows.length >= 3]).toEqual([days, true]);
      // A page that begins with the table's continuation repeats its header.
      for (const [i, rows] of rowsOn.entries()) {
        if (rows.length > 0 && !rows.includes(1)) expect(pages[i]).toMatch(/Periode Jumlah Belum selesai Dijawab Ditolak/);
      }
    },
    30_000,
  );

  it('draws its pages as a reader sees them (PNG files to look at)', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const chromium = await launchChromium();
    try {
      for (const days of [30, 24]) {
        const pngs = await pdfPagesAsPng(chromium.browser, await renderPdf(dailyRecap(days), IKM, GENERATED, ISSUE));
        pngs.forEach((png, i) => writeFileSync(path.join(ARTIFACTS, `rekap-${days}-hari-${i + 1}.png`), png));
        expect(pngs.length).toBeGreaterThan(1);
      }
    } finally {
      await chromium.close();
    }
  }, 60_000);
});
