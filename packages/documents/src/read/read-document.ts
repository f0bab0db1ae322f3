import type { ReadError, ReadResult } from './block.ts';
import type { PageContent } from './pdf/pdf-page.ts';
import { readPdf, readRecognisedPages } from './pdf/read-pdf.ts';
import type { ReadPdfOptions } from './pdf/read-pdf.ts';
import { readFailure } from './block.ts';
import { readDocx } from './read-docx.ts';
import { readHtml } from './read-html.ts';
import { readText } from './read-text.ts';
import { readXlsx } from './read-xlsx.ts';
import { isZip } from './zip.ts';
import { withUsualForms } from './form-variants.ts';
import { forgetHeadings } from './heading.ts';
import { forgetSquashed } from '../extract/text.ts';
import { forgetClaims } from '../extract/claims.ts';
import { forgetListRoles } from '../extract/list-header.ts';
import { forgetRelations } from '../extract/claim-relations.ts';
import { forgetLineTokens } from '../extract/text-tables.ts';
import { formatOf, MAX_INPUT_BYTES } from './format-of.ts';

export { formatOf, MAX_INPUT_BYTES } from './format-of.ts';
export type { ReadableFormat } from './format-of.ts';

/** What reading needs from outside this package: OCR and conversion run other programs. */
export interface ReadTools extends ReadPdfOptions {
  /** Recognises a picture (.png/.jpg) as pages of runs, or says why it could not. */
  recogniseImage?: (bytes: Uint8Array) => Promise<PageContent[] | { error: ReadError }>;
  /** Converts a legacy Word file (.doc/.wps) to .docx, or says why it could not. */
  convertToDocx?: (
    bytes: Uint8Array,
    fileName: string,
  ) => Promise<Uint8Array | { error: ReadError }>;
  /** Converts a legacy spreadsheet (.xls/.et) to .xlsx, or says why it could not. */
  convertToXlsx?: (
    bytes: Uint8Array,
    fileName: string,
  ) => Promise<Uint8Array | { error: ReadError }>;
}

/**
 * Reads any report a unit sends: .docx/.txt/.html as `readDocument`, a PDF by its text layer
 * (OCR for scanned pages when `tools.ocr` is given), pictures by OCR and legacy Word files by
 * conversion, when the tools for them are given; otherwise a Chinese error that says what is
 * missing.
 */
export async function readReport(
  bytes: Uint8Array,
  fileName: string,
  tools: ReadTools = {},
): Promise<ReadResult> {
  const format = formatOf(fileName);
  if (format !== 'pdf' && format !== 'image' && format !== 'legacy' && format !== 'legacy-sheet') {
    return readDocument(bytes, fileName);
  }
  forgetHeadings();
  forgetSquashed();
  forgetClaims();
  forgetListRoles();
  forgetRelations();
  forgetLineTokens();
  if (bytes.length === 0) return readFailure('empty');
  if (bytes.length > MAX_INPUT_BYTES) {
    return readFailure(
      'too-large',
      `${(bytes.length / 1048576).toFixed(1)} MB，上限 ${MAX_INPUT_BYTES / 1048576} MB`,
    );
  }
  if (format === 'pdf') {
    if (!isPdf(bytes)) return readFailure('pdf-invalid', '文件开头没有 %PDF 标记');
    return withUsualForms(await readPdf(bytes, fileName, tools));
  }
  if (format === 'image') {
    if (!tools.recogniseImage) return readFailure('ocr-failed', '未配置文字识别');
    const pages = await tools.recogniseImage(bytes);
    if (!Array.isArray(pages)) return { ok: false, error: pages.error };
    return withUsualForms(readRecognisedPages(pages, fileName));
  }
  if (format === 'legacy-sheet') {
    // An .xlsx saved with an .xls name is read as it is.
    if (isZip(bytes)) return withUsualForms(readXlsx(bytes, fileName));
    if (!tools.convertToXlsx) return readFailure('converter-missing');
    const xlsx = await tools.convertToXlsx(bytes, fileName);
    if (!(xlsx instanceof Uint8Array)) return { ok: false, error: xlsx.error };
    return withUsualForms(readXlsx(xlsx, fileName));
  }
  if (isZip(bytes)) return withUsualForms(readDocx(bytes, fileName)); // a .docx saved with a .doc name
  if (!tools.convertToDocx) return readFailure('converter-missing');
  const docx = await tools.convertToDocx(bytes, fileName);
  if (!(docx instanceof Uint8Array)) return { ok: false, error: docx.error };
  return withUsualForms(readDocx(docx, fileName));
}

/** A PDF starts with "%PDF-" within its first kilobyte. */
function isPdf(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

/**
 * Reads a report's bytes into the block model. The file name chooses the reader; every expected
 * failure (empty, too large, not a Word file, zip bomb, XML entities, binary) is a value.
 */
export function readDocument(bytes: Uint8Array, fileName: string): ReadResult {
  return withUsualForms(readAnyDocument(bytes, fileName));
}

function readAnyDocument(bytes: Uint8Array, fileName: string): ReadResult {
  // Per-document memos start empty: nothing carries over from one document to the next.
  forgetHeadings();
  forgetSquashed();
  forgetClaims();
  forgetListRoles();
  forgetRelations();
  forgetLineTokens();
  const format = formatOf(fileName);
  if (!format) return readFailure('unsupported-format', fileName);
  if (bytes.length === 0) return readFailure('empty');
  if (bytes.length > MAX_INPUT_BYTES) {
    return readFailure(
      'too-large',
      `${(bytes.length / 1048576).toFixed(1)} MB，上限 ${MAX_INPUT_BYTES / 1048576} MB`,
    );
  }
  switch (format) {
    case 'pdf':
    case 'image':
    case 'legacy':
    case 'legacy-sheet':
      // These are read asynchronously (readReport): pdfjs, OCR and conversion are.
      return readFailure('unsupported-format', fileName);
    case 'docx':
      return readDocx(bytes, fileName);
    case 'txt':
      // A Word file saved with a .txt name is still a Word file.
      return isZip(bytes) ? readDocx(bytes, fileName) : readText(bytes, fileName);
    case 'html':
      return readHtml(bytes, fileName);
    case 'xlsx':
      return readXlsx(bytes, fileName);
  }
}
