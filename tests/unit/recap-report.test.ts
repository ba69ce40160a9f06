import { computeIkm, gradeTableByRegulation, totalsOf, SKM_ELEMENTS, type SkmElement } from '../../config/src/ikm';
import { figureText, ikmTables, NO_RESPONDENTS, type Figure } from '../../cms/src/api/recap/exports/report';

const REGULATION = gradeTableByRegulation('PermenPAN-RB 14/2017')!;
const answers = (...values: number[]) => Object.fromEntries(SKM_ELEMENTS.map((element, i) => [element, values[i]])) as Record<SkmElement, number>;

describe('a figure on paper', () => {
  it.each<[Figure, string]>([
    [{ figure: 0.2, unit: 'percent' }, '20,0%'],
    [{ figure: 0.7663, unit: 'percent' }, '76,6%'],
    [{ figure: 1, unit: 'percent' }, '100,0%'],
    [{ figure: 37.45, unit: 'minutes' }, '37,5'],
    [{ figure: 1234.5, unit: 'minutes' }, '1234,5'],
    [{ figure: 83.333, unit: 'index' }, '83,33'],
    [{ figure: 3.5, unit: 'score' }, '3,50'],
    [{ figure: null, unit: 'percent' }, '–'],
  ])('%j reads %s', (figure, text) => {
    expect(figureText(figure)).toBe(text);
  });
});

describe('the IKM in the Rekap Informasi', () => {
  it('gives the value, the grade, the respondents and each element by name', () => {
    const ikm = computeIkm(totalsOf([answers(4, 4, 3, 4, 3, 4, 4, 3, 4), answers(3, 3, 3, 3, 3, 3, 3, 3, 3)]), REGULATION);
    const [summary, elements] = ikmTables(ikm);
    expect(summary.rows).toEqual([
      ['Jumlah responden', 2],
      ['Nilai IKM (konversi 25–100)', { figure: 83.33, unit: 'index' }],
      ['Mutu pelayanan', 'B'],
      ['Kinerja unit pelayanan', 'Baik'],
      ['Dasar penilaian', 'PermenPAN-RB 14/2017'],
    ]);
    expect(elements.rows[0]).toEqual(['U1', 'Persyaratan', { figure: 3.5, unit: 'score' }, { figure: 87.5, unit: 'index' }]);
    expect(elements.rows.map((row) => row[0])).toEqual([...SKM_ELEMENTS]);
  });

  it('says in words that nobody rated, rather than an index of 0', () => {
    const tables = ikmTables(computeIkm(totalsOf([]), REGULATION));
    expect(tables).toHaveLength(1);
    expect(tables[0].rows).toEqual([
      ['Jumlah responden', 0],
      ['Nilai IKM', NO_RESPONDENTS],
    ]);
  });
});
