import type { Claim, Statement } from './claims.ts';
import { sameKind } from './claim-relations.ts';

/**
 * A rate named for what it measures, stated right after the figures it is computed from:
 * "抽检1,260批次，其中合格1,228批次，合格率98.25%" (the part named as the rate, of the figure
 * before it), "计划新建3.00万亩，实际建成2.80万亩，任务完成率96.67%" (the outcome of the plan
 * before it), "预算为15.20万元，支出决算为12.36万元，决算数为预算数的82.40%" (two figures named
 * by the rate's own words), "编制数30人，实际在职23人，人员控制率76.67%" (a 控制率: what is in post
 * or spent, of the posts or budget it is held to).
 */
export interface NamedRate {
  rate: Claim;
  part: Claim;
  whole: Claim;
  /** The whole is a plan: a target written round ("12万人次") is set so, not rounded. */
  planned?: true;
}

/** Rates of money spent and of growth: the completion and growth checks read those. */
const OTHER_RATES = /(?:执行|支出|支付|拨付|到位|增长|下降|增幅|降幅|占比|比重)率?$/;
/** A plan: what a completion rate is of. */
const PLAN = /计划|目标|任务/;
/** An outcome: what a completion rate counts. */
const OUTCOME = /实际|完成|建成|实现|达到/;
/** What a 控制率 is of: the posts approved, or the budget or plan a cost is held to. */
const CONTROL_WHOLE = /编制|核定|预算|计划|限额/;
/** What a 控制率 counts: the staff in post, or what was spent. */
const CONTROL_PART = /在职|在编|在岗|实有|实际|支出|决算/;
/** A rate of use of what is there: beds, rooms or equipment in use, those eligible covered. */
const USE_RATE = /(?:使用|入住|利用|覆盖|参保|在用|入驻)率$/;
/** What the figure in use says: in use, occupied, covered, actual. */
const IN_USE = /使用|入住|在住|在用|利用|实际|覆盖|参保|入驻/;
/** What the figure of capacity says: approved, in place, in all, or owed cover. */
const CAPACITY = /核定|共有|现有|总|设计|设置|拥有|可用|全部|应/;
/** Units of places that people occupy (入住率: residents of the beds or rooms there are). */
const PLACES = /^(?:张|间|套)$/;
const PEOPLE = /^(?:人|名|户)$/;

/**
 * "核定床位120张，实际使用床位96张，床位使用率80.00%": of the two figures right before a rate of
 * use, the one in use of the one of capacity, each named so by its own words and no more than
 * it (the residents of the beds for 入住率).
 */
function useOf(rate: Claim, before: readonly Claim[]): { part: Claim; whole: Claim } | undefined {
  const use = USE_RATE.exec(rate.name);
  const [a, b] = before;
  if (!use || !a || !b || a.approximate || b.approximate) return undefined;
  const inUse = (c: Claim) => IN_USE.test(c.clause) && !CAPACITY.test(c.clause);
  const parts = [a, b].filter(inUse);
  const wholes = [a, b].filter((c) => CAPACITY.test(c.clause));
  const [part] = parts;
  const [whole] = wholes;
  if (!part || !whole || parts.length !== 1 || wholes.length !== 1) return undefined;
  const kinds =
    sameKind(part, whole) ||
    (use[0] === '入住率' &&
      part.kind === 'count' &&
      whole.kind === 'count' &&
      PEOPLE.test(part.unit) &&
      PLACES.test(whole.unit));
  if (!kinds || whole.value <= 0 || part.value > whole.value) return undefined;
  return { part, whole };
}

/** "决算数为预算数的": the names of the two figures a rate compares. */
const NAMED_OF = /([\u4e00-\u9fa5]{2,6}?)数?为([\u4e00-\u9fa5]{2,6}?)数?的$/;

/** The figures before a rate in its statement, with nothing but commas between them and it. */
function clauseGroupBefore(s: Statement, rate: Claim): Claim[] {
  const out: Claim[] = [];
  for (let i = s.claims.indexOf(rate) - 1; i >= 0; i--) {
    const c = s.claims[i];
    if (!c || /[；;。]/.test(s.text.slice(c.end, rate.at))) break;
    if (c.kind !== 'percent') out.push(c);
  }
  return out;
}

/** Units of one measure and how many of the second make the first: 1公顷 = 15亩, 1公里 = 1000米. */
const CONVERSIONS: readonly (readonly [string, string, number])[] = [
  ['公顷', '亩', 15],
  ['公里', '米', 1000],
  ['千米', '米', 1000],
  ['千米', '公里', 1],
];

/** A count in the unit of another count of the same measure (the count itself when none). */
function inUnitOf(c: Claim, other: Claim): Claim {
  if (c.kind !== 'count' || other.kind !== 'count' || c.unit === other.unit) return c;
  for (const [big, small, factor] of CONVERSIONS) {
    const k =
      c.unit === big && other.unit === small
        ? factor
        : c.unit === small && other.unit === big
          ? 1 / factor
          : undefined;
    if (k !== undefined)
      return { ...c, unit: other.unit, value: c.value * k, step: Math.max(c.step * k, 0) };
  }
  return c;
}

/** "完成计划的", "完成年度目标的": a completion named by what it is of, the plan before it. */
const COMPLETION_OF = /^(?:全年|年度)?(?:实际)?完成(?:年度|全年)?(?:计划|目标|任务)(?:数|量)?的$/;

/** A rate of cases among people: 发生率, 发病率, 患病率, 检出率 (group 1: what the cases are of). */
const INCIDENCE = /([\u4e00-\u9fa5]{2,8}?)(?:发生|发病|患病|检出|阳性)率$/;

