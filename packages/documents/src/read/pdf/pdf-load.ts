import type * as PdfjsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import { inflateSync } from 'node:zlib';
import type { ReadErrorCode } from '../block.ts';
import type { PageContent, Segment, TextRun } from './pdf-page.ts';

/** A report of a few hundred pages is already unusual; a longer PDF is refused, not read. */
export const MAX_PDF_PAGES = 300;
/** Text runs on one page, and characters in the whole file: beyond these a PDF is hostile. */
const MAX_RUNS_PER_PAGE = 40_000;
const MAX_CHARS = 4_000_000;
/** Ruling lines kept per page (a page of hatching or a chart is not a table). */
const MAX_SEGMENTS_PER_PAGE = 5_000;
/** Images larger than this many pixels are not decoded (pdfjs's own option). */
const MAX_IMAGE_PIXELS = 40_000_000;

/** All the streams of a PDF but its images, inflated: a report stays far below this. */
const MAX_INFLATED_BYTES = 200 * 1024 * 1024;
/** A stream inflating to more than this many times its size (and past 20 MB) is a bomb. */
const MAX_STREAM_RATIO = 1000;

/**
 * Inflates every Flate stream once, with a hard output limit, before pdfjs sees the file: a
 * PDF bomb (a small stream that inflates to gigabytes, object streams included) is refused
 * instead of filling memory. Streams that do not inflate are left to pdfjs.
 */
export function inflatesTooMuch(bytes: Uint8Array): boolean {
  const text = new TextDecoder('latin1');
  let budget = MAX_INFLATED_BYTES;
  let at = 0;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const find = (needle: string, from: number): number => buffer.indexOf(needle, from, 'latin1');
  const STREAM = 'stream';
  const END = 'endstream';
  for (;;) {
    const start = find(STREAM, at);
    if (start < 0) return false;
    // Skip "endstream" itself.
    if (start >= 3 && text.decode(bytes.subarray(start - 3, start)) === 'end') {
      at = start + 6;
      continue;
    }
    let body = start + 6;
    if (bytes[body] === 0x0d) body++;
    if (bytes[body] === 0x0a) body++;
    const end = find(END, body);
    if (end < 0) return false;
    const dictionary = text.decode(bytes.subarray(Math.max(0, start - 400), start));
    at = end + 9;
    const own = dictionary.slice(dictionary.lastIndexOf('<<'));
    // Images are bounded by pdfjs's own pixel limit (maxImageSize); a scan may be large.
    if (!/\/FlateDecode/.test(own) || /\/Subtype\s*\/Image/.test(own)) continue;
    const data = bytes.subarray(body, end);
    let inflated: number;
    try {
      inflated = inflateSync(data, { maxOutputLength: budget + 1, finishFlush: 2 }).length;
    } catch (error) {
      if (error instanceof RangeError) return true;
      continue; // not inflatable here: pdfjs decides
    }
    if (inflated > budget) return true;
    if (inflated > 20 * 1024 * 1024 && inflated > data.length * MAX_STREAM_RATIO) return true;
    budget -= inflated;
  }
}

/** How a page's text layer can be used. */
export type PageText =
  | 'text'
  /** No text at all (a scan, a photo, a blank page). */
  | 'none'
  /** Text whose glyphs do not map to characters (a font without a ToUnicode map). */
  | 'unmappable';

export interface LoadedPage extends PageContent {
  text: PageText;
  /** The page paints an image (what a scan is). */
  hasImage: boolean;
}

export type LoadedPdf =
  | { ok: true; pages: LoadedPage[]; pageCount: number }
  | { ok: false; code: ReadErrorCode; detail?: string };

export interface PdfLoadOptions {
  /** Folder (or URL) of pdfjs-dist's cmaps/, for CJK fonts that use predefined CMaps. */
  cMapUrl?: string;
  /** Folder of pdfjs-dist's standard_fonts/. */
  standardFontDataUrl?: string;
  /** Largest number of pages read; more is a `pdf-too-many-pages` error. */
  maxPages?: number;
}

type Pdfjs = typeof PdfjsModule;
let loading: Promise<Pdfjs> | undefined;

/**
 * pdfjs-dist, loaded on the first PDF (it is large, and most audits read none). Its worker runs
 * in this thread: the worker module is registered as `globalThis.pdfjsWorker`, which pdfjs
 * uses instead of loading a file, so the same code works from a bundle.
 */
function pdfjs(): Promise<Pdfjs> {
  loading ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return loading;
}

/** Characters that say a glyph was not mapped: replacement, private use, controls. */
function isUnmapped(code: number): boolean {
  return (
    code === 0xfffd ||
    (code >= 0xe000 && code <= 0xf8ff) ||
    (code < 0x20 && code !== 9 && code !== 10 && code !== 13)
  );
}

function classify(runs: readonly TextRun[]): PageText {
  let total = 0;
  let bad = 0;
  for (const r of runs) {
    for (const ch of r.text) {
      const code = ch.codePointAt(0) ?? 0;
      if (code === 0x20 || code === 0x3000) continue;
      total++;
      if (isUnmapped(code)) bad++;
    }
  }
  if (total === 0) return 'none';
  // A few odd symbols happen (bullets from Wingdings); a third is a font without a map.
  return bad / total > 0.3 ? 'unmappable' : 'text';
}

