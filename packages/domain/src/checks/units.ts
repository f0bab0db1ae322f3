import type { Evaluation } from '../evaluation.ts';
import type { Expression } from '../expression.ts';
import type { Finding } from '../finding.ts';
import { actualInTargetUnit, normalizeUnit, unitsCompatible } from '../parse-expression.ts';
import { makeFinding } from './make-finding.ts';
import { isLeaf, walkIndicators } from './walk.ts';

const MONEY_UNITS = new Set(['元', '万元', '亿元']);

function unitOf(e: Expression | undefined): string | undefined {
  if (e?.kind === 'quantity' || e?.kind === 'range') return e.unit;
  return undefined;
}

/** unit: a leaf's actual written in another unit than its target ("138件" vs "138万件"). */
export function checkUnits(evaluation: Evaluation): Finding[] {
  const out: Finding[] = [];
  for (const { node, path } of walkIndicators(evaluation.indicators)) {
    if (!isLeaf(node) || !node.actual) continue;
    const targetUnit = unitOf(node.target) || node.unit;
    const actualUnit = unitOf(node.actual);
    if (!targetUnit || !actualUnit || unitsCompatible(targetUnit, actualUnit)) continue;
    const money =
      MONEY_UNITS.has(normalizeUnit(targetUnit)) && MONEY_UNITS.has(normalizeUnit(actualUnit));
    // The same money in another unit ("4980000元" against "≤520万元"): converted, it is of the
    // target's size, so no slip; a slip is off by the factor (498元 for 498万元).
    if (money && convertsToTargetSize(node.target, node.actual)) continue;
    const expected =
      node.actual.kind === 'quantity' ? `${node.actual.value}${targetUnit}` : undefined;
    out.push(
      makeFinding({
        code: money ? 'UNIT_YUAN_WAN' : 'UNIT_MISMATCH',
        severity: 'error',
        path: `${path}.actual`,
        stated: node.actual.text,
        expected,
        source: node.source,
        params: {
          name: node.name,
          target: node.target?.text ?? targetUnit,
          targetUnit,
          actualUnit,
        },
      }),
    );
  }
  return out;
}

function convertsToTargetSize(target: Expression | undefined, actual: Expression): boolean {
  const a = target?.kind === 'quantity' ? target.value : undefined;
  const b = actualInTargetUnit(target, actual);
  return a !== undefined && a > 0 && b !== undefined && b >= a / 10 && b <= a * 10;
}
