import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const ADMIN_SOURCES = path.join(ROOT, 'cms', 'src', 'admin');
const ADMIN_BUILD = path.join(ROOT, 'cms', 'dist', 'build', 'index.html');

const newest = (dir: string): number =>
  Math.max(...readdirSync(dir, { withFileTypes: true }).map((entry) => (entry.isDirectory() ? newest(path.join(dir, entry.name)) : statSync(path.join(dir, entry.name)).mtimeMs)));

/** The admin panel is served from its build (about a minute and a half): made again only when its sources are newer. */
export function ensureAdminBuild(): void {
  let built = 0;
  try {
    built = statSync(ADMIN_BUILD).mtimeMs;
  } catch {
    // never built
  }
  if (built > newest(ADMIN_SOURCES)) return;
  execFileSync('npm', ['run', 'build', '-w', 'cms'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true' } });
}
