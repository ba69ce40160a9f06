import {
  IKM_GRADE_TABLES,
  SKM_ELEMENTS,
  computeIkm,
  gradeTableByRegulation,
  gradeTableFor,
  ikmGrade,
  totalsOf,
  type SkmElement,
} from '../../config/src/ikm';

const PERMEN_2017 = gradeTableByRegulation('PermenPAN-RB 14/2017')!;
const PERMEN_2014 = gradeTableByRegulation('PermenPAN-RB 16/2014')!;

/** One respondent's nine answers, U1..U9 in order. */
function answers(...scores: number[]): Record<SkmElement, number> {
  return Object.fromEntries(SKM_ELEMENTS.map((element, i) => [element, scores[i]])) as Record<SkmElement, number>;
}

describe('IKM per PermenPAN-RB 14/2017, worked by hand', () => {
  /**
   * Three respondents:           U1 U2 U3 U4 U5 U6 U7 U8 U9   total
   *   R1                          4  4  3  4  3  4  4  3  4     33
   *   R2                          3  3  3  4  3  3  4  3  3     29
   *   R3                          4  3  2  4  3  4  4  2  3     29
   * NRR U1 = 11/3 = 3.667, U2 = 10/3, U3 = 8/3, U4 = 4, U5 = 3, U6 = 11/3, U7 = 4, U8 = 8/3, U9 = 10/3.
   * Σ NRR × 1/9 = (91/3)/9 = 3.3704; IKM = 3.3704 × 25 = 84.259… → 84.26.
   */
  const three = [answers(4, 4, 3, 4, 3, 4, 4, 3, 4), answers(3, 3, 3, 4, 3, 3, 4, 3, 3), answers(4, 3, 2, 4, 3, 4, 4, 2, 3)];

  it('averages each element over the respondents (NRR)', () => {
    const result = computeIkm(totalsOf(three), PERMEN_2017);
    expect(result.respondents).toBe(3);
    expect(result.nrr.U1).toBeCloseTo(11 / 3, 10);
    expect(result.nrr.U3).toBeCloseTo(8 / 3, 10);
    expect(result.nrr.U4).toBe(4);
    expect(result.nrr.U5).toBe(3);
    expect(result.nrr.U9).toBeCloseTo(10 / 3, 10);
  });

  it('weights each element 1/9 and converts by × 25: 84.26, grade B (Baik)', () => {
    const result = computeIkm(totalsOf(three), PERMEN_2017);
    expect(result.index).toBeCloseTo(91 / 27, 10);
    expect(result.ikm).toBe(84.26);
    expect(result.grade).toMatchObject({ grade: 'B', label: { id: 'Baik' } });
    expect(result.regulation).toBe('PermenPAN-RB 14/2017');
  });

  it('grades the same answers A (Sangat Baik) under the older 16/2014 table', () => {
    expect(computeIkm(totalsOf(three), PERMEN_2014).grade).toMatchObject({ grade: 'A', label: { id: 'Sangat Baik' } });
  });

  /** Two respondents, all 2s and all 3s: every NRR is 2.5, IKM = 2.5 × 25 = 62.50: D in 2017, C in 2014. */
  it('a middling office: 62.50 is Tidak Baik by 14/2017 and Kurang Baik by 16/2014', () => {
    const totals = totalsOf([answers(2, 2, 2, 2, 2, 2, 2, 2, 2), answers(3, 3, 3, 3, 3, 3, 3, 3, 3)]);
    expect(computeIkm(totals, PERMEN_2017)).toMatchObject({ ikm: 62.5, grade: { grade: 'D' } });
    expect(computeIkm(totals, PERMEN_2014)).toMatchObject({ ikm: 62.5, grade: { grade: 'C' } });
  });

  it('the scale runs from 25.00 (all 1) to 100.00 (all 4)', () => {
    expect(computeIkm(totalsOf([answers(1, 1, 1, 1, 1, 1, 1, 1, 1)]), PERMEN_2017)).toMatchObject({ ikm: 25, grade: { grade: 'D' } });
    expect(computeIkm(totalsOf([answers(4, 4, 4, 4, 4, 4, 4, 4, 4)]), PERMEN_2017)).toMatchObject({ ikm: 100, grade: { grade: 'A' } });
  });

  /**
   * Four respondents, all 4 except: R1 gives U3 = 3, R2 U3 = 3, R3 U8 = 2. Totals 144 − 1 − 1 − 2 = 140;
   * Σ NRR = 140/4 = 35; IKM = 35/9 × 25 = 97.222… → 97.22, A.
   */
  it('rounds the converted value to two decimals', () => {
    const four = [answers(4, 4, 3, 4, 4, 4, 4, 4, 4), answers(4, 4, 3, 4, 4, 4, 4, 4, 4), answers(4, 4, 4, 4, 4, 4, 4, 2, 4), answers(4, 4, 4, 4, 4, 4, 4, 4, 4)];
    const result = computeIkm(totalsOf(four), PERMEN_2017);
    expect(result.nrr.U3).toBe(3.5);
    expect(result.nrr.U8).toBe(3.5);
    expect(result.ikm).toBe(97.22);
  });

  /** Totals spread evenly over the nine elements: what the database hands over for a large survey. */
  const even = (respondents: number, total: number) => ({
    respondents,
    totals: Object.fromEntries(SKM_ELEMENTS.map((element) => [element, total / SKM_ELEMENTS.length])) as Record<SkmElement, number>,
  });

  /** 2500 · S / (9 · n) exactly halfway between two cents rounds up, as the regulation's worked examples do. */
  it.each([
    [5000, 137889, 76.61, 'B'],
    [5000, 158949, 88.31, 'A'],
    [5000, 116991, 65, 'C'],
  ])('rounds a tie up from the integer total: %i respondents scoring %i in all give %s, %s', (respondents, total, ikm, grade) => {
    expect(computeIkm(even(respondents, total), PERMEN_2017)).toMatchObject({ ikm, grade: { grade } });
  });

  it('has no index and no grade without respondents', () => {
    expect(computeIkm(totalsOf([]), PERMEN_2017)).toMatchObject({ respondents: 0, ikm: null, grade: null });
  });
});

