/**
 * Survei Kepuasan Masyarakat (SKM) and its index (IKM) per PermenPAN-RB 14/2017: nine elements scored
 * 1..4, the average per element (NRR), each weighted 1/9, summed, and converted to 25..100 (× 25).
 */
export const SKM_ELEMENTS = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'] as const;
export type SkmElement = (typeof SKM_ELEMENTS)[number];

export const SKM_ELEMENT_LABELS: Record<SkmElement, { id: string; en: string }> = {
  U1: { id: 'Persyaratan', en: 'Requirements' },
  U2: { id: 'Sistem, mekanisme dan prosedur', en: 'System, mechanism and procedure' },
  U3: { id: 'Waktu penyelesaian', en: 'Completion time' },
  U4: { id: 'Biaya/tarif', en: 'Cost/tariff' },
  U5: { id: 'Produk spesifikasi jenis pelayanan', en: 'Product specification of the service' },
  U6: { id: 'Kompetensi pelaksana', en: 'Competence of the staff' },
  U7: { id: 'Perilaku pelaksana', en: 'Conduct of the staff' },
  U8: { id: 'Penanganan pengaduan, saran dan masukan', en: 'Handling of complaints, suggestions and feedback' },
  U9: { id: 'Sarana dan prasarana', en: 'Facilities and infrastructure' },
};

/**
 * The questionnaire of PermenPAN-RB 14/2017 (its appendix): each element asked as a question, with answers of its
 * own, from the worst (score 1) to the best (score 4). A citizen reads these, never the element's name.
 */
export const SKM_QUESTIONS: Record<SkmElement, { question: string; answers: readonly [string, string, string, string] }> = {
  U1: {
    question: 'Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?',
    answers: ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
  },
  U2: {
    question: 'Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?',
    answers: ['Tidak mudah', 'Kurang mudah', 'Mudah', 'Sangat mudah'],
  },
  U3: {
    question: 'Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?',
    answers: ['Tidak cepat', 'Kurang cepat', 'Cepat', 'Sangat cepat'],
  },
  U4: {
    question: 'Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?',
    answers: ['Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis'],
  },
  U5: {
    question: 'Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?',
    answers: ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
  },
  U6: {
    question: 'Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?',
    answers: ['Tidak kompeten', 'Kurang kompeten', 'Kompeten', 'Sangat kompeten'],
  },
  U7: {
    question: 'Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?',
    answers: ['Tidak sopan dan ramah', 'Kurang sopan dan ramah', 'Sopan dan ramah', 'Sangat sopan dan ramah'],
  },
  U8: {
    question: 'Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?',
    answers: ['Tidak ada', 'Ada tetapi tidak berfungsi', 'Berfungsi kurang maksimal', 'Dikelola dengan baik'],
  },
  U9: {
    question: 'Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?',
    answers: ['Buruk', 'Cukup', 'Baik', 'Sangat baik'],
  },
};

/** Every answer scores 1 (the worst of its question) to 4 (the best). */
export const SKM_SCORE_MIN = 1;
export const SKM_SCORE_MAX = 4;

export type IkmGrade = 'A' | 'B' | 'C' | 'D';

export interface IkmInterval {
  grade: IkmGrade;
  /** Converted value (25..100), inclusive at two decimals. */
  min: number;
  max: number;
  label: { id: string; en: string };
}

export interface IkmGradeTable {
  regulation: string;
  /** First day (YYYY-MM-DD) of the survey periods graded by this table. */
  appliesFrom: string;
  intervals: readonly IkmInterval[];
}

const LABELS: Record<IkmGrade, { id: string; en: string }> = {
  A: { id: 'Sangat Baik', en: 'Very good' },
  B: { id: 'Baik', en: 'Good' },
  C: { id: 'Kurang Baik', en: 'Fair' },
  D: { id: 'Tidak Baik', en: 'Poor' },
};

const interval = (grade: IkmGrade, min: number, max: number): IkmInterval => ({ grade, min, max, label: LABELS[grade] });

