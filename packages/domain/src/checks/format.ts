import { formatFen, fen, roundingStepFen } from '../money.ts';
import type { Amount, Fen, MoneyUnit } from '../money.ts';
import { formatPercent } from '../ratio.ts';
import type { Percent } from '../ratio.ts';
import { formatPoints } from '../points.ts';

/** An amount as the document wrote it, else formatted with two decimals in its unit. */
export function amountText(a: Amount): string {
  return a.text ?? formatFen(a.fen, a.unit, 2);
}

/** The written figure without its unit ("3,385.52万元" → "3,385.52"), for messages that add it. */
export function amountFigure(a: Amount): string {
  return amountText(a).replace(/\s*(亿元|万元|元)$/, '');
}

/** 分 shown in a unit with two decimals ("3382.03"). */
export function fenText(value: number | bigint, unit: MoneyUnit): string {
  return formatFen(typeof value === 'bigint' ? value : fen(value), unit, 2);
}

/** A percentage as written, else formatted at its precision. */
export function percentText(p: Percent): string {
  return p.text ?? formatPercent(p.value, p.decimals);
}

export function pointsText(points: number): string {
  return formatPoints(points);
}

/** "基本支出2477.10 + 项目支出904.93" */
export function partsText(
  parts: readonly { label: string; fen: number }[],
  unit: MoneyUnit,
): string {
  return parts.map((p) => `${p.label}${fenText(p.fen, unit)}`).join(' + ');
}

/** One unit of the second decimal of the unit: 0.01 万元 for 万元 figures (domain.md §2). */
export function stepFen(unit: MoneyUnit): number {
  return roundingStepFen(unit, 2);
}

/** Absolute difference of two 分 values. */
export function absDiff(a: Fen | number, b: Fen | number): number {
  return Math.abs(a - b);
}
