import { parseAmount, parsePercent } from '@jixiao/domain';
import type { FundRow } from '@jixiao/domain';
import type { Block } from '../read/block.ts';
import type { SelfEvaluationTable } from './tables.ts';
import { sourceRef, squash } from './text.ts';

const FIGURE = String.raw`(\d[\d,，]*(?:\.\d+)?)`;
/** "项目资金（万元）：", "年度资金总额（元）": a line of the fund block with its unit. */
const FUND_LINE = /^(?:项目资金|年度资金总额|资金情况|预算执行情况)(?:[（(](万元|元)[）)])?[：:]?/;
type FieldKey = 'initialBudget' | 'budget' | 'executed' | 'statedRate' | 'weight' | 'statedScore';
const FIELDS: readonly [FieldKey, RegExp][] = [
  ['initialBudget', new RegExp(`年初预算数?[：:]?${FIGURE}`)],
  ['budget', new RegExp(`全年(?:调整)?预算数?[：:]?${FIGURE}`)],
  ['executed', new RegExp(`全年执行数?[：:]?${FIGURE}`)],
  ['statedRate', new RegExp(`执行率[：:]?${FIGURE}[%％]`)],
  ['weight', new RegExp(`分值[：:]?${FIGURE}`)],
  ['statedScore', new RegExp(`得分[：:]?${FIGURE}`)],
];

/**
 * "项目资金（万元）：全年预算数 1,260.00 全年执行数 1,238.40 执行率 98.29% 分值 10 得分 9.83":
 * the fund block of a 自评表 written as one line of labelled figures above its grid.
 */
export function fundLineOf(line: { line: number; text: string }): FundRow | undefined {
  const text = squash(line.text);
  const head = FUND_LINE.exec(text);
  if (!head) return undefined;
  const unit = head[1] === '元' ? '元' : '万元';
  const row: FundRow = { source: sourceRef(line.line, line.text.trim(), '执行') };
  for (const [key, re] of FIELDS) {
    const figure = re.exec(text)?.[1]?.replace(/[,，]/g, '');
    if (figure === undefined) continue;
    if (key === 'statedRate') {
      const rate = parsePercent(`${figure}%`);
      if (rate) row.statedRate = rate;
    } else if (key === 'weight' || key === 'statedScore') row[key] = Number(figure);
    else {
      const a = parseAmount(figure, unit);
      if (a) row[key] = { fen: a.fen, unit: a.unit, text: figure };
    }
  }
  // A line of the fund block states what was spent and of what plan, at least.
  return row.executed && (row.budget ?? row.initialBudget) ? row : undefined;
}

/**
 * Gives each 自评表 read without a fund block the fund line written just above its grid: a row
 * of its own block before the indicator rows, or a line of text within four lines above it.
 */
export function withFundLines(
  tables: readonly SelfEvaluationTable[],
  blocks: readonly Block[],
): SelfEvaluationTable[] {
  return tables.map((t) => {
    if (t.funds.total) return t;
    const own = blocks.find((b) => b.kind === 'table' && b.line === t.line);
    const lines = [
      ...(own?.rows ?? []).slice(0, 6).map((r) => ({ line: r.line, text: r.cells.join(' ') })),
      ...blocks
        .filter((b) => b.kind !== 'table' && b.line < t.line && b.line >= t.line - 4)
        .reverse(),
    ];
    for (const l of lines) {
      const row = fundLineOf(l);
      if (row) return { ...t, funds: { ...t.funds, total: row } };
    }
    return withLoneSourceAsTotal(t);
  });
}

/**
 * A fund block of one row named for its source (中央财政资金 | 全年预算数 | 全年执行数 | 执行率 |
 * 分值 | 得分) and no 合计: that row is the whole money, its 分值 the 预算执行率's weight.
 */
function withLoneSourceAsTotal(t: SelfEvaluationTable): SelfEvaluationTable {
  const { sources, ...rest } = t.funds;
  const [only] = sources ?? [];
  if (sources?.length !== 1 || !only) return t;
  if (Object.values(rest).some((v) => v !== undefined)) return t;
  if (only.weight === undefined && only.statedScore === undefined) return t;
  const { name: _name, ...row } = only;
  return { ...t, funds: { total: row } };
}
