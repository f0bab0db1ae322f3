import type { Amount } from '../money.ts';
import { addFen, FEN_PER_UNIT, formatFen, normalizeDigits, parseAmount } from '../money.ts';
import type { Evaluation } from '../evaluation.ts';
import { FUND_ROW_KEYS } from '../evaluation.ts';
import type { Finding } from '../finding.ts';
import type { Percent } from '../ratio.ts';
import { amountText, percentText } from './format.ts';
import { makeFinding } from './make-finding.ts';
import { evaluationTexts, sentences } from './texts.ts';
import { walkIndicators } from './walk.ts';

/**
 * Rates that cannot pass 100%: shares of the people or things satisfied, passed, covered, on time
 * (a 完成率 or 执行率 may, and so may a rise: "满意度提高率").
 */
export const BOUNDED_RATE_WORDS =
  '满意度|满意率|合格率|达标率|知晓率|覆盖率|普及率|参保率|入学率|巩固率|及时率|到位率|准确率|正确率|完好率|出勤率|通过率|受益率|保障率';
const BOUNDED_RATE_NAME = new RegExp(`(?:${BOUNDED_RATE_WORDS})$`);
const CHANGE_NAME = /增长|增幅|增速|提高|提升|上升|同比|环比|较上年|超额|倍/;

/** Whether an indicator's name is of a rate that cannot pass 100%. */
export function isBoundedRate(name: string): boolean {
  const bare = name.replace(/[（(][^（()）]*[）)]$/, '').trim();
  return BOUNDED_RATE_NAME.test(bare) && !CHANGE_NAME.test(bare);
}

/** A money figure more than this many times the annual budget cannot be the unit's own. */
const MAGNITUDE_FACTOR = 10;

/**
 * Sentences about the region's economy (of a 自治州, 盟 or 旗 too) legitimately cite figures far
 * above a unit's budget.
 */
export const REGIONAL_AGGREGATE =
  /全区|全市|全县|全省|全国|全州|全盟|全旗|生产总值|GDP|总量|招商|引进|签约|总投资|融资|贷款|产值|增加值|营业收入|旅游(?:总)?收入|税收|货值|进出口|贸易|交易额|成交|销售额/;

/**
 * Money that others gained or were spared through the work (挽回经济损失, 农户增收, 带动投资), or
 * that the unit collects, lends or holds for others (住房公积金归集额, 个人住房贷款发放额, 存款), not
 * money the unit had: a legal-aid project may recover many times its own budget, a fund centre
 * lend a hundred times its own.
 */
const NOT_THE_UNITS = /挽回|损失|增收|收益|带动|撬动|拉动|归集|缴存|贷款|存款/;

const MONEY_IN_TEXT = /(\d[\d,，]*(?:\.\d+)?)\s*(亿元|万元|元)/g;

/**
 * Whether any amount in the whole text exceeds `limit` 分. Every amount a sentence yields is also
 * found in the whole text (sentence ends cannot sit inside an amount), so a text without one has
 * no sentence to report and need not be split.
 */
function anyAmountAbove(text: string, limit: number): boolean {
  for (const m of text.matchAll(MONEY_IN_TEXT)) {
    if (amountBound(m[1] ?? '', m[2] ?? '') <= limit) continue; // too few digits to matter
    const parsed = parseAmount(`${m[1] ?? ''}${m[2] ?? ''}`);
    if (parsed && parsed.fen > limit) return true;
  }
  return false;
}

/**
 * An upper bound in 分 of what a figure of MONEY_IN_TEXT parses to: 10 to the number of its
 * integer digits, in the unit ("1,234.5" 万元 < 10⁴ 万元), rounding at the 分 included.
 */
function amountBound(figure: string, unit: string): number {
  let digits = 0;
  for (let i = 0; i < figure.length && figure[i] !== '.'; i += 1) {
    const c = figure.charCodeAt(i);
    if (c >= 48 && c <= 57) digits += 1;
  }
  const per =
    unit === '亿元' ? FEN_PER_UNIT.亿元 : unit === '万元' ? FEN_PER_UNIT.万元 : FEN_PER_UNIT.元;
  return 10 ** digits * per;
}

