import type { Claim, Statement } from './claims.ts';
import { chineseCount } from './claims.ts';

/** "X，其中A a，B b": a whole and the figures of the same kind listed as its parts. */
export interface PartWhole {
  whole: Claim;
  parts: Claim[];
  /**
   * The parts evidently cover the whole: grade buckets (优/良/中/差, 一等…四等), a remainder item
   * (其他, 其余), a known partition (基本支出 + 项目支出, 人员经费 + 公用经费) or a 分别为 listing.
   */
  exhaustive: boolean;
  /** The parts are levels of a hierarchy (一级/二级/三级指标), or one of them is the whole again. */
  notPartition: boolean;
  /** The largest figure of the kind stated before the whole in the same statement, if any. */
  earlier?: Claim;
}

/** A grade bucket: “优”, 评为良, 等级为中, 一等, A级 (a whole word, not 中 of 中央). */
const GRADE =
  /[“"‘](?:优秀?|良好?|中等?|合格|不合格|差|较差|好|较好|一般)[”"’]|(?:评为|评定为|等级为|等次为|结果为)(?:优秀?|良好?|中等?|合格|不合格|差|较差|好|较好|一般)|[一二三四五]等|[ABCD]级/;
const REMAINDER = /^(?:其他|其它|其余|剩余|另外)/;
const PARTITIONS: readonly (readonly RegExp[])[] = [
  [/基本支出/, /项目支出/],
  [/人员经费/, /公用经费/],
];
const LEVEL = /[一二三四五六1-6]级/;

/** The same kind of quantity: money with money, counts of the same thing (人 and 名 alike). */
function sameKind(a: Claim, b: Claim): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind !== 'count') return a.kind === 'money';
  const unit = (u: string): string => (u === '名' ? '人' : u);
  return unit(a.unit) === unit(b.unit);
}

/**
 * Every "其中" of a statement with the whole it itemises. The whole is the last figure of the
 * kind before 其中; the parts are the figures of that kind after it, up to the next 其中 or the
 * statement's end ("（其中…）" ends at its parenthesis), leaving out details in parentheses.
 */
export function partWholes(s: Statement): PartWhole[] {
  const out: PartWhole[] = [];
  const markers = [...s.text.matchAll(/其中/g)].map((m) => m.index);
  markers.forEach((p, i) => {
    const parenthesised = /[（(]$/.test(s.text.slice(0, p));
    let end = markers[i + 1] ?? s.text.length;
    if (parenthesised) {
      const close = s.text.slice(p).search(/[）)]/);
      if (close >= 0) end = Math.min(end, p + close);
    }
    const before = s.claims.filter((c) => c.end <= p && c.kind !== 'percent');
    const inside = s.claims.filter((c) => c.at > p && c.at < end && c.kind !== 'percent');
    const groupDepth = parenthesised ? depthOf(s, p) : Math.min(...inside.map((c) => c.depth));
    const kinds = new Map<string, Claim>();
    for (const c of before) kinds.set(c.kind === 'count' ? `count|${c.unit}` : c.kind, c);
    for (const whole of new Set(kinds.values())) {
      const parts = inside.filter((c) => sameKind(c, whole) && c.depth === groupDepth);
      if (parts.length === 0) continue;
      const tail = s.text.slice(p, end);
      const names = parts.map((c) => c.key || c.name);
      const exhaustive =
        /分别(?:为|是)/.test(tail) ||
        (parts.length >= 2 && parts.every((c) => GRADE.test(c.clause))) ||
        names.some((n) => REMAINDER.test(n)) ||
        PARTITIONS.some((set) => set.every((re) => names.some((n) => re.test(n))));
      const notPartition =
        names.filter((n) => LEVEL.test(n)).length >= 2 ||
        (parts.length >= 2 && parts.some((c) => c.value === whole.value && whole.value !== 0));
      // An earlier figure of the kind may be the whole this 其中 itemises ("总投资A，已完成B，
      // 其中中央资金C、地方资金D" itemises A): the largest one, for parts that exceed the last.
      const earlier = before.filter((c) => c !== whole && sameKind(c, whole) && !c.approximate);
      const largest = earlier.reduce<Claim | undefined>(
        (m, c) => (m === undefined || c.value > m.value ? c : m),
        undefined,
      );
      out.push({
        whole,
        parts,
        exhaustive,
        notPartition,
        ...(largest ? { earlier: largest } : {}),
      });
    }
  });
  return out;
}

function depthOf(s: Statement, at: number): number {
  let depth = 0;
  for (const ch of s.text.slice(0, at)) {
    if (ch === '（' || ch === '(') depth++;
    else if ((ch === '）' || ch === ')') && depth > 0) depth--;
  }
  return depth;
}

/** "8个内设机构，即A、B、C" / "内设机构股室7个：A、B": a count and the items listed for it. */
export interface CountList {
  count: number;
  /** The count as written ("8个"). */
  text: string;
  items: string[];
  /** Introduced as complete (即, 分别是, 分别为, a colon) and without 等. */
  closed: boolean;
  /** Where the count stands in the statement's text. */
  at: number;
}

