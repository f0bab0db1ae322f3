import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { readErrorMessage } from '@jixiao/documents/audit-core';
import type {
  OcrPage,
  OcrRequest,
  PageContent,
  ReadError,
  Segment,
  TextRun,
} from '@jixiao/documents/audit-core';
import { isFrameMarker, jpegSegments } from './jpeg-segments.ts';
import { decodePngGray } from './png-decode.ts';
import { estimateSkew, rotatePage } from './raster-deskew.ts';
import { eraseRulings, findRulings, parsePgm, writePgm } from './raster-rulings.ts';
import type { Gray } from './raster-rulings.ts';
import { runTool } from './run-tool.ts';

/** Resolution pages are rendered at for OCR: 300 dpi reads 10.5 pt table digits reliably. */
export const OCR_DPI = 300;
const PAGE_TIMEOUT_MS = 120_000;
/** Skews below this are left alone (turning costs a little sharpness). */
const MIN_DESKEW_DEG = 0.3;

let problem: Promise<string | undefined> | undefined;

const MISSING = '未安装文字识别程序：请安装 tesseract-ocr 和 tesseract-ocr-chi-sim';
const NO_CHINESE =
  '文字识别程序 tesseract 没有简体中文识别模型（chi_sim）：请安装 tesseract-ocr-chi-sim';

/**
 * Why OCR cannot run here (tesseract missing, or installed without its Simplified Chinese
 * model), in Chinese; undefined when it can. Asked once per process.
 */
export function ocrProblem(): Promise<string | undefined> {
  problem ??= runTool('tesseract', ['--list-langs'], { timeoutMs: 20_000 }).then((r) =>
    !r.ok ? MISSING : /^chi_sim$/m.test(r.stdout) ? undefined : NO_CHINESE,
  );
  return problem;
}

/** Whether tesseract is installed with its Simplified Chinese model (asked once per process). */
export async function ocrAvailable(): Promise<boolean> {
  return (await ocrProblem()) === undefined;
}

/**
 * Words of tesseract's TSV output as text runs in PDF points: each word on its line's bottom
 * (so a line's words share a baseline) with the line's height as its size, and its confidence.
 * Marks that are only the remains of ruling lines (|, _, —) are dropped.
 */
export function runsFromTsv(tsv: string, dpi: number, pageHeight: number): TextRun[] {
  const scale = 72 / dpi;
  const lines = new Map<string, { bottom: number; height: number }>();
  const words: { key: string; text: string; left: number; width: number; conf: number }[] = [];
  for (const row of tsv.split('\n').slice(1)) {
    const f = row.split('\t');
    if (f.length < 12) continue;
    const [level, , block, par, line, , left, top, width, height, conf, ...rest] = f;
    const key = `${block}.${par}.${line}`;
    const l = Number(left);
    const t = Number(top);
    const w = Number(width);
    const h = Number(height);
    if (level === '4') lines.set(key, { bottom: t + h, height: h });
    if (level !== '5') continue;
    const text = rest.join('\t').trim();
    if (text === '' || /^[|｜_—\-=~'"`.,:;![\]()]+$/.test(text)) continue;
    words.push({ key, text, left: l, width: w, conf: Number(conf) });
  }
  const runs: TextRun[] = [];
  for (const word of words) {
    const line = lines.get(word.key);
    if (!line) continue;
    // A line box spans ascenders to descenders: about the font size; its bottom is near the
    // baseline (Chinese has no descenders).
    const size = line.height * scale;
    runs.push({
      text: word.text,
      x: word.left * scale,
      y: pageHeight - line.bottom * scale,
      width: word.width * scale,
      size,
      confidence: Math.max(0, Math.min(1, word.conf / 100)),
    });
  }
  return runs;
}

async function recogniseImageFile(
  image: string,
  dpi: number,
  pageHeight: number,
): Promise<TextRun[] | string> {
  const result = await runTool(
    'tesseract',
    [image, '-', '-l', 'chi_sim+eng', '--psm', '6', '--dpi', String(dpi), 'tsv'],
    // One thread per process: pages run side by side instead.
    { timeoutMs: PAGE_TIMEOUT_MS, env: { ...process.env, OMP_THREAD_LIMIT: '1' } },
  );
  if (result.missing) return MISSING;
  if (!result.ok) return result.timedOut ? '识别超时' : result.message.slice(0, 200);
  return runsFromTsv(result.stdout, dpi, pageHeight);
}

/** Runs `task` over `items` with at most `limit` at a time, keeping their order. */
async function inParallel<T, R>(
  items: readonly T[],
  limit: number,
  task: (t: T) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const i = next++;
      const item = items[i];
      if (item !== undefined) out[i] = await task(item);
    }
  });
  await Promise.all(lanes);
  return out;
}

