import { decimalsOf } from '@jixiao/domain';
import type { Claim, Statement } from './claims.ts';
import { chineseCount, keyOf } from './claims.ts';

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
  /** Listed as the main members ("主要包括"): parts short of the whole are expected. */
  main?: boolean;
}

/**
 * A grade bucket: “优”, 评为良, 等级为中, 一等, A级 (a whole word, not 中 of 中央, nor the 5A级 of a
 * rating whose lower levels a list may leave out).
 */
const GRADE =
  /[“"‘](?:优秀?|良好?|中等?|合格|不合格|差|较差|好|较好|一般)[”"’]|(?:评为|评定为|等级为|等次为|结果为)(?:优秀?|良好?|中等?|合格|不合格|差|较差|好|较好|一般)|[一二三四五]等|(?<![\dA-Z])[ABCD]级/;
const REMAINDER = /^(?:其他|其它|其余|剩余|另外)/;
/**
 * 其他资金 is a source of its own in every fund block (当年财政拨款, 上年结转, 其他资金): beside
 * the other sources alone ("其中上年结转资金支出A；其他资金支出B") it is no "the rest" of a list
 * that leaves out the fiscal money, and that list may name only some sources.
 */
const OTHER_FUNDS = /^其[他它]资金/;
const FISCAL_SOURCE = /财政|拨款|补助|本级|中央|省级|市级|县级|区级|州级|自治区|地方/;
const remainderOf = (names: readonly string[]): boolean =>
  names.some(
    (n) => REMAINDER.test(n) && !(OTHER_FUNDS.test(n) && !names.some((m) => FISCAL_SOURCE.test(m))),
  );
const PARTITIONS: readonly (readonly RegExp[])[] = [
  [/基本支出/, /项目支出/],
  [/人员经费/, /公用经费/],
];
/** Levels of a hierarchy or a rating: 一级指标, 三级医院, 5A级景区, 四星级饭店. */
const LEVEL = /[一二三四五六1-6]级|\dA级|[一二三四五1-5]星级/;

/** An average ("人均6,716元", 户均, 生均, 日均, 平均每人): a figure per head is no part of a total. */
const AVERAGE = /人均|户均|生均|亩均|次均|床均|日均|月均|年均|平均|每(?:人|户|生|亩|名|床)/;

/** Whether a figure is an average of its name (per head, per day): never a part or a whole. */
/** The two kinds a department's spending splits into, as a figure's key opens with them. */
const SPENDING_KIND = /^(?:基本支出|项目支出)/;

export function averaged(c: Claim): boolean {
  return c.kind !== 'percent' && AVERAGE.test(c.name);
}

/** The same kind of quantity: money with money, counts of the same thing (人 and 名 alike). */
export function sameKind(a: Claim, b: Claim): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind !== 'count') return a.kind === 'money';
  const unit = (u: string): string => (u === '名' ? '人' : u);
  return unit(a.unit) === unit(b.unit);
}

/** A 其中, or a 分别为 right after a figure ("支出1000万元，分别为A 600万元、B 400万元"). */
interface Marker {
  at: number;
  /** For a marker after a figure (分别为, 主要用于): the figure it itemises. */
  whole?: Claim;
  /** The marker says the parts are all of the whole (分别为, 具体为), not some (主要用于). */
  closed?: boolean;
  /** Where the list ends, when its own words close it ("由A、B和C构成"). */
  until?: number;
}

/** "支出X万元，由A a、B b和C c三部分构成": the parts a whole is said to be made of. */
const MADE_OF =
  /由([^。；;]{2,120}?)(?:[两二三四五六七八九十几]个?(?:部分|方面|类))?(?:构成|组成)/g;

/** After a figure: words that list its parts, all of them (group 1) or some (group 2). */
const AFTER_FIGURE =
  /(分别(?:为|是|用于|投向|安排|拨付|下达|支付)|具体(?:为|是|包括)|(?:按[^，,；;。\d]{1,10}?)?(?:分为|划分为))|((?:主要)?(?:用于|包括)|主要是)/g;

/**
 * The figure a list marker at `at` itemises: the one right before it ("支出A，包括："), or the
 * one before its share of a larger whole ("项目支出A，占全年支出的74.04%，包括：").
 */
function wholeBefore(s: Statement, at: number, closed = false): Claim | undefined {
  const last = s.claims.findLast((c) => c.end <= at);
  if (!last) return undefined;
  // "资金346.87万元，统一计入财政拨款收入，具体为A a、B b": a list of all the parts may follow
  // one clause without figures that goes on about its whole.
  const gap = s.text.slice(last.end, at);
  if (!/^[，,：:]?$/.test(gap) && !(closed && /^[，,][^，,；;。：:\d]{2,24}[，,：:]$/.test(gap)))
    return undefined;
  if (closed && last.kind === 'count') {
    // "培训共计86期，培训3,412人次，分别为：电工培训18期、…": the parts are counted in the unit
    // of the figure one clause before, not in that of the figure right before the marker.
    const first = s.claims.find((c) => c.at >= at);
    const before = s.claims.findLast((c) => c.end <= last.at);
    if (
      first &&
      before &&
      !sameKind(first, last) &&
      sameKind(first, before) &&
      /^[，,][^，,；;。：:\d]{0,12}$/.test(s.text.slice(before.end, last.at))
    )
      return before;
  }
  if (last.kind !== 'percent') return last;
  const before = s.claims.findLast((c) => c.end <= last.at);
  const between = before ? s.text.slice(before.end, last.at) : '';
  return before && before.kind !== 'percent' && /^[，,]?占[^，,；;。\d]{0,20}$/.test(between)
    ? before
    : last;
}