/**
 * How many baselines of the page (up to three) carry text separated by wide gaps (table cells)
 * rather than one run of prose: three such baselines are enough to look for ruling lines.
 */
function gappedLines(runs: readonly TextRun[]): number {
  const byLine = new Map<number, TextRun[]>();
  for (const r of runs) {
    if (r.text.trim() === '') continue;
    const key = Math.round(r.y);
    const list = byLine.get(key) ?? [];
    list.push(r);
    byLine.set(key, list);
  }
  let gapped = 0;
  for (const list of byLine.values()) {
    if (list.length < 2) continue;
    list.sort((a, b) => a.x - b.x);
    for (let i = 1; i < list.length; i++) {
      const a = list[i - 1];
      const b = list[i];
      if (a && b && b.x - (a.x + a.width) > Math.max(a.size, b.size) * 1.5) {
        gapped++;
        break;
      }
    }
    if (gapped >= 3) break;
  }
  return gapped;
}

/** Multiplies two affine matrices [a b c d e f] (m applied first, then n). */
function multiply(m: readonly number[], n: readonly number[]): number[] {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = m;
  const [A = 1, B = 0, C = 0, D = 1, E = 0, F = 0] = n;
  return [
    a * A + b * C,
    a * B + b * D,
    c * A + d * C,
    c * B + d * D,
    e * A + f * C + E,
    e * B + f * D + F,
  ];
}

function apply(m: readonly number[], x: number, y: number): [number, number] {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = m;
  return [a * x + c * y + e, b * x + d * y + f];
}

/** Keeps a segment when it is axis-aligned (a ruling line), dropping curves and diagonals. */
function pushSegment(out: Segment[], x0: number, y0: number, x1: number, y1: number): void {
  const dx = Math.abs(x1 - x0);
  const dy = Math.abs(y1 - y0);
  if (dy < 1 && dx >= 3) out.push({ x0: Math.min(x0, x1), x1: Math.max(x0, x1), y0: y0, y1: y0 });
  else if (dx < 1 && dy >= 3) out.push({ x0, x1: x0, y0: Math.min(y0, y1), y1: Math.max(y0, y1) });
}

/**
 * Ruling lines from a page's operator list: stroked straight segments, and filled rectangles
 * thin enough to be a line (how Word and many printers draw cell borders), in page space.
 */
function segmentsOf(
  lib: Pdfjs,
  fnArray: number[],
  argsArray: unknown[],
  pageMatrix: readonly number[],
): { segments: Segment[]; hasImage: boolean } {
  const { OPS } = lib;
  const segments: Segment[] = [];
  let ctm: number[] = [...pageMatrix];
  const stack: number[][] = [];
  let hasImage = false;
  const paints = new Set<number>([
    OPS.stroke,
    OPS.closeStroke,
    OPS.fill,
    OPS.eoFill,
    OPS.fillStroke,
    OPS.eoFillStroke,
    OPS.closeFillStroke,
    OPS.closeEOFillStroke,
  ]);
  const fills = new Set<number>([OPS.fill, OPS.eoFill]);
  for (let i = 0; i < fnArray.length && segments.length < MAX_SEGMENTS_PER_PAGE; i++) {
    const fn = fnArray[i];
    const args = argsArray[i];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? [...pageMatrix];
    else if (fn === OPS.transform && Array.isArray(args)) ctm = multiply(args as number[], ctm);
    else if (
      fn === OPS.paintImageXObject ||
      fn === OPS.paintInlineImageXObject ||
      fn === OPS.paintImageMaskXObject ||
      fn === OPS.paintImageXObjectRepeat
    )
      hasImage = true;
    else if (fn === OPS.constructPath && Array.isArray(args)) {
      const [paint, data] = args as [number, ArrayLike<number>[] | undefined];
      if (!paints.has(paint)) continue;
      const path = data?.[0];
      if (!path) continue;
      const points: [number, number][] = [];
      const flush = (): void => {
        if (fills.has(paint) && points.length >= 4) {
          // A thin filled rectangle is a line along its long side.
          const xs = points.map((p) => p[0]);
          const ys = points.map((p) => p[1]);
          const x0 = Math.min(...xs);
          const x1 = Math.max(...xs);
          const y0 = Math.min(...ys);
          const y1 = Math.max(...ys);
          if (y1 - y0 <= 2 && x1 - x0 >= 3)
            pushSegment(segments, x0, (y0 + y1) / 2, x1, (y0 + y1) / 2);
          else if (x1 - x0 <= 2 && y1 - y0 >= 3)
            pushSegment(segments, (x0 + x1) / 2, y0, (x0 + x1) / 2, y1);
          // Any other filled box (a shaded cell) draws no line.
        } else {
          for (let k = 1; k < points.length; k++) {
            const a = points[k - 1];
            const b = points[k];
            if (a && b) pushSegment(segments, a[0], a[1], b[0], b[1]);
          }
        }
        points.length = 0;
      };
      for (let k = 0; k < path.length;) {
        const op = path[k++];
        if (op === 0 || op === 1) {
          if (op === 0) flush();
          points.push(apply(ctm, path[k] ?? 0, path[k + 1] ?? 0));
          k += 2;
        } else if (op === 2) {
          flush();
          k += 6;
        } else if (op === 3) {
          flush();
          k += 4;
        } else if (op === 4) {
          const first = points[0];
          if (first) points.push(first);
        } else break;
      }
      flush();
    }
  }
  return { segments, hasImage };
}

