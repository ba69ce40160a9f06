import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { isSitePage } from '@layanan/config';

/** The staff app (react-admin) owns /dashboard and everything below it. */
const STAFF_APP = /^\/dashboard(\/.*)?$/;
const ROOT_FILES = new Set(['/favicon.svg', '/robots.txt']);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
};

/** The built file a GET of this path answers with, or null when the path belongs to the API or the admin panel. */
export function builtFileFor(dir: string, urlPath: string): string | null {
  if (STAFF_APP.test(urlPath)) return path.join(dir, 'dashboard.html');
  if (isSitePage(urlPath)) return path.join(dir, 'index.html');
  if (urlPath.startsWith('/assets/') || ROOT_FILES.has(urlPath)) {
    const file = path.resolve(dir, `.${path.posix.normalize(urlPath)}`);
    return file.startsWith(dir + path.sep) ? file : null;
  }
  return null;
}

/**
 * Serves the built dashboard (dashboard/dist) from the API's own origin: the staff app at /dashboard,
 * the public pages at the site root, both as single-page apps. Hashed assets are cached for good;
 * the HTML never, so a new build is picked up at the next visit.
 */
export default (config: { dir?: string }, { strapi }: { strapi: Core.Strapi }) => {
  const dir = path.resolve(config.dir ?? process.env.DASHBOARD_DIR ?? path.join(strapi.dirs.app.root, '..', 'dashboard', 'dist'));
  let warned = false;
  return async (ctx: { method: string; path: string; type: string; body: unknown; set(name: string, value: string): void }, next: () => Promise<void>) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    const file = builtFileFor(dir, ctx.path);
    if (!file) return next();
    if (!existsSync(file)) {
      if (!warned && file.endsWith('.html')) {
        warned = true;
        strapi.log.warn(`[dashboard] ${file} is missing: build it with \`npm run build -w dashboard\`.`);
      }
      return next();
    }
    const ext = path.extname(file);
    ctx.type = TYPES[ext] ?? 'application/octet-stream';
    ctx.set('Cache-Control', ext === '.html' ? 'no-cache' : 'public, max-age=31536000, immutable');
    ctx.body = createReadStream(file);
  };
};
