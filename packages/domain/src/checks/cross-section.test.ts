import { describe, expect, it } from 'vitest';
import { amount } from '../money.ts';
import { checkCrossSections } from './cross-section.ts';
import { clean } from './test-support.ts';

describe('cross-section', () => {
  it('is silent when text, fund block and base data agree', () => {
    expect(checkCrossSections(clean())).toEqual([]);
  });

  it('reports 公用经费 stated differently in the text and the base data table (君山)', () => {
    const e = clean();
    e.basicExpenditure.publicFunds = { amount: amount('273.10') };
    if (!e.baseData) throw new Error('fixture has base data');
    e.baseData.publicFunds = { actual: amount('254.77') };
    const findings = checkCrossSections(e);
    expect(findings.map((f) => [f.code, f.category, f.severity, f.stated, f.expected])).toEqual([
      ['CROSS_SECTION_MISMATCH', 'cross-section', 'error', '273.10', '254.77'],
    ]);
    expect(findings[0]?.message).toBe(
      '公用经费在报告正文为273.10万元，在基础数据表（本年决算数）为254.77万元，前后不一致，相差18.33万元',
    );
  });

  it('treats 273.1 and 273.10 as the same figure', () => {
    const e = clean();
    e.basicExpenditure.publicFunds = { amount: amount('140.0') };
    if (!e.baseData) throw new Error('fixture has base data');
    e.baseData.publicFunds = { actual: amount('140.00') };
    expect(checkCrossSections(e)).toEqual([]);
  });

  it('reports an attached project larger than the department’s whole 项目支出', () => {
    const e = clean();
    e.projectEvaluations = [
      {
        kind: 'project',
        projectName: '区委办专项',
        rulebookId: 'central-project',
        schemaVersion: 1,
        meta: { unitName: e.meta.unitName, year: 2024, legalBasis: [], amountUnit: '万元' },
        funds: { total: { budget: amount('373'), executed: amount('373') } },
        goals: [],
        indicators: [],
        adjustments: [],
        stated: {},
        chapters: [],
        outline: [],
      },
    ];
    const findings = checkCrossSections(e);
    expect(findings.map((f) => [f.code, f.path, f.stated, f.expected])).toEqual([
      ['CROSS_PROJECT_EXCEEDS', 'projectEvaluations[0].funds.total.executed', '373', '300.00'],
    ]);
  });
});
