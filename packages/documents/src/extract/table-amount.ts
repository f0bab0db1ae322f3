import { normalizeDigits, parseAmount } from '@jixiao/domain';
import type { Amount, MoneyUnit } from '@jixiao/domain';

/**
 * An amount cell in the table's unit ("43.2" in a 万元 table, "432,000.00" in a 元 table), exact
 * in 分; a cell that names its own unit ("37.24万元") keeps it. Undefined for a non-amount.
 */
export function amountIn(text: string | undefined, unit: MoneyUnit): Amount | undefined {
  if (text === undefined) return undefined;
  const t = normalizeDigits(text)
    .replace(/[\s\u3000,]+/g, '')
    .replace(/^[≤≥<>=]+/, '');
  if (!/^\d/.test(t)) return undefined;
  const a = parseAmount(t, unit);
  return a ? { fen: a.fen, unit: a.unit, text: t } : undefined;
}
