import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const README_LIMIT_BYTES = 15 * 1024;
/** A path in the text counts as the repository's when it starts in one of its top-level folders. */
const REPO_FOLDERS = ['.ci', 'cms', 'config', 'dashboard', 'deploy', 'docs', 'plugins', 'scripts', 'tests'];
/** Made by a build, a start or a test run, never in git: the docs may name them. */
const GENERATED = ['cms/dist', 'cms/build', 'cms/.env', 'cms/.tmp', 'cms/public/uploads', 'dashboard/dist', 'test-artifacts', 'node_modules'];

interface Problem {
  page: string;
  target: string;
  why: string;
}

function markdownPages(dir = 'docs'): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const relative = path.posix.join(dir, name);
    if (statSync(path.join(ROOT, relative)).isDirectory()) return markdownPages(relative);
    return name.endsWith('.md') ? [relative] : [];
  });
}

/** The text outside fenced code blocks, and the fenced blocks' lines apart. */
function splitFences(text: string): { prose: string; code: string[] } {
  const prose: string[] = [];
  const code: string[] = [];
  let fenced = false;
  for (const line of text.split('\n')) {
    if (line.trimStart().startsWith('```')) fenced = !fenced;
    else (fenced ? code : prose).push(line);
  }
  return { prose: prose.join('\n'), code };
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens; repeats get -1, -2 … */
function headingAnchors(text: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const line of splitFences(text).prose.split('\n')) {
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (!heading) continue;
    const base = heading[1]
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N} _-]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

/** Relative link and image targets of the prose (code spans and blocks hold no links). */
function relativeLinks(text: string): string[] {
  const prose = splitFences(text).prose.replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/!?\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target));
}

const inRepo = (candidate: string): boolean => REPO_FOLDERS.some((folder) => candidate.startsWith(`${folder}/`));
const isConcrete = (candidate: string): boolean => !/[<>*{}…|\s]|\.\.\./.test(candidate);
const isGenerated = (candidate: string): boolean => GENERATED.some((prefix) => candidate === prefix || candidate.startsWith(`${prefix}/`));

/** Repository paths the text names: code spans, and the first word of a code block's line (the folder maps). */
function namedPaths(text: string): string[] {
  const { prose, code } = splitFences(text);
  const spans = [...prose.matchAll(/`([^`\n]+)`/g)].map((m) => m[1].trim());
  const mapped = code.map((line) => line.split(/\s+/)[0]);
  return [...spans, ...mapped]
    .map((candidate) => candidate.replace(/[.,;:]+$/, ''))
    .filter((candidate) => inRepo(candidate) && isConcrete(candidate) && !isGenerated(candidate));
}

function problemsOf(page: string, text: string, exists: (file: string) => boolean, anchorsOf: (file: string) => Set<string>): Problem[] {
  const problems: Problem[] = [];
  for (const target of relativeLinks(text)) {
    const [file, anchor] = target.split('#');
    const resolved = file ? path.posix.normalize(path.posix.join(path.posix.dirname(page), decodeURI(file))) : page;
    if (resolved.startsWith('..') || !exists(resolved)) problems.push({ page, target, why: `${resolved} does not exist` });
    else if (anchor && resolved.endsWith('.md') && !anchorsOf(resolved).has(anchor)) problems.push({ page, target, why: `${resolved} has no heading #${anchor}` });
  }
  for (const named of namedPaths(text)) {
    if (!exists(named.replace(/\/$/, ''))) problems.push({ page, target: named, why: 'no such file or folder in the repository' });
  }
  return problems;
}

const read = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8');
const existsInRepo = (file: string): boolean => existsSync(path.join(ROOT, file));
const anchorsInRepo = (file: string): Set<string> => headingAnchors(read(file));

describe('the docs lead where they say', () => {
  const pages = ['README.md', ...markdownPages()];

  it('finds the README and the guides of every role', () => {
    expect(pages).toEqual(
      expect.arrayContaining(['docs/panduan/petugas.md', 'docs/panduan/staf-bidang.md', 'docs/panduan/pimpinan.md', 'docs/panduan/editor-konten.md', 'docs/operasional.md']),
    );
  });

  it('every relative link, image and repository path named in README.md and docs/ exists', () => {
    expect(pages.flatMap((page) => problemsOf(page, read(page), existsInRepo, anchorsInRepo))).toEqual([]);
  });

  it('keeps the README a landing page under 15 KB', () => {
    expect(Buffer.byteLength(read('README.md'))).toBeLessThan(README_LIMIT_BYTES);
  });
});

describe('the docs check itself', () => {
  const files = new Set(['docs/dev/api.md', 'docs/img/papan.png', 'cms/src/index.ts']);
  const exists = (file: string) => files.has(file);
  const anchors = () => new Set(['api', 'errors']);

  it('reports a link to a moved page, a missing anchor, a missing picture and a renamed source file', () => {
    const page = [
      'See [the API](dev/api.md#errors) and [gone](dev/old.md).',
      '![Papan](img/papan.png) ![Hilang](img/hilang.png) [bad anchor](dev/api.md#nowhere)',
      'Wired in `cms/src/index.ts`, the sender in `plugins/channels/src/meta/service.ts`.',
      '```',
      'plugins/channels/src/lapor/   SP4N-LAPOR!',
      '```',
    ].join('\n');
    expect(problemsOf('docs/README.md', page, exists, anchors).map((p) => p.target)).toEqual([
      'dev/old.md',
      'img/hilang.png',
      'dev/api.md#nowhere',
      'plugins/channels/src/meta/service.ts',
      'plugins/channels/src/lapor/',
    ]);
  });

  it('leaves alone web links, placeholders, generated files and links shown as code', () => {
    const page = [
      '[Meta](https://developers.facebook.com) [mail](mailto:layanan@example.go.id)',
      '`plugins/*`, `tests/helpers/<name>.ts`, `dashboard/dist/bundle-report.json`, `cms/.env`',
      'Write `[text](nowhere.md)` to link.',
    ].join('\n');
    expect(problemsOf('docs/README.md', page, exists, anchors)).toEqual([]);
  });

  it('makes anchors as GitHub does', () => {
    expect([...headingAnchors('# API\n## On a cheap phone\n### SP4N-LAPOR!\n## Channels: requests in\n## API')]).toEqual([
      'api',
      'on-a-cheap-phone',
      'sp4n-lapor',
      'channels-requests-in',
      'api-1',
    ]);
  });
});
