import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'qs';
import type { Response } from 'supertest';
import { bootApp, createTestDatabase, databases, type TestApp, type TestDatabase } from '../helpers/strapi';
import { buildOfficerInquiry, buildPublicInquiry, createStaff, divisionId, type Staff } from '../helpers/builders';
import { SKM_ELEMENTS, mulberry32 } from '@layanan/config';
import { generateInquiries, insertInquiries } from '../helpers/recap';
import { pdfText } from '../helpers/pdf';

/** The Rekap's heading rows in the spreadsheet, from the seeded Profil Dinas. */
const LETTERHEAD = 'PEMERINTAH KOTA PROBOLINGGO — DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL — REKAP INFORMASI';
const MINUTE = 60_000;

/** Monday 2 March 2026, 09:00 WIB. */
const MONDAY_0900 = new Date('2026-03-02T02:00:00Z');
const NOW = new Date('2026-04-06T03:00:00Z');

/** Personal data of the applicants recorded below; none of it may appear whole in a report. */
const APPLICANTS = [
  { name: 'Budi Santoso', nik: '3574011203900002', phone: '+6281298765432' },
  { name: 'Siti Rahayu Wulandari', nik: '3574024501850003', phone: '+6285233445566' },
  { name: 'Agus Prasetyo', nik: '3574031709770001', phone: '+6281377889900' },
];
const PERSONAL = [
  ...APPLICANTS.flatMap((a) => [a.name, a.nik, a.phone, a.phone.replace('+62', '0')]),
  ...Object.values(buildPublicInquiry().data.applicant),
];

/** The nine answers U1..U9 in order. */
const scores = (...values: number[]) => Object.fromEntries(SKM_ELEMENTS.map((element, i) => [element, values[i]]));
/**
 * Two citizens rate their answers in March: 33 and 27 points over nine elements each, so the index is
 * 60 / 18 = 3,333 and the IKM 83,33: mutu B, Baik (76,61–88,30). U1 averages (4 + 3) / 2 = 3,5, U3 3,0.
 */
const RATINGS = [scores(4, 4, 3, 4, 3, 4, 4, 3, 4), scores(3, 3, 3, 3, 3, 3, 3, 3, 3)];
/** Wednesday 11 March 2026, 10:00 WIB. */
const RATED_AT = new Date('2026-03-11T03:00:00Z');
/** What a citizen at the counter said about themselves, taken down word for word as the subject. */
const ownWords = (a: (typeof APPLICANTS)[number]) => `Tanya ${a.name}: NIK saya ${a.nik} dan HP ${a.phone.replace('+62', '0')}`;

