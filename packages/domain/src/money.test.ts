import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addFen,
  amount,
  decimalsOf,
  fen,
  formatFen,
  parseAmount,
  parseDecimalToFen,
  subFen,
  type MoneyUnit,
  Amount,
  MAX_FEN,
  sumFen,
} from './money.ts';

const units: MoneyUnit[] = ['元', '万元', '亿元'];
/** Amounts up to 10 亿元 in 分, either sign. */
const anyFen = fc.integer({ min: -100_000_000_000, max: 100_000_000_000 }).map(fen);

describe('parseDecimalToFen and formatFen', () => {
  it('round-trip every amount at the full precision of its unit', () => {
    const digits: Record<MoneyUnit, number> = { 元: 2, 万元: 6, 亿元: 10 };
    fc.assert(
      fc.property(anyFen, fc.constantFrom(...units), (value, unit) => {
        const text = formatFen(value, unit, digits[unit]);
        expect(parseDecimalToFen(text, unit)).toBe(value);
      }),
    );
  });

  it('round-trip amounts written with two decimals of 万元', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), (hundredths) => {
        const value = fen(hundredths * 10_000); // a whole number of 0.01 万元
        const text = formatFen(value, '万元');
        expect(parseDecimalToFen(text, '万元')).toBe(value);
        expect(decimalsOf(text)).toBe(2);
      }),
    );
  });

  it('formats half a step up and away from zero', () => {
    expect(formatFen(fen(5_000), '万元')).toBe('0.01');
    expect(formatFen(fen(4_999), '万元')).toBe('0.00');
    expect(formatFen(fen(-5_000), '万元')).toBe('-0.01');
    expect(formatFen(fen(-4_999), '万元')).toBe('0.00');
    expect(formatFen(fen(338_552_000_0), '万元')).toBe('3385.52');
  });

  it('reads amounts exactly, with separators, full-width digits and half-up past the 分', () => {
    expect(parseDecimalToFen('3,385.52', '万元')).toBe(3_385_520_000);
    expect(parseDecimalToFen('０.１２３', '元')).toBe(12);
    expect(parseDecimalToFen('0.125', '元')).toBe(13);
    expect(parseDecimalToFen('0.1', '元')).toBe(10);
    expect(parseDecimalToFen('abc', '元')).toBeUndefined();
    expect(parseAmount('212171.9元')).toEqual({ fen: 21_217_190, unit: '元' });
    expect(parseAmount('1.5亿元')).toEqual({ fen: 15_000_000_000, unit: '亿元' });
    expect(parseAmount('2477.1', '万元')).toEqual({ fen: 2_477_100_000, unit: '万元' });
  });

  it('never disagrees with integer arithmetic on the digits (0.1 + 0.2 万元 is 0.3 万元)', () => {
    expect(addFen(amount('0.1').fen, amount('0.2').fen)).toBe(amount('0.3').fen);
  });
});

describe('addFen', () => {
  it('is associative and commutative', () => {
    fc.assert(
      fc.property(anyFen, anyFen, anyFen, (a, b, c) => {
        expect(addFen(addFen(a, b), c)).toBe(addFen(a, addFen(b, c)));
        expect(addFen(a, b)).toBe(addFen(b, a));
        expect(addFen(a, b, c)).toBe(addFen(addFen(a, b), c));
      }),
    );
  });

  it('has 0 as identity and subFen as inverse', () => {
    fc.assert(
      fc.property(anyFen, anyFen, (a, b) => {
        expect(addFen(a)).toBe(a);
        expect(addFen()).toBe(0);
        expect(subFen(addFen(a, b), b)).toBe(a);
      }),
    );
  });

  it('refuses fractions of a 分', () => {
    expect(() => fen(0.5)).toThrow(RangeError);
  });
});

describe('the bound on amounts and sums beyond 2^53 分', () => {
  it('refuses an amount beyond MAX_FEN in the schema with a Chinese message', () => {
    expect(Amount.safeParse({ fen: MAX_FEN, unit: '万元' }).success).toBe(true);
    expect(Amount.safeParse({ fen: -MAX_FEN, unit: '万元' }).success).toBe(true);
    const over = Amount.safeParse({ fen: MAX_FEN + 1, unit: '万元' });
    expect(over.success).toBe(false);
    expect(over.error?.issues[0]?.message).toBe('金额超出范围：绝对值不能超过 10 万亿元');
    expect(Amount.safeParse({ fen: 2 ** 53 + 2, unit: '元' }).success).toBe(false);
  });

  it('reads no figure beyond the bound from text', () => {
    expect(parseDecimalToFen('10000000000000', '元')).toBe(MAX_FEN);
    expect(parseDecimalToFen('10000000000000.01', '元')).toBeUndefined();
    expect(parseDecimalToFen('-1000000001', '万元')).toBeUndefined();
  });

  it('adds many amounts exactly in BigInt and formats the sum like any amount', () => {
    const parts = Array.from({ length: 20 }, () => MAX_FEN);
    expect(sumFen(parts)).toBe(20n * BigInt(MAX_FEN));
    expect(formatFen(sumFen(parts), '万元')).toBe('20000000000.00');
    expect(formatFen(sumFen([MAX_FEN, 5]), '元')).toBe('10000000000000.05');
    expect(formatFen(-12_345n, '万元')).toBe(formatFen(fen(-12_345), '万元'));
    fc.assert(
      fc.property(fc.integer({ min: -MAX_FEN, max: MAX_FEN }), (value) => {
        for (const unit of ['元', '万元', '亿元'] as const)
          expect(formatFen(BigInt(value), unit)).toBe(formatFen(fen(value), unit));
      }),
    );
  });
});
