import { describe, expect, it } from 'vitest';
import { CATEGORY_OF_CODE } from './checks/codes.ts';
import { FindingCategory, Severity } from './finding.ts';
import {
  CATEGORY_LABELS_ZH,
  FINDING_CODES,
  SEVERITY_LABELS_ZH,
  messageFor,
} from './messages-zh.ts';

const SAMPLE = {
  stated: '3385.52',
  expected: '3382.03',
  unit: '万元',
  label: '年度资金总额',
  column: '全年执行数',
  parts: '基本支出2477.10 + 项目支出904.93',
  difference: '3.49',
  name: '数量指标',
  weight: '10',
  score: '8',
  lost: '2',
  rate: '100%',
  target: '138件',
  actual: '138万件',
  targetUnit: '件',
  actualUnit: '万件',
  grade: '部分达成',
  band: '6至8',
  rule: 'positive',
  caps: '总分封顶',
  cap: '100',
  total: '95',
  reportYear: 2024,
  place: '“存在的问题”部分',
  sentence: '2023年，我办所有固定资产均在用。',
  previous: '五、',
  missing: '六、',
  style: '“1、”式',
  expectedStyle: '“一、”式',
  firstPlace: '报告正文',
  secondPlace: '基础数据表',
  project: '区委办专项',
  budget: '3385.52',
  factor: 81,
  what: '“存在的问题及原因”部分',
  ratio: '130%',
  firstGroup: '经济效益指标',
  secondGroup: '社会效益指标',
  numerator: '75.71',
  denominator: '904.93',
  denominatorLabel: '项目支出',
  adjustment: '年中追加了部分预算。',
  count: 11,
};

describe('Chinese messages', () => {
  it.each(FINDING_CODES)('%s reads as a complete Chinese sentence', (code) => {
    const message = messageFor(code, SAMPLE);
    expect(message).toMatch(/[\u4e00-\u9fff]/);
    expect(message).not.toMatch(/undefined|null|NaN|\$\{/);
    expect(message.length).toBeGreaterThan(8);
  });

  it('cites the stated and the expected value where a finding has both', () => {
    expect(messageFor('SUM_FUND_TOTAL', { ...SAMPLE, label: '', rounding: false })).toBe(
      '全年执行数合计应为3382.03万元（基本支出2477.10 + 项目支出904.93），报告填写3385.52万元，相差3.49万元',
    );
    expect(
      messageFor('RATIO_SHARE', {
        ...SAMPLE,
        label: '治超交通经费',
        stated: '12%',
        expected: '8.37%',
      }),
    ).toBe('治超交通经费75.71万元占项目支出904.93万元的比例应为8.37%，报告填写12%');
  });

  it('says when a difference lies within rounding', () => {
    const rounding = messageFor('SUM_FUND_TOTAL', {
      ...SAMPLE,
      difference: '0.01',
      rounding: true,
    });
    expect(rounding).toContain('四舍五入');
    const plain = messageFor('SUM_FUND_TOTAL', { ...SAMPLE, rounding: false });
    expect(plain).not.toContain('四舍五入');
  });

  it('gives every code a category and a distinct message', () => {
    const messages = new Set(FINDING_CODES.map((code) => messageFor(code, SAMPLE)));
    expect(messages.size).toBe(FINDING_CODES.length);
    for (const code of FINDING_CODES)
      expect(FindingCategory.options).toContain(CATEGORY_OF_CODE[code]);
  });

  it('labels every category and severity in Chinese', () => {
    for (const c of FindingCategory.options)
      expect(CATEGORY_LABELS_ZH[c]).toMatch(/[\u4e00-\u9fff]/);
    for (const s of Severity.options) expect(SEVERITY_LABELS_ZH[s]).toMatch(/[\u4e00-\u9fff]/);
    expect(CATEGORY_LABELS_ZH.sum).toBe('合计');
    expect(CATEGORY_LABELS_ZH.ratio).toBe('比率');
    expect(SEVERITY_LABELS_ZH.error).toBe('错误');
  });
});
