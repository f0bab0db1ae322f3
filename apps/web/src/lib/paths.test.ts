import { describe, expect, it } from 'vitest';
import { formatPath, getAt, parsePath, setAt } from './paths.ts';

describe('paths', () => {
  it('reads the notation findings use', () => {
    expect(parsePath('indicators[1].children[0].score')).toEqual([
      'indicators',
      1,
      'children',
      0,
      'score',
    ]);
    expect(formatPath(['indicators', 1, 'children', 0, 'score'])).toBe(
      'indicators[1].children[0].score',
    );
  });

  it('gets and sets without touching the original', () => {
    const body = {
      indicators: [{ name: 'a' }, { name: 'b', children: [{ name: 'c', score: 1 }] }],
    };
    const next = setAt(body, 'indicators[1].children[0].score', 2);
    expect(getAt(next, 'indicators[1].children[0].score')).toBe(2);
    expect(getAt(body, 'indicators[1].children[0].score')).toBe(1);
    expect(next.indicators[0]).toBe(body.indicators[0]);
  });

  it('removes a key when set to undefined and creates missing objects', () => {
    const next = setAt({ meta: { title: 'x', year: 2024 } }, 'meta.title', undefined);
    expect(next).toEqual({ meta: { year: 2024 } });
    expect(setAt({}, 'funds.total.budget', 5)).toEqual({ funds: { total: { budget: 5 } } });
  });
});