function markersOf(s: Statement): Marker[] {
  const out: Marker[] = [];
  for (const m of s.text.includes('其中') ? s.text.matchAll(/其中/g) : []) {
    // "其中：基本支出A，其中人员经费B、公用经费C；项目支出D": a 其中 right after a part of an
    // open 其中 list (no ； between them) itemises that part, up to its ；, and the outer list
    // goes on after it.
    const outer = out.findLast((x) => !x.whole);
    const part = outer ? s.claims.findLast((c) => c.end <= m.index) : undefined;
    if (
      outer &&
      part &&
      part.at > outer.at &&
      /^[，,]?$/.test(s.text.slice(part.end, m.index)) &&
      !/[；;]/.test(s.text.slice(outer.at, m.index))
    )
      out.push({ at: m.index, whole: part });
    else out.push({ at: m.index });
  }
  // "实际支出4,862,350.00元中：A a，B b": a figure followed by 中： is itemised like a 其中's whole.
  for (const m of s.text.includes('中') ? s.text.matchAll(/中[：:]/g) : []) {
    const whole = s.claims.findLast((c) => c.end <= m.index);
    if (whole && whole.end === m.index) out.push({ at: m.index, whole });
  }
  if (/分别|具体|用于|包括|主要是|分为/.test(s.text)) {
    for (const m of s.text.matchAll(AFTER_FIGURE)) {
      const whole = wholeBefore(s, m.index, m[1] !== undefined);
      if (whole) out.push({ at: m.index, whole, closed: m[1] !== undefined });
    }
  }
  if (s.text.includes('由'))
    for (const m of s.text.matchAll(MADE_OF)) {
      const whole = s.claims.findLast((c) => c.end <= m.index);
      if (whole && /^[，,：:]?$/.test(s.text.slice(whole.end, m.index)))
        out.push({ at: m.index, whole, closed: true, until: m.index + m[0].length });
    }
  // "合计支出A（人员经费a、公用经费b、项目支出c）": parts listed in parentheses right after
  // their whole.
  if (/[（(]/.test(s.text))
    for (const m of s.text.matchAll(/[（(]([^（()）]{4,120})[）)]/g)) {
      const whole = s.claims.findLast((c) => c.end <= m.index);
      if (!whole || whole.end !== m.index || whole.kind === 'percent') continue;
      if (inParentheses(s, whole, m.index + 1, m.index + m[0].length - 1))
        out.push({ at: m.index, whole, until: m.index + m[0].length - 1 });
    }
  out.sort((a, b) => a.at - b.at);
  return out;
}

/**
 * A year or the year before named in parentheses (figures of other years), or a plan's changes
 * ("（年初预算A，追加B）", read as an adjustment): no parts.
 */
const OTHER_YEAR_NOTE =
  /(?:19|20)\d{2}年|上年|去年|同期|同比|较|比|年初|追加|调增|调减|调整|核减|压减|增加|减少/;

/**
 * Whether the parentheses from `from` to `to` list two or more named figures of the whole's
 * kind and nothing else, parted by 、 or ，: the parts of the figure before them.
 */
function inParentheses(s: Statement, whole: Claim, from: number, to: number): boolean {
  if (OTHER_YEAR_NOTE.test(s.text.slice(from, to))) return false;
  const inside = s.claims.filter((c) => c.at >= from && c.end <= to);
  if (inside.length < 2 || inside.some((c) => !sameKind(c, whole) || c.approximate)) return false;
  return inside.every((c, k) => {
    const gap = s.text.slice(k === 0 ? from : (inside[k - 1]?.end ?? from), c.at);
    return c.name.length >= 2 && (k === 0 ? !/[，,、；;]/.test(gap) : /^[、，,]/.test(gap));
  });
}

/** A marker word (其中, 包括, 分别为…) and its colon, then the mark of a first numbered item. */
const NUMBERED_AFTER_MARKER = /^[^，,；;。\d（(]{0,6}?[：:]?(?:[（(]1[）)]|[⑴①]|1[、.．](?!\d))/;

/** Two names that share no two characters in a row name different things. */
function related(a: string, b: string): boolean {
  for (let i = 0; i + 2 <= b.length; i++) if (a.includes(b.slice(i, i + 2))) return true;
  return false;
}

/**
 * Every "其中" of a statement with the whole it itemises. The whole is the last figure of the
 * kind before 其中; the parts are the figures of that kind after it, up to the next 其中 or the
 * statement's end ("（其中…）" ends at its parenthesis), leaving out details in parentheses.
 * Parts that pair a plan with its outcome ("基本支出预算A，执行B；项目支出预算C，执行D") are two
 * lists: each is compared with the last whole of its own role.
 */
export function partWholes(s: Statement): PartWhole[] {
  return relationsOf(s).groups;
}

/**
 * The parts of a 其中 whose whole is not in its own statement ("项目资金按用途分为四部分，其中设备
 * 购置580万元，安装调试320万元…" after a paragraph that states the budget): lists of two or more
 * figures of one kind, to be compared with the figures stated before.
 */
export function partsWithoutWhole(s: Statement): Claim[][] {
  return relationsOf(s).orphans;
}

let relations = new WeakMap<Statement, { groups: PartWhole[]; orphans: Claim[][] }>();

/**
 * Forgets the statements of the previous document: each document fills memos of its own (a
 * long-lived table filled with each document's new entries costs several times as much).
 */
export function forgetRelations(): void {
  relations = new WeakMap();
  comparisons = new WeakMap();
}

function relationsOf(s: Statement): { groups: PartWhole[]; orphans: Claim[][] } {
  let r = relations.get(s);
  if (!r) {
    r = readRelations(s);
    relations.set(s, r);
  }
  return r;
}

/** Whether at least two of `items` pass `test` (without counting the rest). */
function atLeastTwo<T>(items: readonly T[], test: (x: T) => boolean): boolean {
  let n = 0;
  for (const x of items) if (test(x) && ++n === 2) return true;
  return false;
}

/** The kind of a figure: money, a percentage, or a count of one unit (人 and 名 alike). */
const kindKey = (c: Claim): string =>
  c.kind === 'count' ? `count|${c.unit === '名' ? '人' : c.unit}` : c.kind;

function readRelations(s: Statement): { groups: PartWhole[]; orphans: Claim[][] } {
  const out: PartWhole[] = [];
  const orphans: Claim[][] = [];
  // A whole and a part, or a list of two parts, are two figures other than percentages (parts and
  // the wholes they are compared with are sums or counts): most sentences have fewer.
  if (!atLeastTwo(s.claims, (c) => c.kind !== 'percent')) return { groups: out, orphans };
  const markers = markersOf(s);
  const compares = comparisonRoles(s);
  const ranges = markers.map((marker, i) => {
    const p = marker.at;
    const parenthesised = /[（(]$/.test(s.text.slice(0, p));
    // A 其中 runs to the next 其中: a 主要用于 after one of its parts details that part, and a
    // 分别为 lists its parts up to the end of its clause group.
    const next = marker.whole ? markers[i + 1] : markers.slice(i + 1).find((m) => !m.whole);
    let end = next?.at ?? s.text.length;
    if (parenthesised) {
      const close = s.text.slice(p).search(/[）)]/);
      if (close >= 0) end = Math.min(end, p + close);
    }
    if (marker.until !== undefined) end = Math.min(end, marker.until);
    if (marker.whole) {
      // "包括：（1）A a；（2）B b；（3）C c。": numbered items run to the sentence's end, each
      // ended by ；; other lists after a figure end at its clause group.
      const numbered = NUMBERED_AFTER_MARKER.test(s.text.slice(p));
      const stop = s.text.slice(p).search(numbered ? /[。]/ : /[；;。]/);
      if (stop >= 0) end = Math.min(end, p + stop);
    }
    // "…，另有离退休人员6人": what is added after 另有 is beside the whole, not in it.
    const beside = s.text.slice(p, end).search(BESIDE);
    if (beside > 0) end = p + beside;
    return { marker, p, end, parenthesised };
  });
  ranges.forEach(({ marker, p, end, parenthesised }) => {
    // The figures a part's own 分别为 or 用于 lists are details of that part, not parts here.
    const nested = ranges.filter(
      (r) => r.marker.whole && r.marker.whole.at > p && r.p < end && r.marker !== marker,
    );
    // "…比上年的21.35万元增长12.79%。其中…": last year's figure is not what this year itemises,
    // nor is "较年初预算1,205.00万元" a part of this year's list.
    const before = s.claims.filter(
      (c) =>
        c.end <= p &&
        c.kind !== 'percent' &&
        !averaged(c) &&
        !PRIOR.test(c.clause) &&
        compares.get(c) !== 'base',
    );
    const inside = s.claims.filter(
      (c) =>
        c.at > p &&
        c.at < end &&
        c.kind !== 'percent' &&
        !averaged(c) &&
        compares.get(c) !== 'base' &&
        !nested.some((r) => c.at > r.p && c.at < r.end),
    );
    const groupDepth = parenthesised ? depthOf(s, p) : Math.min(...inside.map((c) => c.depth));
    const kinds = new Map<string, Claim>();
    if (marker.whole) kinds.set('whole', marker.whole);
    else
      for (const c of before) {
        // "…增加95.00万元，其中财政拨款收入…": the 其中 itemises the amount, not its change.
        // A change whose base was cut away ("…增加68.15万元，增长6.44%。其中…") is one still.
        const first = inside.find((x) => kindKey(x) === kindKey(c));
        const change = (x: Claim): boolean =>
          compares.get(x) === 'change' || CHANGE_VERB.test(x.clause);
        if (change(c) && first && !change(first)) continue;
        // "支出18.46万元，完成预算（21.00万元）的87.90%。其中：…": a figure in parentheses is a
        // detail of its clause, not the whole that parts outside them itemise.
        if (!parenthesised && c.depth > groupDepth) continue;
        kinds.set(kindKey(c), c);
      }
    if (!marker.whole && !parenthesised) {
      const loose = new Map<string, Claim[]>();
      for (const c of inside) {
        if (
          c.depth !== groupDepth ||
          kinds.has(kindKey(c)) ||
          TOTAL_CLAUSE.test(c.clause) ||
          compares.has(c)
        )
          continue;
        loose.set(kindKey(c), [...(loose.get(kindKey(c)) ?? []), c]);
      }
      for (const list of loose.values()) if (list.length >= 2) orphans.push(list);
    }
    for (const whole of new Set(kinds.values())) {
      // A subtotal after the parts ("…，合计500万元") is not one of them.
      // A change ("增加95.00万元，其中…") is itemised by changes, anything else by no change.
      const change = compares.get(whole) === 'change';
      let all = inside.filter(
        (c) =>
          sameKind(c, whole) &&
          c.depth === groupDepth &&
          !TOTAL_CLAUSE.test(c.clause) &&
          (compares.get(c) === 'change') === change,
      );
      // Staff in post (编制, 在职, 实有) never count the retired: a 退休 item starts another list,
      // unless the items with the retired make up the whole exactly (实有人数 of a 基础数据表 that
      // counts them: "实有人数298人，其中在职276人、离休2人、退休20人"), or the whole says it is
      // the total of everyone ("实有人员共计146人，其中在职人员98人、退休人员41人").
      // "基本支出6,902.48万元，其中人员经费…、公用经费…；项目支出1,595.08万元": the other kind of
      // spending is the whole's sibling, never one of its parts: the list ends before it.
      const kindOfWhole = SPENDING_KIND.exec(whole.key)?.[0];
      if (whole.kind === 'money' && kindOfWhole) {
        const sibling = all.findIndex((c) => {
          const kind = SPENDING_KIND.exec(c.key)?.[0];
          return kind !== undefined && kind !== kindOfWhole;
        });
        if (sibling >= 0) all = all.slice(0, sibling);
      }
      if (whole.kind === 'count' && STAFF.test(whole.clause) && !ALL_OF.test(whole.clause)) {
        const retired = all.findIndex((c) => RETIRED.test(c.name));
        const total = all.reduce((sum, c) => sum + c.value, 0);
        if (retired > 0 && total !== whole.value) all = all.slice(0, retired);
      }
      // "教职工62人，其中专任教师44人；在籍学员3,480人，其中本科…": a figure past a ； that the
      // next 其中 itemises, larger alone than this whole, heads a list of its own.
      const head = all.at(-1);
      const previous = all.at(-2);
      if (
        head &&
        previous &&
        head.value > whole.value &&
        /^[，,]?其中/.test(s.text.slice(head.end)) &&
        /[；;]/.test(s.text.slice(previous.end, head.at))
      )
        all = all.slice(0, -1);
      // "预算总额A，其中B b；全年支出C": an outcome after a ； past a plan's parts (or a plan past
      // an outcome's) opens a clause of its own, not another part.
      if (whole.kind === 'money' && whole.role !== '') {
        const other = (c: Claim): boolean => c.role !== '' && c.role !== whole.role;
        const cut = all.findIndex(
          (c, k) => k > 0 && other(c) && /[；;]/.test(s.text.slice(all[k - 1]?.end ?? 0, c.at)),
        );
        if (
          cut > 0 &&
          !all.slice(0, cut).some(other) &&
          !all.slice(cut).some((c) => c.role === whole.role)
        )
          all = all.slice(0, cut);
      }
      const roleIn = pairedRoles(all);
      const roles = new Set(all.map(roleIn));
      const lists: { whole: Claim; parts: Claim[]; before: Claim[] }[] = [];
      if (whole.kind === 'money' && roles.has('budget') && roles.has('actual')) {
        for (const role of ['budget', 'actual'] as const) {
          const mine = before.filter((c) => c.kind === 'money' && c.role === role);
          const own = mine[mine.length - 1];
          if (own)
            lists.push({ whole: own, parts: all.filter((c) => roleIn(c) === role), before: mine });
        }
      } else lists.push({ whole: addedUpTo(whole, all, before, marker), parts: all, before });
      for (const list of lists) {
        const pw = partWhole(
          s,
          list.whole,
          list.parts,
          p,
          end,
          list.before,
          marker.whole !== undefined,
          marker.closed === true,
        );
        if (pw) out.push(pw);
      }
    }
  });
  return { groups: out, orphans };
}

/**
 * The whole a 其中 itemises when its parts add up exactly to an earlier figure of the statement
 * and not to the last one: paragraphs run together ("决算数1,845.62万元，全年预算数1,962.40万元，
 * 预算执行率94.05%。其中，基本支出决算数1,320.18万元…项目支出决算数525.44万元") put a plan after
 * the outcome the 其中 goes on with. Otherwise the last figure before it, as said.
 */
function addedUpTo(
  whole: Claim,
  parts: readonly Claim[],
  before: readonly Claim[],
  marker: Marker,
): Claim {
  if (
    marker.whole ||
    whole.kind !== 'money' ||
    parts.length < 2 ||
    parts.some((c) => c.approximate)
  )
    return whole;
  const total = parts.reduce((sum, c) => sum + c.value, 0);
  const slack = parts.reduce((sum, c) => sum + c.step, 0);
  const adds = (c: Claim): boolean => Math.abs(c.value - total) <= slack + c.step;
  if (adds(whole)) return whole;
  const earlier = before.filter(
    (c) => c !== whole && c.kind === 'money' && c.depth === whole.depth && adds(c),
  );
  return earlier.length === 1 && earlier[0] ? earlier[0] : whole;
}

/** An outcome named by its verb alone ("执行852.43万元"): of the item named just before it. */
const BARE_OUTCOME = /^(?:实际)?(?:执行|支出|使用|拨付|支付|到位)(?:数|金额|资金)?$/;

/**
 * The role of each part of a list that pairs items with their outcomes ("中央补助资金860万元，执行
 * 852.43万元；州级资金1,676.42万元，执行1,615.92万元"): an item of no role followed by its bare
 * outcome is that item's plan, so the list is two lists, one of plans and one of outcomes.
 */
function pairedRoles(parts: readonly Claim[]): (c: Claim) => Claim['role'] {
  const plans = new Set<Claim>();
  parts.forEach((c, i) => {
    const prev = parts[i - 1];
    if (c.kind === 'money' && c.role === 'actual' && BARE_OUTCOME.test(c.name) && prev?.role === '')
      plans.add(prev);
  });
  return (c) => (plans.has(c) ? 'budget' : c.role);
}

/**
 * The clause of a figure of the year before, compared with: "比上年的", "较2022年", "上年为", also
 * after the quantity's name ("2023年执行数较2022年的").
 */
const PRIOR =
  /(?:同比|较|比|相比|与)(?:(?:19|20)\d{2}年度?|上年度?|去年|上一年度?)(?:同期)?的?$|^(?:(?:19|20)\d{2}年度?|上年度?|去年)(?:同期)?(?:为|是)$/;

/** The clause of a figure compared with: "较上年的", "比年初预算", "与2022年" (not "较差项目"). */
const COMPARED_CLAUSE =
  /^(?:同比|较|比|相比|与)(?:上年|去年|上一年|前一年|年初|全年|调整|预算|计划|目标|同期|(?:19|20)\d{2}年)[^，,；;：:。\d]{0,10}$/;
/** Between a figure and its change: "增加", "，比上年减少", "同比增长". */
const CHANGE_GAP =
  /^[，,]?(?:(?:同比|较|比|相比)[^，,；;。\d]{0,10}?)?(?:增加|减少|增长|下降|降低|上升|提高|节约|节省|压减|多|少)了?$/;

/**
 * The figures of a statement that compare rather than state: the figure compared with ("较上年的
 * 1,190.20万元", "较年初预算1,205.00万元") is a base, the amount it changed by ("…增加96.20万元")
 * a change. Neither is a part of this year's list, and a base is no whole of one.
 */
export function comparisonRoles(s: Statement): ReadonlyMap<Claim, 'base' | 'change'> {
  let roles = comparisons.get(s);
  if (!roles) {
    roles = readComparisonRoles(s);
    comparisons.set(s, roles);
  }
  return roles;
}

/** Read once per statement: the part lists, the restatements and the rates all ask. */
let comparisons = new WeakMap<Statement, ReadonlyMap<Claim, 'base' | 'change'>>();

function readComparisonRoles(s: Statement): Map<Claim, 'base' | 'change'> {
  const out = new Map<Claim, 'base' | 'change'>();
  s.claims.forEach((c, i) => {
    if (c.kind === 'percent') return;
    const prev = s.claims[i - 1];
    if (COMPARED_CLAUSE.test(c.clause) || PRIOR.test(c.clause)) out.set(c, 'base');
    else if (prev && CHANGE_GAP.test(s.text.slice(prev.end, c.at))) out.set(c, 'change');
  });
  return out;
}

/** Words that add something beside a list's whole ("，另有…", "；此外…"). */
const BESIDE = /[，,；;](?:另有|另外|此外|还有)/;
const STAFF = /编制|在编|在职|在岗|实有/;
const RETIRED = /离休|退休/;
/** A count said to be everyone's total ("共计146人"), retired or not. */
const ALL_OF = /(?:共计|合计|总计|总数)(?:为|达)?$/;

function partWhole(
  s: Statement,
  whole: Claim,
  parts: Claim[],
  p: number,
  end: number,
  before: readonly Claim[],
  afterFigure: boolean,
  listed: boolean,
): PartWhole | undefined {
  if (parts.length === 0 || (afterFigure && parts.length < 2)) return undefined;
  // "改造小区14个…其中新增停车位410个": one count of something else, not a part.
  const only = parts[0];
  if (parts.length === 1 && only && whole.kind === 'count' && !related(whole.name, only.name))
    return undefined;
  const tail = s.text.slice(p, end);
  const names = parts.map((c) => c.key || c.name);
  const exhaustive =
    listed ||
    /分别(?:为|是)/.test(tail) ||
    (parts.length >= 2 && parts.every((c) => GRADE.test(c.clause))) ||
    remainderOf(names) ||
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
  return {
    whole,
    parts,
    exhaustive,
    notPartition,
    ...(largest ? { earlier: largest } : {}),
    ...(afterFigure && /^主要包括/.test(tail) ? { main: true } : {}),
  };
}

function depthOf(s: Statement, at: number): number {
  let depth = 0;
  for (const ch of s.text.slice(0, at)) {
    if (ch === '（' || ch === '(') depth++;
    else if ((ch === '）' || ch === ')') && depth > 0) depth--;
  }
  return depth;
}

/** "…实际支出Y万元，完成预算的Z%": a stated rate with the amounts it is computed from. */
export interface Completion {
  rate: Claim;
  budget: Claim;
  actual: Claim;
  /** Other plans the rate may be of: a rate that agrees with any of them is not reported. */
  alternatives: Claim[];
  /** Other outcomes it may be of, when the outcome was looked for before the rate's sentence. */
  actuals?: Claim[];
  /** The budget was found in a sentence before the rate's (a less certain reading). */
  fromBefore: boolean;
  statement: Statement;
}

/** "执行率", "完成预算的": a rate of money spent ("目标完成率" is not one). */
const RATE_BEFORE =
  /(?:执行率|预算完成率|资金完成率|支出率|支出进度|支付率|支付进度|拨付率|拨付进度|完成(?:年度)?预算(?:安排|数)?的?|执行进度)(?:为|达到?|是)?$/;
/** Names that are differences or balances, never the amounts a rate is computed from. */
const NOT_BASE = /增加|减少|增长|下降|差额|结余|结转|比上年|同比|未执行|剩余|节约|追加|调减|调增/;
const NOT_BASE_ALL = new RegExp(NOT_BASE.source, 'g');
/**
 * Whether a figure's name makes it a difference or a balance. A change that ends in the level it
 * reached names that level ("全年预算调减为760万元", "追加至682.40万元", "年中追加…资金后全年
 * 预算4,752.96万元"): such a figure is a plan like any other.
 */
function notBase(c: Claim): boolean {
  if (!NOT_BASE.test(c.name)) return false;
  const last = [...c.clause.matchAll(NOT_BASE_ALL)].at(-1);
  if (!last) return true;
  if (/结余|结转|差额|剩余|未执行|节约/.test(last[0])) return true;
  const rest = c.clause.slice(last.index + last[0].length);
  return !/^(?:为|至|到|达)$|后/.test(rest);
}
/** How many sentences back a rate's plan is looked for when its own sentence states none. */
const PLAN_WINDOW = 6;

/**
 * The figures of a statement that are parts of a 其中 or of a 合计 after them (not the plan a
 * rate is of: "下达补助资金600万元，县级配套资金150万元，合计750万元" plans the 750).
 */
function partsOf(s: Statement): Set<Claim> {
  return new Set([...partWholes(s), ...totalsAfter(s)].flatMap((pw) => pw.parts));
}

/** The totals after parts of which one is named as a plan: the whole is the plan they make. */
function plannedTotals(s: Statement): Set<Claim> {
  if (!/合计|共计|总计/.test(s.text)) return new Set();
  return new Set(
    totalsAfter(s)
      .filter((pw) => pw.parts.some((c) => c.role === 'budget'))
      .map((pw) => pw.whole),
  );
}

const planLike = (c: Claim): boolean =>
  c.kind === 'money' && c.role !== 'actual' && !c.approximate && !notBase(c);

/** Every stated execution or completion rate with the budget and actual amounts before it. */
/** A rate named for one kind of spending: "基本支出执行率", "项目支出预算执行率". */
const SPENDING_OF_RATE = /((?:基本|项目|人员|公用)(?:支出|经费))[^，,；;。]{0,6}率$/;

/**
 * "项目支出A，项目全年预算B，项目支出执行率R": a rate named for one kind of spending right after an
 * outcome and a plan (in either order) both named for that kind, only a comma between them: the
 * rate is of that pair. A 年初 plan is not taken (the year's plan may have been raised since).
 */
function kindPair(
  text: string,
  money: readonly Claim[],
  kind: string,
  rate: Claim,
): { plan: Claim; outcome: Claim } | undefined {
  const [a, b] = money.slice(-2);
  if (!a || !b) return undefined;
  const stem = kind.slice(0, 2);
  const close = (from: number, to: number): boolean =>
    to - from <= 14 && !/[。；;]/.test(text.slice(from, to));
  if (!close(a.end, b.at) || !close(b.end, rate.at)) return undefined;
  const plan = [a, b].find((c) => c.role === 'budget');
  const outcome = [a, b].find((c) => c !== plan);
  if (!plan || !outcome || outcome.role === 'budget') return undefined;
  if (!plan.name.startsWith(stem) || /年初/.test(plan.name)) return undefined;
  if (!outcome.name.startsWith(stem) || !outcome.name.endsWith(kind.slice(2))) return undefined;
  return { plan, outcome };
}

export function completions(statements: readonly Statement[]): Completion[] {
  const out: Completion[] = [];
  const parts = new Map<Statement, Set<Claim>>();
  const partsIn = (s: Statement): Set<Claim> => {
    let p = parts.get(s);
    if (!p) {
      p = partsOf(s);
      parts.set(s, p);
    }
    return p;
  };
  statements.forEach((s, i) => {
    for (const rate of s.claims) {
      if (
        rate.kind !== 'percent' ||
        !RATE_BEFORE.test(s.text.slice(Math.max(0, rate.at - 14), rate.at))
      )
        continue;
      // "其中基本支出执行率99.38%": the rate of one kind of spending is of that kind's amounts.
      const kind = SPENDING_OF_RATE.exec(rate.name)?.[1];
      if (kind) {
        if (!s.claims.some((c) => c.kind === 'money' && c.end <= rate.at && c.name.includes(kind)))
          continue;
      }
      const money = s.claims.filter(
        (c) => c.kind === 'money' && c.end <= rate.at && !c.approximate && !notBase(c),
      );
      // "本年新增资金支出A，执行率R1；上年结转资金支出B，执行率R2": a rate right after a figure not
      // taken as an outcome or a plan (a 结转 spent, an approximate amount), in a clause of its own
      // after the figures taken (or in the 其中 sentence after theirs), is that figure's.
      const lastMoney = s.claims.filter((c) => c.kind === 'money' && c.end <= rate.at).at(-1);
      const lastTaken = money.at(-1);
      if (
        lastMoney &&
        !money.includes(lastMoney) &&
        !/[；;。]/.test(s.text.slice(lastMoney.end, rate.at)) &&
        (!lastTaken || /[；;。]/.test(s.text.slice(lastTaken.end, lastMoney.at)))
      ) {
        // Of the balance carried over of that name stated before ("上年结转资金B" for "上年结转
        // 资金支出b，执行率R"), when there is one.
        const carried = carriedPlan(statements, i, lastMoney);
        if (carried)
          out.push({
            rate,
            budget: carried,
            actual: lastMoney,
            alternatives: [carried],
            fromBefore: true,
            statement: s,
          });
        continue;
      }
      const pair = kind ? kindPair(s.text, money, kind, rate) : undefined;
      if (pair) {
        out.push({
          rate,
          budget: pair.plan,
          actual: pair.outcome,
          alternatives: [pair.plan],
          fromBefore: true,
          statement: s,
        });
        continue;
      }
      const actualAt = money.map((c) => c.role).lastIndexOf('actual');
      const actual = money[actualAt];
      if (ofOtherYear(s.text, rate, actual)) continue;
      // "其中：基本支出A，执行率100%；项目支出B，完成年度预算的R": a rate right after a figure of no
      // role in its own clause is of that figure, against the plan of its name above (a part of
      // a budget's 其中 there); the reading of the whole stays a plausible one.
      const near = ownFigure(s, rate, money);
      const ownPlan = near && near !== actual ? planOfName(statements, i, near) : undefined;
      if (near && ownPlan) {
        out.push({
          rate,
          budget: ownPlan,
          actual: near,
          alternatives: [ownPlan, ...plansBefore(statements, i, partsIn)],
          actuals: actual ? [near, actual] : [near],
          fromBefore: true,
          statement: s,
        });
        continue;
      }
      // "全年实际支出A，执行率R。其中：基本支出B，执行率R1；项目支出C，执行率R2": a rate right after a
      // part of a 其中, in its part's own clause, is that part's, of a plan of its name the text
      // does not state (the 自评表's row has it): never the whole's rate.
      if (near && near !== actual && !ownPlan && ownPartRate(s, near)) continue;
      // A plan stated after the outcome ("…实际支出900万元，其中项目预算300万元，执行率95%"):
      // which pair the rate is of is not certain.
      if (actual && money.slice(actualAt + 1).some((c) => c.role === 'budget')) continue;
      if (!actual) {
        // "支出合计1000万元…。全年预算数1200万元，全年执行率为85.33%": the outcome just before.
        const plan = money.findLast((c) => c.role === 'budget');
        const outcomes: Claim[] = [];
        for (let k = i - 1; k >= Math.max(0, i - 2); k--) {
          const prev = statements[k];
          if (!prev) break;
          outcomes.push(
            ...prev.claims
              .filter(
                (c) =>
                  c.kind === 'money' &&
                  c.role === 'actual' &&
                  !c.approximate &&
                  !notBase(c) &&
                  !partsIn(prev).has(c),
              )
              .reverse(),
          );
        }
        const outcome = outcomes[0];
        if (plan && outcome)
          out.push({
            rate,
            budget: plan,
            actual: outcome,
            alternatives: money.filter((c) => c.role === 'budget'),
            actuals: [...outcomes, ...outcomesOfPlanName(statements, i, plan)],
            fromBefore: true,
            statement: s,
          });
        else if (outcome && money.length === 0 && !namesOther(rate, outcome)) {
          // "全年预算数A。…全年支出B，其中…。全年预算执行率为R": a sentence of rates alone, after
          // the outcome and, further up, the plan (any plan there may be the one meant).
          const plans = plansBefore(statements, i, partsIn);
          if (plans[0])
            out.push({
              rate,
              budget: plans[0],
              actual: outcome,
              alternatives: plans,
              actuals: outcomes,
              fromBefore: true,
              statement: s,
            });
        }
        continue;
      }
      const own = money.slice(0, actualAt).filter(planLike);
      // The whole a 其中 itemises, not one of its parts, is the plan meant.
      const budget = own.findLast((c) => !partsIn(s).has(c)) ?? own[own.length - 1];
      if (budget) {
        const alternatives = [...own, ...partSums(s, budget)];
        out.push({ rate, budget, actual, alternatives, fromBefore: false, statement: s });
        continue;
      }
      // "上年（2023年）执行数为A，执行率为R": last year's outcome is of last year's plan, not of a
      // plan of the year evaluated stated before.
      if (LAST_YEAR_LEAD.test(leadOf(s.text, actual.at))) continue;
      // "其中中央补助资金支出A，执行率R": the plan of the same name before ("中央补助资金B"), even
      // as a part of a 其中 there, is what a named outcome's rate is of.
      const named = namedPlan(statements, i, actual);
      if (named) {
        out.push({ ...named, rate, actual, fromBefore: true, statement: s });
        continue;
      }
      // "财政资金3267.28万元。…执行金额2856.63万元，执行率87.43%": the plan in a sentence before,
      // named as a plan (预算, 安排, 下达…) and not a part of a 其中.
      const earlier: Claim[] = [];
      // Any amount stated there may be the plan of a named outcome ("学校将其中1,680.00万元分配至
      // 二级学院…" then "二级学院使用资金1,651.20万元，执行率98.29%"): a rate one of them gives
      // agrees, though only a plan named as one is taken for the rate's plan.
      const others: Claim[] = [];
      // The sentence just before, past headings and sentences of no money between them.
      let nearest = i - 1;
      while (nearest > 0 && !statements[nearest]?.claims.some((c) => c.kind === 'money')) nearest--;
      for (let k = i - 1; k >= Math.max(0, i - PLAN_WINDOW); k--) {
        const prev = statements[k];
        if (!prev) break;
        // A figure not named as a plan is taken only from the sentence just before, and only
        // when it stands alone there: of a list of sources ("中央补助资金A，上年结转B，配套资金C",
        // its 其中 cut off or never written) none is the plan of the whole outcome.
        const unnamed = prev.claims.filter(
          (c) => planLike(c) && c.role !== 'budget' && !partsIn(prev).has(c),
        );
        const planned = plannedTotals(prev);
        const plans = prev.claims.filter(
          (c) =>
            planLike(c) &&
            !partsIn(prev).has(c) &&
            (c.role === 'budget' || planned.has(c) || (k === nearest && unnamed.length === 1)),
        );
        earlier.push(...plans.reverse());
        others.push(...plans.flatMap((c) => partSums(prev, c)));
        others.push(...prev.claims.filter((c) => planLike(c) && !plans.includes(c)));
      }
      const plan = earlier[0];
      // "2024年全年预算数A…。2023年度决算支出B，执行率R": an outcome said to be of one year is not
      // of a plan said to be of another.
      if (plan && otherYears(statements, i, actual, plan)) continue;
      if (plan)
        out.push({
          rate,
          budget: plan,
          actual,
          alternatives: [...earlier, ...others],
          fromBefore: true,
          statement: s,
        });
    }
  });
  return out;
}

/** Words of a rate's name that name no particular item: 全年预算执行率, 部门整体支出执行率. */
const GENERIC_RATE_NAME =
  /^(?:全年|年度|本年|当年|整体|部门|单位|总体|全部|项目|预算|资金|支出|经费|综合|财政|的|其)*$/;

/**
 * "地质灾害防治项目执行率87.50%": a rate that names an item of its own (after a list of projects)
 * is not of an outcome of another name stated before it.
 */
function namesOther(rate: Claim, outcome: Claim): boolean {
  const subject = (/[\u4e00-\u9fff]+$/.exec(rate.name)?.[0] ?? '')
    .replace(/(?:执行率|完成率|支出率)$/, '')
    .replace(/(?:项目|资金|经费|支出|预算)+$/, '');
  if (subject.length < 2 || GENERIC_RATE_NAME.test(subject)) return false;
  return !outcome.name.includes(subject);
}

/** What a plan's name says it plans: "项目支出全年预算" → "项目支出", "基本支出预算数" → "基本支出". */
const PLAN_WORDS = /(?:全年|年初|年度|调整后)?(?:预算|批复|安排|计划)(?:数|金额|资金|额)?$/;

/**
 * "…其中基本支出A；项目支出B。项目支出全年预算C，执行率R": the figures in the two sentences
 * before named as what the plan is of (B, a part of a 其中 there) are plausible outcomes of the rate.
 */
function outcomesOfPlanName(statements: readonly Statement[], i: number, plan: Claim): Claim[] {
  const stem = plan.key.replace(PLAN_WORDS, '');
  if (stem.length < 2 || stem === plan.key) return [];
  const out: Claim[] = [];
  for (let k = i - 1; k >= Math.max(0, i - 2); k--)
    for (const c of statements[k]?.claims ?? [])
      if (c.kind === 'money' && c.role !== 'budget' && !c.approximate && c.key === stem)
        out.push(c);
  return out;
}

/**
 * A plan stated as the total of its sources ("三百万元 + 一百二十万元，合计四百五十万元") whose parts
 * add to another sum: the rate may be of that sum (the total is what is wrong, reported apart).
 */
function partSums(s: Statement, plan: Claim): Claim[] {
  return totalsAfter(s)
    .filter((pw) => pw.whole === plan && !pw.notPartition)
    .map((pw) => ({ ...plan, value: pw.parts.reduce((n, c) => n + c.value, 0) }))
    .filter((c) => c.value !== plan.value);
}

/** The last figure of money before a rate in the rate's own clause group (after ；, 。 or 其中). */
function ownFigure(s: Statement, rate: Claim, money: readonly Claim[]): Claim | undefined {
  const head = s.text.slice(0, rate.at);
  const from = Math.max(...['；', ';', '。', '其中'].map((w) => head.lastIndexOf(w)));
  const last = money[money.length - 1];
  return last && last.at > from && last.role === '' && last.name.length >= 2 ? last : undefined;
}

/**
 * Whether a figure is a part of a 其中 whose rate after it is its own: a part before the list's
 * last ("基本支出B，执行率R1，…；项目支出C"), or one set apart from the part before it by ；. A rate
 * after the last part, only commas between the parts ("其中：基本支出B，项目支出C，预算执行率R"),
 * closes the list and is the whole's.
 */
function ownPartRate(s: Statement, figure: Claim): boolean {
  for (const pw of partWholes(s)) {
    const k = pw.parts.indexOf(figure);
    if (k < 0) continue;
    if (k < pw.parts.length - 1) return true;
    const before = pw.parts[k - 1];
    if (before && /[；;]/.test(s.text.slice(before.end, figure.at))) return true;
  }
  return false;
}

/**
 * The plan of a figure's name in the sentences before: "项目支出2,034.00万元" as a part of
 * "部门预算总额4,127.56万元，其中…", or a figure of that name whose own role is a plan.
 */
function planOfName(statements: readonly Statement[], i: number, figure: Claim): Claim | undefined {
  const name = figure.name.replace(/^其中[：:]?/, '');
  for (let k = i - 1; k >= Math.max(0, i - PLAN_WINDOW); k--) {
    const prev = statements[k];
    if (!prev) break;
    const budgets = partWholes(prev).filter((pw) => pw.whole.role === 'budget');
    const plan = prev.claims.find(
      (c) =>
        planLike(c) &&
        c.name.replace(/^其中[：:]?/, '') === name &&
        (c.role === 'budget' || budgets.some((pw) => pw.parts.includes(c))),
    );
    if (plan) return plan;
  }
  return undefined;
}

/** The plans (budget role, not a 其中's part) of the sentences before the i-th, latest first. */
function plansBefore(
  statements: readonly Statement[],
  i: number,
  partsIn: (s: Statement) => Set<Claim>,
): Claim[] {
  const out: Claim[] = [];
  for (let k = i - 1; k >= Math.max(0, i - PLAN_WINDOW); k--) {
    const prev = statements[k];
    if (!prev) break;
    out.push(
      ...prev.claims
        .filter((c) => planLike(c) && c.role === 'budget' && !partsIn(prev).has(c))
        .reverse(),
    );
  }
  return out;
}

/** The year before named as whose a figure is ("上年执行数", not "较上年增长"). */
const LAST_YEAR_LEAD = /(?<![较比与])(?:上年|去年|上一年|前一年)/;

/** The text of a sentence or clause group (after 。 or ；) before an offset. */
function leadOf(text: string, at: number): string {
  const from = Math.max(text.lastIndexOf('。', at - 1), text.lastIndexOf('；', at - 1));
  return text.slice(from + 1, at);
}

/** Whether an outcome and a plan before it are each said to be of a year, and not of one. */
function otherYears(
  statements: readonly Statement[],
  i: number,
  actual: Claim,
  plan: Claim,
): boolean {
  const own = yearIn(leadOf(statements[i]?.text ?? '', actual.at));
  if (own === undefined) return false;
  for (let k = i - 1; k >= Math.max(0, i - PLAN_WINDOW); k--) {
    const prev = statements[k];
    if (!prev?.claims.includes(plan)) continue;
    const theirs = yearIn(leadOf(prev.text, plan.at));
    return theirs !== undefined && theirs !== own;
  }
  return false;
}

/** The last year named in a text: "2022年", or the year before ("上年", "去年"). */
function yearIn(text: string): string | undefined {
  const y = [...text.matchAll(/((?:19|20)\d{2})年|上年|去年|上一年|前一年/g)].pop();
  return y ? (y[1] ?? 'before') : undefined;
}

/**
 * "…全年执行数A，预算执行率R1；2022年执行率为R2": a rate whose clause names a year other than the
 * one of the amounts before it (or the year before) is of that year's amounts, not stated here.
 */
function ofOtherYear(text: string, rate: Claim, actual: Claim | undefined): boolean {
  const from = Math.max(text.lastIndexOf('，', rate.at), text.lastIndexOf('；', rate.at));
  const own = yearIn(text.slice(from + 1, rate.at));
  if (own === undefined) return false;
  if (own === 'before') return true;
  const context = yearIn(text.slice(0, actual ? actual.at : rate.at));
  return context !== undefined && context !== own;
}

/**
 * What is left of an outcome's name for the plan it is of: "中央补助资金支出" → "中央补助资金",
 * "专项债券资金已支出" → "专项债券资金".
 */
const OUTCOME_WORDS = /(?:已|累计|共|实际)*(?:支出|执行|使用|拨付|到位)(?:金额|数|资金)?$/;

/** A plan of the outcome's own name in one of the sentences before, with the other plans there. */
/** Names of money that name no source: "资金", "项目资金", "财政资金". */
const GENERIC_FUNDS = /^(?:本|该|上述|全部)?(?:项目|财政|专项)?资金$/;

/** The word a source's name may end with or go without: "区级配套资金" and "区级配套". */
const FUND_WORD = /(?:资金|经费)$/;

/**
 * The money carried over from the year before of an outcome's own name, stated before it as an
 * amount of this year's ("上年结转资金3,260,000.00元" for "上年结转资金支出3,212,221.20元").
 */
function carriedPlan(
  statements: readonly Statement[],
  i: number,
  actual: Claim,
): Claim | undefined {
  if (actual.approximate || !/结转/.test(actual.name)) return undefined;
  const bare = (name: string): string => name.replace(/^其中[：:]?/, '').replace(FUND_WORD, '');
  const stem = actual.name.replace(/^其中[：:]?/, '').replace(OUTCOME_WORDS, '');
  if (stem === actual.name.replace(/^其中[：:]?/, '')) return undefined;
  for (let k = i - 1; k >= Math.max(0, i - PLAN_WINDOW); k--) {
    const plan = (statements[k]?.claims ?? []).find(
      (c) =>
        c.kind === 'money' &&
        c.role !== 'actual' &&
        !c.approximate &&
        c.unit === actual.unit &&
        bare(c.name) === bare(stem),
    );
    if (plan) return plan;
  }
  return undefined;
}

function namedPlan(
  statements: readonly Statement[],
  i: number,
  actual: Claim,
): Pick<Completion, 'budget' | 'alternatives'> | undefined {
  const stem = actual.name.replace(/^其中/, '').replace(OUTCOME_WORDS, '');
  if (stem.length < 2 || stem === actual.name.replace(/^其中/, '')) return undefined;
  // "资金实际支出A": money of no particular source is not the plan of the source whose name
  // ends the same ("上级下达补助资金B"); the plan is looked for as for any outcome.
  if (GENERIC_FUNDS.test(stem)) return undefined;
  const fundless = stem.replace(FUND_WORD, '');
  for (let k = i - 1; k >= Math.max(0, i - PLAN_WINDOW); k--) {
    const plans = (statements[k]?.claims ?? []).filter(planLike);
    const budget =
      plans.find((c) => c.name.replace(/^其中[：:]?/, '').endsWith(stem)) ??
      // "区级配套资金支出A，执行率R" of "区级配套B": one source, named with its 资金 or without.
      (fundless.length >= 3
        ? plans.find((c) =>
            c.name
              .replace(/^其中[：:]?/, '')
              .replace(FUND_WORD, '')
              .endsWith(fundless),
          )
        : undefined);
    if (budget) return { budget, alternatives: [budget] };
  }
  return undefined;
}

/** A name quoted in the text (“科技创新战略专项资金——…”), with where it stands. */
export interface QuotedName {
  name: string;
  line: number;
  raw: string;
}

/** A name of 8 to 60 characters in quotes (“…”, "…", 「…」). */
export const QUOTED_NAME = /[“"「]([^“”"「」]{8,60})[”"」]/g;

/** Every quoted name of 8 or more characters (document titles in 《》 are left out: they vary). */
export function quotedNames(statements: readonly Statement[]): QuotedName[] {
  const out: QuotedName[] = [];
  for (const s of statements) {
    for (const m of s.text.matchAll(QUOTED_NAME)) {
      if (m[1]) out.push({ name: m[1], line: s.line, raw: s.raw });
    }
  }
  return out;
}

/** "以上合计…", "上述项目共计…": a sentence that totals the one before it. */
const TOTALS_ABOVE = /^(?:以上|上述)(?:[^，,。；;\d]{0,8}?)(?:合计|共计|总计|累计|共)/;

/**
 * A sentence that opens by totalling the one before it ("…“差”的项目3个，资金492.35万元。以上
 * 合计216个项目，资金48632.15万元。"): each of its figures is the whole of the figures of its kind
 * the sentence before states, outside parentheses.
 */
export function totalsAbove(
  statements: readonly Statement[],
): { statement: Statement; pw: PartWhole }[] {
  const out: { statement: Statement; pw: PartWhole }[] = [];
  statements.forEach((s, i) => {
    const prev = statements[i - 1];
    if (!prev || !TOTALS_ABOVE.test(s.text)) return;
    const used = new Set<string>();
    for (const whole of s.claims) {
      if (whole.kind === 'percent' || whole.approximate) continue;
      const kind = whole.kind === 'count' ? `count|${whole.unit}` : whole.kind;
      if (used.has(kind)) continue;
      used.add(kind);
      const parts = itemsTotalled(
        s.text.slice(0, whole.at),
        prev,
        prev.claims.filter((c) => sameKind(c, whole) && c.depth === 0),
      );
      if (parts.length < 2 || parts.some((c) => c.approximate)) continue;
      out.push({ statement: s, pw: listedWhole(whole, parts) });
    }
  });
  return out;
}

/**
 * A whole and the list that adds up to it in full (a total after its items, an itemisation
 * after its sum); a part equal to a non-zero whole makes it a restatement, not a partition.
 */
function listedWhole(whole: Claim, parts: Claim[]): PartWhole {
  return {
    whole,
    parts,
    exhaustive: true,
    notPartition: parts.some((c) => c.value === whole.value && whole.value !== 0),
  };
}

/**
 * The figures of the sentence before that a "以上…合计" totals: the last n when it counts them
 * ("以上三项合计"), else those listed after the sentence's last colon when it introduces a list
 * ("项目支出3,570.00万元，主要用于以下方面：（一）…；（二）…；（三）…"), whose whole stands before it.
 */
function itemsTotalled(opening: string, prev: Statement, figures: readonly Claim[]): Claim[] {
  const counted = ITEMS_COUNTED.exec(opening)?.[1];
  if (counted !== undefined) {
    const n = chineseCount(counted) ?? Number(counted);
    return n >= 2 && figures.length >= n ? figures.slice(-n) : [];
  }
  const colon = Math.max(prev.text.lastIndexOf('：'), prev.text.lastIndexOf(':'));
  const listed = colon < 0 ? [] : figures.filter((c) => c.at > colon);
  return listed.length >= 2 && listed.length < figures.length ? listed : [...figures];
}

/** A sentence that opens by itemising the one before: "支出明细：", "具体为：", "明细如下：". */
const DETAILS_OPEN =
  /^(?:(?:支出|资金|费用|经费|收入|投资)?(?:明细|构成)(?:如下|情况)?(?:为|是)?|具体(?:为|是|如下|包括)|分项(?:为|是|如下))[：:]/;

/** A sentence that opens as a later item of a numbered list: "（2）", "②", "2.". */
const NEXT_ITEM = /^(?:[（(]\d{1,2}[）)]|[\u2461-\u2473\u2475-\u2487]|\d{1,2}[、.．](?!\d))/;

/**
 * "累计支出4,512,600元。支出明细：材料费1,862,400元、人工费…": a sentence opening with the
 * word for an itemisation lists the parts of the last sum of money the sentence before states;
 * one opening "资金主要用于：" lists some of them (a sum over it said as a warning).
 */
/** "资金主要用于：A a、B b": a sentence that lists the main uses of the money before it. */
const MAIN_USES_OPEN =
  /^(?:(?:本|该)?(?:项目)?(?:资金|经费)?主要用于|(?:资金|经费)(?:的)?用途(?:为|是|如下)?)[：:]/;

export function detailsAfter(
  statements: readonly Statement[],
): { statement: Statement; pw: PartWhole }[] {
  const out: { statement: Statement; pw: PartWhole }[] = [];
  statements.forEach((s, i) => {
    const prev = statements[i - 1];
    // The main uses of money name some of it: parts short of it are expected (main).
    const main = MAIN_USES_OPEN.test(s.text);
    if (!prev || !(main || DETAILS_OPEN.test(s.text))) return;
    // A balance or a change after the sum ("累计支付A，…结余B") is not what is itemised.
    const whole = prev.claims.findLast((c) => c.kind === 'money' && c.depth === 0 && !notBase(c));
    if (!whole || whole.approximate) return;
    // Items numbered one per sentence ("具体如下：（1）基本支出A，其中…。" "（2）项目支出B…。") run on
    // in the sentences that go on numbering them; a 其中 inside an item itemises that item.
    const items = [s];
    for (let j = i + 1; j < statements.length; j++) {
      const next = statements[j];
      if (!next || !NEXT_ITEM.test(next.text)) break;
      items.push(next);
    }
    const parts = items.flatMap((st) => {
      const nested = partsOf(st);
      return st.claims.filter((c) => c.kind === 'money' && c.depth === 0 && !nested.has(c));
    });
    if (parts.length < 2 || parts.some((c) => c.approximate)) return;
    const pw = listedWhole(whole, parts);
    out.push({ statement: s, pw: main ? { ...pw, exhaustive: false, main } : pw });
  });
  return out;
}

/** "人员经费612.30万元，占基本支出的78.50%": a share with its part and the whole it is of. */
export interface Share {
  share: Claim;
  part: Claim;
  whole: Claim;
  /** Other figures the name of the whole may mean: a share that agrees with one is consistent. */
  alternatives: Claim[];
  /** The whole is stated in the same sentence and no other figure could be meant. */
  sure: boolean;
  statement: Statement;
}

/** "占基本支出的", "占总支出比例", "占比": the words between 占 and the share. */
const SHARE_OF = /占([^，,；;。：:、（()）\d%]{0,16}?)(?:的)?(?:比例|比重)?(?:为|达到?|是)?$/;
/**
 * "全年实际支出A，为调整后预算的Z%": a figure said to be a percentage of a whole named after 为 in
 * a clause of its own, as 占 says it; the whole's name of two characters or more.
 */
const SHARE_AS = /[，,]为([^，,；;。：:、（()）\d%]{2,16}?)的$/;
/** The name a clause gives its share before 占 ("，人员经费占基本支出的"): group 1. */
const SHARE_SUBJECT = /[，,]([^，,；;。：:、（()）\d%]{2,12}?)占[^，,；;。]*$/;
/** A whole counted rather than summed ("占项目总数的"), or no amount at all. */
const COUNTED = /(?:总数|个数|人数|户数|项数|数量|面积|人次)$/;

/** The core of a whole's name: "总支出" → "支出", "项目支出总额" → "项目支出". */
const wholeCore = (name: string): string =>
  name
    .replace(/^(?:本年度?|全年|当年|年度|本部门|本单位|部门|单位)/, '')
    .replace(/(?:总额|总计|合计|金额)$/, '')
    .replace(/^总/, '');

/**
 * "占到位资金的", "占下达资金的": a whole named by what was done with it, which the sentence that
 * states it may write without 资金 ("实际到位860.00万元", "下达数").
 */
const DONE_WITH = /^(到位|下达|拨付|支付|执行|使用|投入|筹集|落实)(?:资金|金额|数|额)$/;
const NAMED_SUFFIX = /(?:资金|金额|数|额)$/;

/** A whole named by its kind alone ("占支出合计的", "占总支出的"): any total of that kind. */
const GENERIC_WHOLE = /^(?:支出|经费|资金|预算|收入)$/;
/** Kinds of spending that part a total: never the total a generic name means. */
const PART_KIND = /^(?:基本|项目|人员|公用|日常|其他|专项|工资福利|商品和服务|对个人和家庭|资本性)/;

const namesMatch = (key: string, core: string): boolean => {
  const k = wholeCore(key);
  if (k === '') return false;
  if (k !== core && GENERIC_WHOLE.test(core) && PART_KIND.test(k)) return false;
  if (k === core || (core.length >= 2 && k.endsWith(core))) return true;
  const done = DONE_WITH.exec(core)?.[1];
  return done !== undefined && k.replace(NAMED_SUFFIX, '').endsWith(done);
};

/** "A a、B b，分别占总支出的x%和y%": the name of the whole, then the shares in order. */
const RESPECTIVE_OF = /^([^，,；;。：:、（()）\d%]{0,16}?)(?:的)?(?:比例|比重)?(?:为|达到?|是)?$/;
/** Between two shares of one 分别占 ("x%和y%", "x%、y%"). */
const SHARE_JOIN = /^(?:[、，,]|和|及|与|[、，,]?以及)$/;

/**
 * "基本支出A、项目支出B，分别占总支出的x%和y%": the k-th share is of the k-th amount listed
 * before 分别, and the whole is named after 占 (never one of the listed amounts).
 */
function respectiveShares(
  s: Statement,
  statements: readonly Statement[],
  i: number,
  groups: () => PartWhole[],
  out: Share[],
): Set<Claim> {
  const done = new Set<Claim>();
  for (let at = s.text.indexOf('分别占'); at >= 0; at = s.text.indexOf('分别占', at + 3)) {
    const from = at + 3;
    const first = s.claims.findIndex((c) => c.at >= from);
    const head = s.claims[first];
    if (!head || head.kind !== 'percent') continue;
    const named = RESPECTIVE_OF.exec(s.text.slice(from, head.at));
    if (!named) continue;
    const rates = [head];
    for (let k = first + 1; k < s.claims.length; k++) {
      const c = s.claims[k];
      const prev = rates[rates.length - 1];
      if (!c || !prev || c.kind !== 'percent' || !SHARE_JOIN.test(s.text.slice(prev.end, c.at)))
        break;
      rates.push(c);
    }
    for (const r of rates) done.add(r);
    const before = s.claims.filter((c) => c.end <= at && c.kind !== 'percent');
    const listed = before.slice(-rates.length);
    const earliest = listed[0];
    // The amounts listed for the shares: one each, of money, in one clause group.
    if (
      rates.length < 2 ||
      !earliest ||
      listed.length !== rates.length ||
      listed.some((c) => c.kind !== 'money' || c.approximate) ||
      /[；;。]/.test(s.text.slice(earliest.end, at))
    )
      continue;
    const core = wholeCore(named[1] ?? '');
    const own = groups().find((g) => listed.every((c) => g.parts.includes(c)))?.whole;
    const candidates: Claim[] = [];
    if (own && (core === '' || namesMatch(own.key, core))) candidates.push(own);
    if (core !== '') {
      const fits = (c: Claim): boolean =>
        c.kind === 'money' &&
        !listed.includes(c) &&
        !c.approximate &&
        !notBase(c) &&
        namesMatch(c.key, core);
      for (const c of before.filter((c) => c.end <= earliest.at && fits(c)).reverse())
        if (!candidates.includes(c)) candidates.push(c);
      for (let k = i - 1; k >= Math.max(0, i - PLAN_WINDOW); k--)
        candidates.push(...(statements[k]?.claims.filter(fits).reverse() ?? []));
    }
    const whole = candidates[0];
    if (!whole) continue;
    const sure = whole === own && candidates.every((c) => c.value === whole.value);
    rates.forEach((share, k) => {
      const part = listed[k];
      if (part) out.push({ share, part, whole, alternatives: candidates, sure, statement: s });
    });
  }
  return done;
}

/** Every "占…的Z%" whose part is an amount stated just before it and whose whole can be found. */
export function shares(statements: readonly Statement[]): Share[] {
  const out: Share[] = [];
  statements.forEach((s, i) => {
    if (!s.text.includes('占') && !s.text.includes('为')) return;
    let groups: PartWhole[] | undefined;
    const respective = s.text.includes('分别占')
      ? respectiveShares(s, statements, i, () => (groups ??= partWholes(s)), out)
      : undefined;
    for (const share of s.claims) {
      if (share.kind !== 'percent' || respective?.has(share)) continue;
      const lead = s.text.slice(Math.max(0, share.at - 24), share.at);
      const m = SHARE_OF.exec(lead) ?? SHARE_AS.exec(lead);
      if (!m) continue;
      const of = m[1] ?? '';
      if (COUNTED.test(of)) {
        const counted = countedShare(statements, i, share, of);
        if (counted) out.push(counted);
        continue;
      }
      // The part: the last figure before the share, in the clause or the one before it; or the
      // figure a clause of its own names before 占 ("人员经费A、公用经费B，人员经费占基本支出的Z%").
      let part = s.claims.findLast((c) => c.end <= share.at && c.kind !== 'percent');
      if (!part || part.kind !== 'money' || part.approximate) continue;
      const subject = SHARE_SUBJECT.exec(s.text.slice(part.end, share.at))?.[1];
      const key = subject === undefined ? '' : wholeCore(keyOf(subject));
      // "项目支出B，全年支出占财政拨款收入的Z%": a subject named by its kind alone (支出) is not
      // the kind of spending that parts it (项目支出).
      const isSubject = (c: Claim): boolean => {
        const k = wholeCore(c.key);
        return k !== '' && (namesMatch(c.key, key) || key.endsWith(k));
      };
      if (key.length >= 2 && !isSubject(part)) {
        const named = s.claims.findLast(
          (c) => c.end <= share.at && c.kind === 'money' && isSubject(c),
        );
        // A subject stated nowhere with a figure: the share's part is not known.
        if (!named || named.approximate) continue;
        part = named;
      }
      if (/[；;。]/.test(s.text.slice(part.end, share.at))) continue;
      groups ??= partWholes(s);
      const ownWhole = groups.find((g) => g.parts.includes(part))?.whole;
      const core = wholeCore(of);
      const candidates: Claim[] = [];
      if (core === '' || core === '比') {
        // "项目支出912.40万元中，民生类支出568.20万元，占比61.47%": the figure before 中， is the
        // whole of what follows it, a single part included.
        const scoped = s.claims.findLast(
          (c) =>
            c.kind === 'money' &&
            c.end <= part.at &&
            /^中[，,：:]/.test(s.text.slice(c.end, c.end + 2)) &&
            !/[；;。]/.test(s.text.slice(c.end, part.at)),
        );
        const whole = ownWhole ?? scoped;
        if (whole) candidates.push(whole);
        else if (core === '') {
          // "A a，占X的Z1%；B b，占Z2%": a bare 占 in a list after a share of a named whole is
          // of that whole too.
          const before = out.findLast((x) => x.statement === s && x.share.at < share.at);
          if (before && before.whole.kind === 'money') {
            out.push({ ...before, share, part, alternatives: before.alternatives });
            continue;
          }
        }
      } else {
        const named = (c: Claim): boolean =>
          c.kind === 'money' &&
          c !== part &&
          !c.approximate &&
          !notBase(c) &&
          namesMatch(c.key, core);
        candidates.push(...s.claims.filter((c) => c.end <= part.at && named(c)).reverse());
        if (ownWhole && namesMatch(ownWhole.key, core) && !candidates.includes(ownWhole))
          candidates.push(ownWhole);
        const same = candidates.length;
        // A figure above smaller than the part cannot be the whole of a share below 100% ("占
        // 采购总额的76.72%" is not of the last item of the list before): those come last.
        const smaller: Claim[] = [];
        for (let k = i - 1; k >= Math.max(0, i - PLAN_WINDOW); k--)
          for (const c of statements[k]?.claims.filter(named).reverse() ?? [])
            (share.value < 100 && c.value < part.value ? smaller : candidates).push(c);
        candidates.push(...smaller);
        // The figure named exactly as the whole ("占项目支出总额比例" of 项目支出总额, not of 本级
        // 项目支出 stated after it) comes first.
        const exact = candidates.filter((c) => c.key === of);
        if (exact.length > 0 && exact.length < candidates.length)
          candidates.splice(
            0,
            candidates.length,
            ...exact,
            ...candidates.filter((c) => c.key !== of),
          );
        const whole = candidates[0];
        if (whole)
          out.push({
            share,
            part,
            whole,
            alternatives: candidates,
            sure: same === 1 && candidates.every((c) => c.value === whole.value),
            statement: s,
          });
        continue;
      }
      const whole = candidates[0];
      if (whole)
        out.push({ share, part, whole, alternatives: candidates, sure: true, statement: s });
    }
  });
  return out;
}

/**
 * "女职工14人，占在职教职工总数的63.6%": a count's share of the count its whole's name ends
 * with (总数, 人数), stated in this sentence or the ones before. Never sure: the whole is found
 * by its name.
 */
function countedShare(
  statements: readonly Statement[],
  i: number,
  share: Claim,
  of: string,
): Share | undefined {
  const s = statements[i];
  if (!s) return undefined;
  // "21个项目评为一等，涉及资金656.93万元，占项目总数比例100%": the count is the last one before
  // the share, past the money the same clause run names beside it.
  const part = s.claims.findLast((c) => c.end <= share.at && c.kind === 'count');
  if (!part || part.approximate || averaged(part)) return undefined;
  if (s.claims.some((c) => c.at > part.end && c.end <= share.at && c.kind !== 'money'))
    return undefined;
  if (/[；;。]/.test(s.text.slice(part.end, share.at))) return undefined;
  const core = wholeCore(of.replace(/(?:总数|人数|数量)$/, ''));
  if (core.length < 2) return undefined;
  const named = (c: Claim): boolean =>
    c !== part &&
    sameKind(c, part) &&
    !c.approximate &&
    !averaged(c) &&
    c.value > 0 &&
    (share.value >= 100 || c.value >= part.value) &&
    namesMatch(c.key, core);
  const candidates = s.claims.filter((c) => c.end <= part.at && named(c)).reverse();
  for (let k = i - 1; k >= Math.max(0, i - PLAN_WINDOW); k--)
    candidates.push(...(statements[k]?.claims.filter(named).reverse() ?? []));
  // "占项目总数的": of all counted, the largest count of the name near it (a 其中 before may
  // name a part of them, "本级项目8个"), the nearest of equals.
  const whole = candidates.reduce<Claim | undefined>(
    (best, c) => (best === undefined || c.value > best.value ? c : best),
    undefined,
  );
  return whole
    ? { share, part, whole, alternatives: candidates, sure: false, statement: s }
    : undefined;
}

/** "项目支出中，…", "在基本支出中：…": a sentence that opens by naming the whole it itemises. */
const NAMED_WHOLE = /^(?:在|从)?([^，,；;。：:、（()）“”"\d]{2,14}?)中[，,：:]/;
/** The whole a sentence opens by naming ("美丽乡村建设资金中，…" → 美丽乡村建设资金), if any. */
export function scopeOf(s: Statement): string | undefined {
  const m = NAMED_WHOLE.exec(s.text);
  return m?.[1] ? keyOf(m[1]) : undefined;
}

/** How many sentences back the whole named by "X中，" is looked for. */
const NAMED_WINDOW = 3;

/** The parts of "X中，A a，B b" with the whole named X, and whether it was named exactly so. */
export interface NamedParts {
  statement: Statement;
  pw: PartWhole;
  /** The whole's name is the one before 中 and it stands in the sentence just before. */
  exact: boolean;
}

/**
 * "项目支出779.45万元。项目支出中，医疗设备购置520.30万元，信息化建设186.75万元…": amounts listed
 * without 其中 after the name of their whole and 中, up to the first ；, are the parts of the last
 * amount so named in the sentences before.
 */
export function namedParts(statements: readonly Statement[]): NamedParts[] {
  const out: NamedParts[] = [];
  statements.forEach((s, i) => {
    const m = NAMED_WHOLE.exec(s.text);
    if (!m?.[1] || s.text.includes('其中')) return;
    const core = wholeCore(keyOf(m[1]));
    if (core.length < 2) return;
    const from = m[0].length;
    const stop = s.text.slice(from).search(/[；;]/);
    const end = stop >= 0 ? from + stop : s.text.length;
    // "…，较上年的C增加D": last year's figure and the change are no items of the list.
    const compares = comparisonRoles(s);
    const parts = s.claims.filter(
      (c) =>
        c.at >= from &&
        c.at < end &&
        c.kind === 'money' &&
        c.depth === 0 &&
        !TOTAL_CLAUSE.test(c.clause) &&
        !compares.has(c),
    );
    const roles = new Set(parts.map((c) => c.role));
    if (parts.length < 2 || parts.some((c) => c.approximate) || roles.size > 1) return;
    if (comparedAsOne(s, parts)) return;
    for (let k = i - 1; k >= Math.max(0, i - NAMED_WINDOW); k--) {
      const whole = statements[k]?.claims.findLast(
        (c) => c.kind === 'money' && !c.approximate && !notBase(c) && namesMatch(c.key, core),
      );
      if (!whole) continue;
      out.push({
        statement: s,
        pw: { whole, parts, exhaustive: false, notPartition: false },
        exact: k === i - 1 && wholeCore(whole.key) === core,
      });
      return;
    }
  });
  return out;
}

/**
 * "A a、B b，较上年的C增加D" where D = a + b − C: the list's sum is compared as a quantity of its
 * own (the two named items together), so the list is a selection, not the whole's partition.
 */
function comparedAsOne(s: Statement, parts: readonly Claim[]): boolean {
  const last = parts[parts.length - 1];
  if (!last) return false;
  const sum = parts.reduce((n, c) => n + c.value, 0);
  const step = parts.reduce((n, c) => n + c.step, 0);
  return differences(s).some(
    (d) =>
      d.value === last &&
      Math.abs(sum - d.base.value - d.sign * d.change.value) <=
        2 * (step + d.base.step + d.change.step) + 1e-9,
  );
}

/** The number of items a total says it adds: "以上三项合计", "两项共计", "上述4项累计", "三者合计". */
const ITEMS_COUNTED =
  /([两二三四五六七八九十]|\d+)(?:项|者)|^([两二三四五六七八九十]|\d{1,2})个?(?=[^，,；;。：:、\d年]{1,4}?(?:合计|共计|总计))/;

/**
 * A clause that totals what the sentence listed before it: "合计750万元", "两项共计…", "合计落实
 * 草原面积334万亩" (the total named after its word), and
 * after 以上/上述 also "以上三项累计…", "上述资金计…" (alone, 累计 may be a running total).
 */
const TOTAL_CLAUSE =
  /^(?:(?:以上|上述)(?:[两二三四五六七八九十\d]+项|各项)?(?:资金|金额|项目)?(?:合计|共计|总计|累计|计|共)|(?:[两二三四五六七八九十](?:项|者)|各项|(?:[两二三四五六七八九十]|\d{1,2})个?(?!年)[^，,；;。：:、\d年]{1,4}?)?(?:合计|共计|总计))(?:[^，,；;。：:、\d]{0,10}?)(?:为|达到?)?$/;

/**
 * "人员经费600万元、公用经费150万元，合计750万元": a figure whose clause is a 合计 is the whole
 * of the figures of its kind listed before it in the sentence, since its start or the last
 * 其中, semicolon or earlier total.
 */
export function totalsAfter(s: Statement): PartWhole[] {
  const periods = periodTotal(s);
  if (!/合计|共计|总计|(?:以上|上述)[^，,；;。\d]{0,8}(?:累计|计|共)/.test(s.text))
    return periods ? [periods] : [];
  const out: PartWhole[] = periods ? [periods] : [];
  s.claims.forEach((whole, i) => {
    if (whole.kind === 'percent' || whole.approximate || !TOTAL_CLAUSE.test(whole.clause)) return;
    const startAfter = (re: RegExp): number => {
      let start = 0;
      for (const m of s.text.slice(0, whole.at).matchAll(re)) {
        // "一批A（其中建筑工程a），二批B（其中…），合计T": a 其中 in parentheses details one
        // item; the list of the total's own level goes on past it.
        if (depthOf(s, m.index) > whole.depth) continue;
        if (m.index + m[0].length <= whole.at - whole.clause.length) start = m.index + m[0].length;
      }
      return start;
    };
    const compares = comparisonRoles(s);
    const since = (start: number): Claim[] =>
      s.claims
        .slice(0, i)
        .filter(
          (c) => c.at >= start && sameKind(c, whole) && c.depth === whole.depth && !compares.has(c),
        );
    let parts = since(startAfter(/其中|[；;]|合计|共计|总计/g));
    // "（1）人员经费A；（2）公用经费B；合计C": items ended by ； are the parts, one a clause.
    if (parts.length < 2) parts = since(startAfter(/其中|合计|共计|总计/g));
    // "以上三项合计…": the total says how many items it adds, the last ones before it.
    const items = ITEMS_COUNTED.exec(whole.clause);
    const counted = items?.[1] ?? items?.[2];
    if (counted !== undefined) {
      const n = chineseCount(counted) ?? Number(counted);
      const before = s.claims
        .slice(0, i)
        .filter((c) => sameKind(c, whole) && c.depth === whole.depth && !compares.has(c));
      if (!(n >= 2) || before.length < n) return;
      parts = before.slice(-n);
    }
    if (parts.length < 2 || parts.some((c) => c.approximate)) return;
    out.push({
      whole,
      parts,
      exhaustive: true,
      notPartition: parts.some((c) => c.value === whole.value && whole.value !== 0),
    });
    const details = detailsAlike(s, whole, parts);
    if (details) out.push(details);
  });
  return out;
}

/** A whole said to be all of something before its figure: "…资金共", "共计", "合计", "总额为". */
const TOTAL_BEFORE = /(?:共|共计|合计|总计|总额|总数)(?:为|达到?)?$/;
/** Words of a figure that is no part of a total stated just before it. */
const NOT_LISTED =
  /增加|减少|增长|下降|同比|较|比|结余|结转|节约|执行|完成|使用|支付|到位|拨付|占|平均|人均|约|超过|带动|撬动|其中|分别|包括/;

/**
 * "就业补助资金共33832.24万元，中央资金27853万元，自治区资金5643万元，各县筹集资金336.24万元":
 * figures that follow a total, each in a clause of its own with nothing between them but commas,
 * name its parts though no 其中 says so. Not said to be whole: a reading, for warnings.
 */
export function listsAfterTotal(s: Statement): PartWhole[] {
  if (!/共|合计|总计|总额|总数/.test(s.text)) return [];
  const out: PartWhole[] = [];
  s.claims.forEach((whole, i) => {
    if (whole.kind === 'percent' || whole.approximate || !TOTAL_BEFORE.test(whole.clause)) return;
    const parts: Claim[] = [];
    let end = whole.end;
    for (const c of s.claims.slice(i + 1)) {
      const between = s.text.slice(end, c.at);
      if (!/^[，,、]/.test(between) || /[；;。：:]/.test(between)) break;
      if (!sameKind(c, whole) || c.depth !== whole.depth || !c.bare || c.approximate) break;
      if (NOT_LISTED.test(c.clause) || averaged(c)) break;
      if (c.role !== '' && c.role !== whole.role) break;
      parts.push(c);
      end = c.end;
    }
    if (parts.length < 2) return;
    out.push({
      whole,
      parts,
      exhaustive: false,
      notPartition: parts.some((c) => c.value === whole.value && whole.value !== 0),
    });
  });
  return out;
}

/**
 * "一批A（其中建筑工程a），二批B（其中建筑工程b），合计T（其中建筑工程t）": when every item and
 * its total detail one figure of the same name in parentheses right after them, the details add
 * up like the items.
 */
function detailsAlike(s: Statement, whole: Claim, parts: readonly Claim[]): PartWhole | undefined {
  const detailOf = (c: Claim): Claim | undefined => {
    if (!/^[（(](?:其中|含)[：:]?/.test(s.text.slice(c.end))) return undefined;
    const d = s.claims.find((x) => x.at > c.end);
    return d && d.depth === c.depth + 1 && sameKind(d, c) && !d.approximate ? d : undefined;
  };
  const total = detailOf(whole);
  if (!total || total.key.length < 2) return undefined;
  const items = parts.map(detailOf);
  if (items.some((d) => d === undefined || d.key !== total.key)) return undefined;
  const own = items.filter((d): d is Claim => d !== undefined);
  return { whole: total, parts: own, exhaustive: true, notPartition: false };
}

/** A part of the year named by its period: "第一季度", "上半年", "1—6月", "7至12月". */
const PERIOD =
  /(?:第?([一二三四1-4])季度|([上下])半年|(\d{1,2})(?:月份?)?[—\-－~～至到](\d{1,2})月)[^，,；;。\d]{0,8}$/;
/** The year's figure after them: "全年累计支出", "全年合计", "全年共". */
const YEAR_TOTAL = /^全年(?:累计|合计|共计|总计|共)[^，,；;。\d]{0,8}$/;
const QUARTER: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4 };

/**
 * "第一季度支出A，第二季度支出B，第三季度支出C，第四季度支出D，全年累计支出T": figures of periods
 * that tile the year (four quarters, two halves, months from 1 to 12 in ranges) before the
 * year's 累计 are its parts, whatever 累计 may mean elsewhere.
 */
function periodTotal(s: Statement): PartWhole | undefined {
  if (!/全年(?:累计|合计|共计|总计|共)/.test(s.text) || !/季度|半年|\d月/.test(s.text))
    return undefined;
  const at = s.claims.findIndex((c) => c.kind !== 'percent' && YEAR_TOTAL.test(c.clause));
  const whole = s.claims[at];
  if (!whole || whole.approximate) return undefined;
  const parts: Claim[] = [];
  const months = new Array<number>(13).fill(0);
  for (const c of s.claims.slice(0, at)) {
    const m = PERIOD.exec(c.clause);
    if (!m || !sameKind(c, whole) || c.depth !== whole.depth) continue;
    parts.push(c);
    const quarter = m[1] === undefined ? undefined : (QUARTER[m[1]] ?? Number(m[1]));
    const [from, to] =
      quarter !== undefined
        ? [(quarter - 1) * 3 + 1, quarter * 3]
        : m[2] !== undefined
          ? m[2] === '上'
            ? [1, 6]
            : [7, 12]
          : [Number(m[3]), Number(m[4])];
    for (let k = from; k <= to && k <= 12; k++) months[k] = (months[k] ?? 0) + 1;
  }
  // Each month once: the periods are the year, no more and no less.
  if (parts.length < 2 || parts.some((c) => c.approximate)) return undefined;
  if (months.slice(1).some((n) => n !== 1)) return undefined;
  return { whole, parts, exhaustive: true, notPartition: false };
}

/**
 * "完成年度目标2.2万人次的108.64%" (of) and "较上年的152.8万人次增长18.6%" (growth): a
 * percentage written right after the figure it is taken of, with the figure it compares before.
 */
export interface FigureRatio {
  kind: 'of' | 'growth' | 'decline';
  rate: Claim;
  /** The figure compared: what was done, or this year's. */
  value: Claim;
  /** The figure it is a percentage of: the target, the budget, the year before. */
  base: Claim;
  /** Other figures of the kind before the base that may be the one compared. */
  alternatives: Claim[];
  statement: Statement;
}

const OF_BETWEEN = /^的(?:比例|比重)?(?:为|达|达到|是)?$/;
const GROWTH_BETWEEN =
  /^[，,]?(?:同比|(?:较|比)(?:上年|去年|上一年)(?:同期)?)?(增长|增加|提高|上升|提升|下降|减少|降低|增幅|降幅)(?:了|为|达到?)?$/;
/** Before the base of an "of": the value is compared with it (of a year's plan, it may say so). */
const OF_BEFORE = /(?:完成|达到|为|是|占|相当于)(?:(?:19|20)\d{2}年度?)?[^，,；;。\d]{0,12}$/;
/** Before the base of a growth: the year or period it is the figure of ("比2022年的"). */
const GROWTH_BEFORE = /(?:较|比|相比|同比|与)(?:(?:19|20)\d{2}年度?)?[^，,；;。\d]{0,12}$/;

/** Every percentage of a figure written just before it, with the figure it compares. */
export function figureRatios(s: Statement): FigureRatio[] {
  if (!/的|增|减|提|降|上升/.test(s.text)) return [];
  const out: FigureRatio[] = [];
  s.claims.forEach((rate, i) => {
    const base = s.claims[i - 1];
    if (rate.kind !== 'percent' || !base || base.kind === 'percent' || base.approximate) return;
    const prior = priorInParentheses(s, base, rate, s.claims[i + 1]);
    if (prior) {
      // "A，其中B b、C c，较上年减少Z%（2022年为D）": the growth may be of the list's sum or of
      // the whole it itemises, as a change after a list may.
      const listed = listBefore(s, i - 1).map((value) => ({ ...base, value }));
      out.push({ ...prior, rate, value: base, alternatives: [base, ...listed], statement: s });
      return;
    }
    const ofChange = changeRatio(s, i, base, rate);
    if (ofChange) {
      out.push(ofChange);
      return;
    }
    // "比上年减少2.14万元，下降10.31%": a difference is no base; "比上年的21.35万元" is one, and
    // so is the level a change reached ("由上年的32.6万人增加至34.1万人").
    if (NOT_BASE.test(base.clause) && !PRIOR.test(base.clause) && !REACHED.test(base.clause))
      return;
    // "完成年度计划（2.2万人次）的107.27%": the base in parentheses, the rate after them.
    const closed = /^[）)]/.test(s.text.slice(base.end, rate.at));
    const between = s.text.slice(base.end + (closed ? 1 : 0), rate.at);
    const growth = GROWTH_BETWEEN.exec(between);
    const kind = OF_BETWEEN.test(between)
      ? 'of'
      : growth
        ? /下降|减少|降低|降幅/.test(growth[1] ?? '')
          ? 'decline'
          : 'growth'
        : undefined;
    if (!kind) return;
    // The figure compared: of the kind, before the base, in the same clause group.
    const earlier = s.claims
      .slice(0, i - 1)
      .filter(
        (c) =>
          sameKind(c, base) &&
          c.depth === base.depth - (closed ? 1 : 0) &&
          !c.approximate &&
          // "补助A万元，人均B元，较上年的C万元增长Z%": an average is not compared with a total.
          averaged(c) === averaged(base),
      )
      .filter((c) => !/[；;。]/.test(s.text.slice(c.end, base.at)));
    const last = earlier[earlier.length - 1];
    if (!last) return;
    if (kind === 'of') {
      if (!OF_BEFORE.test(s.text.slice(last.end, base.at))) return;
      out.push({ kind, rate, value: last, base, alternatives: earlier, statement: s });
      return;
    }
    const pair = compared(s, last, base);
    if (!pair) return;
    const alternatives = pair[0] === last ? earlier : [pair[0]];
    out.push({ kind, rate, value: pair[0], base: pair[1], alternatives, statement: s });
  });
  return out;
}

/** A change's verb right before it: "…支出增加215.36万元". */
const CHANGE_VERB = /(增加|增长|提高|上升|减少|下降|降低)了?$/;
const DOWN = /减|降/;

/**
 * "与2022年度的3,001.48万元相比，…增加215.36万元，增长6.72%": a growth after a change is the
 * change's share of the figure compared with before it (the figure changed may stand elsewhere).
 */
function changeRatio(s: Statement, i: number, change: Claim, rate: Claim): FigureRatio | undefined {
  const verb = CHANGE_VERB.exec(change.clause)?.[1];
  const growth = GROWTH_BETWEEN.exec(s.text.slice(change.end, rate.at))?.[1];
  if (!verb || !growth || change.approximate) return undefined;
  const base = s.claims.slice(0, i - 1).findLast((c) => sameKind(c, change) && !c.approximate);
  if (!base || /[；;。]/.test(s.text.slice(base.end, change.at))) return undefined;
  if (DOWN.test(verb) !== DOWN.test(growth)) {
    // "1,152人次，比上年减少86人次，同比增长7.5%": the rate says the other way from the change;
    // held as this year's figure against last year's (the figure less its change).
    if (!CHANGE_ON_PRIOR.test(s.text.slice(base.end, change.at))) return undefined;
    const prior = priorOf(base, change, DOWN.test(verb) ? -1 : 1);
    if (!prior) return undefined;
    const kind = DOWN.test(growth) ? 'decline' : 'growth';
    return { kind, rate, value: base, base: prior, alternatives: [base], statement: s };
  }
  // "A，较上年B减少D，下降Z%" and "A，2022年为B，较上年减少D，下降Z%": the rate may be of
  // A − B where D is itself wrong (reported apart).
  const value = s.claims.slice(0, i - 1).findLast((c) => c !== base && c.end <= base.at);
  const named =
    value !== undefined && sameKind(value, base) && compared(s, value, base)?.[1] === base;
  if (!named && !GROWTH_BEFORE.test(s.text.slice(Math.max(0, base.at - 20), base.at)))
    return changeOfFigure(s, base, change, rate, DOWN.test(verb) ? -1 : 1);
  const alternatives =
    value && sameKind(value, base) && compared(s, value, base)
      ? [change, { ...change, value: Math.abs(value.value - base.value) }]
      : [change];
  return { kind: 'of', rate, value: change, base, alternatives, statement: s };
}

/** Who changed on last year, before its comparison: "本年支出较上年增加" → "本年支出". */
const CHANGED_ON_PRIOR =
  /^(.*?)(?:较|比)(?:上年|去年|上一年)度?(?:同期)?(?:增加|增长|提高|上升|减少|下降|降低)了?$/;
/** This year named before a quantity: "本年支出", "2023年全年支出". */
const THIS_YEAR_LEAD = /^(?:本年度?|今年|当年|全年|(?:19|20)\d{2}年度?)+/;
/** Last year named before a quantity: "2022年全年支出", "上年支出". */
const PRIOR_LEAD = /^(?:上年度?|去年|上一年度?|((?:19|20)\d{2})年度?)(?:全年)?/;

/**
 * "2022年全年支出1,208.60万元。本年支出较上年增加77.85万元，增长7.9%。": a growth after a change
 * whose sentence states no figure compared is the change's share of last year's figure of that
 * name in the sentence just before (one of the kind; a year named must be none of the second's).
 */
export function priorSentenceRatios(
  s: Statement,
  prev: Statement | undefined,
  earlier: readonly Statement[] = [],
): FigureRatio[] {
  if (!prev || prev.block < s.block - 1) return [];
  const out: FigureRatio[] = [];
  s.claims.forEach((rate, i) => {
    const bare = bareGrowth(s, i, prev, earlier);
    if (bare) out.push(bare);
    const change = s.claims[i - 1];
    if (rate.kind !== 'percent' || !change || change.kind === 'percent' || change.approximate)
      return;
    const verb = CHANGE_VERB.exec(change.clause)?.[1];
    const growth = GROWTH_BETWEEN.exec(s.text.slice(change.end, rate.at))?.[1];
    if (!verb || !growth || DOWN.test(verb) !== DOWN.test(growth)) return;
    if (s.claims.slice(0, i - 1).some((c) => sameKind(c, change))) return;
    const subject = CHANGED_ON_PRIOR.exec(change.name)?.[1]?.replace(THIS_YEAR_LEAD, '');
    if (!subject || subject.length < 2) return;
    const years = new Set([...s.text.matchAll(YEAR)].map((m) => m[1]));
    const bases = prev.claims.filter((c) => {
      if (!sameKind(c, change) || c.approximate || c.unit !== change.unit) return false;
      const lead = PRIOR_LEAD.exec(c.name);
      if (!lead || (lead[1] !== undefined && years.has(lead[1]))) return false;
      return c.name.slice(lead[0].length) === subject;
    });
    const base = bases.length === 1 ? bases[0] : undefined;
    if (!base) return;
    out.push({ kind: 'of', rate, value: change, base, alternatives: [change], statement: s });
  });
  return out;
}

/** A growth said of a quantity on last year with no figure: "本年支出较上年增长", "支出同比下降". */
const GREW_ON_PRIOR =
  /^(.*?)(?:(?:较|比)(?:上年|去年|上一年)度?(?:同期)?|同比)(增长|增加|提高|上升|下降|减少|降低)了?(?:幅度)?(?:为|达到?)?$/;

/**
 * "2023年全年支出3,862.45万元，…。2022年全年支出3,548.20万元。本年支出较上年增长9.86%。": a growth
 * of a quantity named with no figure in its clause is of this year's figure of that name, stated
 * in the sentence before or one of the three before it, on last year's in the sentence just before
 * (one of each; a year named with this year's must be after last year's).
 */
function bareGrowth(
  s: Statement,
  i: number,
  prev: Statement,
  earlier: readonly Statement[],
): FigureRatio | undefined {
  const rate = s.claims[i];
  if (!rate || rate.kind !== 'percent' || s.claims.slice(0, i).some((c) => c.kind !== 'percent'))
    return undefined;
  const said = GREW_ON_PRIOR.exec(rate.name);
  const subject = said?.[1]?.replace(THIS_YEAR_LEAD, '');
  if (!said || !subject || subject.length < 2) return undefined;
  const named = (c: Claim, lead: RegExp): RegExpExecArray | undefined => {
    const m = lead.exec(c.name);
    return c.kind === 'money' && !c.approximate && m && c.name.slice(m[0].length) === subject
      ? m
      : undefined;
  };
  const bases = prev.claims.filter((c) => named(c, PRIOR_LEAD));
  const base = bases.length === 1 ? bases[0] : undefined;
  const baseYear = base ? PRIOR_LEAD.exec(base.name)?.[1] : undefined;
  if (!base) return undefined;
  for (const t of [prev, ...[...earlier].reverse()]) {
    const values = t.claims.filter((c) => {
      const lead = named(c, THIS_YEAR_LEAD);
      if (!lead || lead[0] === '' || c === base || c.unit !== base.unit) return false;
      const year = /((?:19|20)\d{2})年/.exec(lead[0])?.[1];
      return year === undefined || baseYear === undefined || Number(year) > Number(baseYear);
    });
    if (values.length > 1) return undefined;
    const value = values[0];
    if (value)
      return {
        kind: DOWN.test(said[2] ?? '') ? 'decline' : 'growth',
        rate,
        value,
        base,
        alternatives: [value],
        statement: s,
      };
  }
  return undefined;
}

/** Between a figure and its change on last year: "，较上年增加", "，比2023年减少". */
const CHANGE_ON_PRIOR =
  /^[，,](?:较|比|同比)(?:上年|去年|上一年|(?:19|20)\d{2}年)?度?(?:同期)?(?:增加|增长|提高|上升|减少|下降|降低)了?$/;

/**
 * "接待游客1,286.5万人次，较上年增加168.2万人次，同比增长13.2%": the growth is the change's
 * share of last year's figure, this year's less the change (a figure of the same unit as both).
 */
function changeOfFigure(
  s: Statement,
  value: Claim,
  change: Claim,
  rate: Claim,
  sign: number,
): FigureRatio | undefined {
  if (!CHANGE_ON_PRIOR.test(s.text.slice(value.end, change.at))) return undefined;
  const base = priorOf(value, change, sign);
  if (!base) return undefined;
  return { kind: 'of', rate, value: change, base, alternatives: [change], statement: s };
}

/** Last year's figure: this year's less its change on last year (of one unit as written). */
function priorOf(value: Claim, change: Claim, sign: number): Claim | undefined {
  const suffix = (c: Claim): string => c.text.replace(/,/g, '').slice(c.number.length);
  if (suffix(value) !== suffix(change) || !value.text.replace(/,/g, '').startsWith(value.number))
    return undefined;
  const decimals = Math.max(decimalsOf(value.number), decimalsOf(change.number));
  const prior = Number(value.number) - sign * Number(change.number);
  const before = value.value - sign * change.value;
  if (!(prior > 0) || !(before > 0)) return undefined;
  const number = prior.toFixed(decimals);
  return {
    ...value,
    value: before,
    number,
    text: `${number}${suffix(value)}`,
    step: value.step + change.step,
    name: `${value.name}（上年）`,
  };
}

/** Between a figure and its growth, when the base follows: "，同比增长", "，比上年下降". */
const GROWTH_ONLY =
  /^[，,]?(?:同比|(?:较|比)(?:上年|去年|上一年)(?:同期)?)?(增长|增加|提高|上升|提升|下降|减少|降低)了?$/;
/** Between a growth and its base in parentheses: "（2022年为", "（上年同期", "（去年". */
const PRIOR_OPEN = /^[（(](?:((?:19|20)\d{2})年度?|上年度?|去年|上一年度?)(?:同期)?(?:为|是)?$/;

/**
 * After a growth, its clause's next one naming the year before's figure: "；上年同期办结", "，上年为",
 * "，2022年为" (not money carried over from it, 上年结转, nor a change on it, 上年同期减少).
 */
const PRIOR_NEXT =
  /^[，,；;](?:((?:19|20)\d{2})年度?|上年度?|去年|上一年度?)(?:同期)?(?!结转|结余)(?:(?!增|减|降|提高|上升)[^，,；;。\d]){0,4}?(?:为|是)?$/;

/**
 * "支出4,826.37万元，同比增长7.95%（2022年为4,512.60万元）": the year before's figure in
 * parentheses after the growth is its base, and so is one in the clause after it ("…同比增长12.4%；
 * 上年同期办结1,032件"). A year named there must be before the figure's own.
 */
function priorInParentheses(
  s: Statement,
  value: Claim,
  rate: Claim,
  base: Claim | undefined,
): { kind: 'growth' | 'decline'; base: Claim } | undefined {
  if (!base || !sameKind(value, base) || base.approximate) return undefined;
  const growth = GROWTH_ONLY.exec(s.text.slice(value.end, rate.at));
  const lead = s.text.slice(rate.end, base.at);
  const inParentheses = base.depth === value.depth + 1 && /^[）)]/.test(s.text.slice(base.end));
  const open = inParentheses
    ? PRIOR_OPEN.exec(lead)
    : base.depth === value.depth && (value.unit === base.unit || value.kind === 'money')
      ? PRIOR_NEXT.exec(lead)
      : null;
  if (!growth || !open) return undefined;
  if (open[1] !== undefined) {
    let own: string | undefined;
    YEAR.lastIndex = 0;
    for (let y = YEAR.exec(s.text); y && y.index < value.at; y = YEAR.exec(s.text)) own = y[1];
    if (own !== undefined && Number(own) <= Number(open[1])) return undefined;
  }
  return { kind: /下降|减少|降低/.test(growth[1] ?? '') ? 'decline' : 'growth', base };
}

/**
 * "…，2022年为203.15万元", "…，上年为93.40%": the second figure is named by the year it is of.
 * Group 1: the year, when written.
 */
const YEAR_OF =
  /^[，,；;](?:((?:19|20)\d{2})年度?|上年度?|去年|上一年度?)(?:同期)?(?:[^，,；;。\d]{0,6}?)(?:为|是)$/;
const YEAR = /((?:19|20)\d{2})年/g;

/** Between the two figures of "由A提高到B": the verb and 到 (至). */
const FROM_TO =
  /^[，,]?(?:提高|增加|上升|提升|增长|下降|降低|减少|回落|缩短|延长|增|升|降|减)(?:到|至)$/;
/** Before the first: "由", "从", "由上年的". */
/** The level a change reached, right before it: "增加至", "下降到". */
const REACHED = /(?:提高|增加|上升|提升|增长|下降|降低|减少|回落|增|升|降|减)(?:到|至)$/;
const FROM = /(?:由|从)(?:(?:19|20)\d{2}年度?)?[^，,；;。\d]{0,12}$/;

/**
 * The figure compared and the one it is compared with, of two figures written in this order:
 * "A，较上年的B" (A against B) or "A，2022年为B" (the year says which is the earlier one).
 */
function compared(s: Statement, first: Claim, second: Claim): [Claim, Claim] | undefined {
  const lead = s.text.slice(first.end, second.at);
  if (GROWTH_BEFORE.test(lead)) return [first, second];
  // "由上年的87.8%提高到91.4%": the figure after 到 is compared with the one after 由.
  if (FROM_TO.test(lead) && FROM.test(s.text.slice(Math.max(0, first.at - 16), first.at)))
    return [second, first];
  const m = YEAR_OF.exec(lead);
  if (!m) return undefined;
  if (m[1] === undefined) return [first, second];
  let own: string | undefined;
  YEAR.lastIndex = 0;
  for (let y = YEAR.exec(s.text); y && y.index < first.at; y = YEAR.exec(s.text)) own = y[1];
  if (own === undefined || own === m[1]) return undefined;
  return Number(m[1]) < Number(own) ? [first, second] : [second, first];
}

/** "A，较上年B减少D": a change written as an amount, with the two figures it is the difference of. */
export interface Difference {
  /** This year's figure and the one it is compared with. */
  value: Claim;
  base: Claim;
  change: Claim;
  /** The verb's direction: 增加 +1, 减少 −1. */
  sign: 1 | -1;
  /** The word the change is stated with when it is no 增加/减少 (a saving: 节约). */
  verb?: string;
  /** No other figure of the kind stands before the compared one in its sentence. */
  sure: boolean;
  /**
   * What else the change may be of when the compared figure ends a list ("A a、B b，较上年的C增加
   * D"): the list's sums (of its last two items, three…, all) and each earlier item (the whole the
   * list itemises). Empty when nothing of the kind comes before it.
   */
  alternatives: number[];
  statement: Statement;
}

/** Between the figure compared and its change: "减少", "，较上年减少" (after "A，2022年为B"). */
const CHANGE_BETWEEN =
  /^[，,]?(?:同比|(?:较|比)(?:上年|去年|上一年)(?:同期)?)?(增加|减少|增长|下降|降低|上升|提高|节约|节省|压减|多|少)了?$/;
const DECREASE = /减|降|节|少/;

/** Every "A，较上年(的)B增加/减少D" whose D is of A's and B's kind. */
export function differences(s: Statement): Difference[] {
  const out: Difference[] = [];
  for (let j = 2; j < s.claims.length; j++) {
    const change = s.claims[j];
    const base = s.claims[j - 1];
    const first = s.claims[j - 2];
    if (!change || !base || !first || change.kind === 'percent') continue;
    if (!sameKind(change, base) || !sameKind(base, first)) continue;
    if (change.approximate || base.approximate || first.approximate) continue;
    const verb = CHANGE_BETWEEN.exec(s.text.slice(base.end, change.at));
    if (!verb || /[；;。]/.test(s.text.slice(first.end, base.at))) continue;
    const pair = compared(s, first, base);
    if (!pair) continue;
    const sentence = s.text.lastIndexOf('。', first.at);
    const sure = !s.claims.some(
      (c) => c !== first && c.at > sentence && c.at < first.at && sameKind(c, first),
    );
    out.push({
      value: pair[0],
      base: pair[1],
      change,
      sign: DECREASE.test(verb[1] ?? '') ? -1 : 1,
      sure,
      alternatives: pair[0] === first ? listBefore(s, j - 2) : [],
      statement: s,
    });
  }
  out.push(...savings(s));
  return out;
}

/** Before the base of "X比2022年的B增加D": the name compared (group 1), then the year. */
const NAMED_BEFORE_BASE =
  /^(.{2,16}?)(?:比|较)(?:(?:19|20)\d{2}年度?|上年度?|去年|上一年度?)(?:同期)?(?:的)?$/;

/**
 * "支出决算5,862.40万元。…2023年支出决算比2022年的5,316.85万元增加455.55万元": a change of a
 * quantity named without its figure, which stands under that name in the statements before (the
 * nearest within three). Never sure: the name is a reading.
 */
export function namedDifferences(statements: readonly Statement[]): Difference[] {
  const out: Difference[] = [];
  statements.forEach((s, i) => {
    if (!/比|较/.test(s.text)) return;
    for (let j = 1; j < s.claims.length; j++) {
      const change = s.claims[j];
      const base = s.claims[j - 1];
      if (!change || !base || change.kind === 'percent' || !sameKind(change, base)) continue;
      if (change.approximate || base.approximate) continue;
      const verb = CHANGE_BETWEEN.exec(s.text.slice(base.end, change.at));
      const named = NAMED_BEFORE_BASE.exec(base.clause);
      if (!verb || !named?.[1]) continue;
      // The clause is the figure's own only when no figure stands before it in its sentence.
      const start = Math.max(s.text.lastIndexOf('。', base.at), s.text.lastIndexOf('；', base.at));
      if (s.claims.some((c) => c.at > start && c.at < base.at)) continue;
      const key = keyOf(named[1]);
      if (key.length < 2) continue;
      let value: Claim | undefined;
      for (let k = i - 1; k >= Math.max(0, i - 3) && !value; k--)
        value = statements[k]?.claims.findLast(
          (c) => c.key === key && sameKind(c, base) && !c.approximate,
        );
      if (!value) continue;
      out.push({
        value,
        base,
        change,
        sign: DECREASE.test(verb[1] ?? '') ? -1 : 1,
        sure: false,
        alternatives: [],
        statement: s,
      });
    }
  });
  return out;
}

/** A saving or balance named alone: "节约资金123.72万元", "结余12.40万元". */
const SAVED = /^(?:共|累计)?(节约|节省|节余|结余)(?:资金|金额|额)?$/;

/**
 * "采购预算A，实际采购金额B，节约资金C": a plan, its outcome and the saving right after them, C
 * being A − B. A saving is certain arithmetic; a 结余 may hold other balances (a warning).
 */
function savings(s: Statement): Difference[] {
  const out: Difference[] = [];
  for (let j = 2; j < s.claims.length; j++) {
    const change = s.claims[j];
    const actual = s.claims[j - 1];
    const plan = s.claims[j - 2];
    if (!change || !actual || !plan || change.kind !== 'money') continue;
    const saved = SAVED.exec(change.name);
    if (!saved || plan.role !== 'budget' || actual.role !== 'actual') continue;
    if (!sameKind(change, actual) || !sameKind(actual, plan)) continue;
    if (change.approximate || actual.approximate || plan.approximate) continue;
    if (/[；;。]/.test(s.text.slice(plan.end, change.at))) continue;
    out.push({
      value: plan,
      base: actual,
      change,
      sign: 1,
      verb: '节约',
      sure: /节约|节省/.test(saved[1] ?? ''),
      alternatives: [],
      statement: s,
    });
  }
  return out;
}

/** "年初结转结余A，本年收入B，本年支出C，年末结转结余D": the balance carried through the year. */
export interface CarryOver {
  opening: Claim;
  income: Claim;
  spending: Claim;
  closing: Claim;
  statement: Statement;
}

const BALANCE = '(?:结转(?:和|及|、)?结余|结转|结余)(?:资金)?';
const OPENING = new RegExp(`(?:^|年)(?:年初|期初)${BALANCE}$`);
const CLOSING = new RegExp(`^(?:(?:19|20)\\d{2}年度?)?(?:年末|期末)${BALANCE}$`);
const BALANCE_YEAR = '^(?:(?:19|20)\\d{2}年度?|本年度?|当年|全年)?(?:总)?';
const INCOME = new RegExp(`${BALANCE_YEAR}收入(?:合计|总额)?$`);
const SPENDING = new RegExp(`${BALANCE_YEAR}支出(?:合计|总额)?$`);
/** Other items a balance moves by (结余分配, 事业基金弥补…): the identity holds no more. */
const OTHER_MOVES = /结余分配|事业基金|专用基金|弥补|提取|调整|上缴|缴回|收回/;
/** A chapter's heading ("三、…"): a balance is looked for within its chapter. */
const CHAPTER_START = /^[一二三四五六七八九十]{1,3}、/;

/**
 * A balance at the year's end with the opening balance, the year's income and its spending named
 * before it in its chapter (within six statements): D should be A + B − C. Each is the nearest
 * of its name; none of them approximate, and no other movement of the balance named.
 */
export function carryOvers(statements: readonly Statement[]): CarryOver[] {
  const out: CarryOver[] = [];
  statements.forEach((s, i) => {
    if (!/年末|期末/.test(s.text)) return;
    for (const closing of s.claims) {
      if (closing.kind !== 'money' || closing.approximate || !CLOSING.test(closing.name)) continue;
      let opening: Claim | undefined;
      let income: Claim | undefined;
      let spending: Claim | undefined;
      let other = false;
      for (let k = i; k >= Math.max(0, i - 6); k--) {
        const t = statements[k];
        if (!t) break;
        const before = t.claims.filter((c) => c.kind === 'money' && (k < i || c.end <= closing.at));
        for (const c of before.slice().reverse()) {
          if (/^(?:其中|含)/.test(c.clause)) continue;
          if (!opening && OPENING.test(c.name)) opening = c;
          else if (!income && INCOME.test(c.name)) income = c;
          else if (!spending && SPENDING.test(c.name) && c.role !== 'budget') spending = c;
        }
        if (OTHER_MOVES.test(k < i ? t.text : t.text.slice(0, closing.at))) other = true;
        if (CHAPTER_START.test(t.text) && k < i) break;
      }
      if (!opening || !income || !spending || other) continue;
      if ([opening, income, spending].some((c) => c.approximate)) continue;
      out.push({ opening, income, spending, closing, statement: s });
    }
  });
  return out;
}

/** Money said to be left of a plan: "剩余未执行完的0.3792万元", "未使用资金", "结余资金为". */
const LEFT_OVER =
  /(?:剩余|结余|未执行完?|未使用完?|未支出|未拨付)的?(?:资金|金额|部分|经费)?(?:为|是|共|计)?$/;

/**
 * "实际下达预算2596万元，全年实际总支出2595.6208万元…。…剩余未执行完的0.3792万元为…": money
 * left over, in a statement after the plan and the outcome it is left of (within two), is the
 * plan less the outcome. Never sure: which plan is meant is a reading.
 */
export function remaindersAfter(statements: readonly Statement[]): Difference[] {
  const out: Difference[] = [];
  statements.forEach((s, i) => {
    if (!/剩余|结余|未执行|未使用|未支出|未拨付/.test(s.text)) return;
    for (const left of s.claims) {
      if (left.kind !== 'money' || left.approximate || !LEFT_OVER.test(left.clause)) continue;
      // Its own statement states money before it: what is left is of that ("专户资金50万元，
      // 剩余未使用的12万元…").
      if (s.claims.some((c) => c.end <= left.at && c.kind === 'money')) break;
      for (let k = i - 1; k >= Math.max(0, i - 2); k--) {
        const before = statements[k]?.claims ?? [];
        const actual = before.findLast((c) => c.kind === 'money' && c.role === 'actual');
        const plan = actual
          ? before.findLast((c) => c.end <= actual.at && c.kind === 'money' && c.role === 'budget')
          : undefined;
        if (!actual || !plan) continue;
        if (actual.approximate || plan.approximate || plan.value < actual.value) break;
        out.push({
          value: plan,
          base: actual,
          change: left,
          sign: 1,
          verb: '剩余',
          sure: false,
          alternatives: [],
          statement: s,
        });
        break;
      }
    }
  });
  return out;
}

/**
 * The values a comparison after the figure at `index` may be of, when figures of its kind come
 * before it in its statement with nothing compared between them: the sums of the list ending
 * with it (its last two items, three…, all) and each earlier figure alone.
 */
function listBefore(s: Statement, index: number): number[] {
  const last = s.claims[index];
  if (!last) return [];
  const roles = comparisonRoles(s);
  const run: Claim[] = [last];
  for (let i = index - 1; i >= 0; i--) {
    const c = s.claims[i];
    const next = run[0];
    if (!c || !next || !sameKind(c, last) || c.approximate || roles.has(c)) break;
    if (/[。]/.test(s.text.slice(c.end, next.at))) break;
    run.unshift(c);
  }
  const out: number[] = run.slice(0, -1).map((c) => c.value);
  let sum = last.value;
  for (let i = run.length - 2; i >= 0; i--) {
    sum += run[i]?.value ?? 0;
    out.push(sum);
  }
  return out;
}

/** "执行率92.35%，较上年的88.10%提高4.25个百分点": a change of a percentage in points. */
export interface PointChange {
  /** The percentage compared (this year's) and the one it is compared with. */
  value: Claim;
  base: Claim;
  /** The change as written: its number, signed by its verb (下降 is negative). */
  points: number;
  text: string;
  decimals: number;
  statement: Statement;
  /** False when the words between the figure and its change may name another measure. */
  sure?: boolean;
}

const POINTS =
  /(提高|增加|上升|提升|增长|下降|降低|减少|回落|增幅|降幅)(?:了|为)?(\d+(?:\.\d+)?)个?百分点/g;

/** Every "提高/下降N个百分点" with the two percentages before it. */
export function pointChanges(s: Statement): PointChange[] {
  if (!s.text.includes('百分点')) return [];
  const out: PointChange[] = [];
  for (const m of s.text.matchAll(POINTS)) {
    const percents = s.claims.filter((c) => c.kind === 'percent' && c.end <= m.index);
    const after = lastYearAfter(s, m.index + m[0].length);
    if (after) {
      // "完成预算的86.74%，执行率较上年提高5.21个百分点（上年为82.53%）": this year's percentage
      // before the change, last year's in the parentheses after it.
      const value = percents[percents.length - 1];
      if (!value || value.approximate || after.approximate) continue;
      const between = s.text.slice(value.end, m.index);
      if (/[；;。]/.test(between) || !COMPARED_WITH_LAST_YEAR.test(between)) continue;
      // "到位率100%，执行率较上年提高…": a rate named after the figure may be another one's.
      const named = /率|比重|占比/.test(between.replace(COMPARED_WITH_LAST_YEAR, ''));
      out.push({ ...pointChange(s, m, value, after), sure: !named });
      continue;
    }
    const base = percents[percents.length - 1];
    const first = percents[percents.length - 2];
    if (!base || !first || base.approximate || first.approximate) continue;
    if (!/^[）)]?[，,]?(?:同比)?$/.test(s.text.slice(base.end, m.index))) continue;
    if (/[；;。]/.test(s.text.slice(first.end, base.at))) continue;
    const pair = compared(s, first, base);
    if (!pair) continue;
    out.push(pointChange(s, m, pair[0], pair[1]));
  }
  return out;
}

function pointChange(s: Statement, m: RegExpMatchArray, value: Claim, base: Claim): PointChange {
  const n = m[2] ?? '';
  const sign = /下降|降低|减少|回落|降幅/.test(m[1] ?? '') ? -1 : 1;
  return {
    value,
    base,
    points: sign * Number(n),
    text: m[0],
    decimals: /\.(\d+)/.exec(n)?.[1]?.length ?? 0,
    statement: s,
  };
}

/**
 * "支出进度95.02%，较上年的91.35%提高3.67%": a percentage compared with last year's and changed by a
 * percentage (not 个百分点), which is either the relative growth or the points written as %.
 */
export interface PercentChange {
  value: Claim;
  base: Claim;
  rate: Claim;
  sign: 1 | -1;
  statement: Statement;
}

/** Every "A%，较上年的B%提高Z%" of a statement. */
export function percentChanges(s: Statement): PercentChange[] {
  if (!/增|减|提|降|上升/.test(s.text)) return [];
  const out: PercentChange[] = [];
  s.claims.forEach((rate, i) => {
    const base = s.claims[i - 1];
    const first = s.claims[i - 2];
    if (!rate || !base || !first) return;
    if ([rate, base, first].some((c) => c.kind !== 'percent' || c.approximate)) return;
    const growth = GROWTH_BETWEEN.exec(s.text.slice(base.end, rate.at));
    if (!growth || /[；;。]/.test(s.text.slice(first.end, base.at))) return;
    const pair = compared(s, first, base);
    if (!pair) return;
    const sign = /下降|减少|降低|降幅/.test(growth[1] ?? '') ? -1 : 1;
    out.push({ value: pair[0], base: pair[1], rate, sign, statement: s });
  });
  return out;
}

/** Words comparing with the year before: "较上年", "比去年", "同比". */
const COMPARED_WITH_LAST_YEAR = /(?:较|比)(?:上年|去年|上一年)|同比/;
/** "（上年为82.53%）", "（2023年：82.53%）": last year's percentage in parentheses. */
const LAST_YEAR_NOTE = /^[（(](?:上年|去年|上一年|(?:19|20)\d{2}年)(?:同期)?(?:为|是|[：:])?$/;

/** The percentage of last year in the parentheses that open right at `from`, if any. */
function lastYearAfter(s: Statement, from: number): Claim | undefined {
  if (!/^[（(]/.test(s.text.slice(from))) return undefined;
  const c = s.claims.find((x) => x.at > from && x.at < from + 12);
  if (!c || c.kind !== 'percent') return undefined;
  return LAST_YEAR_NOTE.test(s.text.slice(from, c.at)) && /^[）)]/.test(s.text.slice(c.end))
    ? c
    : undefined;
}

/** "年初预算A，年中追加B，调整后全年预算C": a plan, its changes and the plan after them. */
export interface BudgetAdjustment {
  initial: Claim;
  /** Each change with its sign: 追加, 增加 add; 调减, 核减 take away. */
  changes: { claim: Claim; sign: 1 | -1 }[];
  adjusted: Claim;
}

const INITIAL = /年初(?:预算|批复|安排)/;
const CHANGE = /追加|调增|调减|核减|压减|增加|减少|调整/;
const CUT = /调减|核减|压减|减少/;
/** A change against another year ("比上年增加") is no change of this year's plan. */
const OTHER_YEAR = /上年|去年|同比|比(?:19|20)\d{2}|较(?:19|20)\d{2}|较上/;
const ADJUSTED = /调整后|全年预算|调整预算数|调整后预算|变更后|调整预算(?:为|是|数)?$/;
/** "比年初预算增加A": the change restated against the plan, standing for the changes unnamed. */
const AGAINST_INITIAL =
  /^(?:较|比|相比|与)年初[^，,；;。]{0,8}?(增加|增长|减少|调增|调减|追加|核减)/;
/** Where the figures of a plan end: a new list or clause of reasons ("主要原因是：1.…"). */
const PLAN_ENDS = /[；;：:]|主要原因|原因(?:是|为|如下)/;

/**
 * The plan of the year and its changes in one statement: exactly one 年初 figure, one figure
 * of the plan after adjustment and one or more changes (and no other money but outcomes), so
 * that the reading is certain whatever the order they are written in.
 */
export function budgetAdjustment(s: Statement): BudgetAdjustment | undefined {
  if (!s.text.includes('年初')) return undefined;
  const money = s.claims.filter((c) => c.kind === 'money');
  if (money.length < 3 || money.some((c) => c.approximate)) return undefined;
  const initial: Claim[] = [];
  const adjusted: Claim[] = [];
  const changes: { claim: Claim; sign: 1 | -1 }[] = [];
  const restated: { claim: Claim; sign: 1 | -1 }[] = [];
  let previous: Claim | undefined;
  for (const c of money) {
    const name = c.clause;
    // Figures after the plan's, past a clause of their own that opens a list or the reasons
    // ("…，预算调整率较大，主要原因是：1.…补助资金286万元"), are none of the plan's.
    if (previous && initial.length > 0 && adjusted.length > 0) {
      if (PLAN_ENDS.test(s.text.slice(previous.end, c.at))) break;
    }
    previous = c;
    // "追加200万元（其中省级补助150万元）": a detail of a figure, not a figure of the plan.
    if (/^(?:其中|含)/.test(name)) continue;
    // "较年初预算增加178.80万元" restates the changes' sum against the plan: no change of its
    // own, but the change itself when the plan's changes are not named.
    const against = AGAINST_INITIAL.exec(name);
    if (against) {
      restated.push({ claim: c, sign: CUT.test(against[1] ?? '') ? -1 : 1 });
      continue;
    }
    if (/^(?:较|比|相比|与)年初/.test(name)) continue;
    if (OTHER_YEAR.test(name)) return undefined;
    if (INITIAL.test(name) && !CHANGE.test(name.slice(name.search(INITIAL)))) initial.push(c);
    else if (ADJUSTED.test(name) && !/追加|调增|调减|核减|压减|增加|减少/.test(name))
      adjusted.push(c);
    else if (CHANGE.test(name)) changes.push({ claim: c, sign: CUT.test(name) ? -1 : 1 });
    // An outcome beside the plan ("决算数A，全年预算数B（年初…）") takes no part in it.
    else if (c.role !== 'actual') return undefined;
  }
  const [start] = initial;
  const [end] = adjusted;
  if (!start || !end || initial.length !== 1 || adjusted.length !== 1) return undefined;
  if (changes.length > 0) return { initial: start, changes, adjusted: end };
  return restated.length === 1 ? { initial: start, changes: restated, adjusted: end } : undefined;
}
