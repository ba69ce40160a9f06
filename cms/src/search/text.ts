import { stemmer } from '@orama/stemmers/indonesian';

/**
 * Words that carry no meaning for finding an FAQ entry: greetings, how citizens open a question ("mau tanya
 * gimana cara …"), pronouns and particles. They are never read as typos, and still count inside a synonym's phrase.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'ada adalah agar akan aku anda apa apakah assalamualaikum atau bagaimana bagaimanakah bapak berapa begitu belum bisa boleh bu ' +
    'cara dan dapat dengan di dong gimana gmn hal harus ibu ingin ini itu jika juga kah kak kalau kami kan ' +
    'kapan kenapa ketika kita mas mau mbak min mohon nya oleh pada pak para perlu saja sama saya sebagai sedang ' +
    'halo hai pagi siang sore malam selamat sudah supaya tanya tentang terima kasih tersebut tolong untuk wb wr ya yang yg'
  ).split(' '),
);

/** Lower case, accents and punctuation gone, one space between words: "E-KTP  hilang!" → "e ktp hilang". */
export function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('id')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function tokenise(text: string): string[] {
  const normal = normalise(text);
  return normal === '' ? [] : normal.split(' ');
}

/** The Indonesian stem of a word; numbers and short words (kk, kia, ktp) stay as they are. */
export function stem(word: string): string {
  if (word.length < 4 || /\d/.test(word)) return word;
  const stemmed = stemmer(word);
  return stemmed.length >= 3 ? stemmed : word;
}

/**
 * Whether two words are at most one edit apart: one letter added, removed, replaced, or two neighbours
 * swapped ("kematain" for "kematian").
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const restA = a.slice(start, endA);
  const restB = b.slice(start, endB);
  if (restA.length <= 1 && restB.length <= 1) return true;
  return restA.length === 2 && restB.length === 2 && restA[0] === restB[1] && restA[1] === restB[0];
}
