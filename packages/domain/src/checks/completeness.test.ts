import { describe, expect, it } from 'vitest';
import type { DepartmentEvaluation } from '../evaluation.ts';
import { checkCompleteness } from './completeness.ts';
import { clean, leaf } from './test-support.ts';

function paragraph(e: DepartmentEvaluation, text: string): void {
  e.chapters.push({ key: 'performance', title: '部门整体支出绩效情况', paragraphs: [text] });
}

describe('completeness', () => {
  it('is silent on a complete evaluation', () => {
    expect(checkCompleteness(clean())).toEqual([]);
  });

  it('reports a missing problems chapter, template prompts and an unscored leaf', () => {
    const e = clean();
    e.chapters = e.chapters.filter((c) => c.key !== 'problems');
    paragraph(e, '本年度主要完成了XX项工作（请填写主要工作内容）。');
    e.goals.push({ expected: '……' });
    delete leaf(e, 1, 0, 0).score;
    const findings = checkCompleteness(e);
    expect(findings.map((f) => [f.code, f.category, f.severity, f.stated ?? ''])).toEqual([
      ['COMPLETENESS_MISSING', 'completeness', 'warning', ''],
      ['COMPLETENESS_TEMPLATE_PROMPT', 'completeness', 'warning', '……'],
      ['COMPLETENESS_TEMPLATE_PROMPT', 'completeness', 'warning', '（请填写主要工作内容）'],
      ['COMPLETENESS_SCORE_MISSING', 'completeness', 'warning', ''],
    ]);
    expect(findings[0]?.message).toBe('缺少“存在的问题及原因”部分');
  });
});
