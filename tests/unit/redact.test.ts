import { REDACTED_ADDRESS, redactFreeText } from '../../config/src/masking';

const HIDDEN = REDACTED_ADDRESS;
/** A woman born 5 January 1990 in Kanigaran, Kota Probolinggo; the same NIK as in masking.test.ts. */
const NIK = '3574014501900003';
const MASKED_NIK = '357401********03';

/** The digits 0–9 written in another script, whose zero is at `zero` (fullwidth, Arabic-Indic, Javanese). */
function inScript(zero: number, digits: string): string {
  return digits.replace(/\d/g, (d) => String.fromCodePoint(zero + Number(d)));
}
const FULLWIDTH = 0xff10;
const ARABIC_INDIC = 0x0660;
const JAVANESE = 0xa9d0;

/** Every digit followed by an invisible character, as a copy from a chat or a PDF can leave them. */
function interleaved(digits: string, invisible: string): string {
  return Array.from(digits).join(invisible);
}

describe('redactFreeText: what a citizen wrote about themselves does not leave the detail view', () => {
  it.each([
    ['a NIK typed in the message', 'NIK saya 3574014501900003 belum aktif', 'NIK saya 357401********03 belum aktif'],
    ['a NIK typed in groups of four', 'NIK 3574 0145 0190 0003.', 'NIK 357401********03.'],
    ['a KK number (16 digits too)', 'KK nomor 3574010101080001', 'KK nomor 357401********01'],
    ['a mobile number', 'hubungi 081234567890 ya', 'hubungi 08123*****90 ya'],
    ['an international mobile number with separators', 'WA +62 812-3456-7890', 'WA +6281*******90'],
    ['an office landline', 'telepon (0335) 421228 kemarin', 'telepon 0335****28 kemarin'],
    ['an e-mail address', 'kirim ke siti.aminah@contoh.id saja', 'kirim ke s*********h@contoh.id saja'],
    ['a street address', 'saya tinggal di Jl. Soekarno Hatta No. 12, Kel. Jati', `saya tinggal di ${HIDDEN}, Kel. Jati`],
    ['a neighbourhood number', 'warga RT 03/RW 05 Kanigaran', `warga ${HIDDEN} Kanigaran`],
    ['an alley', 'rumah di Gang Melati 4', `rumah di ${HIDDEN}`],
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

  it('keeps our own tracking codes whole, so an officer can look up the request cited', () => {
    expect(redactFreeText('Menyambung INF-2611-00042 dan ADU-2612-01234, HP 081234567890')).toBe('Menyambung INF-2611-00042 dan ADU-2612-01234, HP 08123*****90');
  });

  it('does not mask a name inside a longer word', () => {
    expect(redactFreeText('Budiman bertanya tentang Budi', { names: ['Budi'] })).toBe('Budiman bertanya tentang B***');
  });
});

describe('redactFreeText: an address is hidden to the end of its clause, however it is typed', () => {
  it.each([
    ['a lower-case address after "alamat"', 'alamat jl. mawar no. 5 rt 02 rw 03 kel. Kebonsari', `alamat ${HIDDEN}`],
    ['the same address without "alamat"', 'tinggal di jl. mawar no. 5 rt 02 rw 03 kel. Kebonsari', `tinggal di ${HIDDEN}`],
    ['"jln" without a full stop, up to the comma', 'rumah saya di jln mawar 5, dekat masjid', `rumah saya di ${HIDDEN}, dekat masjid`],
    ['"Jl." glued to the street name', 'Jl.Mawar No.5 RT.02/RW.03 Kel.Kebonsari Kec.Kademangan', HIDDEN],
    ['"jalan" in lower case with a house number', 'saya tinggal di jalan mawar no 5 kebonsari', `saya tinggal di ${HIDDEN}`],
    ['"Jalan" with a capitalised name and no number', 'Saya warga Jalan Mawar, mau tanya akta', `Saya warga ${HIDDEN}, mau tanya akta`],
    ['"gg." in lower case', 'rumah di gg. melati 4 ya', `rumah di ${HIDDEN}`],
    ['"gang" in lower case with a number', 'masuk gang 3 sebelah kanan', `masuk ${HIDDEN}`],
    ['a housing estate and block', 'perum griya permata blok c-12', HIDDEN],
    ['"Perumahan" spelled out, up to the full stop', 'Perumahan Griya Asri Blok B no 7. Mohon dibantu', `${HIDDEN}. Mohon dibantu`],
    ['"komp." for kompleks', 'tinggal di komp. bumi asri no 3', `tinggal di ${HIDDEN}`],
    ['a hamlet with RT, RW and village', 'Dsn. Krajan RT 01 RW 02 Desa Sumberbendo', HIDDEN],
    ['"dusun" in lower case with RT', 'dusun krajan rt 1 rw 4', HIDDEN],
    ['RT and RW without separators', 'warga rt02/rw03 mau tanya', `warga ${HIDDEN} mau tanya`],
    ['RT and RW with full stops', 'RT.02/RW.03', HIDDEN],
    ['RT and RW with single digits', 'RT 2 RW 3 Kebonsari', `${HIDDEN} Kebonsari`],
    ['"rt/rw" with both numbers after it', 'rt/rw 02/03 kel. kebonsari', HIDDEN],
    ['RT and RW spaced around the slash', 'RT 003 / RW 005', HIDDEN],
    ['RT and RW with the village and district after them', 'warga rt 02 rw 03 kel. kebonsari kulon kec. kademangan, mau tanya', `warga ${HIDDEN}, mau tanya`],
    ['the village and its compass word before RT and RW', 'kelurahan jrebeng kidul rt 2 rw 1', HIDDEN],
    ['whatever follows "alamat saya"', 'alamat saya kebonsari kulon', `alamat saya ${HIDDEN}`],
    ['whatever follows "alamat rumah saya"', 'alamat rumah saya di sukabumi. Terima kasih', `alamat rumah saya di ${HIDDEN}. Terima kasih`],
    ['whatever follows "alamatnya", up to the comma', 'alamatnya di kebonsari, terima kasih', `alamatnya di ${HIDDEN}, terima kasih`],
    ['whatever follows "alamat:"', 'Alamat: Perum Sejahtera', `Alamat: ${HIDDEN}`],
    ['a bare "alamat" followed by a number', 'alamat kebonsari kulon 12 kademangan', `alamat ${HIDDEN}`],
    ['an ordinary "jalan" before a real street in the same clause', 'jalan-jalan ke jl. mawar', `jalan-jalan ke ${HIDDEN}`],
    ['a street hidden behind zero-width characters', 'rumah di j\u200Bl. ma\u200Dwar 5', `rumah di ${HIDDEN}`],
    ['RT and RW hidden behind zero-width characters', 'r\u200Bt 02 r\u2060w 03', HIDDEN],
  ])('%s', (_label, text, expected) => {
    expect(redactFreeText(text)).toBe(expected);
  });
});

describe('redactFreeText: a NIK or a phone number is masked whatever separates or spells its digits', () => {
  it.each([
    ['a NIK grouped with slashes', 'NIK 3574/0145/0190/0003', `NIK ${MASKED_NIK}`],
    ['a NIK grouped with dashes after a colon', 'nik: 3574-0145-0190-0003', `nik: ${MASKED_NIK}`],
    ['a KK grouped with dots', 'KK 3574.0101.0801.0001', 'KK 357401********01'],
    ['a NIK grouped with underscores', 'NIK 3574_0145_0190_0003', `NIK ${MASKED_NIK}`],
    ['a NIK split by zero-width spaces', `NIK ${interleaved(NIK, '\u200B')}`, `NIK ${MASKED_NIK}`],
    ['a NIK split by zero-width non-joiners', `NIK ${interleaved(NIK, '\u200C')}`, `NIK ${MASKED_NIK}`],
    ['a NIK split by zero-width joiners', `NIK ${interleaved(NIK, '\u200D')}`, `NIK ${MASKED_NIK}`],
    ['a NIK split by word joiners', `NIK ${interleaved(NIK, '\u2060')}`, `NIK ${MASKED_NIK}`],
    ['a NIK split by byte-order marks', `NIK ${interleaved(NIK, '\uFEFF')}`, `NIK ${MASKED_NIK}`],
    ['a NIK split by soft hyphens', `NIK ${interleaved(NIK, '\u00AD')}`, `NIK ${MASKED_NIK}`],
    ['a NIK in fullwidth digits', `NIK ${inScript(FULLWIDTH, NIK)}`, `NIK ${MASKED_NIK}`],
    ['a NIK in Arabic-Indic digits', `NIK ${inScript(ARABIC_INDIC, NIK)}`, `NIK ${MASKED_NIK}`],
    ['a NIK in Javanese digits', `NIK ${inScript(JAVANESE, NIK)}`, `NIK ${MASKED_NIK}`],
    ['a NIK in fullwidth groups after a fullwidth colon', `NIK：${inScript(FULLWIDTH, '3574 0145 0190 0003')}`, `NIK:${MASKED_NIK}`],
    ['a mobile number in fullwidth digits', `hp ${inScript(FULLWIDTH, '081234567890')}`, 'hp 08123*****90'],
    ['a mobile number split by soft hyphens', 'hp 0812\u00AD3456\u00AD7890', 'hp 08123*****90'],
    ['a mobile number with spaced dashes', 'hp 0812 - 3456 - 7890', 'hp 08123*****90'],
    ['a mobile number with en dashes', 'hubungi 0812\u20133456\u20137890', 'hubungi 08123*****90'],
    ['a mobile number grouped with dots', 'WA 0812.3456.7890', 'WA 08123*****90'],
    ['a mobile number grouped with slashes', 'hp 0812/3456/7890', 'hp 08123*****90'],
    ['an international number without the plus', 'nomor 62 812 3456 7890', 'nomor 62812******90'],
    ['an international number with the country code in brackets', 'hubungi (+62) 812-3456-7890', 'hubungi +6281*******90'],
    ['an international number with the operator code in brackets', 'WA +62 (812) 3456 7890', 'WA +6281*******90'],
    ['a WhatsApp link', 'chat saja wa.me/6281234567890', 'chat saja wa.me/62812******90'],
    ['a WhatsApp link with a message', 'https://wa.me/6281234567890?text=halo', 'https://wa.me/62812******90?text=halo'],
    ['a landline with a dash', 'telp 0335-421228', 'telp 0335****28'],
    ['a NIK written as a Rupiah amount', 'Rp 3.574.014.501.900.003', `Rp ${MASKED_NIK}`],
    ['a NIK and a phone number in one sentence', `NIK ${NIK} dan hp 081234567890`, `NIK ${MASKED_NIK} dan hp 08123*****90`],
  ])('%s', (_label, text, expected) => {
    expect(redactFreeText(text)).toBe(expected);
  });
});

describe('redactFreeText: an e-mail address is masked however "@" and "." are written', () => {
  it.each([
    ['spaces around "@"', 'email siti @ gmail.com', 'email s**i@gmail.com'],
    ['a space after "@"', 'email siti@ gmail.com', 'email s**i@gmail.com'],
    ['"at" and "dot" spelled out', 'email saya siti at gmail dot com', 'email saya s**i@gmail.com'],
    ['"at" spelled out before a real domain', 'nama.saya at gmail.com', 'n*******a@gmail.com'],
    ['"[at]"', 'siti[at]gmail.com', 's**i@gmail.com'],
    ['"(at)" and "(dot)"', 'siti(at)gmail(dot)com', 's**i@gmail.com'],
    ['"[at]" and "[dot]" with spaces and a second-level domain', 'siti [at] yahoo [dot] co [dot] id', 's**i@yahoo.co.id'],
    ['upper case', 'SITI.AMINAH AT GMAIL DOT COM', 'S*********H@GMAIL.COM'],
    ['a zero-width space before "@"', 'siti\u200B@gmail.com', 's**i@gmail.com'],
    ['WhatsApp bold around the address', '*siti.aminah@gmail.com*', '*s*********h@gmail.com*'],
    ['an underscore and digits in the mailbox', 'email: siti_aminah99@yahoo.co.id', 'email: s***********9@yahoo.co.id'],
  ])('%s', (_label, text, expected) => {
    expect(redactFreeText(text)).toBe(expected);
  });
});

describe('redactFreeText: a message typed like a WhatsApp form', () => {
  const form = [
    'Nama: Siti Aminah',
    'NIK: 3574 0145 0190 0003',
    'Alamat: Jl. Mawar No. 7 RT 03/RW 05 Kel. Kebonsari Kulon',
    'No HP/WA: 0812-3456-7890',
    'Email: siti.aminah@gmail.com',
    'Mohon info syarat KIA untuk anak 5 tahun, datang tgl 12/03/2024 jam 08.00 🙏',
  ].join('\n');

  it('keeps the form’s shape and the question, and masks every field', () => {
    expect(redactFreeText(form, { names: ['Siti Aminah'] })).toBe(
      [
        'Nama: S*** A*****',
        `NIK: ${MASKED_NIK}`,
        `Alamat: ${HIDDEN}`,
        'No HP/WA: 08123*****90',
        'Email: s*********h@gmail.com',
        'Mohon info syarat KIA untuk anak 5 tahun, datang tgl 12/03/2024 jam 08.00 🙏',
      ].join('\n'),
    );
  });

  it('leaves none of the identifying parts when they are typed in fullwidth and with zero-width spaces', () => {
    const disguised = form
      .replace('3574 0145 0190 0003', inScript(FULLWIDTH, '3574 0145 0190 0003'))
      .replace('0812-3456-7890', interleaved('081234567890', '\u200B'))
      .replace('siti.aminah@gmail.com', 'siti.aminah [at] gmail [dot] com');
    // What a reader sees: fullwidth digits read as digits, invisible characters are not seen at all.
    const seen = redactFreeText(disguised, { names: ['Siti Aminah'] })
      .normalize('NFKC')
      .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '');
    for (const secret of ['3574014501900003', '0145', '0190', '34567', 'Mawar', 'RT 03', 'Kebonsari', 'siti.aminah', 'Siti', 'Aminah']) {
      expect([secret, seen.includes(secret)]).toEqual([secret, false]);
    }
  });
});

describe('redactFreeText: ordinary words and numbers stay as the citizen wrote them', () => {
  it.each([
    ['a date with dashes', 'lahir 12-03-2009'],
    ['a date with slashes followed by a time', 'datang 12/03/2024 10.30 antre lama'],
    ['a date with dots followed by a time', 'tgl 12.03.2009 jam 08.00'],
    ['a year', 'akta tahun 2009 hilang'],
    ['opening hours', 'jam layanan 08.00-15.00 WIB'],
    ['opening hours with a break', 'Senin-Kamis 08.00-12.00 13.00-15.00'],
    ['a short amount', 'biaya Rp 50.000 katanya'],
    ['a range of amounts', 'diminta Rp 50.000 - 100.000 oleh calo'],
    ['a large amount', 'dimintai rp 1.500.000.000'],
    ['a queue number', 'nomor antrean A-045, antrean 123'],
    ['an age', 'anak usia 17 tahun'],
    ['KTP-el', 'Syarat KTP-el dan KIA'],
    ['"jalan" as a verb', 'Jalan-jalan ke alun-alun, berjalan kaki 3 km'],
    ['"jalan keluar"', 'Jalan keluar dari masalah ini apa?'],
    ['"gang" without a name or number', 'masuk gang sempit'],
    ['"kompleks" meaning complicated', 'masalahnya kompleks sekali'],
    ['"dusun" without a name or number', 'warga dusun kami'],
    ['"perumahan" as a subject', 'bantuan perumahan bagi warga'],
    ['"alamat" in a question', 'Bagaimana cara pindah alamat di KK?'],
    ['"alamat" of the office', 'alamat kantor dukcapil di mana?'],
    ['"alamat KTP" in a question', 'alamat KTP saya beda dengan KK'],
    ['a village named alone', 'kelurahan kebonsari mau tanya, Kel. Jati juga'],
    ['"at" in a sentence', 'Saya at home, meet at 5'],
    ['an emoji family (its joiners stay)', '👨‍👩‍👧 keluarga kami'],
  ])('%s', (_label, text) => {
    expect(redactFreeText(text)).toBe(text);
  });
});
