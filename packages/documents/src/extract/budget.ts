import { comparePercent, fen, parseAmount, parsePercent } from '@jixiao/domain';
import type {
  Amount,
  BasicExpenditure,
  FundRow,
  Percent,
  ProjectExpenditure,
  ProjectLine,
} from '@jixiao/domain';
import type { Block } from '../read/block.ts';
import { AMOUNT, NUM, sourceRef, squash } from './text.ts';

const N = NUM;
const M = AMOUNT;
const PAREN = '(?:[（(][^）)]*[）)])?';

/** An amount as AMOUNT captures it, in the unit it names (万元 when it names none). */
export function wan(text: string | undefined): Amount | undefined {
  if (text === undefined) return undefined;
  const written = text.replace(/,/g, '');
  const a = parseAmount(written, '万元');
  return a
    ? { fen: a.fen, unit: a.unit, text: written.replace(/(?:亿元|万元|元)$/, '') }
    : undefined;
}
function pct(text: string | undefined): Percent | undefined {
  return text === undefined ? undefined : parsePercent(`${text}%`);
}

const BASIC = new RegExp(
  `基本支出(?:预算安排|预算数|预算)${PAREN}${M}[，,]?实际支出${M}[，,]?完成(?:预算|年度预算)(?:安排)?的?${N}%`,
);
const PROJECT = new RegExp(
  `项目(?:支出)?预算(?:安排|数)?${PAREN}${M}[，,]?实际支出${M}[，,]?完成(?:预算|年度预算)(?:安排)?的?${N}%`,
);
const PERSONNEL = new RegExp(`人员经费(?:支出)?${M}[，,]?占基本支出的?${N}%`);
const PUBLIC = new RegExp(`公用经费(?:支出)?${M}[，,]?占基本支出的?${N}%`);
const BASIC_SPLIT = new RegExp(
  `基本支出${M}[，,]?其中[：:]?人员经费${M}[，,]?(?:日常)?公用经费${M}`,
);
const SPLIT_ACTUAL = new RegExp(
  `(?:实际支出|累计支出|全年支出)${M}[。，,]?(?:其中[：:]?)?基本支出${M}[，,]?项目支出${M}`,
);
const SPLIT_BUDGET = new RegExp(
  `预算(?:资金|数|安排)?${M}[，,]?其中[：:]?基本支出${M}[，,]?项目支出${M}`,
);
/** An amount in any unit of money. */
const MONEY = /\d(?:亿|万)?元/;
const PROJECT_ACTUAL = new RegExp(`全年项目支出${M}`);
const BASIC_ACTUAL = new RegExp(`全年基本支出${M}`);

export interface BudgetExtraction {
  basic: BasicExpenditure;
  project: ProjectExpenditure;
  /** 全年预算/执行/执行率 as the narrative states them. */
  fund?: FundRow;
  /** Total spending stated as the sum of 基本 and 项目 ("累计支出X，基本支出A，项目支出B"). */
  totals: {
    total: Amount;
    parts: Amount[];
    line: number;
    excerpt: string;
    what: 'budget' | 'actual';
  }[];
}

