/** The longest text the search takes (a request's subject and message fit); longer is refused with a reason. */
export const SEARCH_TEXT_MAX_LENGTH = 2000;

/** The longest group of words with the same meaning an editor may keep in one synonym entry. */
export const SYNONYM_WORDS_MAX_LENGTH = 500;

/** The words of one synonym entry as an editor writes them: separated by commas (or semicolons, or new lines). */
export function synonymWords(text: string): string[] {
  const seen = new Set<string>();
  const words: string[] = [];
  for (const part of text.split(/[,;\n]/)) {
    const word = part.trim().replace(/\s+/g, ' ');
    const key = word.toLocaleLowerCase('id');
    if (word === '' || seen.has(key)) continue;
    seen.add(key);
    words.push(word);
  }
  return words;
}

/** Why a synonym entry cannot be kept, in words an editor understands; null when it can. */
export function synonymsProblem(text: unknown): string | null {
  if (typeof text !== 'string' || text.trim() === '') return 'Isi kata-kata yang sama artinya, dipisahkan koma, misalnya: akta, akte.';
  if (text.length > SYNONYM_WORDS_MAX_LENGTH) return `Padanan kata terlalu panjang (paling banyak ${SYNONYM_WORDS_MAX_LENGTH} karakter).`;
  if (synonymWords(text).length < 2) return 'Padanan kata perlu paling sedikit dua kata atau frasa, dipisahkan koma, misalnya: akta, akte.';
  return null;
}
