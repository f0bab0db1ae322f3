import { describe, expect, it } from 'vitest';
import { segmentHeader } from './table-vocabulary.ts';

describe('header words run together in one cell', () => {
  it('are parted by the known words, a unit note in brackets staying with its word', () => {
    expect(segmentHeader('全年执行数执行率权重(%)得分')?.map((p) => p.key)).toEqual([
      'executed',
      'rate',
      'weight',
      'score',
    ]);
    // 得分率 is 得分 ÷ 分值: the 系数 column.
    expect(segmentHeader('实际完成值权重得分得分率')?.map((p) => p.key)).toEqual([
      'actual',
      'weight',
      'score',
      'coefficient',
    ]);
  });
});
