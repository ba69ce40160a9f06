import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { bootApp, createTestDatabase, type TestApp, type TestDatabase } from '../helpers/strapi';

const DIST = path.resolve(__dirname, '..', '..', 'dashboard', 'dist');

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A GET as a browser sends it, the body kept exactly as it came over the wire (no client-side decoding). */
function get(port: number, urlPath: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: urlPath, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

/** The public site's entry script, as index.html names it. */
function siteScript(): string {
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  return /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(html)![1];
}

describe('the built pages and scripts over the wire', () => {
  let db: TestDatabase;
  let app: TestApp;
  let port: number;
  let script: string;
  let original: Buffer;

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    app = await bootApp(db);
    await new Promise<void>((resolve) => app.strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
    port = (app.strapi.server.httpServer.address() as AddressInfo).port;
    script = siteScript();
    original = readFileSync(path.join(DIST, script));
  });
  afterAll(async () => {
    await app?.stop();
    await db?.drop();
  });

  it('a browser that takes brotli gets the script in brotli, and it unpacks to the built file', async () => {
    const res = await get(port, script, { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers.vary).toMatch(/Accept-Encoding/i);
    expect(res.headers['content-type']).toMatch(/text\/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(original.length / 2);
    expect(brotliDecompressSync(res.body).equals(original)).toBe(true);
  });

  it('a browser that takes only gzip gets gzip', async () => {
    const res = await get(port, script, { 'Accept-Encoding': 'gzip' });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers.vary).toMatch(/Accept-Encoding/i);
    expect(gunzipSync(res.body).equals(original)).toBe(true);
  });

  it.each([
    ['no Accept-Encoding', {}],
    ['only an encoding we do not keep', { 'Accept-Encoding': 'deflate' }],
    ['brotli and gzip refused', { 'Accept-Encoding': 'br;q=0, gzip;q=0, identity' }],
  ])('a client with %s gets the file itself', async (_, headers) => {
    const res = await get(port, script, headers);
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers.vary).toMatch(/Accept-Encoding/i);
    expect(res.body.equals(original)).toBe(true);
  });

  it('a weighted header picks what the browser prefers among what it accepts', async () => {
    const res = await get(port, script, { 'Accept-Encoding': 'br;q=0, gzip;q=0.8' });
    expect(res.headers['content-encoding']).toBe('gzip');
  });

  it('a page is compressed too, never cached without asking, and answered 304 when unchanged', async () => {
    const page = await get(port, '/lacak', { 'Accept-Encoding': 'br' });
    expect(page.headers['content-encoding']).toBe('br');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(page.body).equals(readFileSync(path.join(DIST, 'index.html')))).toBe(true);
    const again = await get(port, '/lacak', { 'Accept-Encoding': 'br', 'If-None-Match': String(page.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('the Bidang’s queue has its own light page; every other staff address gets the staff app', async () => {
    const quick = readFileSync(path.join(DIST, 'queue.html'));
    const staff = readFileSync(path.join(DIST, 'dashboard.html'));
    for (const address of ['/dashboard/antrean', '/dashboard/antrean/']) {
      const res = await get(port, address);
      expect([res.status, res.headers['content-type']]).toEqual([200, 'text/html; charset=utf-8']);
      expect(res.body.equals(quick)).toBe(true);
    }
    for (const address of ['/dashboard', '/dashboard/', '/dashboard/antrean-lama', '/dashboard/inquiries/abc/show']) {
      expect((await get(port, address)).body.equals(staff)).toBe(true);
    }
  });
});