function binary(res: Response, callback: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

describe.each(databases())('the monthly Rekap Informasi report on %s', (kind) => {
  let db: TestDatabase;
  let app: TestApp;
  let officer: Staff;
  let leadership: Staff;
  let now = MONDAY_0900;
  let recap: {
    total: number;
    totals: { channel: Record<string, number>; outcome: Record<string, number> };
    durations: Record<string, { median: number | null }>;
    timeToAnswer: { count: number; median: number | null };
    answerDelivery: { overall: { delivered: number; failed: number; pending: number; medianMinutes: number | null }; byChannel: Record<string, { delivered: number }> };
    lapor: { reports: number; clocks: Record<string, { applicable: number; met: number; late: number; pending: number }> };
  };
  const march = { from: '2026-03-01', to: '2026-03-31' };

  const download = (format: string, who: Staff = officer, query: Record<string, string> = march) =>
    app.http.get(`/api/recap/export?${stringify({ ...query, format })}`).set(who.auth).buffer(true).parse(binary);

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    app = await bootApp(db);
    app.strapi.plugin('sop-workflow').service('clock').use(() => now);
    officer = await createStaff(app, 'officer');
    leadership = await createStaff(app, 'leadership');
    // Three requests recorded at the counter, handled through the SOP: routed, coordinated, answered.
    for (const [i, applicant] of APPLICANTS.entries()) {
      now = new Date(MONDAY_0900.getTime() + i * 24 * 60 * MINUTE);
      const created = await app.http.post('/api/inquiries').set(officer.auth).send(buildOfficerInquiry({ applicant, subject: ownWords(applicant) })).expect(201);
      const id = created.body.data.documentId;
      now = new Date(now.getTime() + 10 * MINUTE);
      await app.http.post(`/api/inquiries/${id}/triage`).set(officer.auth).send({ data: { division: await divisionId(app.strapi, 'DAFDUK') } }).expect(200);
      now = new Date(now.getTime() + 40 * MINUTE);
      await app.http.post(`/api/inquiries/${id}/coordinate`).set(officer.auth).send({ data: { information: 'Sudah dicetak.' } }).expect(200);
      // Agus's answer takes twenty and a half minutes: a duration with a fraction, for the decimal mark.
      now = new Date(now.getTime() + (i === 2 ? 20.5 : 20) * MINUTE);
      await app.http.post(`/api/inquiries/${id}/answer`).set(officer.auth).send({ data: { answer: 'Silakan diambil di loket.' } }).expect(200);
    }
    // Two citizens ask on the website, get an answer at once, and rate it.
    for (const [i, rating] of RATINGS.entries()) {
      now = new Date(RATED_AT.getTime() + i * 60 * MINUTE);
      const asked = await app.http.post('/api/public/inquiries').send(buildPublicInquiry()).expect(201);
      const { code, trackingToken } = asked.body.data;
      const row = await app.strapi.db.query('api::inquiry.inquiry').findOne({ where: { code } });
      now = new Date(now.getTime() + 5 * MINUTE);
      await app.http.post(`/api/inquiries/${row.documentId}/answer`).set(officer.auth).send({ data: { answer: 'Syaratnya fotokopi KK.' } }).expect(200);
      now = new Date(now.getTime() + 30 * MINUTE);
      await app.http.post('/api/public/surveys').send({ data: { code, token: trackingToken, scores: rating } }).expect(201);
    }
    now = NOW;
    await insertInquiries(app.strapi, generateInquiries(mulberry32(11), 150, new Date('2026-02-25T00:00:00Z'), new Date('2026-04-05T00:00:00Z'), NOW, ['DAFDUK', 'CAPIL']));
    recap = (await app.http.get(`/api/recap?${stringify({ ...march, groupBy: 'week' })}`).set(officer.auth).expect(200)).body.data;
  });
  afterAll(async () => {
    await app?.stop();
    await db?.drop();
  });

  describe('as Excel', () => {
    let workbook: ExcelJS.Workbook;
    let res: Response;
    beforeAll(async () => {
      res = await download('xlsx');
      workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.body as never);
    });

    it('is an attachment named after the period', () => {
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      expect(res.headers['content-disposition']).toBe('attachment; filename="rekap-informasi_2026-03-01_2026-03-31.xlsx"');
    });

    it('opens with the letterhead and a summary that matches the recap', () => {
      const summary = workbook.getWorksheet('Ringkasan')!;
      const values = (row: number) => (summary.getRow(row).values as ExcelJS.CellValue[]).slice(1);
      expect([values(1)[0], values(2)[0], values(3)[0]].join(' — ')).toBe(LETTERHEAD);
      expect(String(values(4)[0])).toContain('2026-03-01 s.d. 2026-03-31');
      const rows: ExcelJS.CellValue[][] = [];
      summary.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
      expect(rows).toContainEqual(['Jumlah permohonan', recap.total]);
      expect(rows).toContainEqual(['WhatsApp', recap.totals.channel.whatsapp, recap.totals.channel.whatsapp / recap.total]);
      expect(rows).toContainEqual(['Ditolak', recap.totals.outcome.rejected]);
      const { delivered, failed, pending, medianMinutes } = recap.answerDelivery.overall;
      expect(rows).toContainEqual(['Penyampaian jawaban per kanal']);
      expect(rows).toContainEqual(['Semua kanal', delivered, failed, pending, medianMinutes]);
      expect(rows).toContainEqual(['E-mail', recap.answerDelivery.byChannel.email.delivered, expect.any(Number), expect.any(Number), expect.anything()]);
      const forwarding = recap.lapor.clocks.lapor_forwarding;
      expect(rows).toContainEqual([`Kepatuhan tenggat SP4N-LAPOR! (${recap.lapor.reports} laporan)`]);
      expect(rows).toContainEqual(['LAPOR!: verifikasi dan penerusan', 3, forwarding.applicable, forwarding.met, forwarding.late, forwarding.pending, expect.anything()]);
      expect(summary.views[0]).toMatchObject({ state: 'frozen' });
    });

    /** The first row of the summary sheet whose first cell reads `label`. */
    const summaryRow = (label: string) => {
      let found: ExcelJS.Row | undefined;
      workbook.getWorksheet('Ringkasan')!.eachRow((row) => {
        if (!found && row.getCell(1).value === label) found = row;
      });
      return found!;
    };

    it('stores shares as numbers with a percent format and durations as numbers, never as text', () => {
      const whatsapp = summaryRow('WhatsApp').getCell(3);
      expect(whatsapp.value).toBe(recap.totals.channel.whatsapp / recap.total);
      expect(whatsapp.numFmt).toBe('0.0%');
      const median = summaryRow('Semua kanal').getCell(5);
      expect(median.value).toBe(recap.answerDelivery.overall.medianMinutes);
      expect(median.numFmt).toBe('0.0');
      const toAnswer = summaryRow('Sejak diterima sampai dijawab');
      expect(recap.timeToAnswer.count).toBeGreaterThan(0);
      expect([toAnswer.getCell(2).value, toAnswer.getCell(3).value, toAnswer.getCell(3).numFmt]).toEqual([recap.timeToAnswer.count, recap.timeToAnswer.median, '0.0']);
      const percentCells: ExcelJS.Cell[] = [];
      workbook.getWorksheet('Ringkasan')!.eachRow((row) =>
        row.eachCell((cell) => {
          expect(String(cell.value)).not.toMatch(/^\d+(,\d+)?%$/);
          if (cell.numFmt === '0.0%') percentCells.push(cell);
        }),
      );
      expect(percentCells.length).toBeGreaterThan(10);
      for (const cell of percentCells) expect(typeof cell.value).toBe('number');
    });

    it('dates the periods as Excel dates, not as text', () => {
      let header = 0;
      workbook.getWorksheet('Ringkasan')!.eachRow((row, n) => {
        if (row.getCell(1).value === 'Periode' && row.getCell(2).value === 'Jumlah') header = n;
      });
      const first = workbook.getWorksheet('Ringkasan')!.getRow(header + 1).getCell(1);
      expect(first.value).toEqual(new Date('2026-03-01T00:00:00Z'));
      expect(first.numFmt).toBe('dd/mm/yyyy');
    });

    it('carries the IKM of the period: the value, its grade, the respondents and each element by name', () => {
      expect(summaryRow('Indeks Kepuasan Masyarakat (IKM)')).toBeDefined();
      expect(summaryRow('Jumlah responden').getCell(2).value).toBe(2);
      const value = summaryRow('Nilai IKM (konversi 25–100)').getCell(2);
      expect(value.value).toBe(83.33);
      expect(value.numFmt).toBe('0.00');
      expect(summaryRow('Mutu pelayanan').getCell(2).value).toBe('B');
      expect(summaryRow('Kinerja unit pelayanan').getCell(2).value).toBe('Baik');
      expect(summaryRow('Dasar penilaian').getCell(2).value).toBe('PermenPAN-RB 14/2017');
      const element = (code: string) => (summaryRow(code).values as ExcelJS.CellValue[]).slice(1);
      expect(element('U1')).toEqual(['U1', 'Persyaratan', 3.5, 87.5]);
      expect(element('U3')).toEqual(['U3', 'Waktu penyelesaian', 3, 75]);
      expect(element('U9')).toEqual(['U9', 'Sarana dan prasarana', 3.5, 87.5]);
      expect(summaryRow('U4').getCell(3).numFmt).toBe('0.00');
    });

    it('says in words that nobody rated when the filters leave no respondent', async () => {
      const filtered = new ExcelJS.Workbook();
      await filtered.xlsx.load((await download('xlsx', officer, { ...march, channel: 'whatsapp' })).body as never);
      const rows: ExcelJS.CellValue[][] = [];
      filtered.getWorksheet('Ringkasan')!.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
      expect(rows).toContainEqual(['Jumlah responden', 0]);
      expect(rows).toContainEqual(['Nilai IKM', 'Belum ada responden survei kepuasan pada periode ini']);
      expect(rows.find((row) => row[0] === 'Mutu pelayanan' || row[0] === 'U1')).toBeUndefined();
    });

    it('lists every inquiry of the period on the detail sheet, under a frozen Indonesian header, with column widths', () => {
      const detail = workbook.getWorksheet('Rincian')!;
      expect(detail.rowCount - 1).toBe(recap.total);
      expect((detail.getRow(1).values as ExcelJS.CellValue[]).slice(1, 6)).toEqual(['Kode', 'Diterima (WIB)', 'Jenis', 'Kanal', 'Kategori layanan']);
      expect(detail.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(detail.getColumn(1).width).toBe(17);
      expect(detail.getColumn(6).width).toBe(40);
    });

    /** Budi Santoso's request: recorded Monday 2 March 09:00 WIB, then 10, 40 and 20 working minutes per step. */
    const budiRow = () => {
      const detail = workbook.getWorksheet('Rincian')!;
      let found = 0;
      detail.eachRow((row, n) => {
        if (row.getCell(7).value === 'B*** S******') found = n;
      });
      return detail.getRow(found);
    };

    it('shows times as WIB wall clock and working minutes per step', () => {
      const first = (budiRow().values as ExcelJS.CellValue[]).slice(1);
      // Received Monday 2 March 09:00 WIB: Excel shows 09:00, not the 02:00 UTC it is stored as.
      expect(first[1]).toEqual(new Date('2026-03-02T09:00:00Z'));
      expect(first[14]).toEqual(new Date('2026-03-02T09:10:00Z'));
      expect(first[18]).toBeCloseTo(10, 6);
      expect(first[19]).toBeCloseTo(40, 6);
      expect(first[20]).toBeCloseTo(20, 6);
      expect(budiRow().getCell(2).numFmt).toBe('dd/mm/yyyy hh:mm');
    });

    it('masks the applicants\' personal data', () => {
      const first = (budiRow().values as ExcelJS.CellValue[]).slice(1);
      expect(first.slice(6, 9)).toEqual(['B*** S******', '357401********02', '+6281*******32']);
      const everything: string[] = [];
      workbook.eachSheet((sheet) => sheet.eachRow((row) => everything.push(JSON.stringify(row.values))));
      for (const secret of PERSONAL) expect(everything.join('\n')).not.toContain(secret);
    });
  });

  describe('as CSV', () => {
    let res: Response;
    let rows: string[][];
    beforeAll(async () => {
      res = await download('csv');
      rows = parse((res.body as Buffer).toString('utf8'), { bom: true, delimiter: ';' }) as string[][];
    });

    it('is UTF-8 with a byte order mark, so Excel reads it right', () => {
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect([...(res.body as Buffer).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    });

    it('separates with semicolons and writes decimals with a comma, as Indonesian-locale Excel reads them', () => {
      const header = (res.body as Buffer).toString('utf8').slice(1).split('\r\n')[0];
      expect(header.split(';')).toEqual(rows[0]);
      expect(header).not.toContain(',');
      const agus = rows.find((row) => row[6] === 'A*** P*******')!;
      expect(agus.slice(18, 21)).toEqual(['10', '40', '20,5']);
      const minutes = rows.slice(1).flatMap((row) => row.slice(18, 21)).filter(Boolean);
      for (const cell of minutes) expect(cell).toMatch(/^\d+(,\d)?$/);
    });

    it('has one row per inquiry under the same Indonesian headers', () => {
      expect(rows[0].slice(0, 3)).toEqual(['Kode', 'Diterima (WIB)', 'Jenis']);
      expect(rows).toHaveLength(recap.total + 1);
      const budi = rows.find((row) => row[6] === 'B*** S******')!;
      expect(budi.slice(1, 4)).toEqual(['2026-03-02 09:00', 'Pengaduan', 'Datang langsung']);
      // A cell starting with "+" is prefixed, so that a spreadsheet does not read it as a formula.
      expect(budi.slice(7, 9)).toEqual(['357401********02', "'+6281*******32"]);
      expect(budi.slice(18, 21)).toEqual(['10', '40', '20']);
      const text = (res.body as Buffer).toString('utf8');
      for (const secret of PERSONAL) expect(text).not.toContain(secret);
    });

    it('says for each request whether its answer reached the applicant, and when (WIB)', () => {
      const [state, at] = [rows[0].indexOf('Penyampaian jawaban'), rows[0].indexOf('Jawaban tersampaikan (WIB)')];
      expect(state).toBeGreaterThan(0);
      const delivered = rows.slice(1).filter((row) => row[state] === 'Terkirim');
      expect(delivered).toHaveLength(recap.answerDelivery.overall.delivered);
      for (const row of delivered) expect(row[at]).toMatch(/^2026-\d{2}-\d{2} \d{2}:\d{2}$/);
      const labels = ['', 'Terkirim', 'Gagal terkirim', 'Sedang dikirim', 'Menunggu disampaikan petugas'];
      for (const row of rows.slice(1)) expect(labels).toContain(row[state]);
    });

    it('narrows to the filters of the recap', async () => {
      const body = ((await download('csv', officer, { ...march, channel: 'whatsapp' })).body as Buffer).toString('utf8');
      const whatsapp = parse(body, { bom: true, delimiter: ';' }) as string[][];
      expect(whatsapp).toHaveLength(recap.totals.channel.whatsapp + 1);
      expect(new Set(whatsapp.slice(1).map((row) => row[3]))).toEqual(new Set(['WhatsApp']));
    });
  });

  describe('as PDF', () => {
    let res: Response;
    let text: string;
    let pageTexts: string[];
    beforeAll(async () => {
      res = await download('pdf', leadership);
      // pdfmake sets each word apart: compare with the spacing flattened.
      const read = pdfText(res.body as Buffer);
      text = read.text.replace(/\s+/g, ' ');
      pageTexts = read.pageTexts.map((page) => page.replace(/\s+/g, ' '));
    });

    it('is a naskah dinas: the kop on the first page only, the title and the period in words, page numbers from page two', () => {
      expect((res.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
      expect(pageTexts[0]).toMatch(/^PEMERINTAH KOTA PROBOLINGGO DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL Kota Probolinggo, Jawa Timur Telepon \(0335\) 4438894/);
      expect(pageTexts[0]).toContain('REKAP INFORMASI Bulan Maret 2026 Nomor: 400.14.4/0001/425.111/2026');
      expect(pageTexts[0]).toContain('data per 6 April 2026 pukul 10.00 WIB');
      expect(pageTexts[0]).not.toMatch(/- 1 -/);
      expect(pageTexts.length).toBeGreaterThan(2);
      pageTexts.slice(1).forEach((page, i) => {
        expect(page).toContain(`- ${i + 2} -`);
        expect(page).not.toContain('PEMERINTAH KOTA PROBOLINGGO');
      });
    });

    it('closes with the place and date, the signatory’s jabatan, and the verification link', () => {
      const last = pageTexts[pageTexts.length - 1];
      expect(last).toContain('Probolinggo, 6 April 2026 KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL KOTA PROBOLINGGO,');
      expect(last.replace(/\/ /g, '/')).toMatch(/\/verifikasi\/[A-Z0-9]{10}/);
    });

    it('carries the summary tables and the charts\' labels', () => {
      expect(text).toContain(`Jumlah permohonan ${recap.total.toLocaleString('id-ID')}`);
      for (const title of ['Permohonan per kanal', 'Kepatuhan waktu SOP per langkah', 'Lama penanganan per langkah (menit kerja)', 'Jumlah permohonan per periode']) {
        expect(text).toContain(title);
      }
      expect(text).toContain('Langkah 2: memilah dan meneruskan');
      expect(text).toMatch(/Dalam batas waktu SOP per langkah/);
      for (const secret of PERSONAL) expect(text).not.toContain(secret);
    });

    it('carries the IKM of the period with its grade, its respondents and each element', () => {
      expect(text).toContain('Indeks Kepuasan Masyarakat (IKM)');
      expect(text).toContain('Jumlah responden 2');
      // pdfmake may break a line after a dash: "25– 100".
      expect(text).toMatch(/Nilai IKM \(konversi 25– ?100\) 83,33/);
      expect(text).toContain('Mutu pelayanan B');
      expect(text).toContain('Kinerja unit pelayanan Baik');
      expect(text).toContain('U1 Persyaratan 3,50 87,50');
      expect(text).toContain('U3 Waktu penyelesaian 3,00 75,00');
      // The index and its grade are printed on one page, never split by a page break.
      const page = pageTexts.find((p) => p.includes('Indeks Kepuasan Masyarakat (IKM)'))!;
      for (const label of ['Jumlah responden 2', 'Mutu pelayanan B', 'Kinerja unit pelayanan Baik', 'Dasar penilaian']) expect(page).toContain(label);
    });

    it('says in words that nobody rated when the filters leave no respondent', async () => {
      const filtered = pdfText((await download('pdf', leadership, { ...march, channel: 'whatsapp' })).body as Buffer).text.replace(/\s+/g, ' ');
      expect(filtered).toContain('Nilai IKM Belum ada responden survei kepuasan pada periode ini');
      expect(filtered).not.toContain('Mutu pelayanan');
    });
  });

  it.each([
    ['an unknown format', { ...march, format: 'docx' }, /Format/],
    ['no format', march, /Format/],
  ])('%s is refused with 400', async (_label, query, message) => {
    const res = await app.http.get(`/api/recap/export?${stringify(query)}`).set(officer.auth);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  it.each(['public', 'division_staff'] as const)('is not for %s', async (who) => {
    const req = app.http.get(`/api/recap/export?${stringify({ ...march, format: 'csv' })}`);
    const res = who === 'public' ? await req : await req.set((await createStaff(app, 'division_staff', 'DAFDUK')).auth);
    expect([401, 403]).toContain(res.status);
  });
});
