// Shared by the checks' tests only (not exported by the package): the clean Hunan fixture,
// a fresh copy per test, and a way to reach one of its indicators.
import cleanHunan from '../../../../fixtures/evaluations/clean-hunan-department.json' with { type: 'json' };
import hunanBook from '../../../../rulebooks/hunan-department.json' with { type: 'json' };
import { DepartmentEvaluation } from '../evaluation.ts';
import type { IndicatorNode } from '../evaluation.ts';
import { Rulebook } from '../rulebook.ts';

const base = DepartmentEvaluation.parse(cleanHunan);

/** A fresh, mutable copy of the clean Hunan department evaluation (no findings). */
export const clean = (): DepartmentEvaluation => structuredClone(base);

/** The Hunan department rulebook the clean fixture is scored by. */
export const hunan: Rulebook = Rulebook.parse(hunanBook);

/** The indicator at `path` (indexes from the top level down); throws when there is none. */
export function leaf(e: DepartmentEvaluation, ...path: number[]): IndicatorNode {
  let list = e.indicators;
  let found: IndicatorNode | undefined;
  for (const i of path) {
    found = list[i];
    list = found?.children ?? [];
  }
  if (!found) throw new Error(`no node at ${path.join('.')}`);
  return found;
}
