import { describe, expect, it } from 'vitest';
import type { RuleNode } from '@jixiao/domain';
import { skeletonFromRulebook } from './skeleton.ts';

describe('skeletonFromRulebook', () => {
  it('keeps groups, fixed weights and rule-scored leaves, bound by id', () => {
    const tree: RuleNode[] = [
      {
        id: 'execution',
        name: '预算执行率',
        aliases: [],
        weight: 10,
        rule: { kind: 'execution-rate', row: 'total' },
      },
      {
        id: 'output',
        name: '产出指标',
        aliases: [],
        weight: 50,
        leafRule: { kind: 'auto' },
        children: [
          { id: 'output.quantity', name: '数量指标', aliases: [], leafRule: { kind: 'auto' } },
        ],
      },
    ];
    expect(skeletonFromRulebook(tree)).toEqual([
      { name: '预算执行率', ruleRef: 'execution', weight: 10 },
      {
        name: '产出指标',
        ruleRef: 'output',
        weight: 50,
        children: [{ name: '数量指标', ruleRef: 'output.quantity', children: [] }],
      },
    ]);
  });
});