const COUNT_LIST = new RegExp(
  '(\\d+|[一二两三四五六七八九十]{1,3})(个|项|名|家|所|类|种|条|座|处|批)([^，,；;。：:、（()）\\d]{0,12}?)[，,]?(即|分别是|分别为|包括|包含|有|为|：|:)',
  'g',
);

/** Every count followed by a list of named items separated by 、. */
export function countLists(s: Statement): CountList[] {
  const out: CountList[] = [];
  for (const m of s.text.matchAll(COUNT_LIST)) {
    if (/[\d.第]/.test(s.text[m.index - 1] ?? '')) continue;
    const raw = m[1] ?? '';
    const count = /^\d+$/.test(raw) ? Number(raw) : chineseCount(raw);
    if (count === undefined || count < 2) continue;
    const from = m.index + m[0].length;
    const rest = s.text.slice(from);
    // Notes in parentheses belong to an item ("督查室（对外称区委督查室）"), not to the list.
    const plain = rest.replace(/[（(][^（()）]*[）)]/g, '');
    const stop = plain.search(/[；;。，,（(]/);
    const list = stop >= 0 ? plain.slice(0, stop) : plain;
    let items = list
      .split('、')
      .map((x) => x.replace(/^[“"]|[”"]$/g, '').trim())
      .filter((x) => x !== '');
    if (items.length < 2 || items.some((x) => x.length > 25)) continue;
    let open = /等$/.test(list) || /^等/.test(plain.slice(list.length));
    const last = items[items.length - 1] ?? '';
    if (/等$/.test(last)) {
      open = true;
      items[items.length - 1] = last.replace(
        /等(?:[\d一二三四五六七八九十]+[个项家所类种条])?$/,
        '',
      );
    }
    // "A、B和C": the last item may join two names; split it when that makes the count.
    const joined = /^(.{2,}?)(?:和|及|与|以及)(.{2,})$/.exec(items[items.length - 1] ?? '');
    if (joined?.[1] && joined[2] && items.length + 1 === count)
      items = [...items.slice(0, -1), joined[1], joined[2]];
    const closed = !open && /即|分别|：|:/.test(m[4] ?? '') && !joined;
    out.push({ count, text: `${raw}${m[2] ?? ''}`, items, closed, at: m.index });
  }
  return out;
}

/** "…实际支出Y万元，完成预算的Z%": a stated rate with the amounts it is computed from. */
export interface Completion {
  rate: Claim;
  budget: Claim;
  actual: Claim;
  /** The budget was found in the sentence before the rate's (a less certain reading). */
  fromBefore: boolean;
  statement: Statement;
}

/** "执行率", "完成预算的": a rate of money spent ("目标完成率" is not one). */
const RATE_BEFORE =
  /(?:执行率|预算完成率|资金完成率|支出率|完成(?:年度)?预算(?:安排|数)?的?|执行进度)(?:为|达到?|是)?$/;
/** Names that are differences or balances, never the amounts a rate is computed from. */
const NOT_BASE = /增加|减少|增长|下降|差额|结余|结转|比上年|同比|未执行|剩余|节约/;

/** Every stated execution or completion rate with the budget and actual amounts before it. */
export function completions(statements: readonly Statement[]): Completion[] {
  const out: Completion[] = [];
  statements.forEach((s, i) => {
    for (const rate of s.claims) {
      if (
        rate.kind !== 'percent' ||
        !RATE_BEFORE.test(s.text.slice(Math.max(0, rate.at - 14), rate.at))
      )
        continue;
      const money = s.claims.filter(
        (c) => c.kind === 'money' && c.end <= rate.at && !c.approximate && !NOT_BASE.test(c.name),
      );
      const actualAt = money.map((c) => c.role).lastIndexOf('actual');
      const actual = money[actualAt];
      const budget = money.slice(0, Math.max(0, actualAt)).findLast((c) => c.role !== 'actual');
      // A plan stated after the outcome ("…实际支出900万元，其中项目预算300万元，执行率95%"):
      // which pair the rate is of is not certain.
      if (actual && money.slice(actualAt + 1).some((c) => c.role === 'budget')) continue;
      if (budget && actual) {
        out.push({ rate, budget, actual, fromBefore: false, statement: s });
        continue;
      }
      // "财政资金3267.28万元。…执行金额2856.63万元，执行率87.43%": the plan in the sentence before.
      const prev = statements[i - 1];
      if (!actual || !prev || prev.block !== s.block || money.some((c) => c.role === 'budget'))
        continue;
      const plan = prev.claims.findLast(
        (c) =>
          c.kind === 'money' && c.role !== 'actual' && !c.approximate && !NOT_BASE.test(c.name),
      );
      if (plan) out.push({ rate, budget: plan, actual, fromBefore: true, statement: s });
    }
  });
  return out;
}

/** A name quoted in the text (“科技创新战略专项资金——…”), with where it stands. */
export interface QuotedName {
  name: string;
  line: number;
  raw: string;
}

/** Every quoted name of 8 or more characters (document titles in 《》 are left out: they vary). */
export function quotedNames(statements: readonly Statement[]): QuotedName[] {
  const out: QuotedName[] = [];
  for (const s of statements) {
    for (const m of s.text.matchAll(/[“"「]([^“”"「」]{8,60})[”"」]/g)) {
      if (m[1]) out.push({ name: m[1], line: s.line, raw: s.raw });
    }
  }
  return out;
}
