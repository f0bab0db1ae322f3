import type { IndicatorNode } from '@jixiao/domain';
import { describe, expect, it } from 'vitest';
import { subtotalGroup } from './subtotal-group.ts';

const leaf = (weight: number, score: number): IndicatorNode => ({ name: '指标', weight, score });

/** 决策 with three 二级 groups, the last one (资金投入) still open and holding one leaf of 3. */
function decision(): { level1: IndicatorNode; level2: IndicatorNode } {
  const level2: IndicatorNode = { name: '资金投入', children: [leaf(3, 2.5)] };
  const level1: IndicatorNode = {
    name: '决策',
    children: [
      { name: '项目立项', children: [leaf(3, 3), leaf(3, 3)] },
      { name: '绩效目标', children: [leaf(3, 2.5), leaf(2, 1.5)] },
      level2,
    ],
  };
  return { level1, level2 };
}

describe('the group a 小计 row that names none closes', () => {
  it('is the 一级 when its 分值 is what the 一级 children add up to', () => {
    const { level1, level2 } = decision();
    expect(subtotalGroup(14, level2, level1)).toBe(level1);
  });

  it('is the 二级 when its 分值 is what the 二级 children add up to', () => {
    const { level1, level2 } = decision();
    expect(subtotalGroup(3, level2, level1, 2.5)).toBe(level2);
  });

  it('is told by its 得分 when its 分值 is written wrong (15 over leaves of 14)', () => {
    const { level1, level2 } = decision();
    expect(subtotalGroup(15, level2, level1, 12.5)).toBe(level1);
  });

  it('is the 一级 when its 分值 is far nearer the 一级 children than the 二级 ones', () => {
    const { level1, level2 } = decision();
    expect(subtotalGroup(15, level2, level1)).toBe(level1);
    expect(subtotalGroup(4, level2, level1)).toBe(level2);
  });
});