/** The department's annual budget, the yardstick for magnitudes. */
function annualBudget(evaluation: Evaluation): Amount | undefined {
  const total = evaluation.funds.total;
  // A 全年预算数 a hundredth of its own 年初预算数 or 执行数 is a misread row (cells run
  // together, "461.7281092.34%"): the larger figure is the scale, or every amount is an alarm.
  const larger = [total?.initialBudget, total?.executed].reduce<Amount | undefined>(
    (m, a) => (a !== undefined && (m === undefined || a.fen > m.fen) ? a : m),
    undefined,
  );
  if (total?.budget && total.budget.fen > 0)
    return larger !== undefined && larger.fen > total.budget.fen * 100 ? larger : total.budget;
  if (total?.executed && total.executed.fen > 0) return total.executed;
  if (evaluation.kind === 'department') {
    const b = evaluation.basicExpenditure.budget ?? evaluation.basicExpenditure.actual;
    const p = evaluation.projectExpenditure.budget ?? evaluation.projectExpenditure.actual;
    if (b && p) return { fen: addFen(b.fen, p.fen), unit: b.unit };
  }
  return undefined;
}

/** Every stated amount of the evaluation that cannot be negative, with its path. */
function statedAmounts(evaluation: Evaluation): { path: string; label: string; amount: Amount }[] {
  const out: { path: string; label: string; amount: Amount }[] = [];
  const add = (path: string, label: string, amount: Amount | undefined) => {
    if (amount) out.push({ path, label, amount });
  };
  for (const key of FUND_ROW_KEYS) {
    const row = evaluation.funds[key];
    if (!row) continue;
    add(`funds.${key}.initialBudget`, '年初预算数', row.initialBudget);
    add(`funds.${key}.budget`, '全年预算数', row.budget);
    add(`funds.${key}.executed`, '全年执行数', row.executed);
  }
  if (evaluation.kind === 'department') {
    const basic = evaluation.basicExpenditure;
    add('basicExpenditure.budget', '基本支出预算数', basic.budget);
    add('basicExpenditure.actual', '基本支出执行数', basic.actual);
    add('basicExpenditure.personnel.amount', '人员经费', basic.personnel?.amount);
    add('basicExpenditure.publicFunds.amount', '公用经费', basic.publicFunds?.amount);
    const project = evaluation.projectExpenditure;
    add('projectExpenditure.budget', '项目支出预算数', project.budget);
    add('projectExpenditure.actual', '项目支出执行数', project.actual);
    project.projects.forEach((p, i) => {
      add(`projectExpenditure.projects[${i}].actual`, p.name, p.actual);
    });
  }
  return out;
}

function shares(
  evaluation: Evaluation,
): { path: string; label: string; share: Percent; computable: boolean }[] {
  if (evaluation.kind !== 'department') return [];
  const out: { path: string; label: string; share: Percent; computable: boolean }[] = [];
  const basic = evaluation.basicExpenditure;
  for (const [key, label] of [
    ['personnel', '人员经费占基本支出比例'],
    ['publicFunds', '公用经费占基本支出比例'],
  ] as const) {
    const s = basic[key];
    if (s?.statedShare)
      out.push({
        path: `basicExpenditure.${key}.statedShare`,
        label,
        share: s.statedShare,
        computable: s.amount !== undefined && basic.actual !== undefined,
      });
  }
  const project = evaluation.projectExpenditure;
  project.projects.forEach((p, i) => {
    if (p.statedShare)
      out.push({
        path: `projectExpenditure.projects[${i}].statedShare`,
        label: `${p.name}占项目支出比例`,
        share: p.statedShare,
        computable: p.actual !== undefined && project.actual !== undefined,
      });
  });
  return out;
}

