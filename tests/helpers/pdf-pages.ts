import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';

const PDFJS = require.resolve('pdfjs-dist/legacy/build/pdf.min.mjs');
const WORKER = require.resolve('pdfjs-dist/legacy/build/pdf.worker.min.mjs');

/** Runs in the page: pdf.js from blob URLs, each page drawn on a canvas and returned as a PNG data URL. */
const DRAW_PAGES = `async ({ library, worker, data, scale }) => {
  const script = (source) => URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  const pdfjs = await import(script(library));
  pdfjs.GlobalWorkerOptions.workerSrc = script(worker);
  const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
  const pdf = await pdfjs.getDocument({ data: bytes }).promise;
  const out = [];
  for (let n = 1; n <= pdf.numPages; n += 1) {
    const page = await pdf.getPage(n);
    const viewport = page.getViewport({ scale });
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(viewport.width);
    canvas.height = Math.ceil(viewport.height);
    await page.render({ canvasContext: canvas.getContext('2d'), viewport }).promise;
    out.push(canvas.toDataURL('image/png'));
  }
  return out;
}`;

/**
 * Each page of a PDF as a PNG, drawn by pdf.js inside Chromium (what a reader's browser shows), so a person
 * can look at the document as printed without any tool installed on the machine.
 */
export async function pdfPagesAsPng(browser: Browser, pdf: Buffer, scale = 1.5): Promise<Buffer[]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    // A string, not a function: the test runner's transform would rewrite the dynamic import inside it.
    const urls = (await page.evaluate(`(${DRAW_PAGES})(${JSON.stringify({ library: readFileSync(PDFJS, 'utf8'), worker: readFileSync(WORKER, 'utf8'), data: pdf.toString('base64'), scale })})`)) as string[];
    return urls.map((url) => Buffer.from(url.split(',')[1], 'base64'));
  } finally {
    await context.close();
  }
}
