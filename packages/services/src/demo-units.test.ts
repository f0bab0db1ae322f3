import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DepartmentEvaluation, checkEvaluation, targetLeaves } from '@jixiao/domain';
import type { Evaluation, IndicatorNode } from '@jixiao/domain';
import { findRulebook } from './rulebooks/builtin.ts';
import { UNIT_PROFILES, executeAt, unitBody } from './demo-units.ts';

const template = DepartmentEvaluation.parse(
  JSON.parse(
    readFileSync(
      new URL('../../../fixtures/evaluations/clean-hunan-department.json', import.meta.url),
      'utf8',
    ),
  ),
);
const rulebook = findRulebook(template.rulebookId);

/** Everything a reader of the report reads as the unit's own words. */
function words(body: DepartmentEvaluation): string {
  const names = (nodes: readonly IndicatorNode[]): string[] =>
    nodes.flatMap((n) => [n.name, n.target?.text ?? '', ...names(n.children ?? [])]);
  return JSON.stringify([
    body.meta,
    body.duties,
    body.internalUnits,
    body.subordinateUnits,
    body.goals,
    body.chapters,
    body.projectExpenditure,
    body.baseData?.projectRows.map((r) => r.name),
    names(body.indicators),
  ]);
}

const leafShape = (nodes: readonly IndicatorNode[]) =>
  targetLeaves(nodes).map(({ node }) => {
    const t = node.target;
    return t?.kind === 'quantity'
      ? `${t.kind}${t.comparator ?? ''}${t.unit === '%' ? '%' : 'count'}`
      : (t?.kind ?? 'none');
  });

describe('the demo bureaus', () => {
  it('are sixteen, each with its own name, duties, projects and indicators', () => {
    expect(UNIT_PROFILES).toHaveLength(16);
    const seen = new Map<string, string>();
    for (const p of UNIT_PROFILES) {
      const body = unitBody(template, p, 2024);
      const own = [
        p.name,
        ...p.duties,
        ...p.projects.map(([name]) => name),
        ...targetLeaves(body.indicators)
          .map(({ node }) => node.name)
          // The rulebook's own indicators every unit shares.
          .filter((name) => name !== '预算执行率' && name !== '支出控制在预算以内'),
      ];
      for (const item of own) {
        expect(seen.get(item) ?? p.name, `${item} of ${p.name}`).toBe(p.name);
        seen.set(item, p.name);
      }
    }
  });

  it('speak of their own work only: no other bureau, no 统计 outside the statistics bureau', () => {
    for (const p of UNIT_PROFILES) {
      const text = words(unitBody(template, p, 2023));
      expect(text).toContain(p.name);
      expect(text).not.toContain('湘中市');
      for (const other of UNIT_PROFILES)
        if (other.name !== p.name) expect(text, p.name).not.toContain(other.name);
      if (p.name !== '示范市统计局') expect(text, p.name).not.toMatch(/统计/);
    }
  });

  it('are dated in the year evaluated', () => {
    for (const year of [2022, 2023, 2024]) {
      const first = UNIT_PROFILES[0];
      if (first === undefined) throw new Error('profiles expected');
      const body = unitBody(template, first, year);
      const text = words(body);
      expect(body.meta.title).toBe(`${year}年度${first.name}部门整体支出绩效自评报告`);
      expect(text).toContain(`${year}年8月31日前完成`);
      for (const other of [2022, 2023, 2024].filter((y) => y !== year))
        expect(text, `${year}`).not.toContain(`${other}年`);
      expect(body.meta.reportDate).toBe(`${year + 1}-04-15`);
    }
  });

  it('keep the template indicators kinds in their places, so targets and monitoring behave alike', () => {
    const shape = leafShape(template.indicators);
    for (const p of UNIT_PROFILES)
      expect(leafShape(unitBody(template, p, 2024).indicators), p.name).toEqual(shape);
  });

  it('are clean before the generator plants its findings: no error and no warning', () => {
    if (rulebook === undefined) throw new Error('the template rulebook is built in');
    const noisy = (body: Evaluation) =>
      checkEvaluation(body, rulebook)
        .filter((f) => f.severity !== 'info')
        .map((f) => `${f.code} ${f.message}`);
    expect(noisy(template)).toEqual([]);
    for (const p of UNIT_PROFILES) expect(noisy(unitBody(template, p, 2024)), p.name).toEqual([]);
    // Spent at 81.37% of the budget: every amount, rate, share and the execution score agree.
    for (const p of UNIT_PROFILES) {
      const spent = executeAt(unitBody(template, p, 2024), 0.8137);
      expect(spent.funds.total?.statedRate?.text).toBe('81.37%');
      expect(spent.indicators[0]?.score).toBe(8.14);
      expect(noisy({ ...spent, stated: { total: 98.14, grade: '优' } }), p.name).toEqual([]);
    }
  });
});
