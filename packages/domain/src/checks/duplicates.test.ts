import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DepartmentEvaluation } from '../evaluation.ts';
import type { IndicatorNode } from '../evaluation.ts';
import { checkDuplicates } from './duplicates.ts';

const base = DepartmentEvaluation.parse(
  JSON.parse(
    readFileSync(
      new URL('../../../../fixtures/evaluations/clean-hunan-department.json', import.meta.url),
      'utf8',
    ),
  ),
);
const clean = (): DepartmentEvaluation => structuredClone(base);

function leaf(e: DepartmentEvaluation, ...path: number[]): IndicatorNode {
  let list = e.indicators;
  let found: IndicatorNode | undefined;
  for (const i of path) {
    found = list[i];
    list = found?.children ?? [];
  }
  if (!found) throw new Error(`no node at ${path.join('.')}`);
  return found;
}

describe('duplicates', () => {
  it('are silent when every leaf name is unique', () => {
    expect(checkDuplicates(clean())).toEqual([]);
  });

  it('warn on the same leaf under two groups (服务经济社会发展)', () => {
    const e = clean();
    leaf(e, 2, 0, 0).name = '服务经济社会发展';
    leaf(e, 2, 1, 0).name = '服务经济社会发展';
    const findings = checkDuplicates(e);
    expect(findings.map((f) => [f.code, f.category, f.severity, f.stated])).toEqual([
      ['DUPLICATE_INDICATOR', 'duplicate', 'warning', '服务经济社会发展'],
    ]);
    expect(findings[0]?.message).toBe(
      '指标“服务经济社会发展”在“效益指标 / 经济效益指标”和“效益指标 / 社会效益指标”下重复出现',
    );
  });
});
