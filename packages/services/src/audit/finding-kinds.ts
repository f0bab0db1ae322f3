/** Weight and score subtotals of an indicator group. */
export const SUBTOTALS = new Set(['weight-subtotal', 'score-subtotal']);

/** The first figure a finding's stated or expected text holds; NaN when it holds none. */
export const firstFigure = (text: string | undefined): number =>
  Number(/-?\d+(?:\.\d+)?/.exec(text ?? '')?.[0]);

/** Findings on the whole score tree: a tree whose first groups were cut away lacks parts. */
export const WHOLE_TREE_CODES = new Set([
  'TOTAL_MISMATCH',
  'TOTAL_STATED_PARTS',
  'GRADE_MISMATCH',
  'WEIGHT_BOOK_TOTAL',
  'SCORE_BOOK_TOTAL',
]);

/** Findings about the score tree as a whole: meaningless when no indicator was read. */
export const TREE_CODES = new Set([
  'TOTAL_MISMATCH',
  'TOTAL_STATED_PARTS',
  'GRADE_MISMATCH',
  'WEIGHT_BOOK_TOTAL',
]);
