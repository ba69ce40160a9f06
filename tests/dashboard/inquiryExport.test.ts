import { i18nProvider } from '../../dashboard/src/i18n/i18nProvider';
import { inquiriesCsv } from '../../dashboard/src/inquiries/inquiryExport';
import type { Inquiry } from '../../dashboard/src/types';

const translate = (key: string, options?: Record<string, unknown>) => i18nProvider.translate(key, options);

const row = (overrides: Partial<Inquiry>): Inquiry =>
  ({
    id: 'a1',
    documentId: 'a1',
    code: 'INF-2612-00007',
    kind: 'complaint',
    channel: 'whatsapp',
    status: 'answered',
    subject: 'KTP-el belum jadi; sudah 3 bulan',
    receivedAt: '2026-12-07T17:30:00.000Z',
    answeredAt: '2026-12-08T02:05:00.000Z',
    applicant: { name: 'S*** A*****' },
    division: { documentId: 'd1', name: 'Bidang Pendaftaran Penduduk', code: 'DAFDUK' },
    ...overrides,
  }) as Inquiry;

describe('the request list exported for a spreadsheet', () => {
  it('has Indonesian headers, labels instead of codes, WIB times and the name masked as the list shows it', () => {
    const csv = inquiriesCsv([row({})], translate, 'id-ID');
    const [header, line, end] = csv.replace(/^\ufeff/, '').split('\r\n');
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(header).toBe('Kode;Jenis;Kanal;Judul;Nama pemohon;Bidang;Status;Diterima;Dijawab');
    // 17:30 UTC on 7 December is 00.30 WIB on the 8th; a semicolon inside a text is quoted.
    expect(line).toMatch(/^INF-2612-00007;Pengaduan;WhatsApp;"KTP-el belum jadi; sudah 3 bulan";S\*\*\* A\*\*\*\*\*;Bidang Pendaftaran Penduduk;Dijawab;8 Des 2026,? 00\.30 WIB;8 Des 2026,? 09\.05 WIB$/);
    expect(end).toBe('');
  });

  it('writes a cell that starts like a formula as text, and leaves empty what is not there yet', () => {
    const csv = inquiriesCsv([row({ subject: '=HYPERLINK("http://x")', answeredAt: null, division: null })], translate, 'id-ID');
    const line = csv.split('\r\n')[1];
    expect(line).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(line).toMatch(/;;Dijawab;8 Des 2026,? 00\.30 WIB;$/);
  });
});
