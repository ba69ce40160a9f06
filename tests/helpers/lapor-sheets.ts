import ExcelJS from 'exceljs';

/**
 * Files of LAPOR! reports as an admin might export them (no export format is published, so the headings are
 * the report page's own labels): Excel with real date cells, or CSV as Indonesian Excel saves it (semicolons).
 * The people, addresses and numbers are made up.
 */
export const HEADINGS = ['No', 'Tracking ID', 'Tanggal Laporan', 'Judul Laporan', 'Isi Laporan', 'Nama Pelapor', 'No. HP', 'Kategori', 'Lokasi Kejadian', 'Status'];

const NAMES = ['Siti Rahayu', 'Ahmad Fauzi', 'Dewi Lestari', 'Bambang Sugiarto', 'Nur Hasanah', 'Rudi Hartono', 'Yuliana Putri', 'Agus Salim'];
const STREETS = ['Jl. Soekarno Hatta', 'Jl. Panglima Sudirman', 'Jl. Dr. Sutomo', 'Jl. Brantas', 'Jl. Mastrip', 'Jl. Ikan Tongkol'];
const KELURAHAN = ['Wiroborang, Kec. Mayangan', 'Jati, Kec. Mayangan', 'Kebonsari Kulon, Kec. Kanigaran', 'Ketapang, Kec. Kademangan', 'Sumbertaman, Kec. Wonoasih'];
const TOPICS = [
  ['KTP-el belum dicetak', 'Saya sudah merekam KTP-el di kecamatan dua bulan lalu tetapi belum juga dicetak. Mohon kejelasannya.'],
  ['Akta kelahiran salah nama ibu', 'Akta kelahiran anak saya menuliskan nama ibu tidak sesuai KK. Bagaimana cara membetulkannya?'],
  ['Pindah datang dari Kabupaten Pasuruan', 'Saya pindah dari Kabupaten Pasuruan, SKPWNI sudah ada. Berapa lama proses KK baru di Kota Probolinggo?'],
  ['KIA untuk anak usia 5 tahun', 'Apa syarat membuat KIA untuk anak usia 5 tahun dan apakah bisa diurus di kelurahan?'],
  ['Antrean online penuh', 'Antrean online di aplikasi selalu penuh sejak pagi, padahal saya perlu legalisir KK untuk pendaftaran sekolah.'],
];

export interface SheetReport {
  trackingId: string;
  reportedAt: Date;
  title: string;
  content: string;
  reporter: string;
  phone: string;
  category: string;
  location: string;
  status: string;
}

/** The n-th made-up report: tracking numbers from 5100000 up, reported in January 2026 (times in WIB). */
export function sheetReport(n: number): SheetReport {
  const [title, content] = TOPICS[n % TOPICS.length];
  return {
    trackingId: String(5_100_000 + n),
    // Wall-clock WIB as Excel keeps it: 08:00 + n minutes on a day of January 2026.
    reportedAt: new Date(Date.UTC(2026, 0, 5 + (n % 20), 8, n % 60)),
    title: `${title} (${n})`,
    content,
    reporter: NAMES[n % NAMES.length],
    phone: `0812${String(30_000_000 + n).padStart(8, '0')}`,
    category: 'Administrasi Kependudukan',
    location: `${STREETS[n % STREETS.length]} No. ${(n % 90) + 1}, Kel. ${KELURAHAN[n % KELURAHAN.length]}, Kota Probolinggo`,
    status: 'Verifikasi',
  };
}

const cellsOf = (report: SheetReport, index: number) => [index + 1, report.trackingId, report.reportedAt, report.title, report.content, report.reporter, report.phone, report.category, report.location, report.status];

/** An .xlsx with a cover sheet first (exports often open on one), then the reports with real date cells. */
export async function xlsxOf(reports: SheetReport[], headings = HEADINGS): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Keterangan');
  const sheet = workbook.addWorksheet('Laporan');
  sheet.addRow(headings);
  reports.forEach((report, index) => sheet.addRow(cellsOf(report, index)));
  sheet.getColumn(3).numFmt = 'dd/mm/yyyy hh:mm';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const quote = (value: string) => (/[;"\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const wib = (at: Date) => `${String(at.getUTCDate()).padStart(2, '0')}/${String(at.getUTCMonth() + 1).padStart(2, '0')}/${at.getUTCFullYear()} ${String(at.getUTCHours()).padStart(2, '0')}.${String(at.getUTCMinutes()).padStart(2, '0')}`;

/** A CSV as Indonesian Excel saves it: semicolons, a byte-order mark, dates as "12/01/2026 10.15". */
export function csvOf(reports: SheetReport[], headings = HEADINGS): Buffer {
  const lines = [headings.join(';'), ...reports.map((report, index) => cellsOf(report, index).map((cell) => quote(cell instanceof Date ? wib(cell) : String(cell))).join(';'))];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
