import { z } from 'zod';

/**
 * Scores and weights carry up to two decimals (9.7, 3.5, 0.5). Arithmetic on them goes through
 * integer hundredths so that 0.1 + 0.2 sums to 0.3 exactly.
 */
export const Points = z.number().min(-1000).max(1000);
export type Points = z.infer<typeof Points>;

export function toHundredths(points: number): number {
  return Math.round(points * 100);
}

export function fromHundredths(hundredths: number): number {
  return hundredths / 100;
}

export function sumPoints(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += toHundredths(v);
  return fromHundredths(total);
}

/** Rounds a computed score to two decimals, half-up (the precision scores are stated with). */
export function roundPoints(points: number): number {
  return (Math.sign(points) * Math.round(Math.abs(points) * 100 + 1e-9)) / 100;
}

export function samePoints(a: number, b: number): boolean {
  return toHundredths(a) === toHundredths(b);
}

/** Formats points without trailing zeros: 5 → "5", 9.70 → "9.7". */
export function formatPoints(points: number): string {
  return String(roundPoints(points));
}
