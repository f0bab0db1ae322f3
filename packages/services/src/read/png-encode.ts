import { crc32, deflateSync } from 'node:zlib';

/** An 8-bit picture whose pixels are indices into a palette of RGB triples. */
export interface IndexedImage {
  width: number;
  height: number;
  /** One byte a pixel, rows top to bottom. */
  pixels: Uint8Array;
  /** RGB triples, at most 256. */
  palette: Uint8Array;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/**
 * Encodes an indexed picture as a PNG (colour type 3). Rows are filtered with "Up": a page is
 * mostly rows like the one above, which then deflate to almost nothing.
 */
export function encodeIndexedPng(image: IndexedImage): Uint8Array {
  const { width, height, pixels, palette } = image;
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header[8] = 8; // bit depth
  header[9] = 3; // indexed colour
  const raw = new Uint8Array((width + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width + 1);
    raw[row] = y === 0 ? 0 : 2;
    const at = y * width;
    if (y === 0) raw.set(pixels.subarray(0, width), row + 1);
    else
      for (let x = 0; x < width; x++)
        raw[row + 1 + x] = ((pixels[at + x] ?? 0) - (pixels[at - width + x] ?? 0)) & 0xff;
  }
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('PLTE', palette),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
