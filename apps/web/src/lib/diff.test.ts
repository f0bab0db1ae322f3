import { describe, expect, it } from 'vitest';
import { diffFields, showValue } from './diff.ts';

describe('diffFields', () => {
  it('lists changed, added and removed fields by path', () => {
    const before = {
      meta: { unitName: '甲', year: 2024 },
      indicators: [{ name: '数量', children: [{ name: 'a', score: 5 }] }],
    };
    const after = {
      meta: { unitName: '甲', year: 2024, head: '张三' },
      indicators: [{ name: '数量', children: [{ name: 'a', score: 4 }, { name: 'b' }] }],
    };
    expect(diffFields(before, after)).toEqual([
      { path: 'meta.head', before: undefined, after: '张三', kind: 'added' },
      { path: 'indicators[0].children[0].score', before: 5, after: 4, kind: 'changed' },
      { path: 'indicators[0].children[1].name', before: undefined, after: 'b', kind: 'added' },
    ]);
  });

  it('treats an amount as one field', () => {
    const a = { funds: { total: { budget: { fen: 100, unit: '万元', text: '0.0001' } } } };
    const b = { funds: { total: { budget: { fen: 200, unit: '万元', text: '0.0002' } } } };
    const d = diffFields(a, b);
    expect(d).toHaveLength(1);
    expect(d[0]?.path).toBe('funds.total.budget');
    expect(showValue(d[0]?.after)).toBe('0.0002');
  });

  it('lists a removed object field by field', () => {
    expect(
      diffFields({ chapters: [{ key: 'problems', paragraphs: ['甲'] }] }, { chapters: [] }),
    ).toEqual([
      { path: 'chapters[0].key', before: 'problems', after: undefined, kind: 'removed' },
      { path: 'chapters[0].paragraphs[0]', before: '甲', after: undefined, kind: 'removed' },
    ]);
  });

  it('finds nothing between equal versions', () => {
    expect(diffFields({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toEqual([]);
  });
});
