import { dateInWords, dateTimeInWords, documentNumber, officeContactLine, officeFullName, periodInWords, publicOfficeOf, signatureBlock, timeInWords, type OfficeProfile } from '@layanan/config';

const OFFICE: OfficeProfile = {
  governmentName: 'Pemerintah Kota Probolinggo',
  officeName: 'Dinas Kependudukan dan Pencatatan Sipil',
  regionName: 'Kota Probolinggo',
  shortName: 'Disdukcapil Kota Probolinggo',
  city: 'Probolinggo',
  address: 'Jalan Contoh No. 1',
  postcode: '67219',
  phone: '(0335) 4438894',
  email: 'layanan@dinas.example.go.id',
  website: 'https://dinas.example.go.id/',
  lambangUrl: null,
  classificationCode: '400.14.4',
  unitCode: '425.111',
  signatoryPosition: 'Kepala Dinas Kependudukan dan Pencatatan Sipil Kota Probolinggo',
  signatoryMode: 'definitive',
  signerPosition: '',
  signatoryName: 'Dr. Ratna Sari, S.Sos., M.Si.',
  signatoryRank: 'Pembina Tingkat I (IV/b)',
  signatoryNip: '197001011995031001',
  paperSize: 'A4',
};

describe('the Dinas as its documents name it', () => {
  it('joins the Dinas and its region, and prints its contacts as a kop does', () => {
    expect(officeFullName(OFFICE)).toBe('Dinas Kependudukan dan Pencatatan Sipil Kota Probolinggo');
    expect(officeContactLine(OFFICE)).toBe('Telepon (0335) 4438894, Laman dinas.example.go.id, Pos-el layanan@dinas.example.go.id');
    expect(officeContactLine({ phone: '', website: '', email: 'a@b.id' })).toBe('Pos-el a@b.id');
  });

  it('shows the public neither the signatory nor the numbering codes', () => {
    const shown = publicOfficeOf(OFFICE);
    expect(shown.fullName).toBe('Dinas Kependudukan dan Pencatatan Sipil Kota Probolinggo');
    expect(JSON.stringify(shown)).not.toMatch(/Ratna|1970010|Pembina|425\.111|400\.14/);
  });
});

describe('the signature block (Permendagri 1/2023 Pasal 44)', () => {
  it('a definitive head signs with jabatan, name with titles, pangkat/golongan and NIP in groups', () => {
    expect(signatureBlock(OFFICE)).toEqual({
      positionLines: ['KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL KOTA PROBOLINGGO,'],
      name: 'Dr. Ratna Sari, S.Sos., M.Si.',
      rank: 'Pembina Tingkat I (IV/b)',
      nip: 'NIP 19700101 199503 1 001',
    });
  });

  it('a.n. names the head, then the signer’s own jabatan', () => {
    expect(signatureBlock({ ...OFFICE, signatoryMode: 'on_behalf', signerPosition: 'Sekretaris' }).positionLines).toEqual([
      'a.n. KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL KOTA PROBOLINGGO',
      'Sekretaris,',
    ]);
  });

  it('Plt. and Plh. stand before the jabatan', () => {
    expect(signatureBlock({ ...OFFICE, signatoryMode: 'acting' }).positionLines[0]).toMatch(/^Plt\. KEPALA DINAS/);
    expect(signatureBlock({ ...OFFICE, signatoryMode: 'daily' }).positionLines[0]).toMatch(/^Plh\. KEPALA DINAS/);
  });
});

describe('the document number (Permendagri 83/2022)', () => {
  it('is classification / running number / unit / year, or none without the codes', () => {
    expect(documentNumber(OFFICE, 1, 2026)).toBe('400.14.4/0001/425.111/2026');
    expect(documentNumber(OFFICE, 1234, 2027)).toBe('400.14.4/1234/425.111/2027');
    expect(documentNumber({ ...OFFICE, classificationCode: '' }, 1, 2026)).toBeNull();
  });
});

describe('dates and times as official documents write them', () => {
  it('writes a day with its month in words and no leading zero', () => {
    expect(dateInWords('2026-12-01')).toBe('1 Desember 2026');
    expect(dateInWords('2026-03-09')).toBe('9 Maret 2026');
  });

  it.each([
    ['2026-11-01', '2026-11-30', 'Bulan November 2026'],
    ['2026-02-01', '2026-02-28', 'Bulan Februari 2026'],
    ['2026-11-01', '2026-11-15', '1–15 November 2026'],
    ['2026-11-28', '2026-12-03', '28 November – 3 Desember 2026'],
    ['2026-12-29', '2027-01-02', '29 Desember 2026 – 2 Januari 2027'],
    ['2026-01-01', '2026-12-31', 'Tahun 2026'],
    ['2026-11-05', '2026-11-05', '5 November 2026'],
  ])('names the period %s to %s "%s"', (from, to, words) => {
    expect(periodInWords(from, to)).toBe(words);
  });

  it('writes times with a dot, in the office’s zone', () => {
    const at = new Date('2026-12-01T07:30:00Z');
    expect(timeInWords(at, 'Asia/Jakarta')).toBe('14.30 WIB');
    expect(dateTimeInWords(new Date('2026-11-30T17:05:00Z'), 'Asia/Jakarta')).toBe('1 Desember 2026 pukul 00.05 WIB');
  });
});
