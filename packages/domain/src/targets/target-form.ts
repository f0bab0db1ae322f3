import { z } from 'zod';
import { EvaluationKind, IndicatorTree } from '../evaluation.ts';
import type { IndicatorNode } from '../evaluation.ts';
import { Amount, MoneyUnit } from '../money.ts';

/** The budget a target form goes with (年度资金总额 and its sources). */
export const TargetBudget = z.object({
  /** 年度资金总额 */
  total: Amount.optional(),
  /** 其中：财政拨款 */
  fiscal: Amount.optional(),
  /** 其中：其他资金 */
  other: Amount.optional(),
});
export type TargetBudget = z.infer<typeof TargetBudget>;

/**
 * A 绩效目标表: the targets a unit files with its budget request, for the whole department (部门整体)
 * or one project. The indicator tree is the self-evaluation's model (name, 年度指标值, unit,
 * weight); actuals and scores stay empty until the year is evaluated.
 */
export const TargetForm = z
  .object({
    schemaVersion: z.literal(1).default(1),
    kind: EvaluationKind,
    /** The rulebook the year will be evaluated by: it says which targets must be measurable. */
    rulebookId: z.string().min(1),
    unitName: z.string().min(1, '请填写单位名称'),
    year: z.number().int().min(1990).max(2100),
    /** Required for a project form. */
    projectName: z.string().optional(),
    /** 主管部门 */
    supervisor: z.string().optional(),
    /** 实施期, as written ("2025年1月—12月"). */
    period: z.string().optional(),
    budget: TargetBudget.default({}),
    /** 年度总体目标 */
    overallGoal: z.string().default(''),
    indicators: IndicatorTree.default([]),
    /** The unit the form writes amounts in. */
    amountUnit: MoneyUnit.default('万元'),
  })
  .refine((f) => f.kind !== 'project' || (f.projectName ?? '').trim() !== '', {
    message: '项目绩效目标须填写项目名称',
    path: ['projectName'],
  });
export type TargetForm = z.infer<typeof TargetForm>;
export type TargetFormInput = z.input<typeof TargetForm>;

/** Which form this is, for people: "2025年度部门整体绩效目标" or "2025年度某某项目绩效目标". */
export function targetFormTitle(form: Pick<TargetForm, 'kind' | 'year' | 'projectName'>): string {
  return form.kind === 'project'
    ? `${form.year}年度${form.projectName ?? ''}项目绩效目标`
    : `${form.year}年度部门整体绩效目标`;
}

/** The tree's leaves with their paths and ancestors' names, depth first. */
export interface TargetLeaf {
  node: IndicatorNode;
  path: string;
  groups: readonly string[];
}

export function targetLeaves(nodes: readonly IndicatorNode[], base = 'indicators'): TargetLeaf[] {
  const out: TargetLeaf[] = [];
  const visit = (list: readonly IndicatorNode[], prefix: string, groups: readonly string[]) => {
    list.forEach((node, i) => {
      const path = `${prefix}[${i}]`;
      const children = node.children ?? [];
      if (children.length === 0) out.push({ node, path, groups });
      else visit(children, `${path}.children`, [...groups, node.name]);
    });
  };
  visit(nodes, base, []);
  return out;
}

/** Strips what a self-evaluation adds to a target's indicator (actual, score, reasons). */
function targetNode(node: IndicatorNode): IndicatorNode {
  const out: IndicatorNode = { name: node.name };
  if (node.ruleRef !== undefined) out.ruleRef = node.ruleRef;
  if (node.weight !== undefined) out.weight = node.weight;
  if (node.target !== undefined) out.target = node.target;
  if (node.unit !== undefined) out.unit = node.unit;
  if (node.children !== undefined && node.children.length > 0)
    out.children = node.children.map(targetNode);
  return out;
}

/** The targets an indicator tree states (names, 年度指标值, units, weights), without outcomes. */
export function targetTree(nodes: readonly IndicatorNode[]): IndicatorNode[] {
  return nodes.map(targetNode);
}