function errorCode(error: unknown): ReadErrorCode {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') return 'pdf-encrypted';
  return 'pdf-invalid';
}

/**
 * Opens a PDF and reads each page's text runs and ruling lines. Encrypted, broken and oversized
 * files are values with a code, never exceptions.
 */
export async function loadPdf(bytes: Uint8Array, options: PdfLoadOptions = {}): Promise<LoadedPdf> {
  if (inflatesTooMuch(bytes))
    return { ok: false, code: 'pdf-too-complex', detail: '解压后体积异常' };
  let lib: Pdfjs;
  try {
    lib = await pdfjs();
  } catch {
    loading = undefined;
    return { ok: false, code: 'pdf-reader-missing' };
  }
  const maxPages = options.maxPages ?? MAX_PDF_PAGES;
  // pdfjs takes the buffer over: give it a copy, the caller keeps its bytes.
  const task = lib.getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    maxImageSize: MAX_IMAGE_PIXELS,
    ...(options.cMapUrl ? { cMapUrl: options.cMapUrl, cMapPacked: true } : {}),
    ...(options.standardFontDataUrl ? { standardFontDataUrl: options.standardFontDataUrl } : {}),
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    return { ok: false, code: errorCode(error) };
  }
  try {
    const pageCount = doc.numPages;
    if (pageCount > maxPages) {
      return {
        ok: false,
        code: 'pdf-too-many-pages',
        detail: `${pageCount} 页，上限 ${maxPages} 页`,
      };
    }
    const pages: LoadedPage[] = [];
    let chars = 0;
    let ruledBefore = false;
    // The page before, when its ruling lines were not read although a line of it is gapped.
    let unreadBefore: LoadedPage | undefined;
    for (let n = 1; n <= pageCount; n++) {
      const page = await doc.getPage(n);
      // Page space: the page as it is shown (after its /Rotate), in points, origin lower left.
      // A landscape table stored on a portrait page turned by 90° reads as the landscape page.
      const viewport = page.getViewport({ scale: 1 });
      const pageMatrix = multiply(viewport.transform, [1, 0, 0, -1, 0, viewport.height]);
      const content = await page.getTextContent();
      const runs: TextRun[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue;
        const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = multiply(
          item.transform as number[],
          pageMatrix,
        );
        // Text set across the page as shown (a vertical label, a stamp) is not part of the body.
        if (Math.abs(b) > 0.01 || Math.abs(c) > 0.01) continue;
        const size = Math.abs(d) || Math.abs(a);
        runs.push({ text: item.str, x: e, y: f, width: item.width, size });
        chars += item.str.length;
      }
      if (runs.length > MAX_RUNS_PER_PAGE || chars > MAX_CHARS) {
        return { ok: false, code: 'pdf-too-complex', detail: `第 ${n} 页` };
      }
      // The operator list (ruling lines, images) costs about half as much again as the text:
      // only pages that may hold a table, or hold no text at all, need it. A page after one with
      // ruling lines may hold a table's last rows, too few to look tabular by their text.
      const kind = classify(runs);
      let segments: Segment[] = [];
      let hasImage = false;
      const gapped = kind === 'text' ? gappedLines(runs) : 3;
      const tabular = gapped >= 3;
      const read = tabular || ruledBefore;
      if (read) {
        const ops = await page.getOperatorList();
        ({ segments, hasImage } = segmentsOf(lib, ops.fnArray, ops.argsArray, pageMatrix));
      }
      // A table that starts at the foot of a page of prose (its name and first row or two, a row
      // split across the break) continues on this page: the page before needs its lines too, or
      // those first rows are read as paragraphs and the table loses its header (金额单位：元).
      if (tabular && segments.length > 0 && unreadBefore) {
        const before = await doc.getPage(unreadBefore.number);
        const shown = before.getViewport({ scale: 1 });
        const ops = await before.getOperatorList();
        const lines = segmentsOf(
          lib,
          ops.fnArray,
          ops.argsArray,
          multiply(shown.transform, [1, 0, 0, -1, 0, shown.height]),
        );
        unreadBefore.segments = lines.segments;
        unreadBefore.hasImage = lines.hasImage;
        before.cleanup();
      }
      ruledBefore = tabular && segments.length > 0;
      pages.push({
        number: n,
        width: viewport.width,
        height: viewport.height,
        runs,
        segments,
        text: kind,
        hasImage,
      });
      unreadBefore = !read && gapped > 0 ? pages[pages.length - 1] : undefined;
      page.cleanup();
    }
    return { ok: true, pages, pageCount };
  } catch (error) {
    return { ok: false, code: errorCode(error) };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
