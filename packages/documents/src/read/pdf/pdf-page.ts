import type { Bbox } from '../block.ts';

/**
 * What the layout needs of a PDF page, whatever read it (the text layer or OCR): runs of text
 * on a baseline and the ruling lines drawn on the page, in PDF points (origin lower left).
 */
export interface TextRun {
  text: string;
  /** Left end of the run on its baseline. */
  x: number;
  /** Baseline. */
  y: number;
  width: number;
  /** Font size (height of the em square). */
  size: number;
  /** OCR only: the recognition's confidence, 0–1. */
  confidence?: number;
}

/** An axis-aligned ruling line (a stroked segment or a thin filled rectangle). */
export interface Segment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PageContent {
  /** 1-based page number. */
  number: number;
  width: number;
  height: number;
  runs: TextRun[];
  segments: Segment[];
  /** The page's text came from OCR. */
  ocr?: boolean;
  /**
   * OCR read the page's picture turned this many degrees clockwise about its centre (to level a
   * page scanned askew): runs and segments are on the levelled page, and the boxes of what is
   * laid out from them are turned back onto the page as scanned.
   */
  turned?: number;
}

export function unionBox(a: Bbox | undefined, b: Bbox): Bbox {
  if (!a) return [b[0], b[1], b[2], b[3]];
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

/** A run's box: from the baseline a fifth of the size down to four fifths up. */
export function runBox(r: TextRun): Bbox {
  return [r.x, r.y - r.size * 0.2, r.x + r.width, r.y + r.size * 0.8];
}

/** Rounds a box to hundredths of a point (what a finding carries). */
export function roundBox(b: Bbox): Bbox {
  const r = (n: number): number => Math.round(n * 100) / 100;
  return [r(b[0]), r(b[1]), r(b[2]), r(b[3])];
}
