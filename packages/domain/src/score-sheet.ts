import { z } from 'zod';
import type { LeafRuleKind } from './rulebook.ts';

export const ScoreNode = z.object({
  /** Path in the evaluation's indicator tree: "indicators[1].children[0]". */
  path: z.string(),
  name: z.string(),
  /** Rulebook node id the indicator was bound to, if any. */
  ruleId: z.string().optional(),
  level: z.number().int().min(1),
  isLeaf: z.boolean(),
  /** Weight after reallocation (not-assessed weight moved here or rescaled). */
  weight: z.number().optional(),
  statedWeight: z.number().optional(),
  statedScore: z.number().optional(),
  computedScore: z.number().optional(),
  statedDeduction: z.number().optional(),
  computedDeduction: z.number().optional(),
  /** The rule kind that computed the score ('stated' when none could be applied). */
  ruleKind: z.string().optional(),
  reasonRequired: z.boolean(),
  reasonGiven: z.boolean(),
  notAssessed: z.boolean(),
  /** Short machine notes: 'weight-moved-in', 'over-completion', 'target-unparsed', ... */
  notes: z.array(z.string()).default([]),
});
export type ScoreNode = z.infer<typeof ScoreNode>;

export const ScoreSheet = z.object({
  rulebookId: z.string(),
  nodes: z.array(ScoreNode),
  /** Sum of top-level computed scores (stated where not computable). */
  treeTotal: z.number(),
  bonus: z.number(),
  penalty: z.number(),
  /** After bonus/penalty and every cap. */
  total: z.number(),
  /** Caps that applied, in order: 'bonus-cap', 'total-cap', 'execution-cap:<below>'. */
  capsApplied: z.array(z.string()),
  executionRate: z.number().optional(),
  grade: z.string().nullable(),
  statedTotal: z.number().optional(),
  statedGrade: z.string().optional(),
});
export type ScoreSheet = z.infer<typeof ScoreSheet>;
export type { LeafRuleKind };