export interface OcrOptions {
  /**
   * The pages are pictures drawn at OCR_DPI (see imagePage): rendered by pdftocairo, which copies
   * them pixel for pixel, where pdftoppm resamples and blurs a picture's strokes.
   */
  exactPixels?: boolean;
  /** Pages recognised side by side (default: the cores). */
  parallel?: number;
  /** Called after each page. */
  onPage?: (done: number, total: number) => void;
}

/**
 * Reads a rendered page: its ruling lines are found and erased (tesseract reads a table's cells
 * far better without them, and the lines give the layout its cells), then tesseract reads it
 * from `prefix`.clean.pgm.
 */
async function recogniseRendered(
  rendered: Gray,
  prefix: string,
  page: OcrRequest,
): Promise<OcrPage | string> {
  // A page scanned askew is turned level first: tesseract and the ruling finder want level lines.
  const skew = estimateSkew(rendered);
  const gray = Math.abs(skew) >= MIN_DESKEW_DEG ? rotatePage(rendered, skew) : rendered;
  // A ruling is at least 0.4 inch long: longer than any stroke of a character up to 28 pt.
  const rulings = findRulings(gray, Math.round(OCR_DPI * 0.4));
  eraseRulings(gray, rulings);
  const clean = `${prefix}.clean.pgm`;
  await writeFile(clean, writePgm(gray));
  const runs = await recogniseImageFile(clean, OCR_DPI, page.height);
  if (typeof runs === 'string') return runs;
  const scale = 72 / OCR_DPI;
  const segments: Segment[] = rulings.map((r) =>
    r.horizontal
      ? {
          x0: r.from * scale,
          x1: r.to * scale,
          y0: page.height - r.at * scale,
          y1: page.height - r.at * scale,
        }
      : {
          x0: r.at * scale,
          x1: r.at * scale,
          y0: page.height - r.to * scale,
          y1: page.height - r.from * scale,
        },
  );
  return gray === rendered ? { runs, segments } : { runs, segments, turned: skew };
}

/**
 * Renders one page in grey at OCR_DPI: with pdftoppm (PGM), or (`exact`) with pdftocairo (PNG,
 * decoded here). Returns the page or why not, in Chinese.
 */
async function renderPage(
  pdf: string,
  page: number,
  prefix: string,
  { exact }: { exact: boolean },
): Promise<Gray | { error: string }> {
  const range = ['-f', String(page), '-l', String(page), '-singlefile'];
  const tool = exact ? 'pdftocairo' : 'pdftoppm';
  const args = ['-r', String(OCR_DPI), '-gray', ...(exact ? ['-png'] : []), ...range, pdf, prefix];
  const render = await runTool(tool, args, { timeoutMs: PAGE_TIMEOUT_MS });
  if (!render.ok)
    return {
      error: render.missing
        ? `未安装 ${tool}：请安装 poppler-utils`
        : `页面渲染失败：${render.message.slice(0, 200)}`,
    };
  const written = await readFile(`${prefix}.${exact ? 'png' : 'pgm'}`).catch(() => undefined);
  if (!written) return { error: '页面渲染失败' };
  const bytes = new Uint8Array(written);
  const gray = exact ? decodePngGray(bytes, MAX_IMAGE_PIXELS) : parsePgm(bytes);
  return gray ?? { error: '页面渲染结果无法读取' };
}

