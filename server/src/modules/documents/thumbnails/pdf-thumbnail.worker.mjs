// Draws the first page of a PDF into a PNG for thumbnails.render.ts, in a worker thread of its own (see there why).
// Plain JavaScript: a worker thread does not go through the TypeScript loader of the process that starts it.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { createCanvas } from '@napi-rs/canvas';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const require = createRequire(import.meta.url);
const standardFontDataUrl = `${join(dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

async function render({ data, maxSide }) {
  const task = getDocument({
    data,
    // Font programs are never compiled into functions: a crafted font cannot become code (CVE-2024-4367).
    isEvalSupported: false,
    standardFontDataUrl,
    verbosity: 0,
  });
  try {
    const pdf = await task.promise;
    const page = await pdf.getPage(1);
    const natural = page.getViewport({ scale: 1 });
    const longest = Math.max(natural.width, natural.height);
    if (!(longest > 0)) throw new Error('The first page has no size');
    // Whatever size the page claims, the canvas is never larger than maxSide a side.
    const viewport = page.getViewport({ scale: maxSide / longest });
    const canvas = createCanvas(Math.max(1, Math.round(viewport.width)), Math.max(1, Math.round(viewport.height)));
    const context = canvas.getContext('2d');
    // PDF pages are paper: without a background, transparent areas would turn black in the thumbnail.
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvasContext: context, viewport }).promise;
    return canvas.toBuffer('image/png');
  } finally {
    await task.destroy();
  }
}

try {
  const png = await render(workerData);
  parentPort.postMessage({ png });
} catch (error) {
  parentPort.postMessage({ error: String(error?.message ?? error) });
}
