import type { ScoreSheet } from '@jixiao/domain';
import type { FigureSource } from './score-view.ts';

/** Options of the report writer; every field has a default. */
export interface ReportOptions {
  /** GB/T 9704: odd pages right, even pages left (default); or every number centred. */
  pageNumberPosition?: 'odd-even' | 'center';
  /** Bold headings at every level (default: only the fonts distinguish them). */
  boldHeadings?: boolean;
  /** Lay out attachments whose table has eight or more columns in landscape. */
  landscapeWideTables?: boolean;
  /** Scores, totals and deductions as the rulebook computes them (default) or as stated. */
  figures?: FigureSource;
  /** Score sheets of the attached project evaluations, by index; stated figures where absent. */
  projectScoreSheets?: readonly (ScoreSheet | undefined)[];
}

export interface ResolvedOptions {
  pageNumberPosition: 'odd-even' | 'center';
  boldHeadings: boolean;
  landscapeWideTables: boolean;
  figures: FigureSource;
  projectScoreSheets: readonly (ScoreSheet | undefined)[];
}

export function resolveOptions(o: ReportOptions = {}): ResolvedOptions {
  return {
    pageNumberPosition: o.pageNumberPosition ?? 'odd-even',
    boldHeadings: o.boldHeadings ?? false,
    landscapeWideTables: o.landscapeWideTables ?? false,
    figures: o.figures ?? 'computed',
    projectScoreSheets: o.projectScoreSheets ?? [],
  };
}
