import { z } from 'zod';

/**
 * A target (年度指标值) or actual (实际完成值) as reports write it, parsed into a typed value.
 * The original text is always kept; `kind: 'text'` means it could not be read as anything else.
 */
export const Comparator = z.enum(['>=', '<=', '=', '>', '<']);
export type Comparator = z.infer<typeof Comparator>;

export const QualitativeGrade = z.enum(['achieved', 'partial', 'not-achieved']);
export type QualitativeGrade = z.infer<typeof QualitativeGrade>;

export const Expression = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('quantity'),
    text: z.string(),
    comparator: Comparator.optional(),
    value: z.number(),
    /** Unit as written after the number: "%", "件", "万元", "篇、条"; empty when none. */
    unit: z.string(),
    /** True when the text hedges ("4900余件", "约100万吨"). */
    approximate: z.boolean().optional(),
  }),
  z.object({
    kind: z.literal('range'),
    text: z.string(),
    lower: z.number().optional(),
    lowerInclusive: z.boolean(),
    upper: z.number().optional(),
    upperInclusive: z.boolean(),
    unit: z.string(),
  }),
  z.object({
    kind: z.literal('deadline'),
    text: z.string(),
    /** ISO date (YYYY-MM-DD) of the deadline; month-end when only a month is given. */
    date: z.string().optional(),
    /** For "12月底前" without a year: month number, the year is the report's. */
    month: z.number().int().min(1).max(12).optional(),
    comparator: z.enum(['by', 'on']).optional(),
  }),
  z.object({ kind: z.literal('qualitative'), text: z.string(), grade: QualitativeGrade }),
  z.object({ kind: z.literal('done'), text: z.string(), done: z.boolean() }),
  z.object({ kind: z.literal('text'), text: z.string() }),
]);
export type Expression = z.infer<typeof Expression>;
