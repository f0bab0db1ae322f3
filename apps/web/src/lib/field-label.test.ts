import { describe, expect, it } from 'vitest';
import { fieldLabel, fieldOptions } from './field-label.ts';

const body = {
  meta: { unitName: '示范市统计局', phone: '0731-1' },
  indicators: [
    { name: '产出指标', children: [{ name: '数量指标', children: [{ name: '办文数量' }] }] },
  ],
  chapters: [{ key: 'problems', paragraphs: ['一是……'] }],
  projectExpenditure: { projects: [{ name: '统计调查专项' }] },
};

describe('fieldLabel', () => {
  it('names the fields of the forms in Chinese, never by path', () => {
    expect(fieldLabel('meta.phone', body)).toBe('联系电话');
    expect(fieldLabel('funds.total.executed', body)).toBe('资金情况 · 年度资金总额 · 全年执行数');
    expect(fieldLabel('indicators[0].children[0].children[0].score', body)).toBe(
      '指标“办文数量” · 得分',
    );
    expect(fieldLabel('indicators[0].children[0].children[0].actual', body)).toBe(
      '指标“办文数量” · 实际完成值',
    );
    expect(fieldLabel('chapters[0].paragraphs[0]', body)).toBe('存在的问题及原因分析 · 第1段');
    expect(fieldLabel('chapters', body)).toBe('其他内容');
    expect(fieldLabel('projectExpenditure.projects[0].actual', body)).toBe(
      '项目支出 · 项目 · “统计调查专项” · 实际支出数',
    );
    expect(fieldLabel('stated.total', body)).toBe('自评总分');
    expect(fieldLabel('staffing.actual', body)).toBe('人员编制 · 实际在职人数');
  });

  it('has no letters of a path in any label', () => {
    for (const p of [
      'meta.reportDate',
      'baseData.threePublic.actual',
      'adjustments[0].points',
      'x.y',
    ])
      expect(fieldLabel(p, body)).not.toMatch(/[a-zA-Z[\].]/);
  });
});

describe('fieldOptions', () => {
  it('lists every field with its label, and no path as a label', () => {
    const options = fieldOptions(body);
    expect(options).toContainEqual({ value: 'meta.phone', label: '联系电话' });
    expect(options).toContainEqual({
      value: 'indicators[0].children[0].children[0].name',
      label: '指标“办文数量” · 名称',
    });
    expect(options.every((o) => !/[a-zA-Z]/.test(o.label))).toBe(true);
  });
});
