import { execFileSync } from 'node:child_process';
import path from 'node:path';

const PDF_TEXT = path.join(__dirname, 'pdf-text.mjs');

/** What a reader of the PDF sees: its pages, its text, each page's text. */
export function pdfText(pdf: Buffer): { pages: number; text: string; pageTexts: string[] } {
  const out = execFileSync(process.execPath, [PDF_TEXT], { input: pdf, maxBuffer: 64 * 1024 * 1024 });
  const { pages, text } = JSON.parse(out.toString()) as { pages: number; text: string[] };
  return { pages, text: text.join('\n'), pageTexts: text };
}
