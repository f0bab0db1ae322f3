import type { Finding } from '@jixiao/domain';
import type { Bbox, Block, SourceDocument, TableRow } from '../read/block.ts';
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
  return pagePlacer(document)(line, stated);
}

/**
 * `placeOnPage` for many findings of one document: the blocks and table rows are indexed by
 * line once (the first one of a line wins, as a scan in reading order would find it).
 */
export function pagePlacer(
  document: SourceDocument,
): (line: number | undefined, stated?: string) => PagePlace | undefined {
  const byLine = new Map<number, Block | TableRow>();
  for (const block of document.blocks) {
    if (block.kind === 'table') {
      for (const row of block.rows ?? []) if (!byLine.has(row.line)) byLine.set(row.line, row);
    } else if (!byLine.has(block.line)) byLine.set(block.line, block);
  }
  return (line, stated) => {
    if (line === undefined) return undefined;
    const at = byLine.get(line);
    if (!at) return undefined;
    if ('cells' in at) return placeInRow(at, stated);
    if (at.page === undefined || !at.bbox) return undefined;
    const place: PagePlace = { page: at.page, bbox: at.bbox };
    if (at.confidence !== undefined) place.confidence = at.confidence;
    return place;
  };
}

function placeInRow(row: TableRow, stated: string | undefined): PagePlace | undefined {
  if (row.page === undefined || !row.bbox) return undefined;
  const figure = stated ? squash(stated).replace(/[^\d.%]/g, '') : '';
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
