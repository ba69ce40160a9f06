import { REDACTED_ADDRESS, redactFreeText } from '../../config/src/masking';

describe('redactFreeText: what a citizen wrote about themselves does not leave the detail view', () => {
  it.each([
    ['a NIK typed in the message', 'NIK saya 3574014501900003 belum aktif', 'NIK saya 357401********03 belum aktif'],
    ['a NIK typed in groups of four', 'NIK 3574 0145 0190 0003.', 'NIK 357401********03.'],
    ['a KK number (16 digits too)', 'KK nomor 3574010101080001', 'KK nomor 357401********01'],
    ['a mobile number', 'hubungi 081234567890 ya', 'hubungi 08123*****90 ya'],
    ['an international mobile number with separators', 'WA +62 812-3456-7890', 'WA +6281*******90'],
    ['an office landline', 'telepon (0335) 421228 kemarin', 'telepon 0335****28 kemarin'],
    ['an e-mail address', 'kirim ke siti.aminah@contoh.id saja', 'kirim ke s*********h@contoh.id saja'],
    ['a street address', 'saya tinggal di Jl. Soekarno Hatta No. 12, Kel. Jati', `saya tinggal di ${REDACTED_ADDRESS}, Kel. Jati`],
    ['a neighbourhood number', 'warga RT 03/RW 05 Kanigaran', `warga ${REDACTED_ADDRESS} Kanigaran`],
    ['an alley', 'rumah di Gang Melati 4', `rumah di ${REDACTED_ADDRESS}`],
  ])('%s', (_label, text, expected) => {
    expect(redactFreeText(text)).toBe(expected);
  });

  it('masks the applicant’s own name wherever it appears, whatever the case', () => {
    expect(redactFreeText('Saya SITI Aminah, ibu dari anak Aminah.', { names: ['Siti Aminah'] })).toBe('Saya S*** A*****, ibu dari anak A*****.');
  });

  it('leaves ordinary words, dates, years and short numbers alone', () => {
    const text = 'Syarat KTP-el untuk anak usia 17 tahun, lahir 12-03-2009, antrean nomor 45 di jalan keluar.';
    expect(redactFreeText(text, { names: ['Al'] })).toBe(text);
  });

  it('does not mask a name inside a longer word', () => {
    expect(redactFreeText('Budiman bertanya tentang Budi', { names: ['Budi'] })).toBe('Budiman bertanya tentang B***');
  });
});
