import { describe, expect, it } from 'vitest';
import { extractEvaluation } from '../extract/extract-evaluation.ts';
import { parseTextLines } from '../read/read-text.ts';
import { checkDocument } from './document-checks.ts';

const codes = (text: string) =>
  checkDocument(extractEvaluation(parseTextLines(text, 'x.txt'))).map((f) => [f.code, f.stated]);

describe('template prompts left in the text', () => {
  it('reports a line that is only a template label in parentheses', () => {
    expect(codes('部门整体支出绩效评价报告\n(参考提纲)\n一、部门基本情况')).toEqual([
      ['DOC_TEMPLATE_LEFT_TEXT', '(参考提纲)'],
    ]);
    expect(codes('自评报告\n（此处填写单位名称）\n')).toEqual([
      ['DOC_TEMPLATE_LEFT_TEXT', '（此处填写单位名称）'],
    ]);
  });

  it('stays silent on a year, a numbering or a note in parentheses', () => {
    expect(codes('自评报告\n(2023年度)\n（一）部门职能\n（含上年结转资金）\n')).toEqual([]);
  });
});
