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

describe('parts numbered 第X部分', () => {
  it('reads 第一部分 and 第三章 as numbers above 一、, and no other 第', () => {
    expect(headingNumber('第四部分 部门整体绩效目标完成情况')?.number).toEqual({
      style: 'ordinal',
      value: 4,
      text: '第四部分',
    });
    expect(headingNumber('第三章 项目实施情况')?.number.value).toBe(3);
    expect(headingNumber('第一季度完成投资30%')).toBeUndefined();
    expect(headingNumber('第2部分')).toBeUndefined();
  });

  it('reads a 第X部分 a PDF spaced out', () => {
    expect(headingNumber('第 三部分 自评结 论')?.number).toEqual({
      style: 'ordinal',
      value: 3,
      text: '第三部分',
    });
    expect(headingNumber('第三 部 分 自评结论')?.rest).toBe('自评结论');
    expect(headingNumber('第 一 季度完成投资30%')).toBeUndefined();
  });
});
