import { describe, expect, it } from 'vitest';
import { mergeEdits } from './merge-edits.ts';

const base = {
  meta: { filler: '张三', phone: '0734-1111111', title: '报告' },
  funds: { total: { budget: { fen: 100, unit: '万元', text: '0.00' } } },
  indicators: [
    { name: '数量指标', actual: { kind: 'text', text: '10件' } },
    { name: '质量指标', actual: { kind: 'text', text: '合格' } },
  ],
  chapters: [{ key: 'problems', text: '无' }],
};

describe('merging two edits of one evaluation', () => {
  it('keeps both when they changed different fields', () => {
    const mine = { ...base, meta: { ...base.meta, phone: '0734-8888888' } };
    const theirs = { ...base, meta: { ...base.meta, filler: '王五' } };
    const { merged, clashes } = mergeEdits(base, mine, theirs);
    expect(clashes).toEqual([]);
    expect(merged.meta).toEqual({ filler: '王五', phone: '0734-8888888', title: '报告' });
  });

  it('keeps one side’s edit of a row and the other side’s edit of another row', () => {
    const mine = structuredClone(base);
    mine.indicators[0] = { name: '数量指标', actual: { kind: 'text', text: '12件' } };
    const theirs = structuredClone(base);
    theirs.indicators[1] = { name: '质量指标', actual: { kind: 'text', text: '优良' } };
    const { merged, clashes } = mergeEdits(base, mine, theirs);
    expect(clashes).toEqual([]);
    expect(merged.indicators.map((n) => n.actual.text)).toEqual(['12件', '优良']);
  });

  it('takes a list whose rows one side added or removed whole, with the other side’s other edits', () => {
    const mine = {
      ...base,
      indicators: [
        ...base.indicators,
        { name: '时效指标', actual: { kind: 'text', text: '按时' } },
      ],
    };
    const theirs = { ...base, chapters: [{ key: 'problems', text: '资金下达较晚' }] };
    const { merged, clashes } = mergeEdits(base, mine, theirs);
    expect(clashes).toEqual([]);
    expect(merged.indicators).toHaveLength(3);
    expect(merged.chapters[0]?.text).toBe('资金下达较晚');
  });

  it('names the field both changed differently, and keeps mine there', () => {
    const mine = structuredClone(base);
    mine.chapters[0] = { key: 'problems', text: '我的问题分析' };
    mine.meta.phone = '0734-2222222';
    const theirs = structuredClone(base);
    theirs.chapters[0] = { key: 'problems', text: '他的问题分析' };
    theirs.meta.filler = '王五';
    const { merged, clashes } = mergeEdits(base, mine, theirs);
    expect(clashes).toEqual(['chapters[0].text']);
    expect(merged.chapters[0]?.text).toBe('我的问题分析');
    expect(merged.meta).toEqual({ filler: '王五', phone: '0734-2222222', title: '报告' });
  });

  it('treats an amount as one field, so its figure and text never come from different sides', () => {
    const mine = structuredClone(base);
    mine.funds.total.budget = { fen: 200, unit: '万元', text: '0.02' };
    const theirs = structuredClone(base);
    theirs.funds.total.budget = { fen: 300, unit: '万元', text: '0.03' };
    const { merged, clashes } = mergeEdits(base, mine, theirs);
    expect(clashes).toEqual(['funds.total.budget']);
    expect(merged.funds.total.budget).toEqual({ fen: 200, unit: '万元', text: '0.02' });
  });

  it('is one clash when both sides added or removed rows of the same list', () => {
    const mine = { ...base, indicators: base.indicators.slice(1) };
    const theirs = {
      ...base,
      indicators: [...base.indicators, { name: '新', actual: { kind: 'text', text: '1' } }],
    };
    const { clashes } = mergeEdits(base, mine, theirs);
    expect(clashes).toEqual(['indicators']);
  });

  it('agrees without a clash where both typed the same', () => {
    const mine = { ...base, meta: { ...base.meta, title: '新标题' } };
    const theirs = { ...base, meta: { ...base.meta, title: '新标题' } };
    expect(mergeEdits(base, mine, theirs)).toEqual({ merged: mine, clashes: [] });
  });

  it('removes a field one side cleared', () => {
    const { phone: _phone, ...cleared } = base.meta;
    const mine = { ...base, meta: cleared };
    const theirs = { ...base, meta: { ...base.meta, title: '新标题' } };
    expect(mergeEdits(base, mine, theirs).merged.meta).toEqual({ filler: '张三', title: '新标题' });
  });
});
