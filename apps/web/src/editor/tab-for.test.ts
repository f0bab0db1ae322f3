import { describe, expect, it } from 'vitest';
import { tabFor } from './tab-for.ts';

describe('tabFor', () => {
  it('opens the tab that holds the field a finding points to', () => {
    expect(tabFor('meta.unitName')).toBe('basic');
    expect(tabFor('staffing.statedControlRate')).toBe('basic');
    expect(tabFor('funds.total.statedRate')).toBe('funds');
    expect(tabFor('basicExpenditure.personnel.statedShare')).toBe('funds');
    expect(tabFor('projectExpenditure.projects[3].statedShare')).toBe('projects');
    expect(tabFor('indicators[1].children[0].score')).toBe('indicators');
    expect(tabFor('stated.total')).toBe('indicators');
    expect(tabFor('chapters[2].paragraphs[0]')).toBe('problems');
    expect(tabFor('chapters[0].paragraphs[1]', ['opening', 'problems'])).toBe('narrative');
    expect(tabFor('chapters[1]', ['opening', 'problems'])).toBe('problems');
    expect(tabFor('goals[0].expected')).toBe('narrative');
    expect(tabFor('meta.legalBasis[0]')).toBe('narrative');
    expect(tabFor('baseData.threePublic.actual')).toBe('baseData');
    expect(tabFor('projectEvaluations[0].indicators[2].score')).toBe('projectTables');
  });

  it('does not mistake a prefix for a field name', () => {
    expect(tabFor('fundsNote')).toBe('basic');
  });
});
