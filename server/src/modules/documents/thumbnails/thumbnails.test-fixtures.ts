import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';

/**
 * Images made in memory for the thumbnail tests: real encoders (sharp), except the bomb, which is written by hand
 * because no encoder would agree to produce it in a reasonable time.
 */

/** A photo-like picture: two colour halves, so a thumbnail that lost its content or its orientation shows. */
export async function twoToneImage(
  width: number,
  height: number,
  format: 'png' | 'jpeg',
  options: { orientation?: number } = {},
): Promise<Buffer> {
  const top = { create: { width, height: Math.ceil(height / 2), channels: 3 as const, background: '#d02020' } };
  let image = sharp({ create: { width, height, channels: 3, background: '#2040d0' } }).composite([
    { input: top, top: 0, left: 0 },
  ]);
  if (options.orientation) image = image.withMetadata({ orientation: options.orientation });
  return format === 'png' ? image.png().toBuffer() : image.jpeg({ quality: 85 }).toBuffer();
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A valid black-and-white PNG of `width` × `height` pixels, all white: one bit per pixel deflated, so 30 000 ×
 * 30 000 (900 megapixels, 3.6 GB once decoded to RGBA) fits in about 110 kB. A decompression bomb.
 */
export function bilevelPng(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale
  const row = Buffer.alloc(1 + Math.ceil(width / 8), 0xff);
  row[0] = 0; // filter: none
  const raw = Buffer.alloc(row.length * height);
  for (let y = 0; y < height; y += 1) row.copy(raw, y * row.length);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
