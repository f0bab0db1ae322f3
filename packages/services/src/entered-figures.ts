import {
  FUND_ROW_LABELS,
  MoneyUnit,
  decimalsOf,
  fen,
  formatFen,
  parseDecimalToFen,
  parsePercent,
  roundingStepFen,
} from '@jixiao/domain';
import type { Evaluation, Fen } from '@jixiao/domain';
import { ServiceError } from './errors.ts';

/** A figure of a body whose written text and value disagree. */
export interface FigureMismatch {
  path: string;
  text: string;
  /** The value the text gives and the value sent, as the unit reads them. */
  fromText: string;
  sent: string;
}

const MAX_LISTED = 20;
const UNIT_DECIMALS: Record<MoneyUnit, number> = { 元: 2, 万元: 6, 亿元: 10 };

/** 分 in a unit with every decimal it holds, trailing zeros past the second dropped. */
function exact(value: Fen, unit: MoneyUnit): string {
  return formatFen(value, unit, UNIT_DECIMALS[unit]).replace(/(\.\d\d\d*?)0+$/, '$1');
}

/**
 * Every amount (`{ fen, unit, text }`) and percentage (`{ value, decimals, text }`) of a body
 * whose text states another value than the one sent beside it, beyond the rounding of the text's
 * own decimals: "1,013.19" with 101 318 分, not "2088.40" for 2 088 401 234 分 (2088.401234 万元). Such a
 * body would be stored with two figures for one amount, the form showing the one and the report
 * and the checks using the other. A text that is no figure at all is left alone (nothing says
 * which is meant); every amount a document reader makes agrees with its text.
 */
export function figureMismatches(body: Evaluation): FigureMismatch[] {
  const out: FigureMismatch[] = [];
  const walk = (value: unknown, path: string): void => {
    if (out.length >= MAX_LISTED) return;
    if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, `${path}[${i}]`));
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const o = value as Record<string, unknown>;
    const unit = MoneyUnit.safeParse(o.unit);
    if (typeof o.fen === 'number' && unit.success && typeof o.text === 'string') {
      const fromText = parseDecimalToFen(o.text, unit.data);
      // The text may show the value rounded to its own decimals ("2088.40" for 2088.401234 万元).
      const half = roundingStepFen(unit.data, decimalsOf(o.text)) / 2;
      if (fromText !== undefined && Math.abs(fromText - o.fen) > half)
        out.push({
          path,
          text: o.text,
          fromText: `${exact(fromText, unit.data)}${unit.data}`,
          sent: `${exact(fen(o.fen), unit.data)}${unit.data}`,
        });
    } else if (
      typeof o.value === 'number' &&
      typeof o.decimals === 'number' &&
      o.kind === undefined &&
      typeof o.text === 'string'
    ) {
      const fromText = parsePercent(o.text);
      if (
        fromText !== undefined &&
        Math.abs(fromText.value - o.value) > 0.5 * 10 ** -fromText.decimals + 1e-9
      )
        out.push({ path, text: o.text, fromText: `${fromText.value}%`, sent: `${o.value}%` });
    }
    for (const [key, v] of Object.entries(o)) walk(v, path === '' ? key : `${path}.${key}`);
  };
  walk(body, '');
  return out;
}

const ROWS: Readonly<Record<string, string>> = FUND_ROW_LABELS;
const COLUMNS: Record<string, string> = {
  initialBudget: '年初预算数',
  budget: '全年预算数',
  executed: '全年执行数',
  statedRate: '执行率',
};

/** Where a figure is, in the words of the form ("资金表“基本支出”行的全年执行数"), else its path. */
function placeOf(path: string): string {
  const m = /^funds\.(\w+)\.(\w+)$/.exec(path);
  const row = m ? ROWS[m[1] ?? ''] : undefined;
  const column = m ? COLUMNS[m[2] ?? ''] : undefined;
  return row && column ? `资金表“${row}”行的${column}` : `字段 ${path}`;
}

/** Refuses (400) a body with an amount or percentage whose text and value disagree. */
export function assertFiguresAgree(body: Evaluation): void {
  const found = figureMismatches(body);
  const first = found[0];
  if (first === undefined) return;
  const more = found.length > 1 ? `等${found.length}处` : '';
  throw new ServiceError(
    'EVALUATION_INVALID',
    `数字的文字与数值不一致${more}：“${first.text}”按文字为${first.fromText}，随之提交的数值却为${first.sent}（${placeOf(first.path)}）。请重新填写后保存，未保存任何内容`,
    { mismatches: found },
  );
}
