import type { ReadResult } from './block.ts';

/**
 * Signs some typefaces and input methods write in another form than the one the extractors
 * read: the small percent sign ﹪ (U+FE6A) for ％, and figures typed in full-width digits
 * ("３，６５２．１４万元", "９８．５３％"), which PDFs and Word files of several provinces carry.
 */
const VARIANT = /[﹪０-９]/;

/**
 * The text in the usual forms, one character for one (so columns and offsets keep): the small
 * percent sign as ％; full-width digits as ASCII ones, with the point, percent sign and minus
 * that belong to a figure ("９８．５３％" → "98.53%", "－２．１" → "-2.1") and the full-width comma
 * between digits before exactly three more, the thousands separator ("３，６５２" → "3,652").
 * A full-width comma anywhere else is the Chinese comma, and a point or percent sign with no
 * digit beside it is left as written.
 */
export function usualForms(text: string): string {
  if (!VARIANT.test(text)) return text; // the common case: nothing to fold
  return text
    .replace(/﹪/g, '％')
    .replace(/(?<=[０-９])，(?=[０-９]{3}(?![０-９]))/g, ',')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/(?<=\d)．(?=\d)/g, '.')
    .replace(/(?<=\d)％/g, '%')
    .replace(/－(?=\d)/g, '-');
}

/** The document with every block's text and cells in the usual forms (unchanged when none differ). */
export function withUsualForms(result: ReadResult): ReadResult {
  if (!result.ok || !result.document.blocks.some((b) => VARIANT.test(b.text))) return result;
  const blocks = result.document.blocks.map((b) => ({
    ...b,
    text: usualForms(b.text),
    ...(b.rows ? { rows: b.rows.map((r) => ({ ...r, cells: r.cells.map(usualForms) })) } : {}),
  }));
  return { ...result, document: { ...result.document, blocks } };
}
