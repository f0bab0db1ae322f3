import { describe, expect, it } from 'vitest';
import { headingNumber } from './heading.ts';

describe('heading numbers', () => {
  it('reads full-width digits as the half-width ones, keeping the number as written', () => {
    expect(headingNumber('（１）受益群众满意度')).toEqual({
      number: { style: 'arabic-paren', value: 1, text: '（１）' },
      rest: '受益群众满意度',
    });
    expect(headingNumber('２．效益指标')?.number).toEqual({
      style: 'arabic-dot',
      value: 2,
      text: '２．',
    });
    expect(headingNumber('１２３．４５万元')).toBeUndefined();
  });
});
