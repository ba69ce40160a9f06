import { isValidNik, maskEmail, maskName, maskNik, maskPhone, nikProblem } from '../../config/src/masking';
import { PROVINCES } from '../../config/src/provinces';

/** A woman born 5 January 1990 in Kanigaran, Kota Probolinggo (35 74 01), serial 0003. */
const NIK = '3574014501900003';

function buildNik(parts: Partial<Record<'region' | 'day' | 'month' | 'year' | 'serial', string>> = {}): string {
  const { region = '357401', day = '45', month = '01', year = '90', serial = '0003' } = parts;
  return region + day + month + year + serial;
}

describe('maskNik: only the region code and the last two digits are shown', () => {
  it.each([
    ['a valid NIK', NIK, '357401********03'],
    ['fifteen digits', '357401450190000', '***************'],
    ['letters inside', '35740145O1900003', '****************'],
    ['an empty field', '', ''],
  ])('%s', (_, nik, expected) => {
    expect(maskNik(nik)).toBe(expected);
  });
});

describe('maskPhone: the operator prefix and the last two digits are shown', () => {
  it.each([
    ['an international number', '+6281234567890', '+6281*******90'],
    ['a local number', '081234567890', '08123*****90'],
    ['a number written with separators', '0812-3456 7890', '08123*****90'],
    ['an office landline', '(0335) 421228', '0335****28'],
    ['a short extension keeps less than it hides', '123456', '12**56'],
    ['four digits or fewer are hidden whole', '1234', '****'],
    ['an empty field', '', ''],
  ])('%s', (_, phone, expected) => {
    expect(maskPhone(phone)).toBe(expected);
  });
});

describe('maskEmail: the first and last letter of the mailbox and the domain are shown', () => {
  it.each([
    ['a citizen address', 'siti.aminah@gmail.com', 's*********h@gmail.com'],
    ['a three-letter mailbox', 'ani@yahoo.co.id', 'a*i@yahoo.co.id'],
    ['a two-letter mailbox is hidden whole', 'ab@probolinggokota.go.id', '**@probolinggokota.go.id'],
    ['a one-letter mailbox is hidden whole', 'a@x.id', '*@x.id'],
    ['text without @ is hidden whole', 'siti.aminah', '***********'],
  ])('%s', (_, email, expected) => {
    expect(maskEmail(email)).toBe(expected);
  });
});

describe('maskName: the first letter of each word is shown', () => {
  it.each([
    ['a two-word name', 'Siti Aminah', 'S*** A*****'],
    ['a single name', 'Sukarno', 'S******'],
    ['spacing is kept', '  Moh.  Hasan ', '  M***  H**** '],
    ['a name with an apostrophe', "Ma'ruf Amin", 'M***** A***'],
    ['an empty field', '', ''],
  ])('%s', (_, name, expected) => {
    expect(maskName(name)).toBe(expected);
  });
});

describe('nikProblem: what a citizen is told about the NIK they typed', () => {
  it.each([
    ['a woman born on the 5th (day + 40)', NIK],
    ['a man born on the 31st of December', buildNik({ day: '31', month: '12' })],
    ['a woman born on the 31st (71)', buildNik({ day: '71', month: '03' })],
    ['a birthday on 29 February, whatever the year', buildNik({ day: '29', month: '02', year: '01' })],
    ['the lowest province code, Aceh (11)', buildNik({ region: '110101' })],
    ['Kepulauan Riau (21), after the gap from 19', buildNik({ region: '210101' })],
    ['Papua Pegunungan (95), one of the provinces of 2022', buildNik({ region: '950101' })],
    ['the highest province code, Papua Barat Daya (96)', buildNik({ region: '960101' })],
  ])('accepts %s', (_, nik) => {
    expect(nikProblem(nik)).toBeNull();
    expect(isValidNik(nik)).toBe(true);
  });

  it.each([
    ['fifteen digits', '357401450190000', 'NIK harus 16 digit angka.'],
    ['seventeen digits', '35740145019000031', 'NIK harus 16 digit angka.'],
    ['a letter O instead of zero', '35740145O1900003', 'NIK harus 16 digit angka.'],
    ['spaces between the groups', '3574 0145 0190 0003', 'NIK harus 16 digit angka.'],
    ['an empty field', '', 'NIK harus 16 digit angka.'],
    ['province 10, below Aceh', buildNik({ region: '107401' }), 'Kode wilayah pada NIK tidak valid.'],
    ['province 20, between Bangka Belitung and Kepulauan Riau', buildNik({ region: '207401' }), 'Kode wilayah pada NIK tidak valid.'],
    ['province 40, between Banten and Bali', buildNik({ region: '407401' }), 'Kode wilayah pada NIK tidak valid.'],
    ['province 97, above Papua Barat Daya', buildNik({ region: '977401' }), 'Kode wilayah pada NIK tidak valid.'],
    ['regency 00', buildNik({ region: '350001' }), 'Kode wilayah pada NIK tidak valid.'],
    ['district 00', buildNik({ region: '357400' }), 'Kode wilayah pada NIK tidak valid.'],
    ['day 00', buildNik({ day: '00' }), 'Tanggal lahir pada NIK tidak valid.'],
    ['day 32', buildNik({ day: '32' }), 'Tanggal lahir pada NIK tidak valid.'],
    ['day 40, a woman born on the 0th', buildNik({ day: '40' }), 'Tanggal lahir pada NIK tidak valid.'],
    ['day 72, a woman born on the 32nd', buildNik({ day: '72' }), 'Tanggal lahir pada NIK tidak valid.'],
    ['month 00', buildNik({ month: '00' }), 'Tanggal lahir pada NIK tidak valid.'],
    ['month 13', buildNik({ month: '13' }), 'Tanggal lahir pada NIK tidak valid.'],
    ['31 February', buildNik({ day: '31', month: '02' }), 'Tanggal lahir pada NIK tidak valid.'],
    ['30 February for a woman (70)', buildNik({ day: '70', month: '02' }), 'Tanggal lahir pada NIK tidak valid.'],
    ['31 April', buildNik({ day: '31', month: '04' }), 'Tanggal lahir pada NIK tidak valid.'],
    ['serial 0000', buildNik({ serial: '0000' }), 'Nomor urut pada NIK tidak valid.'],
  ])('rejects %s', (_, nik, message) => {
    expect(nikProblem(nik)).toBe(message);
    expect(isValidNik(nik)).toBe(false);
  });
});

describe('the province codes a NIK may open with', () => {
  it('are the 38 provinces, each two digits', () => {
    expect(Object.keys(PROVINCES)).toHaveLength(38);
    expect(Object.keys(PROVINCES).every((code) => /^[1-9][0-9]$/.test(code))).toBe(true);
  });
});
