import { createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { isSitePage } from '@layanan/config';

/** The staff app (react-admin) owns /dashboard and everything below it. */
const STAFF_APP = /^\/dashboard(\/.*)?$/;
/**
 * The Bidang's queue has a page of its own (dashboard/queue.html): a few kilobytes that show a signed-in Bidang
 * its queue before the staff app, which it loads for anyone else and for everything beyond the queue.
 */
const QUICK_QUEUE = /^\/dashboard\/antrean\/?$/;
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

/** Built files the build also wrote compressed beside themselves (scripts/build-dashboard.mjs), by encoding. */
const VARIANTS = [
  { encoding: 'br', ext: '.br' },
  { encoding: 'gzip', ext: '.gz' },
] as const;
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.txt']);
/** Vite names every asset by its content's hash: such a file never changes under its name. */
const HASHED_ASSET = /^\/assets\/.+-[\w-]{8,}\.\w+$/;

/** Each encoding the Accept-Encoding header names, with its weight (q=0 refuses it). */
export function acceptedEncodings(header: string | undefined): Map<string, number> {
  const weights = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find(Boolean);
    weights.set(name, q === undefined ? 1 : Number(q));
  }
  return weights;
}

/**
 * The variant of a built file to send: brotli when the browser takes it, else gzip, else the file itself.
 * Brotli goes first whatever the header's order, because it is the smaller one for the same work (done at build).
 */
export function variantFor(file: string, header: string | undefined): { file: string; encoding: string | null } {
  if (!COMPRESSIBLE.has(path.extname(file))) return { file, encoding: null };
  const weights = acceptedEncodings(header);
  for (const variant of VARIANTS) {
    const weight = weights.get(variant.encoding) ?? weights.get('*') ?? 0;
    if (weight > 0 && existsSync(file + variant.ext)) return { file: file + variant.ext, encoding: variant.encoding };
  }
  return { file, encoding: null };
}

/** The built file a GET of this path answers with, or null when the path belongs to the API or the admin panel. */
export function builtFileFor(dir: string, urlPath: string): string | null {
  if (QUICK_QUEUE.test(urlPath)) return path.join(dir, 'queue.html');
  if (STAFF_APP.test(urlPath)) return path.join(dir, 'dashboard.html');
  if (isSitePage(urlPath)) return path.join(dir, 'index.html');
  if (urlPath.startsWith('/assets/') || ROOT_FILES.has(urlPath)) {
    const file = path.resolve(dir, `.${path.posix.normalize(urlPath)}`);
    return file.startsWith(dir + path.sep) ? file : null;
  }
  return null;
}

interface Context {
  method: string;
  path: string;
  type: string;
  body: unknown;
  status: number;
  length: number;
  fresh: boolean;
  /** koa-compress's switch: the files here are compressed at build already. */
  compress?: boolean;
  get(name: string): string;
  set(name: string, value: string): void;
  vary(name: string): void;
}

/**
 * Serves the built dashboard (dashboard/dist) from the API's own origin: the staff app at /dashboard,
 * the public pages at the site root, both as single-page apps, each file compressed as the browser accepts
 * (the variants are written at build, so a request costs no compression). Hashed assets are cached for good;
 * the HTML is revalidated at each visit (a 304 when unchanged), so a new build is picked up at once.
 */
export default (config: { dir?: string }, { strapi }: { strapi: Core.Strapi }) => {
  const dir = path.resolve(config.dir ?? process.env.DASHBOARD_DIR ?? path.join(strapi.dirs.app.root, '..', 'dashboard', 'dist'));
  let warned = false;
  return async (ctx: Context, next: () => Promise<void>) => {
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
    const sent = variantFor(file, ctx.get('Accept-Encoding'));
    const stat = statSync(sent.file);
    ctx.type = TYPES[ext] ?? 'application/octet-stream';
    if (COMPRESSIBLE.has(ext)) ctx.vary('Accept-Encoding');
    if (HASHED_ASSET.test(ctx.path)) ctx.set('Cache-Control', 'public, max-age=31536000, immutable');
    else if (ext === '.html') ctx.set('Cache-Control', 'no-cache');
    else ctx.set('Cache-Control', 'public, max-age=86400');
    ctx.set('ETag', `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}${sent.encoding ? `-${sent.encoding}` : ''}"`);
    ctx.compress = false;
    ctx.status = 200;
    if (ctx.fresh) {
      ctx.status = 304;
      return;
    }
    if (sent.encoding) ctx.set('Content-Encoding', sent.encoding);
    ctx.body = createReadStream(sent.file);
    ctx.length = stat.size;
  };
};
