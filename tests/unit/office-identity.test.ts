import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const SOURCES = ['cms/src', 'config/src', 'dashboard/src', 'scripts', ...readdirSync(path.join(ROOT, 'plugins')).map((p) => `plugins/${p}/src`)];
/** Data the office starts with (the Profil Dinas's first values, demo requests, FAQ texts): the only place its name may be written. */
const SEED_DATA = path.join('cms', 'src', 'seed');
const OFFICE_WORDS = /probolinggo|disdukcapil|dinas kependudukan/i;
/** "View Probolinggo" is the name of a complaint channel of the SOP, not of the office. */
const CHANNEL_NAME = /view[ _]probolinggo/gi;
const COMMENT = /^\s*(\/\/|\/?\*)/;

function sourceFiles(dir: string): string[] {
  const full = path.join(ROOT, dir);
  return readdirSync(full).flatMap((name) => {
    const file = path.join(full, name);
    const relative = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === 'node_modules' || name === 'dist' ? [] : sourceFiles(relative);
    return /\.(ts|tsx|mjs|js)$/.test(name) ? [relative] : [];
  });
}

describe('the office is named by its profile, never by the code', () => {
  it('names the Dinas nowhere in the sources but the seed data (comments aside)', () => {
    const found = SOURCES.flatMap(sourceFiles)
      .filter((file) => !file.startsWith(SEED_DATA))
      .flatMap((file) =>
        readFileSync(path.join(ROOT, file), 'utf8')
          .split('\n')
          .map((line, i) => ({ where: `${file}:${i + 1}`, line }))
          .filter(({ line }) => !COMMENT.test(line) && OFFICE_WORDS.test(line.replace(CHANNEL_NAME, ''))),
      )
      .map(({ where, line }) => `${where}: ${line.trim()}`);
    expect(found).toEqual([]);
  });

  it('would notice an office name written into a message', () => {
    expect(OFFICE_WORDS.test("  notLinked: 'Maaf, chat ini belum terhubung dengan Disdukcapil Kota Probolinggo'".replace(CHANNEL_NAME, ''))).toBe(true);
    expect(OFFICE_WORDS.test("  view_probolinggo: { id: 'View Probolinggo' },".replace(CHANNEL_NAME, ''))).toBe(false);
  });
});
