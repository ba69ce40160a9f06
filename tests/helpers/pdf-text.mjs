#!/usr/bin/env node
// Prints the text of a PDF read from standard input, one line per page, as JSON: what a reader would see.
// A separate process because pdf.js is an ES module, which the test runner's CommonJS transform cannot load.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const document = await getDocument({ data: new Uint8Array(Buffer.concat(chunks)), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
const pages = [];
for (let n = 1; n <= document.numPages; n += 1) {
  const content = await (await document.getPage(n)).getTextContent();
  pages.push(content.items.map((item) => item.str + (item.hasEOL ? '\n' : ' ')).join(''));
}
process.stdout.write(JSON.stringify({ pages: document.numPages, text: pages }));
