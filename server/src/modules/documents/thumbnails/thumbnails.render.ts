import { Worker } from 'node:worker_threads';
import type sharp from 'sharp';

/** Thumbnails fit in a square of this side: crisp on high-density screens at every size the web app shows them. */
export const THUMBNAIL_MAX_SIDE = 256;
export const THUMBNAIL_MIME_TYPE = 'image/webp';
/** Larger files are not read at all: a thumbnail is not worth holding more than this in memory. */
export const MAX_SOURCE_BYTES = 64 * 1024 * 1024;
/**
 * Checked against the dimensions an image declares before any pixel is decoded: a few kilobytes of PNG can claim
 * 100 000 × 100 000 pixels (a decompression bomb). 64 megapixels still covers the photos of current cameras.
 */
export const MAX_INPUT_PIXELS = 64_000_000;
const PDF_TIMEOUT_MS = 20_000;
/** The PDF page is drawn at twice the thumbnail size, then reduced by sharp: text stays legible. */
const PDF_RENDER_SIDE = THUMBNAIL_MAX_SIDE * 2;

let loadedSharp: Promise<typeof sharp> | null = null;

/** sharp and libvips are loaded by the first thumbnail job, not at start: most requests never draw an image. */
function loadSharp(): Promise<typeof sharp> {
  loadedSharp ??= import('sharp').then(({ default: sharp }) => {
    // One thumbnail at a time runs in the background of a server that has requests to answer: a single libvips thread
    // is enough, and its operation cache only keeps memory for images that are never seen twice.
    sharp.concurrency(1);
    sharp.cache(false);
    return sharp;
  });
  return loadedSharp;
}

export type ThumbnailSource = 'image' | 'pdf';

const imageTypes = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif', 'image/tiff']);

/** Whether versions of this type get a thumbnail, and how it is made. */
export function thumbnailSource(mimeType: string): ThumbnailSource | null {
  if (imageTypes.has(mimeType)) return 'image';
  if (mimeType === 'application/pdf') return 'pdf';
  return null;
}

/**
 * What libvips may decode, whatever the file's name says. sharp picks a decoder from the content: without this list a
 * "photo.png" holding SVG would reach librsvg, or one holding a PDF the PDF loader. AVIF is reported as `heif`.
 */
const decodableFormats = new Set(['jpeg', 'png', 'webp', 'gif', 'heif', 'tiff']);

/** An input declined on purpose (a format we do not decode, a PDF that fails or is too slow): nothing to retry. */
export class ThumbnailRefusedError extends Error {}

export type Thumbnail = { data: Buffer; width: number; height: number; mimeType: string };

/**
 * A WebP of at most THUMBNAIL_MAX_SIDE pixels a side, turned upright from EXIF orientation, without metadata (sharp
 * drops EXIF and GPS position unless asked to keep them). Only the first frame of an animation or first page of a TIFF.
 */
export async function renderImageThumbnail(bytes: Buffer): Promise<Thumbnail> {
  const sharp = await loadSharp();
  const options = { limitInputPixels: MAX_INPUT_PIXELS, sequentialRead: true };
  // Reads the header only, and already refuses more than MAX_INPUT_PIXELS.
  const { format } = await sharp(bytes, options).metadata();
  if (!format || !decodableFormats.has(format)) throw new ThumbnailRefusedError(`Undecodable format ${format}`);
  const { data, info } = await sharp(bytes, { ...options, autoOrient: true })
    .resize(THUMBNAIL_MAX_SIDE, THUMBNAIL_MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 78, effort: 4 })
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, mimeType: THUMBNAIL_MIME_TYPE };
}

/**
 * The first page of a PDF as a PNG, drawn by pdf.js in a worker thread. The worker keeps pdf.js 4 (which runs on
 * Node 20) apart from the pdf.js 5 inside unpdf that search uses: both register a global `pdfjsWorker`, and whichever
 * loads second would talk to the other's version. It also bounds a hostile PDF: a heap limit, and a deadline after
 * which the thread is terminated.
 */
export function renderPdfFirstPage(bytes: Buffer, timeoutMs = PDF_TIMEOUT_MS): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const data = new Uint8Array(bytes);
    const worker = new Worker(new URL('./pdf-thumbnail.worker.mjs', import.meta.url), {
      workerData: { data, maxSide: PDF_RENDER_SIDE },
      transferList: [data.buffer],
      resourceLimits: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 32 },
      // pdf.js reports damaged files on the console; the outcome is what matters, and it comes back as a message.
      stdout: true,
      stderr: true,
    });
    worker.stdout.resume();
    worker.stderr.resume();
    let settled = false;
    const settle = (error: Error | null, png?: Buffer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      if (error) reject(error);
      else resolve(png as Buffer);
    };
    const timer = setTimeout(() => settle(new ThumbnailRefusedError('PDF rendering took too long')), timeoutMs);
    worker.once('message', (message: { png?: Uint8Array; error?: string }) => {
      if (message.png) settle(null, Buffer.from(message.png));
      else settle(new ThumbnailRefusedError(`PDF not rendered: ${message.error ?? 'unknown error'}`));
    });
    worker.once('error', (error) => settle(error));
    worker.once('exit', (code) => settle(new ThumbnailRefusedError(`PDF renderer exited with code ${code}`)));
  });
}

export async function renderThumbnail(source: ThumbnailSource, bytes: Buffer): Promise<Thumbnail> {
  return renderImageThumbnail(source === 'pdf' ? await renderPdfFirstPage(bytes) : bytes);
}