/** Reads the budget chapter's statement patterns from the narrative. */
export function extractBudget(blocks: readonly Block[]): BudgetExtraction {
  const basic: BasicExpenditure = {};
  const project: ProjectExpenditure = { projects: [] };
  const totals: BudgetExtraction['totals'] = [];
  let fund: FundRow | undefined;
  // After the 项目支出 statement, the paragraphs up to the next heading may list the projects.
  let listing = false;
  // The paragraphs before the current one since the last chapter heading, nearest last.
  let before: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'table') continue;
    const t = squash(b.text);
    if (b.kind === 'heading' && CHAPTER.test(t)) before = [];
    const earlier = before;
    before = [...before.slice(-1), t];
    if (!MONEY.test(t) && !listing) continue;
    const src = (focus?: string) => sourceRef(b.line, b.text.trim(), focus);
    let m = BASIC.exec(t);
    if (m && basic.budget === undefined) {
      const [budget, actual, rate] = [wan(m[1]), wan(m[2]), pct(m[3])];
      if (budget) basic.budget = budget;
      if (actual) basic.actual = actual;
      if (rate) basic.statedCompletion = rate;
      basic.source = src('基本支出');
    }
    m = PERSONNEL.exec(t);
    if (m && !basic.personnel) {
      const amount = wan(m[1]);
      const share = pct(m[2]);
      basic.personnel = {
        ...(amount ? { amount } : {}),
        ...(share ? { statedShare: share } : {}),
        source: src('人员经费'),
      };
    }
    m = PUBLIC.exec(t);
    if (m && !basic.publicFunds) {
      const amount = wan(m[1]);
      const share = pct(m[2]);
      basic.publicFunds = {
        ...(amount ? { amount } : {}),
        ...(share ? { statedShare: share } : {}),
        source: src('公用经费'),
      };
    }
    m = BASIC_SPLIT.exec(t);
    if (m) {
      const [total, personnel, publicFunds] = [wan(m[1]), wan(m[2]), wan(m[3])];
      if (total && basic.actual === undefined) basic.actual = total;
      if (personnel && !basic.personnel)
        basic.personnel = { amount: personnel, source: src('人员经费') };
      if (publicFunds && !basic.publicFunds)
        basic.publicFunds = { amount: publicFunds, source: src('公用经费') };
      basic.source ??= src('基本支出');
    }
    m = BASIC_ACTUAL.exec(t);
    if (m && basic.actual === undefined) {
      const a = wan(m[1]);
      if (a) basic.actual = a;
      basic.source ??= src('基本支出');
    }
    for (const [re, what] of [
      [SPLIT_ACTUAL, 'actual'],
      [SPLIT_BUDGET, 'budget'],
    ] as const) {
      const s = re.exec(t);
      const total = wan(s?.[1]);
      const parts = [wan(s?.[2]), wan(s?.[3])].filter((a): a is Amount => a !== undefined);
      if (s && total && parts.length === 2) {
        totals.push({ total, parts, line: b.line, excerpt: src(s[0]).excerpt ?? '', what });
        if (what === 'actual') {
          if (basic.actual === undefined && parts[0]) basic.actual = parts[0];
          if (project.actual === undefined && parts[1]) project.actual = parts[1];
          basic.source ??= src('基本支出');
          project.source ??= src('项目支出');
        }
      }
    }
    if (listing && b.kind === 'heading') listing = false;
    else if (listing) {
      const part = projectListing(t);
      listing = !part.ended;
      project.projects.push(...projectLines(part.text, project.actual, b.line, b.text.trim()));
    }
    m = PROJECT.exec(t);
    if (m && project.budget === undefined) {
      const [budget, actual, rate] = [wan(m[1]), wan(m[2]), pct(m[3])];
      if (budget) project.budget = budget;
      if (actual) project.actual = actual;
      if (rate) project.statedCompletion = rate;
      project.source = src('项目');
      const part = projectListing(t.slice(m.index + m[0].length), true);
      listing = !part.ended;
      project.projects = projectLines(part.text, actual, b.line, b.text.trim());
    }
    m = PROJECT_ACTUAL.exec(t);
    if (m && project.actual === undefined) {
      const a = wan(m[1]);
      if (a) project.actual = a;
      project.source = src('项目支出');
    }
    if (
      !fund &&
      ((/预算执行率/.test(t) && /执行数|执行金额|实际支出|实际执行|支出决算|决算支出/.test(t)) ||
        WHOLE_SPENT.test(t.replace(RUN_IN, '')))
    ) {
      fund = narrativeFund(t, b.line, b.text.trim());
      if (fund) fund = withPlanBefore(fund, earlier);
    }
  }
  const out: BudgetExtraction = { basic, project, totals };
  if (fund) out.fund = fund;
  return out;
}

/**
 * A paragraph on the whole year's spending and its rate ("全年支出X万元，执行率R%", "全年支出X万元，
 * 预算执行率R%"): one that opens on a part of it (基本支出, 项目支出, a numbered item) is not the whole.
 */
const WHOLE_SPENT = new RegExp(
  `^(?!\\s*(?:[（(]?[一二三四五六七八九十\\d]+[)）、.．]|基本支出|项目支出|人员经费|公用经费|其中))[^。]*全年(?:实际)?支出${M}[，,]?(?:总体)?(?:预算)?执行率`,
);
const FUND_INITIAL = new RegExp(`年初(?:批复|核定)?预算(?:数|金额|安排)?(?:为|共)?${M}`);
// 调整预算 (调整后预算) is the plan of the year as finally set, the 自评表's 全年预算数.
const FUND_BUDGET = new RegExp(`全年预算(?:数|金额)${M}|调整(?:后的?)?预算(?:数)?(?:为)?${M}`);
// Not a part's ("项目全年预算", "基本支出全年预算").
const FUND_BUDGET_LOOSE = new RegExp(
  `(?<!项目|支出|经费)全年[^，。；]{0,10}?(?:预算|收入)(?:资金)?${M}`,
);
// The year's spending as a 自评表 names its column: 全年执行数, 实际执行数, 实际支出数 (not a
// part's: 项目实际支出).
const FUND_EXECUTED = new RegExp(
  `全年执行(?:数|金额)${M}|(?<!基本|项目|经费|其中)实际(?:执行|支出)(?:数|金额)(?:为|共)?${M}`,
);
// Spending in the words of the final accounts: 支出决算, 决算支出 (not a part's: 基本支出决算).
const FUND_SPENT = new RegExp(
  `全年(?:实际)?支出(?:决算)?(?:数)?(?:为|共)?${M}|(?<!基本|项目)(?:支出决算|决算支出)(?:数)?(?:为|共)?${M}`,
);
const FUND_RATE = new RegExp(`预算执行率(?:为|达)?${N}%`);

