import { DEFAULT_SOP_POLICY, PRIVACY_NOTICE_SECTIONS, defaultPrivacyNotice } from '@layanan/config';
import { receiptText } from '../../plugins/channels/src/chat/compose';

const OFFICE = { officeName: 'Dinas Kependudukan dan Pencatatan Sipil', regionName: 'Kota Contoh', address: 'Jalan Merdeka No. 9', phone: '(0335) 123', email: 'dukcapil@contoh.go.id' };

describe('the privacy notice a fresh install starts with (UU 27/2022 Pasal 21)', () => {
  const notice = defaultPrivacyNotice(OFFICE);

  it('names the Dinas from its profile as the one who processes the data and whom to contact', () => {
    expect(notice.summary).toMatch(/^Dinas Kependudukan dan Pencatatan Sipil Kota Contoh mencatat/);
    expect(notice.sections.controller).toContain('Dinas Kependudukan dan Pencatatan Sipil Kota Contoh (Pengendali Data Pribadi)');
    expect(notice.sections.contact).toContain('Jalan Merdeka No. 9, telepon (0335) 123, e-mail dukcapil@contoh.go.id');
  });

  it('says each thing Pasal 21 asks: purpose, basis, data, retention, rights; short enough for a printed receipt', () => {
    for (const name of PRIVACY_NOTICE_SECTIONS) expect([name, notice.sections[name].length > 40]).toEqual([name, true]);
    expect(notice.sections.legalBasis).toContain('Pasal 20 ayat (2) huruf e');
    expect(notice.sections.retention).toContain('Jadwal Retensi Arsip');
    expect(notice.sections.rights).toContain('3 × 24 jam');
    expect(notice.summary.length).toBeLessThanOrEqual(700);
  });

  it('leaves out a contact the profile does not have', () => {
    expect(defaultPrivacyNotice({ ...OFFICE, address: '', email: '' }).sections.contact).toBe('Petugas Pelindungan Data Dinas Kependudukan dan Pencatatan Sipil Kota Contoh: telepon (0335) 123. Sebutkan kode permohonan Anda bila ada.');
  });
});

describe('the first chat message a citizen receives', () => {
  it('links the privacy notice on a line a phone makes a link of', () => {
    const text = receiptText(
      { code: 'INF-2612-00001', kind: 'information', medium: 'WhatsApp', office: 'Dinas Kependudukan dan Pencatatan Sipil Kota Contoh' },
      { status: 'received', trackingUrl: 'https://layanan.contoh.go.id/lacak/INF-2612-00001?token=abc', privacyUrl: 'https://layanan.contoh.go.id/privasi', policy: DEFAULT_SOP_POLICY },
    );
    expect(text).toContain('Data pribadi Anda hanya dipakai untuk menjawab permohonan informasi ini. Selengkapnya: https://layanan.contoh.go.id/privasi\n\n— Dinas');
  });
});
