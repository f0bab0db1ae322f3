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

  it('reports a scored leaf whose 实际完成值 is empty, but not one marked —', () => {
    const e = clean();
    const row = leaf(e, 1, 0, 0);
    delete row.actual;
    const findings = checkCompleteness(e);
    expect(findings.map((f) => [f.code, f.severity, f.path])).toEqual([
      ['COMPLETENESS_VALUE_MISSING', 'warning', 'indicators[1].children[0].children[0].actual'],
    ]);
    expect(findings[0]?.message).toBe(
      `“${row.name}”有分值${row.weight ?? ''}分、得分${row.score ?? ''}分，但未填写实际完成值`,
    );
    row.source = { line: 1, excerpt: `${row.name} | ≥10个 | — | 10 | 10` };
    expect(checkCompleteness(e)).toEqual([]);
  });

  it('reports a scored table row with neither target nor actual among leaves that state theirs, not one told in prose or in a table without targets', () => {
    const e = clean();
    const row = leaf(e, 1, 0, 0);
    delete row.actual;
    delete row.target;
    // Told in prose, it has no cells to leave empty.
    row.source = { line: 1, excerpt: `${row.name}（分值10分，得10分）` };
    expect(checkCompleteness(e)).toEqual([]);
    row.source = { line: 1, excerpt: `${row.name} | 10 | 10` };
    const findings = checkCompleteness(e);
    expect(findings.map((f) => f.code)).toEqual(['COMPLETENESS_VALUE_MISSING']);
    expect(findings[0]?.message).toBe(
      `“${row.name}”有分值${row.weight ?? ''}分、得分${row.score ?? ''}分，但未填写年度指标值和实际完成值`,
    );
    const walk = (nodes: typeof e.indicators): void => {
      for (const n of nodes) {
        delete n.target;
        delete n.actual;
        if (n.children) walk(n.children);
      }
    };
    walk(e.indicators);
    expect(checkCompleteness(e)).toEqual([]);
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

  it("reports a template's guidance in parentheses: a word limit or a 简要说明 of the paragraph", () => {
    const prompts = (text: string): string[] => {
      const e = clean();
      paragraph(e, text);
      return checkCompleteness(e)
        .filter((f) => f.code === 'COMPLETENESS_TEMPLATE_PROMPT')
        .map((f) => f.stated ?? '');
    };
    expect(prompts('（简要说明部门职能、机构设置及人员情况，字数控制在300字以内）')).toEqual([
      '（简要说明部门职能、机构设置及人员情况，字数控制在300字以内）',
    ]);
    expect(prompts('（概述年度主要工作，不超过500字）')).toEqual([
      '（概述年度主要工作，不超过500字）',
    ]);
    expect(prompts('（简要介绍项目的立项依据和主要内容）')).toEqual([
      '（简要介绍项目的立项依据和主要内容）',
    ]);
    // What a report says of itself in parentheses is no prompt.
    expect(prompts('全年编印宣传册2000册（每册约3万字），发放到各村（社区）。')).toEqual([]);
  });

  it('takes a table of weights only (绩效评价指标表, 总分 the weights’ total) for no unscored table', () => {
    const e = clean();
    const strip = (nodes: typeof e.indicators): void => {
      for (const n of nodes) {
        delete n.score;
        if (n.children) strip(n.children);
      }
    };
    strip(e.indicators);
    e.stated.total = 100;
    expect(checkCompleteness(e).filter((f) => f.code === 'COMPLETENESS_SCORE_MISSING')).toEqual([]);
    // A stated total that is no weights' total is a score: the rows' scores were left blank.
    e.stated.total = 92;
    expect(
      checkCompleteness(e).filter((f) => f.code === 'COMPLETENESS_SCORE_MISSING').length,
    ).toBeGreaterThan(0);
  });

  it('reports a missing chapter only in a report outline that goes past where it belongs', () => {
    const e = clean();
    e.chapters = [
      { key: 'overview', paragraphs: [] },
      { key: 'budget', paragraphs: [] },
      { key: 'performance', paragraphs: [] },
    ];
    // An excerpt that stops after the performance chapter: nothing is missing yet.
    expect(checkCompleteness(e).filter((f) => f.code === 'COMPLETENESS_MISSING')).toEqual([]);
    e.chapters.push({ key: 'application', paragraphs: [] });
    expect(
      checkCompleteness(e)
        .filter((f) => f.code === 'COMPLETENESS_MISSING')
        .map((f) => f.message),
    ).toEqual(['缺少“存在的问题及原因”部分', '缺少“改进措施”部分']);
    // Written as paragraphs of another chapter, they are there.
    e.chapters[2]?.paragraphs.push('发现的主要问题：一是…', '下一步改进措施：一是…');
    expect(checkCompleteness(e).filter((f) => f.code === 'COMPLETENESS_MISSING')).toEqual([]);
  });

  it('takes a heading below the chapters that names a required chapter for that chapter', () => {
    const e = clean();
    e.chapters = [
      { key: 'overview', paragraphs: [] },
      { key: 'problems', title: '偏差原因及存在的问题', paragraphs: [] },
      { key: 'application', paragraphs: [] },
    ];
    expect(
      checkCompleteness(e)
        .filter((f) => f.code === 'COMPLETENESS_MISSING')
        .map((f) => f.message),
    ).toEqual(['缺少“改进措施”部分']);
    // "二、存在的问题及改进措施" under that chapter holds the improvements.
    e.outline = [{ level: 2, numberText: '二、', title: '存在的问题及改进措施' }];
    expect(checkCompleteness(e).filter((f) => f.code === 'COMPLETENESS_MISSING')).toEqual([]);
    // A heading naming a bare 措施 (保障措施) is no chapter of improvements.
    e.outline = [{ level: 2, numberText: '二、', title: '保障措施' }];
    expect(checkCompleteness(e).filter((f) => f.code === 'COMPLETENESS_MISSING')).toHaveLength(1);
  });
});
