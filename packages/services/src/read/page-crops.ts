import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { encodeIndexedPng } from './png-encode.ts';
import { parsePgm } from './raster-rulings.ts';
import type { Gray } from './raster-rulings.ts';
import { runTool } from './run-tool.ts';

/** A place on a PDF page: 1-based page and box [x0, y0, x1, y1] in points, origin lower left. */
export interface PagePlace {
  page: number;
  bbox: readonly [number, number, number, number];
}

/** A picture of the place: a band of its page (or the whole page) with the box outlined. */
export interface PageCrop {
  page: number;
  png: Uint8Array;
  width: number;
  height: number;
}

export interface CropOptions {
  /** Resolution of the picture; 96 dpi shows 10.5 pt table digits legibly. */
  dpi?: number;
  /** Points of the page kept above and below the box (the band spans the page's width). */
  marginPt?: number;
  /** The whole page instead of a band around the box. */
  fullPage?: boolean;
  /** At most this many pictures; places past it get none. */
  maxCrops?: number;
  /** Time for all the rendering of one file. */
  timeoutMs?: number;
}

export const CROP_DPI = 96;
export const CROP_MARGIN_PT = 40;
export const MAX_CROPS_PER_FILE = 24;
const CROP_TIMEOUT_MS = 30_000;
/** Pages larger than this many pixels a side at the crop resolution are not drawn (hostile sizes). */
const MAX_SIDE_PX = 2400;

export interface CropsResult {
  /** One per place asked for, in order; undefined where no picture could be made. */
  crops: (PageCrop | undefined)[];
  /** Why some or all pictures are missing, in Chinese; absent when every place got one. */
  note?: string;
}

// Palette: 64 greys, then the same greys tinted yellow (inside the box), then the outline's red.
const GREYS = 64;
const TINT = GREYS;
const RED = GREYS * 2;
const PALETTE = (() => {
  const p = new Uint8Array((RED + 1) * 3);
  for (let i = 0; i < GREYS; i++) {
    const g = i === GREYS - 1 ? 255 : i * 4 + 2;
    p.set([g, g, g], i * 3);
    // A multiply with a light yellow: the text stays black, the paper turns yellow.
    p.set([g, Math.round((g * 230) / 255), Math.round((g * 140) / 255)], (TINT + i) * 3);
  }
  p.set([212, 56, 13], RED * 3);
  return p;
})();

/**
 * Cuts a picture of `place` from a page rendered in grey: the band of the page around the box
 * (or the whole page), the box tinted and outlined in red. Undefined when the box falls outside
 * the page (a box from another reading).
 */
export function cropAround(
  page: Gray,
  place: PagePlace,
  dpi: number,
  options: { marginPt: number; fullPage: boolean },
): PageCrop | undefined {
  const s = dpi / 72;
  const heightPt = page.height / s;
  const pad = 2 * s;
  const [x0, y0, x1, y1] = place.bbox;
  const left = Math.floor(x0 * s - pad);
  const right = Math.ceil(x1 * s + pad);
  const top = Math.floor((heightPt - y1) * s - pad);
  const bottom = Math.ceil((heightPt - y0) * s + pad);
  const slack = 4 * s;
  if (
    !(x1 > x0 && y1 > y0) ||
    left < -slack ||
    top < -slack ||
    right > page.width + slack ||
    bottom > page.height + slack
  )
    return undefined;
  const margin = Math.round(options.marginPt * s);
  const from = options.fullPage ? 0 : Math.max(0, top - margin);
  const to = options.fullPage ? page.height : Math.min(page.height, bottom + margin);
  const width = page.width;
  const height = to - from;
  const pixels = new Uint8Array(width * height);
  const line = Math.max(2, Math.round(s));
  for (let y = 0; y < height; y++) {
    const py = y + from;
    const inRows = py >= top && py < bottom;
    const edgeRow = inRows && (py < top + line || py >= bottom - line);
    for (let x = 0; x < width; x++) {
      const g = (page.data[py * width + x] ?? 255) >> 2;
      if (!inRows || x < left || x >= right) pixels[y * width + x] = g;
      else if (edgeRow || x < left + line || x >= right - line) pixels[y * width + x] = RED;
      else pixels[y * width + x] = TINT + g;
    }
  }
  const png = encodeIndexedPng({ width, height, pixels, palette: PALETTE });
  return { page: place.page, png, width, height };
}

