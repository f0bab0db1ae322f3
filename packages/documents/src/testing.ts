import { DepartmentEvaluation, TargetForm, amount, targetTree } from '@jixiao/domain';
import type { IndicatorNode } from '@jixiao/domain';
import cleanHunan from '../../../fixtures/evaluations/clean-hunan-department.json' with { type: 'json' };

/** Test material shared by the packages' tests (not part of the product). */

/** A department's 绩效目标 form built from the clean Hunan fixture's indicator tree. */
export function sampleTargetForm(): TargetForm {
  const clean = DepartmentEvaluation.parse(cleanHunan);
  return TargetForm.parse({
    kind: 'department',
    rulebookId: 'hunan-department',
    unitName: clean.meta.unitName,
    year: 2025,
    budget: { total: amount('1000.00'), fiscal: amount('950.00'), other: amount('50.00') },
    overallGoal: '按时完成各项统计调查，提高统计数据质量和服务水平。',
    indicators: targetTree(clean.indicators),
  });
}

/** Names, 年度指标值 (white space squashed) and weights of a tree, to compare written and read. */
export function targetShape(nodes: readonly IndicatorNode[]): unknown[] {
  return nodes.map((n) => ({
    name: n.name,
    target: n.target?.text.replace(/\s+/g, '') ?? null,
    weight: n.weight ?? null,
    children: targetShape(n.children ?? []),
  }));
}

/** Where a box read on a levelled page lies on the page turned by the given degrees (see pdf-unturn). */
export { unturnBox } from './read/pdf/pdf-unturn.ts';
export { enteredEvaluation, seededRandom } from './entered-evaluations.ts';
