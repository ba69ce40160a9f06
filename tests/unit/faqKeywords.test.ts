import { keywordRows, keywordsOf, keywordsRefusal } from '../../config/src/faq';

describe('an FAQ entry’s keywords, one per row', () => {
  it.each([
    [null, null],
    [[], null],
    [[{ keyword: 'KTP hilang' }, { keyword: 'cetak ulang' }], null],
    ['["KTP hilang"]', 'Kata kunci harus berupa daftar baris, satu kata kunci per baris.'],
    [[{ keyword: 'KTP hilang' }, {}], 'Kata kunci baris 2 kosong: isi atau hapus barisnya.'],
    [['KTP hilang'], 'Kata kunci baris 1 kosong: isi atau hapus barisnya.'],
    [[{ keyword: 'x'.repeat(101) }], 'Kata kunci baris 1 terlalu panjang (paling banyak 100 karakter).'],
    [[{ keyword: 'Akta  Lahir' }, { keyword: 'akta lahir ' }], 'Kata kunci "akta lahir" (baris 2) sudah ada di baris 1.'],
  ])('%j → %s', (rows, problem) => {
    expect(keywordsRefusal(rows)?.message ?? null).toBe(problem);
  });

  it('points the editor at the row to fix', () => {
    expect(keywordsRefusal([{ keyword: 'KTP hilang' }, { keyword: ' ' }])?.at).toEqual([1, 'keyword']);
    expect(keywordsRefusal('KTP')?.at).toEqual([]);
  });

  it('come from a plain list without blanks or repeats, and go back to one', () => {
    const rows = keywordRows(['ktp hilang', ' ', 'KTP  Hilang', 7, ' cetak ulang ']);
    expect(rows).toEqual([{ keyword: 'ktp hilang' }, { keyword: 'cetak ulang' }]);
    expect(keywordsOf(rows)).toEqual(['ktp hilang', 'cetak ulang']);
    expect(keywordsOf(null)).toEqual([]);
  });
});
