import { z } from 'zod';
import { EvaluationKind, MAX_INDICATOR_DEPTH } from './evaluation.ts';
import { Points } from './points.ts';

/** A scoring rule for a leaf indicator. A = target, B = actual, W = weight (domain.md §3). */
export const LeafRule = z.discriminatedUnion('kind', [
  /** score = W × min(1, 全年执行数 / 全年预算数), from the fund block's `row` (default total). */
  z.object({
    kind: z.literal('execution-rate'),
    row: z.enum(['total', 'generalPublic', 'currentAppropriation']).default('total'),
    /** Below this rate (0–1) a reason is required. */
    reasonBelow: z.number().min(0).max(1).optional(),
  }),
  /** B ≥ A → W; else W × B/A. */
  z.object({ kind: z.literal('positive') }),
  /** B ≤ A → W; else 'inverse': W × A/B (Hubei) or 'linear': W × (1 − (B−A)/A), 0 at B ≥ 2A. */
  z.object({ kind: z.literal('negative'), mode: z.enum(['inverse', 'linear']).optional() }),
  /** B = A → W; A = 0: W if B ≤ 0 else 0; otherwise as positive. */
  z.object({ kind: z.literal('equal') }),
  /** Inside the range → W; outside → `outsideShare` × W (default 0). */
  z.object({ kind: z.literal('range'), outsideShare: z.number().min(0).max(1).default(0) }),
  /** On time → W; late → `lateShare` × W (default 0). */
  z.object({ kind: z.literal('deadline'), lateShare: z.number().min(0).max(1).default(0) }),
  /** Score must lie in the band of the chosen grade (shares of W). */
  z.object({ kind: z.literal('qualitative'), bands: z.string().optional() }),
  /** Step bands on a measured rate: first band whose `max` (percent) the value does not exceed. */
  z.object({
    kind: z.literal('step-bands'),
    measure: z.enum(['budget-adjustment-rate', 'actual']).default('actual'),
    bands: z.array(z.object({ max: z.number(), score: Points })).min(1),
    otherwise: Points.default(0),
  }),
  /** Full W at or under `threshold` (percent), minus `perPoint` per percentage point over; floor 0. */
  z.object({
    kind: z.literal('per-point'),
    measure: z.enum(['staffing-control-rate', 'actual']).default('actual'),
    threshold: z.number(),
    perPoint: Points,
  }),
  /** n listed conditions: each worth W/n ('share') or each failure −`penalty` ('deduct'). */
  z.object({
    kind: z.literal('checklist'),
    items: z.array(z.string()).min(1),
    mode: z.enum(['share', 'deduct']).default('share'),
    penalty: Points.default(1),
  }),
  /** Self-assessed in [0, W]; a reason is required below W. */
  z.object({ kind: z.literal('manual') }),
  /** The rule follows from the target: ≥ positive, ≤ negative, = equal, range, deadline, grade. */
  z.object({ kind: z.literal('auto') }),
]);
export type LeafRule = z.infer<typeof LeafRule>;
export type LeafRuleKind = LeafRule['kind'];

/** A node of the rulebook's indicator tree. */
export const RuleNode = z.object({
  /** Stable id, unique in the book (e.g. "output.quantity"). */
  id: z.string().min(1),
  name: z.string().min(1),
  /** Other names reports use for this node (预算执行率 / 预算执行情况). */
  aliases: z.array(z.string()).default([]),
  /** Fixed weight; absent when the department chooses it within its parent. */
  weight: Points.optional(),
  /** The rule when this node is itself scored (a leaf of the book). */
  rule: LeafRule.optional(),
  /** Rule for the department's own leaves under this node. */
  leafRule: LeafRule.optional(),
  get children() {
    return z.array(RuleNode).optional();
  },
});
export type RuleNode = z.infer<typeof RuleNode>;
export type RuleNodeInput = z.input<typeof RuleNode>;

/** Rule nodes at most `levels` deep (a rulebook's tree has the bound of an evaluation's). */
function ruleLevels(levels: number): z.ZodType<RuleNode[], RuleNodeInput[]> {
  const children =
    levels > 1
      ? ruleLevels(levels - 1)
      : z.tuple([], { error: `指标层级过深：指标体系最多 ${MAX_INDICATOR_DEPTH} 层` });
  return z.array(RuleNode.omit({ children: true }).extend({ children: children.optional() }));
}

export const QualitativeBands = z.object({
  /** Lower bounds, as shares of W, of 达成 / 部分达成 / 未达成. */
  achieved: z.number().min(0).max(1),
  partial: z.number().min(0).max(1),
  notAchieved: z.number().min(0).max(1),
});

export const RulebookOptions = z.object({
  /** Grade thresholds, highest first; null when the book gives no grade. */
  grades: z
    .array(z.object({ label: z.string(), min: z.number() }))
    .nullable()
    .default([
      { label: '优', min: 90 },
      { label: '良', min: 80 },
      { label: '中', min: 60 },
      { label: '差', min: 0 },
    ]),
  /** Caps on the total by execution rate (percent): below `below` ⇒ total ≤ `cap`. */
  totalCaps: z.array(z.object({ below: z.number(), cap: z.number() })).default([]),
  /** Cap on the sum of bonus points; null for none. */
  bonusCap: z.number().nullable().default(null),
  /** Cap on the final total (e.g. 100 after bonus); null for none. */
  totalCap: z.number().nullable().default(null),
  /** Over-completion: B ≥ ratio × A ⇒ a reason is required, or `points` are deducted. */
  overCompletion: z
    .object({
      ratio: z.number().min(1),
      action: z.enum(['reason', 'deduct']),
      points: Points.default(0),
    })
    .nullable()
    .default(null),
  /** What happens to the weight of a not-assessed indicator. */
  notApplicable: z
    .discriminatedUnion('mode', [
      z.object({ mode: z.literal('move'), to: z.string().optional() }),
      z.object({ mode: z.literal('rescale') }),
    ])
    .default({ mode: 'rescale' }),
  /** Negative-indicator formula when a leaf does not say. */
  negativeMode: z.enum(['inverse', 'linear']).default('linear'),
  /** A score below its weight needs a 偏差原因. */
  reasonBelowWeight: z.boolean().default(true),
  /** Qualitative bands (lower bounds as shares of W). */
  qualitativeBands: QualitativeBands.default({ achieved: 0.8, partial: 0.6, notAchieved: 0 }),
  /** Whether the rulebook deducts for mid-year budget adjustment in the execution score. */
  deductsForBudgetAdjustment: z.boolean().default(false),
});
export type RulebookOptions = z.infer<typeof RulebookOptions>;

export const RulebookSource = z.object({
  title: z.string().min(1),
  /** Document number or URL, when known. */
  reference: z.string().optional(),
  note: z.string().optional(),
});

export const Rulebook = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'id 只能包含小写字母、数字和连字符'),
  name: z.string().min(1),
  version: z.string().min(1),
  kind: EvaluationKind,
  /** Province, city or platform. */
  jurisdiction: z.string().min(1),
  /** False when reconstructed from reports rather than taken from the issuing document. */
  confirmed: z.boolean(),
  sources: z.array(RulebookSource).min(1),
  description: z.string().optional(),
  options: RulebookOptions.default(RulebookOptions.parse({})),
  tree: ruleLevels(MAX_INDICATOR_DEPTH).refine((tree) => tree.length > 0, '指标树至少应有 1 项'),
});
export type Rulebook = z.infer<typeof Rulebook>;
export type RulebookInput = z.input<typeof Rulebook>;
