/** The package maps this path in its `exports`, which the CMS's module resolution does not read for types. */
declare module '@orama/stemmers/indonesian' {
  export function stemmer(word: string): string;
  export const language: string;
}