const NO_RENDERER = '未安装 pdftoppm（poppler-utils），无法显示原页面；发现仍附原文摘录';

/**
 * Pictures of places in a PDF, for a reviewer to see the original: each page is rendered once
 * with pdftoppm (grey, `dpi`), then cut around each place on it. Bounded: at most `maxCrops`
 * pictures, pages of at most MAX_SIDE_PX a side, and `timeoutMs` for the whole file. Never
 * throws: what could not be drawn is left undefined and said in `note`.
 */
export async function renderPageCrops(
  pdf: Uint8Array,
  places: readonly (PagePlace | undefined)[],
  options: CropOptions = {},
): Promise<CropsResult> {
  const dpi = options.dpi ?? CROP_DPI;
  const maxCrops = options.maxCrops ?? MAX_CROPS_PER_FILE;
  const marginPt = options.marginPt ?? CROP_MARGIN_PT;
  const fullPage = options.fullPage ?? false;
  const deadline = performance.now() + (options.timeoutMs ?? CROP_TIMEOUT_MS);
  const crops: (PageCrop | undefined)[] = places.map(() => undefined);
  const wanted = new Map<number, number[]>();
  let taken = 0;
  let skipped = 0;
  for (const [i, place] of places.entries()) {
    if (!place) continue;
    if (taken >= maxCrops) {
      skipped++;
      continue;
    }
    taken++;
    const list = wanted.get(place.page) ?? [];
    list.push(i);
    wanted.set(place.page, list);
  }
  if (wanted.size === 0) return { crops };
  const notes: string[] = [];
  if (skipped > 0)
    notes.push(`每个文件最多显示 ${maxCrops} 处原页面，其余 ${skipped} 处只附原文摘录`);
  const dir = await mkdtemp(path.join(tmpdir(), 'jixiao-crop-'));
  try {
    const file = path.join(dir, 'input.pdf');
    await writeFile(file, pdf);
    let failed = 0;
    for (const [pageNumber, indexes] of wanted) {
      const left = deadline - performance.now();
      if (left <= 0) {
        notes.push('渲染原页面超时，部分发现只附原文摘录');
        break;
      }
      const prefix = path.join(dir, `p${pageNumber}`);
      const render = await runTool(
        'pdftoppm',
        [
          '-r',
          String(dpi),
          '-gray',
          '-f',
          String(pageNumber),
          '-l',
          String(pageNumber),
          '-singlefile',
          '-x',
          '0',
          '-y',
          '0',
          '-W',
          String(MAX_SIDE_PX),
          '-H',
          String(MAX_SIDE_PX),
          file,
          prefix,
        ],
        { timeoutMs: Math.max(1000, Math.round(left)) },
      );
      if (render.missing) return { crops, note: NO_RENDERER };
      const image = render.ok
        ? parsePgm(new Uint8Array(await readFile(`${prefix}.pgm`).catch(() => new Uint8Array())))
        : undefined;
      await rm(`${prefix}.pgm`, { force: true });
      // A page cut at the bound is larger than any real report page: its boxes would be wrong.
      if (!image || image.width >= MAX_SIDE_PX || image.height >= MAX_SIDE_PX) {
        failed += indexes.length;
        continue;
      }
      for (const i of indexes) {
        const place = places[i];
        const crop = place && cropAround(image, place, dpi, { marginPt, fullPage });
        if (crop) crops[i] = crop;
        else failed++;
      }
    }
    if (failed > 0)
      notes.push(`${failed} 处原页面无法显示（页面无法渲染或位置超出页面），只附原文摘录`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return notes.length > 0 ? { crops, note: notes.join('；') } : { crops };
}
