import type { ReadResult, SourceFormat } from '../block.ts';
import { readFailure } from '../block.ts';
import { loadPdf } from './pdf-load.ts';
import type { PdfLoadOptions } from './pdf-load.ts';
import { layoutPages } from './pdf-layout.ts';
import type { PageContent, Segment, TextRun } from './pdf-page.ts';

/** A page to recognise: its number and size in PDF points. */
export interface OcrRequest {
  number: number;
  width: number;
  height: number;
}

/** What OCR read on a page: its words as runs, and the ruling lines it found, in PDF points. */
export interface OcrPage {
  runs: TextRun[];
  segments: Segment[];
  /** Degrees the page's picture was turned clockwise to level it before it was read. */
  turned?: number;
}

/**
 * Recognises pages of the PDF being read, per page number, or a Chinese reason why it could
 * not (the engine is not installed, it failed).
 */
export type PdfOcr = (
  pages: readonly OcrRequest[],
) => Promise<Map<number, OcrPage> | { error: string }>;

export interface ReadPdfOptions extends PdfLoadOptions {
  /** Recognises pages without a usable text layer; without it such pages are reported. */
  ocr?: PdfOcr;
}

function pageList(numbers: readonly number[]): string {
  return numbers.length > 8
    ? `第 ${numbers.slice(0, 8).join('、')} 等 ${numbers.length} 页`
    : `第 ${numbers.join('、')} 页`;
}

/**
 * Reads a PDF into the block model: the text layer where it is usable, OCR (when given) for
 * pages that have none (a scan) or whose fonts map no characters. Each block keeps its page and
 * box. Every expected failure is a value with a Chinese message.
 */
export async function readPdf(
  bytes: Uint8Array,
  fileName: string,
  options: ReadPdfOptions = {},
): Promise<ReadResult> {
  const loaded = await loadPdf(bytes, options);
  if (!loaded.ok) return readFailure(loaded.code, loaded.detail);
  const notes: string[] = [];
  const blank = loaded.pages.filter((p) => p.text === 'none' && p.hasImage).map((p) => p.number);
  const unmappable = loaded.pages.filter((p) => p.text === 'unmappable').map((p) => p.number);
  const needOcr = [...blank, ...unmappable].sort((a, b) => a - b);
  const contents: PageContent[] = loaded.pages.map((p) =>
    p.text === 'text'
      ? p
      : { number: p.number, width: p.width, height: p.height, runs: [], segments: p.segments },
  );
  if (needOcr.length > 0) {
    const recognised = options.ocr
      ? await options.ocr(
          needOcr.map((n) => {
            const p = loaded.pages[n - 1];
            return { number: n, width: p?.width ?? 0, height: p?.height ?? 0 };
          }),
        )
      : undefined;
    if (recognised instanceof Map) {
      for (const [n, read] of recognised) {
        const page = contents[n - 1];
        if (page) {
          page.runs = read.runs;
          page.segments = [...page.segments, ...read.segments];
          page.ocr = true;
          if (read.turned) page.turned = read.turned;
        }
      }
      notes.push(`${pageList(needOcr)}没有可用的文字层，已用文字识别（OCR）读取，识别结果可能有误`);
    } else {
      const readable = loaded.pages.length - needOcr.length;
      const reason = recognised?.error;
      if (readable === 0 || loaded.pages.every((p) => p.text !== 'text')) {
        if (reason) return readFailure('ocr-failed', reason);
        return readFailure(
          unmappable.length > 0 ? 'pdf-unmappable' : 'pdf-no-text',
          pageList(needOcr),
        );
      }
      if (blank.length > 0)
        notes.push(
          `${pageList(blank)}没有文字层（扫描页），未能识别${reason ? `：${reason}` : ''}`,
        );
      if (unmappable.length > 0)
        notes.push(
          `${pageList(unmappable)}的字体没有字符映射，文字无法提取${reason ? `：${reason}` : ''}`,
        );
    }
  }
  const blocks = layoutPages(contents);
  const format: SourceFormat = 'pdf';
  return { ok: true, document: { fileName, format, blocks, notes } };
}

/** Lays out pages recognised from a picture (a photo or a scan of a table) as the block model. */
export function readRecognisedPages(pages: readonly PageContent[], fileName: string): ReadResult {
  const blocks = layoutPages(pages);
  return {
    ok: true,
    document: {
      fileName,
      format: 'image',
      blocks,
      notes: ['图片已用文字识别（OCR）读取，识别结果可能有误'],
    },
  };
}
