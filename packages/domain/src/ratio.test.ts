import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  comparePercent,
  formatPercent,
  parsePercent,
  percent,
  ratioPercent,
  withinInputRounding,
} from './ratio.ts';

/** Reference: numerator/denominator as a percentage with `decimals`, half-up, in BigInt. */
function reference(n: bigint, d: bigint, decimals: number): { rounded: bigint; truncated: bigint } {
  const scaled = n * 10n ** BigInt(decimals + 2);
  const q = scaled / d;
  return { truncated: q, rounded: (scaled % d) * 2n >= d ? q + 1n : q };
}

describe('ratioPercent', () => {
  it('agrees with exact integer arithmetic, rounded half-up and truncated', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.integer({ min: 1, max: 1e12 }),
        fc.integer({ min: 0, max: 4 }),
        (n, d, decimals) => {
          const r = ratioPercent(n, d, decimals);
          const ref = reference(BigInt(n), BigInt(d), decimals);
          const div = 10 ** decimals;
          expect(r?.rounded).toBe(Number(ref.rounded) / div);
          expect(r?.truncated).toBe(Number(ref.truncated) / div);
        },
      ),
    );
  });

  it('is odd in the numerator and rounds half away from zero', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 1, max: 1e9 }), (n, d) => {
        const pos = ratioPercent(n, d);
        const neg = ratioPercent(-n, d);
        expect(neg?.rounded).toBe(-(pos?.rounded ?? NaN));
        expect(neg?.truncated).toBe(-(pos?.truncated ?? NaN));
      }),
    );
  });

  it('keeps the rounded value within half a unit of the exact ratio', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e10 }), fc.integer({ min: 1, max: 1e10 }), (n, d) => {
        const r = ratioPercent(n, d, 2);
        if (!r) throw new Error('denominator is not zero');
        // Checked in exact integer arithmetic (units of 0.01%): floats cannot hold 1e12 / 1e10
        // to the last digit, the function's BigInt arithmetic can.
        const scaled = BigInt(n) * 10_000n;
        const rounded = BigInt(Math.round(r.rounded * 100));
        const truncated = BigInt(Math.round(r.truncated * 100));
        const off = rounded * BigInt(d) - scaled;
        expect((off < 0n ? -off : off) * 2n <= BigInt(d)).toBe(true);
        expect(truncated * BigInt(d) <= scaled).toBe(true);
        expect((truncated + 1n) * BigInt(d) > scaled).toBe(true);
      }),
    );
  });

  it('reads the corpus cases: 怀化 97.07% (stated 97.06% truncated), 雁峰 8.37%', () => {
    expect(ratioPercent(380_119, 391_598)).toMatchObject({ rounded: 97.07, truncated: 97.06 });
    expect(ratioPercent(7_571, 90_493)?.rounded).toBe(8.37);
    expect(ratioPercent(1, 0)).toBeUndefined();
  });
});

describe('comparePercent', () => {
  it('calls the rounded ratio exact and the truncated one a rounding-style difference', () => {
    expect(comparePercent(percent('97.07%'), 380_119, 391_598)?.agreement).toBe('exact');
    expect(comparePercent(percent('97.06%'), 380_119, 391_598)?.agreement).toBe('truncated');
    expect(comparePercent(percent('12%'), 7_571, 90_493)).toEqual({
      agreement: 'wrong',
      expected: 8,
    });
  });

  it('finds every half-up rounded ratio exact, at any stated precision', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e9 }),
        fc.integer({ min: 1, max: 1e9 }),
        fc.integer({ min: 0, max: 3 }),
        (n, d, decimals) => {
          const r = ratioPercent(n, d, decimals);
          if (!r) throw new Error('denominator is not zero');
          const stated = percent(formatPercent(r.rounded, decimals));
          expect(comparePercent(stated, n, d)?.agreement).toBe('exact');
        },
      ),
    );
  });
});

describe('parsePercent', () => {
  it('reads the decimals as written and full-width forms', () => {
    expect(parsePercent('97.06%')).toEqual({ value: 97.06, decimals: 2, text: '97.06%' });
    expect(parsePercent('１００％')).toMatchObject({ value: 100, decimals: 0 });
    expect(parsePercent('百分之百')).toBeUndefined();
  });
});

describe('withinInputRounding', () => {
  const YI = 10_000_000_000; // 分 per 亿元
  it('lets amounts written to 0.01亿元 stand for those a rate was worked out from', () => {
    // 1.01亿元 ÷ 1.05亿元 is 96.19%, yet 1.00872亿元 ÷ 1.04688亿元 (96.36%) rounds to them.
    expect(withinInputRounding(percent('96.36%'), 1.01 * YI, YI / 200, 1.05 * YI, YI / 200)).toBe(
      true,
    );
    expect(withinInputRounding(percent('90.00%'), 1.01 * YI, YI / 200, 1.05 * YI, YI / 200)).toBe(
      false,
    );
  });

  it('leaves a rate of amounts written to the 分 as exact as before', () => {
    expect(withinInputRounding(percent('96.36%'), 1_008_720_000, 0.5, 1_046_875_000, 0.5)).toBe(
      true,
    );
    expect(withinInputRounding(percent('96.38%'), 1_008_720_000, 0.5, 1_046_875_000, 0.5)).toBe(
      false,
    );
  });
});
