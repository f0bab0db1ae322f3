import { z } from 'zod';

/**
 * A percentage as a document states it: the number written (97.06 for "97.06%"), the decimals
 * it was written with, and the text.
 */
export const Percent = z.object({
  value: z.number(),
  decimals: z.number().int().min(0).max(6),
  text: z.string().optional(),
});
export type Percent = z.infer<typeof Percent>;

/** ASCII digits, a sign before them and a percent sign after at most: read as written. */
const PLAIN_PERCENT = /^[+-]?\d+(?:\.(\d+))?[％%]?$/;

/** Parses "97.06%", "12%", "１００％", "97.06" into a Percent; undefined when not a number. */
export function parsePercent(text: string): Percent | undefined {
  // Most percentages are written plainly ("97.06%"): nothing to rewrite before reading them.
  const plain = PLAIN_PERCENT.exec(text);
  if (plain) {
    const number = /[％%]$/.test(text) ? text.slice(0, -1) : text;
    return { value: Number(number), decimals: plain[1]?.length ?? 0, text };
  }
  const t = text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/．/g, '.')
    .replace(/\s+/g, '')
    .replace(/[％%]$/, '');
  const m = /^[+-]?\d+(?:\.(\d+))?$/.exec(t);
  if (!m) return undefined;
  return { value: Number(t), decimals: m[1]?.length ?? 0, text };
}

export function percent(text: string): Percent {
  const p = parsePercent(text);
  if (!p) throw new RangeError(`not a percentage: ${text}`);
  return p;
}

/**
 * The one ratio function. Computes numerator/denominator as a percentage with `decimals`
 * decimals, exactly, using integer arithmetic on the inputs (which are integers: 分, counts).
 * Rounding: half-up (half away from zero), as domain.md §2 prescribes for stated percentages.
 * Also returns the truncated value, because some reports truncate (97.06% for 0.970687).
 * Returns undefined when the denominator is zero.
 */
export function ratioPercent(
  numerator: number,
  denominator: number,
  decimals = 2,
): { rounded: number; truncated: number; exact: number } | undefined {
  if (denominator === 0) return undefined;
  const n = BigInt(Math.round(numerator));
  const d = BigInt(Math.round(denominator));
  const negative = n < 0n !== d < 0n && n !== 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  const scale = 10n ** BigInt(decimals + 2); // percent (×100) with `decimals` decimals
  const scaled = an * scale;
  const q = scaled / ad;
  const r = scaled % ad;
  const roundedQ = r * 2n >= ad ? q + 1n : q;
  const div = 10 ** decimals;
  const sign = negative ? -1 : 1;
  return {
    rounded: (sign * Number(roundedQ)) / div,
    truncated: (sign * Number(q)) / div,
    exact: (sign * Number(an) * 100) / Number(ad),
  };
}

/** How a stated percentage compares with the ratio it claims. */
export type PercentAgreement = 'exact' | 'truncated' | 'near' | 'wrong';

/**
 * Compares a stated percentage with numerator/denominator at the stated precision:
 * 'exact' when it equals the half-up rounded ratio; 'truncated' when it equals the truncated
 * ratio instead (a rounding-style difference, domain.md §2); 'near' when it is off by no more
 * than one unit in the last written place (rounding of the inputs themselves); 'wrong' otherwise.
 */
export function comparePercent(
  stated: Percent,
  numerator: number,
  denominator: number,
): { agreement: PercentAgreement; expected: number } | undefined {
  const r = ratioPercent(numerator, denominator, stated.decimals);
  if (!r) return undefined;
  const eps = 1e-9;
  if (Math.abs(stated.value - r.rounded) < eps) return { agreement: 'exact', expected: r.rounded };
  if (Math.abs(stated.value - r.truncated) < eps)
    return { agreement: 'truncated', expected: r.rounded };
  const unit = 10 ** -stated.decimals;
  if (Math.abs(stated.value - r.exact) <= unit + eps)
    return { agreement: 'near', expected: r.rounded };
  return { agreement: 'wrong', expected: r.rounded };
}

/**
 * Whether a stated percentage may be the ratio of amounts that the figures written are rounded
 * from: each figure stands for anything within half its last written place (`numeratorHalf`,
 * `denominatorHalf`, in the figures' own integer unit). A rate is worked out from the exact
 * amounts, and a sentence that rounds them coarsely (1.01亿元 ÷ 1.05亿元 for 96.36%) says no more.
 */
export function withinInputRounding(
  stated: Percent,
  numerator: number,
  numeratorHalf: number,
  denominator: number,
  denominatorHalf: number,
): boolean {
  if (denominator - denominatorHalf <= 0) return false;
  const low = (100 * (numerator - numeratorHalf)) / (denominator + denominatorHalf);
  const high = (100 * (numerator + numeratorHalf)) / (denominator - denominatorHalf);
  const half = 0.5 / 10 ** stated.decimals;
  return stated.value + half >= low && stated.value - half <= high;
}

/** Formats a percentage number with fixed decimals: 97.0687 → "97.07%". */
export function formatPercent(value: number, decimals = 2): string {
  const factor = 10 ** decimals;
  const rounded = (Math.sign(value) * Math.round(Math.abs(value) * factor + 1e-9)) / factor;
  return `${rounded.toFixed(decimals)}%`;
}
