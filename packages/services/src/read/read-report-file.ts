import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readReport } from '@jixiao/documents/audit-core';
import type { ReadResult, ReadTools } from '@jixiao/documents/audit-core';
import { convertWithLibreOffice } from './office-convert.ts';
import { recognisePicture } from './recognise-picture.ts';
import { recognisePdfPages } from './tesseract-ocr.ts';
import type { OcrOptions } from './tesseract-ocr.ts';

/** pdfjs-dist's CMap folder (for CJK fonts with predefined encodings), when it can be found. */
function cMapUrl(): string | undefined {
  try {
    const pkg = createRequire(import.meta.url).resolve('pdfjs-dist/package.json');
    return `${pathToFileURL(path.join(path.dirname(pkg), 'cmaps')).pathname}/`;
  } catch {
    return undefined;
  }
}

let cmaps: string | undefined | null = null;

/**
 * Reads a report of any format a unit sends, with the programs this machine has: PDFs by their
 * text layer and scanned pages by OCR (tesseract), pictures by OCR, .doc/.wps through
 * LibreOffice; each missing program is a Chinese per-file error that says what to install.
 */
export function readReportFile(
  bytes: Uint8Array,
  fileName: string,
  options: OcrOptions = {},
): Promise<ReadResult> {
  if (cmaps === null) cmaps = cMapUrl();
  const tools: ReadTools = {
    ocr: (pages) => recognisePdfPages(bytes, pages, options),
    recogniseImage: recognisePicture,
    convertToDocx: (b, name) => convertWithLibreOffice(b, name, 'docx'),
    convertToXlsx: (b, name) => convertWithLibreOffice(b, name, 'xlsx'),
    ...(cmaps ? { cMapUrl: cmaps } : {}),
  };
  return readReport(bytes, fileName, tools);
}