describe('the grade intervals', () => {
  it.each([
    [64.99, 'D'],
    [65.0, 'C'],
    [76.6, 'C'],
    [76.61, 'B'],
    [88.3, 'B'],
    [88.31, 'A'],
    [76.604, 'C'],
    [88.3049, 'B'],
  ])('14/2017: %s is %s', (value, grade) => {
    expect(ikmGrade(value, PERMEN_2017).grade).toBe(grade);
  });

  it.each([
    [43.75, 'D'],
    [43.76, 'C'],
    [62.5, 'C'],
    [62.51, 'B'],
    [81.25, 'B'],
    [81.26, 'A'],
  ])('16/2014: %s is %s', (value, grade) => {
    expect(ikmGrade(value, PERMEN_2014).grade).toBe(grade);
  });

  it('cover 25.00 to 100.00 without gaps or overlaps at two decimals, in every table', () => {
    for (const table of IKM_GRADE_TABLES) {
      for (let cents = 2500; cents <= 10000; cents += 1) {
        const holding = table.intervals.filter((i) => cents / 100 >= i.min && cents / 100 <= i.max);
        expect(holding).toHaveLength(1);
      }
    }
  });

  it('refuses a value off the scale', () => {
    expect(() => ikmGrade(24.99, PERMEN_2017)).toThrow(RangeError);
  });

  it('picks the table in force at the end of the survey period', () => {
    expect(gradeTableFor('2016-12-31').regulation).toBe('PermenPAN-RB 16/2014');
    expect(gradeTableFor('2017-12-31').regulation).toBe('PermenPAN-RB 14/2017');
    expect(gradeTableFor('2026-06-30').regulation).toBe('PermenPAN-RB 14/2017');
  });
});
