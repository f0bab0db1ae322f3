import { inflateSync } from 'node:zlib';
import type { PageCrop } from '../page-crops.ts';

/** The palette entries of one pixel: what the test reads back from the PNG. */
export function decodeCrop(crop: PageCrop): { at(x: number, y: number): [number, number, number] } {
  const png = crop.png;
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let at = 8;
  let palette: Uint8Array = new Uint8Array();
  const idat: Uint8Array[] = [];
  while (at < png.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === 'PLTE') palette = data;
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const { width, height } = crop;
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (width + 1)];
    for (let x = 0; x < width; x++) {
      const v = raw[y * (width + 1) + 1 + x] ?? 0;
      const up = y > 0 ? (pixels[(y - 1) * width + x] ?? 0) : 0;
      pixels[y * width + x] = filter === 2 ? (v + up) & 0xff : v;
    }
  }
  return {
    at(x, y) {
      const i = pixels[y * width + x] ?? 0;
      return [palette[i * 3] ?? -1, palette[i * 3 + 1] ?? -1, palette[i * 3 + 2] ?? -1];
    },
  };
}
