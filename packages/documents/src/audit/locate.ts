import type { Finding } from '@jixiao/domain';
import type { Bbox, SourceDocument } from '../read/block.ts';
import type { ExtractedReport } from '../extract/extract-evaluation.ts';
import { excerptOf, squash } from '../extract/text.ts';

/**
 * Gives every finding a line and an excerpt: a finding made on the evaluation (a chapter text
 * without a position) is placed on the sentence its excerpt or stated figure comes from.
 */
export function locateFindings(findings: readonly Finding[], report: ExtractedReport): Finding[] {
  return findings.map((f) => {
    if (f.line !== undefined && f.excerpt !== undefined) return f;
    const probe = f.excerpt
      ? squash(f.excerpt)
          .replace(/^[“"]|[…”"]$/g, '')
          .slice(0, 24)
      : undefined;
    const stated = f.stated ? squash(f.stated) : undefined;
    const hit =
      (probe ? report.sentences.find((s) => s.text.includes(probe)) : undefined) ??
      (stated && stated.length >= 3
        ? report.sentences.find((s) => s.text.includes(stated))
        : undefined);
    if (!hit) return f;
    const out: Finding = { ...f };
    out.line ??= hit.line;
    out.excerpt ??= excerptOf(hit.raw, f.stated);
    return out;
  });
}

/** Where a finding sits on a PDF page, and how sure the reading of that place is. */
export interface PagePlace {
  page: number;
  bbox: Bbox;
  /** OCR confidence of the place (the cell holding the figure, else the row or paragraph). */
  confidence?: number;
}

/**
 * The page and box of the block or table row at `line` (a PDF's positions), narrowed to the
 * cell that holds the stated figure when there is one; undefined for sources without pages.
 */
export function placeOnPage(
  document: SourceDocument,
  line: number | undefined,
  stated?: string,
): PagePlace | undefined {
  if (line === undefined) return undefined;
  const figure = stated ? squash(stated).replace(/[^\d.%]/g, '') : '';
  for (const block of document.blocks) {
    if (block.kind === 'table') {
      const row = block.rows?.find((r) => r.line === line);
      if (!row) continue;
      if (row.page === undefined || !row.bbox) return undefined;
      const place: PagePlace = { page: row.page, bbox: row.bbox };
      const cell = figure ? row.cells.findIndex((c) => c !== '' && squash(c).includes(figure)) : -1;
      const box = cell >= 0 ? row.cellBoxes?.[cell] : undefined;
      if (box) place.bbox = box;
      const conf =
        cell >= 0
          ? row.cellConfidence?.[cell]
          : row.cellConfidence?.reduce<number | null>(
              (m, c) => (c === null ? m : m === null ? c : Math.min(m, c)),
              null,
            );
      if (conf !== undefined && conf !== null) place.confidence = conf;
      return place;
    }
    if (block.line !== line) continue;
    if (block.page === undefined || !block.bbox) return undefined;
    const place: PagePlace = { page: block.page, bbox: block.bbox };
    if (block.confidence !== undefined) place.confidence = block.confidence;
    return place;
  }
  return undefined;
}
