import type { FundRow, Funds } from './evaluation.ts';
import { FUND_SOURCE_KEYS, FUND_USE_KEYS } from './evaluation.ts';
import type { Amount } from './money.ts';
import { fen } from './money.ts';

/** The amount columns of a fund row that add up across its parts. */
export const FUND_AMOUNT_COLUMNS = ['initialBudget', 'budget', 'executed'] as const;
export type FundAmountColumn = (typeof FUND_AMOUNT_COLUMNS)[number];

/**
 * 年度资金总额 written in 元 under a 万元 header (8,600,000.00 over parts of 800.00 + 60.00): read
 * as 万元 it is ten thousand times its parts, and divided by 10,000 it is their sum. The total as
 * it was meant, or undefined when it is no such slip. Parts by income or by use must both be in
 * 万元 and add, within a 分 of rounding per part, to the total divided down.
 */
export function totalYuanSlip(funds: Funds, column: FundAmountColumn): Amount | undefined {
  const total = funds.total?.[column];
  if (total?.unit !== '万元' || total.fen <= 0) return undefined;
  const meant = Math.round(total.fen / 10_000);
  const groups: (FundRow | undefined)[][] = [
    [...FUND_SOURCE_KEYS.map((k) => funds[k]), ...(funds.sources ?? [])],
    FUND_USE_KEYS.map((k) => funds[k]),
  ];
  for (const rows of groups) {
    const parts = rows.flatMap((r) => (r?.[column] ? [r[column]] : []));
    if (parts.length === 0 || parts.some((p) => p.unit !== '万元')) continue;
    const sum = parts.reduce((s, p) => s + p.fen, 0);
    if (sum <= 0 || total.fen < sum * 100) continue;
    if (Math.abs(meant - sum) <= parts.length) return { fen: fen(meant), unit: '万元' };
  }
  return undefined;
}

/** The fund block with a total written in 元 under the 万元 header read as it was meant. */
export function fundsAsMeant(funds: Funds): Funds {
  const total = funds.total;
  if (!total) return funds;
  let fixed: FundRow | undefined;
  for (const column of FUND_AMOUNT_COLUMNS) {
    const meant = totalYuanSlip(funds, column);
    if (meant) fixed = { ...(fixed ?? total), [column]: meant };
  }
  return fixed ? { ...funds, total: fixed } : funds;
}