/**
 * The grade tables, oldest first, kept as data: a new regulation is one more entry. SKM is reported per
 * survey year (14/2017 Pasal 1: at least once a year), so a table applies from the first survey year
 * after the one it replaced; 16/2014 converted NRR 1.00–4.00 by × 25 on equal quarters.
 */
export const IKM_GRADE_TABLES: readonly IkmGradeTable[] = [
  {
    regulation: 'PermenPAN-RB 16/2014',
    appliesFrom: '2014-01-01',
    intervals: [interval('D', 25.0, 43.75), interval('C', 43.76, 62.5), interval('B', 62.51, 81.25), interval('A', 81.26, 100.0)],
  },
  {
    regulation: 'PermenPAN-RB 14/2017',
    appliesFrom: '2017-01-01',
    intervals: [interval('D', 25.0, 64.99), interval('C', 65.0, 76.6), interval('B', 76.61, 88.3), interval('A', 88.31, 100.0)],
  },
];

/** The table in force for a survey period ending on `lastDay` (YYYY-MM-DD): the newest that applies by then. */
export function gradeTableFor(lastDay: string): IkmGradeTable {
  const applicable = IKM_GRADE_TABLES.filter((table) => table.appliesFrom <= lastDay);
  return applicable[applicable.length - 1] ?? IKM_GRADE_TABLES[0];
}

export function gradeTableByRegulation(regulation: string): IkmGradeTable | undefined {
  return IKM_GRADE_TABLES.find((table) => table.regulation === regulation);
}

const round2 = (value: number): number => Math.round(value * 100) / 100;

/** The interval holding a converted value, compared at the two decimals the regulation prints. */
export function ikmGrade(value: number, table: IkmGradeTable): IkmInterval {
  const rounded = round2(value);
  const found = table.intervals.find((i) => rounded >= i.min && rounded <= i.max);
  if (!found) throw new RangeError(`Nilai IKM ${rounded} di luar rentang 25,00–100,00.`);
  return found;
}

/** What the database sums up: the number of respondents and, per element, the total of their scores. */
export interface SkmTotals {
  respondents: number;
  totals: Record<SkmElement, number>;
}

export interface IkmResult {
  respondents: number;
  /** Nilai rata-rata per element (1..4), unrounded. */
  nrr: Record<SkmElement, number>;
  /** Σ NRR × 1/9, on the 1..4 scale. */
  index: number;
  /** index × 25, rounded to two decimals, or null without respondents. */
  ikm: number | null;
  grade: IkmInterval | null;
  regulation: string;
}

export function computeIkm({ respondents, totals }: SkmTotals, table: IkmGradeTable): IkmResult {
  const nrr = Object.fromEntries(
    SKM_ELEMENTS.map((element) => [element, respondents > 0 ? totals[element] / respondents : 0]),
  ) as Record<SkmElement, number>;
  if (respondents === 0) return { respondents, nrr, index: 0, ikm: null, grade: null, regulation: table.regulation };
  const scoreTotal = SKM_ELEMENTS.reduce((sum, element) => sum + totals[element], 0);
  const index = scoreTotal / (SKM_ELEMENTS.length * respondents);
  // From the integer total, divided once: summing nine rounded averages lands a tie such as 76.605 a hair
  // below it, and the grade boundary between C and B lies on such ties.
  const ikm = Math.round((2500 * scoreTotal) / (SKM_ELEMENTS.length * respondents)) / 100;
  return { respondents, nrr, index, ikm, grade: ikmGrade(ikm, table), regulation: table.regulation };
}

/** The same from individual answers, for small sets and for checking the database's sums. */
export function totalsOf(responses: readonly Record<SkmElement, number>[]): SkmTotals {
  const totals = Object.fromEntries(SKM_ELEMENTS.map((element) => [element, 0])) as Record<SkmElement, number>;
  for (const response of responses) for (const element of SKM_ELEMENTS) totals[element] += response[element];
  return { respondents: responses.length, totals };
}
