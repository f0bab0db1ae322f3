import type { ReadResult } from './block.ts';
import { readFailure } from './block.ts';
import { readDocx } from './read-docx.ts';
import { readHtml } from './read-html.ts';
import { readText } from './read-text.ts';
import { isZip } from './zip.ts';
import { forgetHeadings } from './heading.ts';
import { forgetSquashed } from '../extract/text.ts';

/** Largest input accepted: real reports are well under 10 MB, even with pictures. */
export const MAX_INPUT_BYTES = 30 * 1024 * 1024;

export type ReadableFormat = 'docx' | 'txt' | 'html';

export function formatOf(fileName: string): ReadableFormat | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'docx') return 'docx';
  if (ext === 'txt' || ext === 'text') return 'txt';
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  return undefined;
}

/**
 * Reads a report's bytes into the block model. The file name chooses the reader; every expected
 * failure (empty, too large, not a Word file, zip bomb, XML entities, binary) is a value.
 */
export function readDocument(bytes: Uint8Array, fileName: string): ReadResult {
  // Per-document memos start empty: nothing carries over from one document to the next.
  forgetHeadings();
  forgetSquashed();
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
    case 'docx':
      return readDocx(bytes, fileName);
    case 'txt':
      // A Word file saved with a .txt name is still a Word file.
      return isZip(bytes) ? readDocx(bytes, fileName) : readText(bytes, fileName);
    case 'html':
      return readHtml(bytes, fileName);
  }
}