/** A chapter heading ("二、部门预算收支情况", "第二部分…"): the plan before it is of another topic. */
const CHAPTER = /^(?:[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十\d]{1,3}[章部节])/;
/**
 * A heading run into its paragraph ("（二）预算执行。全年支出…"), not naming a part of the spending:
 * the paragraph after it opens where the heading ends.
 */
const RUN_IN =
  /^[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．](?=[^。：:]*(?:预算|支出|执行|收支))(?![^。：:]*(?:基本|项目|人员经费|公用经费|其中))[^。：:\d]{2,10}[。：:]/;
/** A heading alone naming the budget or its spending, not a part of it: "（二）预算执行情况". */
const HEADING_ALONE =
  /^[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．](?=[^。，,；;\d]*(?:预算|支出|执行))(?![^。，,；;\d]*(?:基本|项目|人员经费|公用经费|其中|上年|去年))[^。，,；;：:\d]{2,12}$/;
/** The whole's plan in a paragraph of its own ("年初预算A万元，…，全年预算B万元"), not a part's. */
const PLAN_INITIAL = new RegExp(
  `(?<!项目|支出|经费)年初(?:批复|核定)?预算(?:数|金额|安排)?(?:为|共)?${M}`,
);
const PLAN_ONLY = new RegExp(
  `(?<!项目|支出|经费)(?:全年预算(?:数)?|调整(?:后的?)?预算(?:数)?)(?:为|共)?${M}`,
);

/**
 * "（一）预算情况。年初预算A万元，…全年预算B万元。" then "（二）支出情况。全年支出C万元，执行率R%": a
 * paragraph on the spending that states no plan takes the year's plan from the paragraph just
 * before it (not one on last year's figures, nor one that opens on a part of the spending).
 */
function withPlanBefore(fund: FundRow, earlier: readonly string[]): FundRow {
  if (fund.initialBudget || fund.budget) return fund;
  // "…年初预算A万元。" "（二）预算执行情况" "全年支出C万元，…": a heading of its own naming the
  // budget's execution, between the plan and the spending, does not part them.
  let k = earlier.length - 1;
  while (k > 0 && HEADING_ALONE.test(earlier[k] ?? '')) k--;
  const t = earlier[k]?.replace(RUN_IN, '');
  // Last year's money carried over (上年结转, 上年结余) is a source of this year's plan, not a
  // figure of last year.
  if (
    !t ||
    /(?:上年|去年|上一年度)(?!结转|结余)/.test(t) ||
    /^(?:基本支出|项目支出|人员经费|公用经费|其中)/.test(t)
  )
    return fund;
  const initial = wan(PLAN_INITIAL.exec(t)?.[1]);
  const budget = wan(PLAN_ONLY.exec(t)?.[1]);
  const row = { ...fund };
  if (initial) row.initialBudget = initial;
  if (budget) row.budget = budget;
  return row;
}

function narrativeFund(t: string, line: number, raw: string): FundRow | undefined {
  const initial = wan(FUND_INITIAL.exec(t)?.[1]);
  const budgetMatch = FUND_BUDGET.exec(t);
  const spentMatch = FUND_SPENT.exec(t);
  const budget = wan(budgetMatch?.[1] ?? budgetMatch?.[2] ?? FUND_BUDGET_LOOSE.exec(t)?.[1]);
  const executedMatch = FUND_EXECUTED.exec(t);
  const executed = wan(
    executedMatch?.[1] ?? executedMatch?.[2] ?? spentMatch?.[1] ?? spentMatch?.[2],
  );
  const rate = pct(FUND_RATE.exec(t)?.[1]);
  if (!executed && !rate) return undefined;
  const row: FundRow = { source: sourceRef(line, raw, '执行') };
  if (initial) row.initialBudget = initial;
  if (budget) row.budget = budget;
  if (executed) row.executed = executed;
  if (rate) row.statedRate = rate;
  return row;
}