/**
 * "活产数4,260人，监测发现出生缺陷13例，出生缺陷发生率3.05‰": cases (例) of what the rate names,
 * among the people counted right before them.
 */
function casesAmong(rate: Claim, part: Claim, whole: Claim): NamedRate | undefined {
  const subject = INCIDENCE.exec(rate.name)?.[1];
  if (!subject || part.kind !== 'count' || whole.kind !== 'count') return undefined;
  if (part.unit !== '例' || !PEOPLE.test(whole.unit) || part.approximate || whole.approximate)
    return undefined;
  // The cases are named by what the rate is of, or as cases found ("发现确诊病例24例").
  if (!(part.clause.includes(subject) || /病例|确诊|阳性/.test(part.clause))) return undefined;
  if (whole.value < part.value) return undefined;
  return { rate, part, whole };
}

/** A rate of what was left over: 结余率, 结转率 (of the plan it was left of, not of the spending). */
const BALANCE = /(?:结余|结转|结存|节余)$/;

/**
 * "预算192.00万元，…全年累计支出184.60万元，年末结余7.40万元，结余率3.85%": the plan a balance
 * was left of is the figure that the balance and a spending stated beside it make up (looked for
 * in the rate's clauses and the sentence before: "下达资本金1.2亿元…。实际支出11,460万元，…结转
 * 资金540万元，结转率4.5%").
 */
function balanceWhole(part: Claim, figures: readonly Claim[]): Claim | undefined {
  const usable = figures.filter((c) => c !== part && sameKind(c, part) && !c.approximate);
  for (const whole of usable)
    for (const spent of usable)
      if (
        whole !== spent &&
        Math.abs(whole.value - spent.value - part.value) <= whole.step + spent.step + part.step
      )
        return whole;
  return undefined;
}

/**
 * Every rate of a statement read as named by its part or its plan and outcome (see NamedRate);
 * `prev`, the statement before, may hold the plan a balance was left of.
 */
export function namedRates(s: Statement, prev?: Statement): NamedRate[] {
  const out: NamedRate[] = [];
  for (const rate of s.claims) {
    if (rate.kind !== 'percent' || rate.approximate) continue;
    const of = NAMED_OF.exec(s.text.slice(Math.max(0, rate.at - 16), rate.at));
    const before = clauseGroupBefore(s, rate);
    if (of?.[1] && of[2]) {
      const [partWord, wholeWord] = [of[1], of[2]];
      const named = (word: string, other: string) =>
        before.filter(
          (c) =>
            c.kind === 'money' &&
            !c.approximate &&
            c.name.includes(word) &&
            !c.name.includes(other),
        );
      const parts = named(partWord, wholeWord);
      const wholes = named(wholeWord, partWord);
      const [part] = parts;
      const [whole] = wholes;
      if (part && whole && parts.length === 1 && wholes.length === 1)
        out.push({ rate, part, whole });
      continue;
    }
    // "计划A，实际完成B，完成计划的Z%": a completion rate written as a share of the plan.
    const stem = COMPLETION_OF.test(rate.name) ? '完成' : rate.name.replace(/率$/, '');
    if (stem === rate.name || stem.length < 2 || OTHER_RATES.test(rate.name)) continue;
    const [written, next, third] = before;
    // "计划新建2.0万亩，实际建成1,200公顷，完成率90%": an outcome in another unit of the plan's
    // measure is taken in the plan's unit.
    const part = written && next ? inUnitOf(written, next) : written;
    const cases = part && next ? casesAmong(rate, part, next) : undefined;
    if (cases) {
      out.push(cases);
      continue;
    }
    if (!part || !next || !sameKind(part, next) || part.approximate || next.approximate) {
      const use = useOf(rate, before);
      if (use) out.push({ rate, ...use });
      continue;
    }
    // "送审A，审定B，审减C，审减率Z": a part that is the difference of the two figures before it
    // is a share of the larger one, what it was taken from.
    const difference =
      third !== undefined &&
      sameKind(third, next) &&
      !third.approximate &&
      Math.abs(Math.abs(third.value - next.value) - part.value) <=
        part.step + next.step + third.step;
    const whole = difference && third.value > next.value ? third : next;
    const name = part.key || part.name;
    if (BALANCE.test(stem)) {
      // A balance's rate is of the plan, which the balance and the spending make up; a balance
      // divided by the spending beside it is no such rate.
      const own = name.replace(/(?:资金|金额|额|数)$/, '');
      if (own.length < 2 || !own.endsWith(stem)) continue;
      const plan =
        balanceWhole(part, before) ??
        balanceWhole(part, [
          ...before,
          ...(prev?.claims ?? []).filter((c) => c.kind !== 'percent'),
        ]);
      const whole = plan ?? (/预算|计划|安排|下达/.test(next.clause) ? next : undefined);
      if (whole && whole.value >= part.value) out.push({ rate, part, whole });
      continue;
    }
    const asPart =
      name.length >= 2 && (stem.endsWith(name) || name.endsWith(stem)) && part.value <= whole.value;
    const completion = /完成$/.test(stem) && PLAN.test(whole.clause) && OUTCOME.test(part.clause);
    // "编制数30人，实际在职23人，人员控制率76.67%": staff in post of the posts approved (it may
    // pass 100%, so the part is not held below its whole).
    const control =
      /控制$/.test(stem) &&
      CONTROL_WHOLE.test(whole.clause) &&
      CONTROL_PART.test(part.clause) &&
      !CONTROL_WHOLE.test(part.clause);
    if (completion) out.push({ rate, part, whole, planned: true });
    else if (asPart || control) out.push({ rate, part, whole });
    else {
      const use = useOf(rate, before);
      if (use) out.push({ rate, ...use });
    }
  }
  return out;
}
