import { describe, expect, it } from 'vitest';
import { parseActualCell, parseExpression, unitsCompatible } from './parse-expression.ts';

describe('parseExpression reads quantities', () => {
  it.each([
    ['≥98%', '>=', 98, '%'],
    ['≧95%', '>=', 95, '%'],
    ['>=95%', '>=', 95, '%'],
    ['≤1013.19万元', '<=', 1013.19, '万元'],
    ['=100%', '=', 100, '%'],
    ['＞０.５%', '>', 0.5, '%'],
    ['<3次', '<', 3, '次'],
    ['不低于90%', '>=', 90, '%'],
    ['100人以上', '>=', 100, '人'],
  ])('%s has comparator %s, value %d and unit %s', (text, comparator, value, unit) => {
    expect(parseExpression(text)).toEqual({ kind: 'quantity', text, comparator, value, unit });
  });

  it.each([
    ['100%', 100, '%'],
    ['１００％', 100, '%'],
    ['12次', 12, '次'],
    ['800篇、条', 800, '篇、条'],
    ['138件', 138, '件'],
    ['138万件', 138, '万件'],
    ['1,234.5万元', 1234.5, '万元'],
    ['72', 72, ''],
    ['-1.5%', -1.5, '%'],
  ])('%s is %d %s without a comparator', (text, value, unit) => {
    expect(parseExpression(text)).toEqual({ kind: 'quantity', text, value, unit });
  });

  it.each([
    ['4900余件', 4900, '件'],
    ['约100万吨', 100, '万吨'],
    ['100人左右', 100, '人'],
    ['50多人', 50, '人'],
  ])('%s is approximate', (text, value, unit) => {
    expect(parseExpression(text)).toEqual({
      kind: 'quantity',
      text,
      value,
      unit,
      approximate: true,
    });
  });
});

describe('parseExpression reads ranges', () => {
  it('reads 40>Q≥25 with the upper bound first', () => {
    expect(parseExpression('40>Q≥25')).toEqual({
      kind: 'range',
      text: '40>Q≥25',
      lower: 25,
      lowerInclusive: true,
      upper: 40,
      upperInclusive: false,
      unit: '',
    });
  });
  it('reads 25≤Q<40 with the lower bound first', () => {
    expect(parseExpression('25≤Q<40')).toEqual({
      kind: 'range',
      text: '25≤Q<40',
      lower: 25,
      lowerInclusive: true,
      upper: 40,
      upperInclusive: false,
      unit: '',
    });
  });
  it('reads 90%-95% as an inclusive span', () => {
    expect(parseExpression('90%-95%')).toMatchObject({
      kind: 'range',
      lower: 90,
      upper: 95,
      lowerInclusive: true,
      upperInclusive: true,
      unit: '%',
    });
  });
  it('rejects a chained range whose bounds are reversed', () => {
    expect(parseExpression('25>Q≥40').kind).toBe('text');
  });
});

describe('parseExpression reads deadlines', () => {
  it.each([
    ['2023-12-31', '2023-12-31', undefined],
    ['2023、12、31', '2023-12-31', undefined],
    ['2023年12月31日', '2023-12-31', undefined],
    ['2024年12月31日前完成', '2024-12-31', 'by'],
    ['２０２４年６月３０日之前', '2024-06-30', 'by'],
  ])('%s is due %s', (text, date, comparator) => {
    const e = parseExpression(text);
    expect(e).toMatchObject({ kind: 'deadline', text, date });
    expect(e.kind === 'deadline' ? e.comparator : 'x').toBe(comparator);
  });

  it('reads 12月底前 as December of the report year', () => {
    expect(parseExpression('12月底前')).toEqual({
      kind: 'deadline',
      text: '12月底前',
      month: 12,
      comparator: 'by',
    });
  });
  it('gives a month-end date when the year is written', () => {
    expect(parseExpression('2024年2月底前完成')).toMatchObject({ date: '2024-02-29', month: 2 });
  });
  it('reads 年底前完成 as month 12', () => {
    expect(parseExpression('年底前完成')).toMatchObject({ kind: 'deadline', month: 12 });
  });
  it('does not take an impossible date for a deadline', () => {
    expect(parseExpression('2023-02-30').kind).not.toBe('deadline');
  });
});

describe('parseExpression reads grades, done and text', () => {
  it.each([
    ['达成年度指标', 'achieved'],
    ['部分达成年度指标并具有一定效果', 'partial'],
    ['未达成年度指标且效果较差', 'not-achieved'],
  ])('%s is the qualitative grade %s', (text, grade) => {
    expect(parseExpression(text)).toEqual({ kind: 'qualitative', text, grade });
  });

  it.each([
    ['完成', true],
    ['已完成', true],
    ['按时完成', true],
    ['未完成', false],
    // A standard met or not.
    ['达标', true],
    ['已达标', true],
    ['合格', true],
    ['未达标', false],
    ['不合格', false],
  ])('%s is done = %s', (text, done) => {
    expect(parseExpression(text)).toEqual({ kind: 'done', text, done });
  });

  it.each(['全年24小时值班', '发文办文运转顺畅', '合规', '', '100%的群众满意度调查', '基本达标'])(
    '"%s" stays text',
    (text) => {
      expect(parseExpression(text)).toEqual({ kind: 'text', text });
    },
  );

  it('keeps the original text, full-width digits included', () => {
    expect(parseExpression('≥９８％ ')).toMatchObject({ text: '≥９８％ ', value: 98, unit: '%' });
  });
});

describe('unitsCompatible', () => {
  it('accepts the same unit after normalising', () => {
    expect(unitsCompatible('%', '％')).toBe(true);
    expect(unitsCompatible(parseExpression('138件'), parseExpression('140件'))).toBe(true);
  });
  it('rejects a magnitude prefix: 件 vs 万件, 元 vs 万元', () => {
    expect(unitsCompatible(parseExpression('138件'), parseExpression('138万件'))).toBe(false);
    expect(unitsCompatible('元', '万元')).toBe(false);
    expect(unitsCompatible('吨', '千吨')).toBe(false);
  });
  it('accepts a member of a unit list and an omitted unit', () => {
    expect(unitsCompatible('篇、条', '篇')).toBe(true);
    expect(unitsCompatible('次', '')).toBe(true);
  });
  it('ignores expressions without a unit', () => {
    expect(unitsCompatible(parseExpression('完成'), parseExpression('12次'))).toBe(true);
  });
});

describe('parseActualCell splits a grade written after the actual', () => {
  it('takes the bracketed grade as the grade and the rest as the actual', () => {
    expect(parseActualCell('群众反映较好（部分达成年度指标）')).toEqual({
      actual: { kind: 'text', text: '群众反映较好' },
      grade: 'partial',
    });
    expect(parseActualCell('96% (未达成年度指标)')).toEqual({
      actual: { kind: 'quantity', text: '96%', value: 96, unit: '%' },
      grade: 'not-achieved',
    });
  });

  it('reads the grade alone in brackets as a qualitative actual', () => {
    expect(parseActualCell('（达成年度指标）')).toEqual({
      actual: { kind: 'qualitative', text: '（达成年度指标）', grade: 'achieved' },
    });
  });

  it('keeps other bracketed words, and a cell stating two grades, as written', () => {
    expect(parseActualCell('完成（见附件）')).toEqual({
      actual: parseExpression('完成（见附件）'),
    });
    expect(parseActualCell('达成年度指标（部分达成年度指标）')).toEqual({
      actual: parseExpression('达成年度指标（部分达成年度指标）'),
    });
  });
});