/**
 * Recognises pages of a PDF: each rendered with pdftoppm at OCR_DPI in grey, its ruling lines
 * taken out, then read by tesseract (chi_sim+eng), pages side by side. Returns the words and
 * lines per page, or why not.
 */
export async function recognisePdfPages(
  pdf: Uint8Array,
  pages: readonly OcrRequest[],
  options: OcrOptions = {},
): Promise<Map<number, OcrPage> | { error: string }> {
  const missing = await ocrProblem();
  if (missing) return { error: missing };
  const dir = await mkdtemp(path.join(tmpdir(), 'jixiao-ocr-'));
  try {
    const file = path.join(dir, 'input.pdf');
    await writeFile(file, pdf);
    let done = 0;
    const results = await inParallel(
      pages,
      options.parallel ?? availableParallelism(),
      async (page) => {
        const prefix = path.join(dir, `p${page.number}`);
        const image = await renderPage(file, page.number, prefix, {
          exact: options.exactPixels === true,
        });
        if ('error' in image) return image.error;
        const read = await recogniseRendered(image, prefix, page);
        options.onPage?.(++done, pages.length);
        return read;
      },
    );
    const out = new Map<number, OcrPage>();
    for (const [i, r] of results.entries()) {
      if (typeof r === 'string') return { error: r };
      const n = pages[i]?.number;
      if (n !== undefined) out.set(n, r);
    }
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Width and height in pixels of a PNG (IHDR) or JPEG (SOFn, with its colour components). */
export function imageSize(
  bytes: Uint8Array,
): { width: number; height: number; components?: number } | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length > 24 && view.getUint32(0) === 0x89504e47) {
    return { width: view.getUint32(16), height: view.getUint32(20) };
  }
  for (const { marker, at } of jpegSegments(bytes)) {
    if (!isFrameMarker(marker)) continue;
    if (at + 9 >= bytes.length) return undefined;
    return {
      height: view.getUint16(at + 5),
      width: view.getUint16(at + 7),
      components: bytes[at + 9] ?? 1,
    };
  }
  return undefined;
}

/** Pixels of a picture accepted for OCR (a 600 dpi A3 scan is about 70 million). */
export const MAX_IMAGE_PIXELS = 80_000_000;

/**
 * Recognises a picture (.png/.jpg: a photo or scan of a table) as one page, taken at 300 dpi
 * (so boxes come out in points of an A4-like page).
 */
export async function recogniseImage(
  bytes: Uint8Array,
): Promise<PageContent[] | { error: ReadError }> {
  const size = imageSize(bytes);
  const fail = (code: ReadError['code'], detail?: string): { error: ReadError } => ({
    error: { code, message: readErrorMessage(code, detail) },
  });
  if (!size || size.width === 0 || size.height === 0) return fail('image-invalid');
  if (size.width * size.height > MAX_IMAGE_PIXELS)
    return fail('image-invalid', `${size.width}×${size.height} 像素，过大`);
  const missing = await ocrProblem();
  if (missing) return fail('ocr-failed', missing);
  const dir = await mkdtemp(path.join(tmpdir(), 'jixiao-ocr-'));
  try {
    const file = path.join(dir, 'image');
    await writeFile(file, bytes);
    const height = (size.height * 72) / OCR_DPI;
    const runs = await recogniseImageFile(file, OCR_DPI, height);
    if (typeof runs === 'string') return fail('ocr-failed', runs);
    return [
      { number: 1, width: (size.width * 72) / OCR_DPI, height, runs, segments: [], ocr: true },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
