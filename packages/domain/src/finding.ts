import { z } from 'zod';

/** The finding categories of domain.md §4, and `target`: a self-evaluation against its approved targets and monitoring. */
export const FindingCategory = z.enum([
  'sum',
  'ratio',
  'execution-score',
  'weight-subtotal',
  'score-subtotal',
  'score-over-weight',
  'deduction',
  'score-rule',
  'total',
  'grade',
  'unit',
  'year',
  'numbering',
  'cross-section',
  'implausible',
  'completeness',
  'duplicate',
  'target',
]);
export type FindingCategory = z.infer<typeof FindingCategory>;

/** error = arithmetically certain; warning = very likely wrong; info = style or rounding. */
export const Severity = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export const ParamValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type ParamValue = z.infer<typeof ParamValue>;

/**
 * A finding: data with a stable code. The Chinese message is produced from code + params by
 * `messageFor` in messages-zh.ts; `stated` is the figure as the document wrote it.
 */
export const Finding = z.object({
  code: z.string().min(1),
  category: FindingCategory,
  severity: Severity,
  message: z.string(),
  /** Location in the evaluation, JSON-path-like: "indicators[1].children[0].score". */
  path: z.string(),
  stated: z.string().optional(),
  expected: z.string().optional(),
  params: z.record(z.string(), ParamValue).default({}),
  /** Source sentence or row, when the evaluation came from a document. */
  excerpt: z.string().optional(),
  line: z.number().int().optional(),
  /** PDF sources: the page (1-based) and box ([x0, y0, x1, y1], points, origin lower left). */
  page: z.number().int().min(1).optional(),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional(),
});
export type Finding = z.infer<typeof Finding>;
