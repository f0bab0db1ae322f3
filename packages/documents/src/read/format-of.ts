// What a report's file name says about it, and the size limit: all a command needs to list and
// load files before it loads the readers.

/** Largest input accepted: real reports are well under 10 MB, even with pictures. */
export const MAX_INPUT_BYTES = 30 * 1024 * 1024;

/**
 * What a file name says a report is: read here from its bytes (docx, txt, html, pdf), or to be
 * recognised (image: OCR) or converted first (legacy: .doc/.wps, legacy-sheet: .xls/.et, through
 * LibreOffice), which the
 * caller that can run those programs does.
 */
export type ReadableFormat =
  'docx' | 'txt' | 'html' | 'pdf' | 'image' | 'legacy' | 'xlsx' | 'legacy-sheet';

export function formatOf(fileName: string): ReadableFormat | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'docx') return 'docx';
  if (ext === 'txt' || ext === 'text') return 'txt';
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  if (ext === 'pdf') return 'pdf';
  if (ext === 'png' || ext === 'jpg' || ext === 'jpeg') return 'image';
  if (ext === 'doc' || ext === 'wps' || ext === 'rtf') return 'legacy';
  if (ext === 'xlsx') return 'xlsx';
  if (ext === 'xls' || ext === 'et') return 'legacy-sheet';
  return undefined;
}
