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
    if (!targetUnit || !actualUnit) continue;
    if (unitsCompatible(targetUnit, actualUnit)) {
      const scaled = tenThousandApart(node.target, node.actual, targetUnit);
      if (scaled)
        out.push(
          makeFinding({
            code: 'UNIT_YUAN_WAN_SCALE',
            // Written in one unit, the slip is read from the figures' size alone: likely, not
            // certain (a target missed by that much is possible).
            severity: 'warning',
            path: `${path}.actual`,
            stated: node.actual.text,
            expected: scaled,
            source: node.source,
            params: { name: node.name, target: node.target?.text ?? targetUnit },
          }),
        );
      continue;
    }
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

/**
 * A money leaf whose target and actual share a unit but stand ten thousand times apart, the
 * actual of the target's size once read in the unit ten thousand times larger or smaller (a
 * text's 万元 restated in 元 with one figure missed: "≥20000.00元" against "2.46元"): the figure
 * it was meant to be, in the target's unit.
 */
function tenThousandApart(
  target: Expression | undefined,
  actual: Expression,
  unit: string,
): string | undefined {
  if (normalizeUnit(unit) !== '元' || target?.kind !== 'quantity') return undefined;
  if (actual.kind !== 'quantity') return undefined;
  const a = target.value;
  const b = actual.value;
  if (!(a > 0 && b > 0)) return undefined;
  const near = (x: number): boolean => x >= a / 10 && x <= a * 10;
  // Off by a thousand at least as written, so a target merely missed or beaten is no slip.
  if (b * 1000 <= a && near(b * 10_000)) return `${actual.text.replace(/[元万亿]+$/, '')}万元`;
  return undefined;
}

function convertsToTargetSize(target: Expression | undefined, actual: Expression): boolean {
  const a = target?.kind === 'quantity' ? target.value : undefined;
  const b = actualInTargetUnit(target, actual);
  return a !== undefined && a > 0 && b !== undefined && b >= a / 10 && b <= a * 10;
}
