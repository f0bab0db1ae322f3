import { inflateSync } from 'node:zlib';
import type { Gray } from './raster-rulings.ts';

/** Samples per pixel by a PNG's colour type (grey, RGB, palette, grey+alpha, RGBA). */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/**
 * Decodes a PNG to grey, one byte a pixel (luma; transparent parts over white paper), for
 * drawing a picture of it. Undefined for what is not a PNG, an interlaced one, or one whose
 * data is cut short; `maxPixels` bounds the memory it may take.
 */
export function decodePngGray(bytes: Uint8Array, maxPixels: number): Gray | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 33 || view.getUint32(0) !== 0x89504e47) return undefined;
  let width = 0;
  let height = 0;
  let depth = 0;
  let type = -1;
  let interlaced = false;
  let palette: Uint8Array = new Uint8Array();
  let alphas: Uint8Array = new Uint8Array();
  const data: Uint8Array[] = [];
  for (let at = 8; at + 8 <= bytes.length;) {
    const length = view.getUint32(at);
    const name = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (name === 'IHDR' && body.length >= 13) {
      const h = new DataView(body.buffer, body.byteOffset, body.byteLength);
      width = h.getUint32(0);
      height = h.getUint32(4);
      depth = body[8] ?? 0;
      type = body[9] ?? -1;
      interlaced = body[12] === 1;
    } else if (name === 'PLTE') palette = body;
    else if (name === 'tRNS') alphas = body;
    else if (name === 'IDAT') data.push(body);
    else if (name === 'IEND') break;
    at += 12 + length;
  }
  const channels = CHANNELS[type];
  if (channels === undefined || interlaced || width === 0 || height === 0) return undefined;
  if (![1, 2, 4, 8, 16].includes(depth) || width * height > maxPixels) return undefined;
  const rowBytes = Math.ceil((width * channels * depth) / 8);
  let raw: Uint8Array;
  try {
    raw = inflateSync(Buffer.concat(data), { maxOutputLength: (rowBytes + 1) * height });
  } catch {
    return undefined;
  }
  if (raw.length < (rowBytes + 1) * height) return undefined;
  const step = Math.max(1, (channels * depth) / 8);
  const out = new Uint8Array(width * height);
  let prev: Uint8Array = new Uint8Array(rowBytes);
  const max = (1 << Math.min(depth, 8)) - 1;
  for (let y = 0; y < height; y++) {
    const start = y * (rowBytes + 1);
    const filter = raw[start] ?? 0;
    const row = raw.slice(start + 1, start + 1 + rowBytes);
    for (let i = 0; i < rowBytes; i++) {
      const a = i >= step ? (row[i - step] ?? 0) : 0;
      const b = prev[i] ?? 0;
      const c = i >= step ? (prev[i - step] ?? 0) : 0;
      const add =
        filter === 1
          ? a
          : filter === 2
            ? b
            : filter === 3
              ? (a + b) >> 1
              : filter === 4
                ? paeth(a, b, c)
                : 0;
      row[i] = ((row[i] ?? 0) + add) & 0xff;
    }
    prev = row;
    const sample = (x: number, ch: number): number => {
      // Samples of 16 bits are read by their high byte; below 8 bits, packed from the left.
      if (depth >= 8) return row[(x * channels + ch) * (depth / 8)] ?? 0;
      const bit = (x * channels + ch) * depth;
      return ((row[bit >> 3] ?? 0) >> (8 - depth - (bit & 7))) & max;
    };
    for (let x = 0; x < width; x++) {
      let r: number;
      let g: number;
      let b: number;
      let alpha = 255;
      if (type === 3) {
        const index = sample(x, 0);
        r = palette[index * 3] ?? 0;
        g = palette[index * 3 + 1] ?? 0;
        b = palette[index * 3 + 2] ?? 0;
        alpha = alphas[index] ?? 255;
      } else {
        const scale = depth >= 8 ? 1 : 255 / max;
        r = sample(x, 0) * scale;
        g = channels >= 3 ? sample(x, 1) : r;
        b = channels >= 3 ? sample(x, 2) : r;
        if (type === 4) alpha = sample(x, 1);
        if (type === 6) alpha = sample(x, 3);
      }
      const luma = 0.299 * r + 0.587 * g + 0.114 * b;
      out[y * width + x] = Math.round((luma * alpha + 255 * (255 - alpha)) / 255);
    }
  }
  return { width, height, data: out };
}