/** Sentences about other money than the department's projects: they end a project listing. */
const OTHER_TOPIC =
  /基本支出|人员经费|公用经费|政府性基金|国有资本|社会保险基金|固定资产|三公经费|“三公”|下达|转移支付|衔接资金|一般公共预算|全年预算|预算资金|收入|(?<!占)项目支出(?:预算|总额|合计)?(?:安排|为|共|达)?[\d.,]+(?:亿|万)?元/;
/** A paragraph that introduces a list without an amount of its own ("项目共11项，具体如下："). */
const LIST_INTRO = /[：:]$|如下|具体|包括|分别|主要用于/;
/** Names that are totals or other kinds of money, never one project. */
const NOT_A_PROJECT =
  /基本支出|人员经费|公用经费|项目支出|预算|总额|合计|总计|全年|实际支出|下达|转移支付|结转|结余|收入|衔接资金/;

/**
 * The part of a paragraph that still lists the department's projects after a 项目支出 statement:
 * its sentences up to one about other money (基本支出, funds passed on with 下达, 衔接资金, other
 * budgets), which ends the listing. A paragraph with no amount ends it too, unless it introduces
 * the list.
 */
export function projectListing(text: string, first = false): { text: string; ended: boolean } {
  const kept: string[] = [];
  for (const sentence of text.split(/(?<=[。；;！？!?])/)) {
    if (OTHER_TOPIC.test(sentence)) return { text: kept.join(''), ended: true };
    kept.push(sentence);
  }
  const ended = !first && !MONEY.test(text) && !LIST_INTRO.test(text);
  return { text: kept.join(''), ended };
}

/** A project's name and amount, or a share of the 项目支出; stepped with exec (lastIndex reset). */
const PROJECT_LINE = new RegExp(`([^，。；：:、,;]{2,40}?)${M}|占项目支出的?${N}%`, 'g');
const COLON_NAMED = new RegExp(
  `(?:^\\d+[.、．])?([^，。；：:]{2,40})[：:](?:支出|金额|安排)${M}`,
  'g',
);
const COLON_WORD = /[：:](?:支出|金额|安排)/;

/**
 * Project lines "名称X万元，占项目支出N%". A share often covers the amounts listed since the
 * previous share ("A 60万元，B 52.45万元，占项目支出12.43%"): when the share fits that sum and not
 * the last amount alone, the line is the combination, so no false ratio alarm is raised.
 */
function projectLines(
  text: string,
  base: Amount | undefined,
  line: number,
  raw: string,
): ProjectLine[] {
  const lines: ProjectLine[] = [];
  const re = PROJECT_LINE;
  // "1.经济普查工作经费：支出150.00万元" names the project before the colon.
  // Only a colon followed by 支出, 金额 or 安排 can start the tail of a COLON_NAMED match.
  if (COLON_WORD.test(text)) text = text.replace(COLON_NAMED, '$1$2');
  let pending: { name: string; amount: Amount }[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[1] !== undefined && m[2] !== undefined) {
      const amount = wan(m[2]);
      const name = m[1].replace(/^(?:其中|另有|以及|和|及)/, '');
      if (amount && !NOT_A_PROJECT.test(name)) pending.push({ name, amount });
      continue;
    }
    const share = pct(m[3]);
    const last = pending[pending.length - 1];
    if (!share || !last) continue;
    const earlier = pending.slice(0, -1);
    const fits = (fen: number): boolean => {
      const c = base ? comparePercent(share, fen, base.fen) : undefined;
      return c !== undefined && c.agreement !== 'wrong';
    };
    const sum = pending.reduce((s, p) => s + p.amount.fen, 0);
    if (earlier.length > 0 && !fits(last.amount.fen) && fits(sum)) {
      lines.push({
        name: pending.map((p) => p.name).join('、'),
        actual: { fen: fen(sum), unit: last.amount.unit },
        statedShare: share,
        source: sourceRef(line, raw, last.name),
      });
    } else {
      for (const p of earlier)
        lines.push({ name: p.name, actual: p.amount, source: sourceRef(line, raw, p.name) });
      lines.push({
        name: last.name,
        actual: last.amount,
        statedShare: share,
        source: sourceRef(line, raw, last.name),
      });
    }
    pending = [];
  }
  for (const p of pending)
    lines.push({ name: p.name, actual: p.amount, source: sourceRef(line, raw, p.name) });
  return lines;
}