/** implausible: negative amounts, shares over 100%, narrative figures far beyond the budget. */
export function checkPlausibility(evaluation: Evaluation): Finding[] {
  const out: Finding[] = [];
  for (const { path, label, amount } of statedAmounts(evaluation))
    if (amount.fen < 0)
      out.push(
        makeFinding({
          code: 'IMPLAUSIBLE_NEGATIVE',
          severity: 'error',
          path,
          stated: amountText(amount),
          params: { label },
        }),
      );
  // A share the ratio check can compute is reported there; here only the bare impossibility.
  for (const { path, label, share, computable } of shares(evaluation))
    if (!computable && share.value > 100)
      out.push(
        makeFinding({
          code: 'IMPLAUSIBLE_SHARE',
          severity: 'error',
          path,
          stated: percentText(share),
          params: { label },
        }),
      );
  // "参训农民满意度" with an 实际完成值 of 105%.
  for (const { node, path } of walkIndicators(evaluation.indicators)) {
    const actual = node.actual;
    if ((node.children ?? []).length > 0 || actual?.kind !== 'quantity') continue;
    if (actual.unit !== '%' || !(actual.value > 100) || !isBoundedRate(node.name)) continue;
    out.push(
      makeFinding({
        code: 'IMPLAUSIBLE_RATE',
        severity: 'warning',
        path: `${path}.actual`,
        stated: actual.text,
        expected: '≤100%',
        source: node.source,
        params: { name: node.name },
      }),
    );
  }
  const budget = annualBudget(evaluation);
  for (const item of evaluationTexts(evaluation)) {
    if (item.section !== 'chapters' && item.section !== 'indicators' && item.section !== 'goals')
      continue;
    // Figures typed in full-width digits ("２７３０００万元") are figures too.
    const text = normalizeDigits(item.text);
    // Most texts name neither a share nor an amount out of scale: skip them before splitting.
    const hasShare = text.includes('占');
    const hasMoney =
      budget !== undefined &&
      text.includes('元') &&
      anyAmountAbove(text, budget.fen * MAGNITUDE_FACTOR);
    if (!hasShare && !hasMoney) continue;
    for (const sentence of sentences(text)) {
      if (hasShare)
        for (const m of sentence.matchAll(/占[^，。；,;]{0,20}?(\d+(?:\.\d+)?)\s*[%％]/g)) {
          const value = Number(m[1]);
          if (value > 100)
            out.push(
              makeFinding({
                code: 'IMPLAUSIBLE_SHARE',
                severity: 'warning',
                path: item.path,
                stated: m[0].replace(/^占[^\d]*/, ''),
                excerpt: sentence,
                line: item.line,
                params: { label: `${item.place}“${m[0]}”` },
              }),
            );
        }
      if (!budget || !hasMoney || !sentence.includes('元') || REGIONAL_AGGREGATE.test(sentence))
        continue;
      if (NOT_THE_UNITS.test(`${item.place}${sentence}`)) continue;
      for (const m of sentence.matchAll(MONEY_IN_TEXT)) {
        const parsed = parseAmount(`${m[1] ?? ''}${m[2] ?? ''}`);
        if (!parsed || parsed.fen <= budget.fen * MAGNITUDE_FACTOR) continue;
        // The budget's own digits in 万元 where the budget is in 元 ("2,360,000.00万元" of a
        // budget of 2,360,000.00元): the unit was slipped, the figure is the budget.
        if (budget.unit === '元' && parsed.unit === '万元' && parsed.fen === budget.fen * 10_000) {
          out.push(
            makeFinding({
              code: 'UNIT_BUDGET_AS_WAN',
              severity: 'warning',
              path: item.path,
              stated: m[0],
              expected: `${formatFen(budget.fen, '元', 2)}元`,
              excerpt: sentence,
              line: item.line,
              params: { place: item.place, budget: formatFen(budget.fen, '元', 2), sentence },
            }),
          );
          continue;
        }
        out.push(
          makeFinding({
            code: 'IMPLAUSIBLE_MAGNITUDE',
            severity: 'warning',
            path: item.path,
            stated: m[0],
            excerpt: sentence,
            line: item.line,
            params: {
              place: item.place,
              budget: formatFen(budget.fen, budget.unit, 2),
              unit: budget.unit,
              factor: Math.round(parsed.fen / budget.fen),
              sentence,
            },
          }),
        );
      }
    }
  }
  return out;
}
