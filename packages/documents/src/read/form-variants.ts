import type { ReadResult } from './block.ts';

/**
 * Signs some typefaces and input methods write in another form than the one the extractors
 * read: the small percent sign ﹪ (U+FE6A) for ％.
 */
const VARIANT = /﹪/;
const fold = (text: string): string => (VARIANT.test(text) ? text.replace(/﹪/g, '％') : text);

/** The document with every block's text and cells in the usual forms (unchanged when none differ). */
export function withUsualForms(result: ReadResult): ReadResult {
  if (!result.ok || !result.document.blocks.some((b) => VARIANT.test(b.text))) return result;
  const blocks = result.document.blocks.map((b) => ({
    ...b,
    text: fold(b.text),
    ...(b.rows ? { rows: b.rows.map((r) => ({ ...r, cells: r.cells.map(fold) })) } : {}),
  }));
  return { ...result, document: { ...result.document, blocks } };
}
