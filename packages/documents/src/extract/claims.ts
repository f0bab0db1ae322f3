import { decimalsOf, normalizeDigits, parseDecimalToFen, parsePercent } from '@jixiao/domain';
import type { MoneyUnit, Percent } from '@jixiao/domain';
import type { Block } from '../read/block.ts';
import { splitAfterStops, squash } from './text.ts';

/**
 * Words that count things in reports ("8个内设机构", "在职274人", "项目21个", "2,860批次"); the
 * longer word first (人次 before 人).
 */
export const COUNT_UNITS =
  '人次|户次|批次|台次|架次|场次|剂次|人份|单位|平方米|立方米|公里|千米|公顷|米|个|项|人|名|家|户|所|座|处|条|台|辆|批|类|种|篇|份|场|次|件|村|期|宗|册|间|亩|吨|株|套|具|卷|头|只|棵|起|例|栋|幢|盏|眼|张|艘|枚|块';
type Kind = 'money' | 'count' | 'percent';

/** Whether a money figure names a plan (预算) or an outcome (支出), when its name says so. */
export type Role = 'budget' | 'actual' | '';

/** One figure stated in prose: what it is, its exact value and where it was written. */
export interface Claim {
  kind: Kind;
  /** 分 for money, the number for a count, the percentage for a percent. */
  value: number;
  /** The unit as written: 万元, 元, 亿元, 个, 人, %… (the first one of a mixed "39万元2696元"). */
  unit: string;
  /** The figure as written, with its unit ("3,267.28万元", "39万元2696元", "8个"). */
  text: string;
  /** The number as written, without its unit ("3267.28"). */
  number: string;
  /** Half the rounding step of the figure as written, in the value's unit (分 for money). */
  step: number;
  /** The noun phrase before the figure, as written (trimmed of verbs and connectives). */
  name: string;
  /** The whole clause before the figure ("其中绩效自评“优”的项目79个财政资金"). */
  clause: string;
  /** The name without years, pronouns and filler: the quantity's identity across statements. */
  key: string;
  role: Role;
  /** Written with 约, 近, 余, 多…: not for arithmetic. */
  approximate: boolean;
  /** Inside parentheses (a detail, not a member of the surrounding list). */
  depth: number;
  /**
   * Written "name + figure" as a clause of its own ("内设机构8个，"): the name before the figure
   * is surely the quantity's (unlike "7个乡镇58个村庄", whose counts name what follows them).
   */
  bare: boolean;
  /** Offsets in the statement's squashed text. */
  at: number;
  end: number;
}

/** One or more sentences read together: a sentence and the "其中…" sentences that follow it. */
export interface Statement {
  /** Squashed text (ASCII digits, no whitespace). */
  text: string;
  /** As written, for excerpts. */
  raw: string;
  line: number;
  claims: Claim[];
  /** Index of the first block it came from. */
  block: number;
}

/** "— 3 —", "-3-", "第3页", "第3页共9页", "3/9" (squashed): page furniture, not text. */
const PAGE_FURNITURE =
  /^(?:[—–\-－~·]+\d{1,4}[—–\-－~·]+|第\d{1,4}页(?:[，,/]?共\d{1,4}页)?|\d{1,4}\/\d{1,4})$/;
/** A line of its own that ends like a title ("…自评报告", "…情况") is not a wrapped sentence. */
const TITLE_END = /(?:报告|报告书|自评表|情况|结果公开|公告|公示|通知)$/;
/** Ends a sentence or a cell; a line ending in ，；： was cut mid-sentence by a wrap. */
const TERMINAL = /[。！？!?|]$/;
/** A line that starts an item of its own, not the rest of the line before. */
const BULLET = /^(?:[-•·*●■◆▪→]|[（(]?[\d一二三四五六七八九十]{1,3}[）)、.．](?!\d))/;

/**
 * Joins paragraphs that a hard line wrap split mid-sentence (PDF text: "其中,本级项目8个,本" +
 * "级项目支出385.58万元") and cuts the text into statements: sentences at 。！？, with a sentence
 * that starts with 其中 kept with the one before it (its parts belong to that total).
 */
export function statementsOf(blocks: readonly Block[]): Statement[] {
  const out: Statement[] = [];
  learnOwnNames(blocks);
  let run: { text: string; raw: string; starts: { at: number; line: number; block: number }[] } = {
    text: '',
    raw: '',
    starts: [],
  };
  // Items numbered one per line after a figure's colon ("公用经费48.26万元，具体为：" +
  // "（1）办公费16.30万元；" + "（2）…") are that figure's parts: the list runs on while its items
  // end in ；.
  let list = false;
  const flush = (): void => {
    if (run.text !== '') out.push(...sentencesOfRun(run));
    run = { text: '', raw: '', starts: [] };
    list = false;
  };
  blocks.forEach((b, index) => {
    if (b.kind === 'table') {
      flush();
      return;
    }
    const text = squash(b.text);
    // A page's number or running footer in PDF text falls anywhere, mid-sentence too.
    if (text === '' || PAGE_FURNITURE.test(text)) return;
    const item = BULLET.test(text);
    const listGoesOn =
      item && (list ? /[；;]$/.test(run.text) : /[：:]$/.test(run.text) && /\d/.test(run.text));
    const continues =
      run.text !== '' &&
      b.kind === 'paragraph' &&
      ((!TERMINAL.test(run.text) &&
        run.text.length >= 12 &&
        !(run.starts.length === 1 && TITLE_END.test(run.text)) &&
        (!item || listGoesOn)) ||
        // A list of sources after 其中 goes on in a paragraph of its own after the 。 a
        // PDF's line ended on.
        sourceGoesOn(run.text, text) ||
        // So does a sentence opening with 其中 that a PDF's line break after the 。 before it
        // set in a paragraph of its own, right after an amount: its parts are of that amount.
        (/^[，,：:]?其中/.test(text) && /\d(?:亿元|万元|元)。$/.test(run.text)));
    if (!continues) flush();
    else if (listGoesOn) list = true;
    run.starts.push({ at: run.text.length, line: b.line, block: index });
    run.text += text;
    run.raw += b.text.trim();
    if (b.kind === 'heading') flush();
  });
  flush();
  return out;
}

/**
 * The longest statement read as one: a real sentence is far shorter; text without stops (a
 * flattened table, a damaged export) is cut into pieces of this size at a comma where it can be,
 * so the work on each statement stays bounded and extraction linear in document size.
 */
const MAX_STATEMENT = 1_500;

/** Cuts an over-long text at commas (or anywhere) into pieces of at most MAX_STATEMENT. */
function bounded(text: string): string[] {
  if (text.length <= MAX_STATEMENT) return [text];
  const out: string[] = [];
  let rest = text;
  while (rest.length > MAX_STATEMENT) {
    const window = rest.slice(0, MAX_STATEMENT);
    const comma = Math.max(
      window.lastIndexOf('，'),
      window.lastIndexOf(','),
      window.lastIndexOf('；'),
    );
    const cut = comma > MAX_STATEMENT / 2 ? comma + 1 : MAX_STATEMENT;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest !== '') out.push(rest);
  return out;
}

function sentencesOfRun(run: {
  text: string;
  raw: string;
  starts: { at: number; line: number; block: number }[];
}): Statement[] {
  const texts = splitAfterStops(run.text);
  // The raw text splits at the same stops (squashing only drops whitespace).
  const raws = splitAfterStops(run.raw);
  const same = texts.length === raws.length;
  const out: Statement[] = [];
  let at = 0;
  let origin = 0;
  texts.forEach((sentence, i) => {
    const raw = same ? (raws[i] ?? sentence).trim() : sentence;
    const pieces = bounded(sentence);
    for (const text of pieces) {
      // The block the piece starts in: starts are in order, and so are the pieces.
      while ((run.starts[origin + 1]?.at ?? Infinity) <= at) origin++;
      const start = run.starts[origin];
      at += text.length;
      if (text === '') continue;
      const shown = pieces.length === 1 ? raw : text;
      const prev = out[out.length - 1];
      if (
        prev &&
        (/^[，,：:]?其中/.test(text) || sourceGoesOn(prev.text, text)) &&
        prev.text.length + text.length <= MAX_STATEMENT
      ) {
        prev.text += text;
        prev.raw += shown;
        continue;
      }
      out.push({ text, raw: shown, line: start?.line ?? 0, block: start?.block ?? 0, claims: [] });
    }
  });
  for (const s of out) s.claims = claimsIn(s.text);
  return out;
}

/** A source of money named by its level or its kind ("中央财政衔接资金", "自筹资金", "县级配套资金"). */
const SOURCE_NAME =
  '(?:中央|省级?|市级?|县级?|区级?|乡镇|地方|本级|上级|自筹|配套|社会|企业|银行|其他)[^，,。；;：:\\d]{0,10}?(?:资金|投入|补助|拨款)';
const SOURCE_PART_LAST = new RegExp(
  `其中[：:]?[^。]*${SOURCE_NAME}[\\d.,]+(?:亿元|万元|元)[^。]*。$`,
);
const SOURCE_PART_FIRST = new RegExp(`^${SOURCE_NAME}[\\d.,]+(?:亿元|万元|元)`);

/**
 * A list of the sources of money after 其中 that a sentence's end broke ("其中:中央财政衔接资金39万元,
 * 已下拨到位。自筹资金2696元,已完成自筹。"): the next sentence opening with another source and its
 * amount goes on with the list.
 */
function sourceGoesOn(before: string, text: string): boolean {
  return SOURCE_PART_FIRST.test(text) && SOURCE_PART_LAST.test(before);
}

const CN_DIGITS: Record<string, number> = {
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** "八" → 8, "十二" → 12, "二十" → 20; undefined for anything else. */
export function chineseCount(text: string): number | undefined {
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!m || text === '') return undefined;
  if (!m[2]) return m[3] === undefined && m[1] ? CN_DIGITS[m[1]] : undefined;
  const tens = m[1] ? (CN_DIGITS[m[1]] ?? 0) : 1;
  return tens * 10 + (m[3] ? (CN_DIGITS[m[3]] ?? 0) : 0);
}

const NUMBER = '(\\d+(?:,\\d{3})*(?:\\.\\d+)?)';
/**
 * A number in Chinese numerals with a 十, 百 or 千 in it ("一百二十", "四百一十二", "九十八点五"):
 * money and percentages are written so in some reports; a bare digit word ("二元结构") is none.
 */
/**
 * A share in tenths, "减少三成", "九成以上", "达到8成" (group 14): one digit before 成 and no word
 * after it but 以上, 左右 or 多 (not 一成不变, 八成新, 成员).
 */
const TENTHS =
  '(?<![\\d.])([一二两三四五六七八九]|[1-9])成(?=以上|以下|左右|多|[^\\u4e00-\\u9fa5]|$)';
const CN_NUMBER =
  '[一二两三四五六七八九]?[十百千](?:[零一二两三四五六七八九十百千]*)(?:点[零一二三四五六七八九]+)?';
/**
 * Money (one amount may be written in two units), a percentage (also 百分之N), and a count, which
 * may be in 万 or 亿 of its unit ("2.35万人次").
 */
const FIGURE = new RegExp(
  `${NUMBER}(亿元|万元|千元|元)(?:${NUMBER}(万元|元))?|${NUMBER}%|百分之(\\d+(?:\\.\\d+)?)(?![\\d.])|${NUMBER}(万|亿)?(${COUNT_UNITS})|百分之(${CN_NUMBER})|(${CN_NUMBER})(亿元|万元|元)|${NUMBER}‰|${TENTHS}`,
  'g',
);
/** Whether a text may hold a figure at all: a digit, or money or a percentage in Chinese numerals. */
const HAS_FIGURE = /\d|百分之|[十百千][一二两三四五六七八九]?(?:万|亿)?元|[一二两三四五六七八九]成/;
const COUNT_SCALE: Record<string, number> = { 万: 10_000, 亿: 100_000_000 };
const MONEY_RANK: Record<MoneyUnit, number> = { 元: 0, 万元: 1, 亿元: 2 };

const SPENDING_KIND =
  /(?:基本|项目|人员|公用|一般公共预算|政府性基金预算?|国有资本经营预算|社会保险基金预算|资本性|经常性|转移性)支出/g;
/**
 * Names of things that hold a role word without being a plan or an outcome: 预算绩效管理经费,
 * 执行监督检查经费, 决算审计费, 计划生育奖励金, 完成情况, and the kinds of budget a fund comes
 * from (一般公共预算财政拨款收入 is received money, not a plan; 中央预算内投资 is a source).
 */
const ROLE_COMPOUNDS =
  /(?:一般公共|政府性基金|国有资本经营|社会保险基金)预算|预算内(?=资金|投资)|预算(?:绩效|管理|编制|单位|公开|评审|审核|审查|监督)|(?:执行|实施|使用)(?:监督|检查|情况|管理)|决算(?:公开|审计|报表|编制)|计划生育|安排部署|完成情况|使用权|使用费|支付中心|支付系统/g;
const BUDGET_WORDS = /预算|安排|批复|下达|计划|核定|总投资|到位/g;
const ACTUAL_WORDS = /实际|执行|决算|拨付|使用|支付|完成|支出/g;

/**
 * The role a money figure's name gives it: a plan (预算, 下达) or an outcome (实际支出, 执行数).
 * The word nearest the figure decides: 基本支出预算安排 is a plan, 预算执行数 an outcome.
 */
export function roleOf(written: string): Role {
  // 支出 in the name of a kind of spending (基本支出, 项目支出, 一般公共预算支出) says what, not
  // whether planned or spent: "项目支出预算" is a plan, "基本支出" alone is neither.
  const name = written.replace(SPENDING_KIND, '').replace(ROLE_COMPOUNDS, '');
  const last = (re: RegExp): number => {
    let at = -1;
    re.lastIndex = 0;
    for (let m = re.exec(name); m; m = re.exec(name)) at = m.index + m[0].length;
    return at;
  };
  const budget = last(BUDGET_WORDS);
  const actual = last(ACTUAL_WORDS);
  if (budget < 0 && actual < 0) return '';
  return budget > actual ? 'budget' : 'actual';
}

const LEAD =
  /^(?:其中|分别为|分别是|按[^，,；;。\d]{1,10}?(?:分为|划分为)|分为|划分为|分别|另有|另外|此外|以及|及|和|与|共计|共|合计|总计|累计为|为|达到|达|约|均为|均|含|包括|即)+/;
const TRAIL = /(?:共计|合计|总计|累计|共|计|为|达到|达|约|近|超过|逾|是|有|了|金额|资金额)+$/;
const PRONOUN =
  /^(?:我|本|该)(?:街道|社区|医院|学校|局|办|单位|部门|院|厅|委|中心|校|馆|站|所|队|会|部|区|县|市|镇|乡|旗)/;

/**
 * The short names a report gives its own unit ("中共某区委办公室（以下简称区委办）"): a figure's
 * name opening with one is the unit's own, as one opening with 我办 is. Learnt per document.
 */
let ownNames: readonly string[] = [];
const SHORT_NAME = /(?:以下简称|下称|简称)[“"「]?([\u4e00-\u9fff]{2,6})[”"」]?[)）]/g;

function learnOwnNames(blocks: readonly Block[]): void {
  const found = new Set<string>();
  for (const b of blocks.slice(0, 80))
    if (b.kind !== 'table' && b.text.includes('简称'))
      for (const m of squash(b.text).matchAll(SHORT_NAME)) if (m[1]) found.add(m[1]);
  if (found.size === ownNames.length && ownNames.every((n) => found.has(n))) return;
  ownNames = [...found];
  // Names and statements read before are keyed again under the names learnt.
  named = new Map();
  recent = new Map();
}

/** A name without the unit's own short name opening it ("区委办全年项目支出" → "全年项目支出"). */
function withoutOwnName(name: string): string {
  for (const own of ownNames)
    if (name.startsWith(own) && name.length > own.length) return name.slice(own.length);
  return name;
}

/** The name of a quantity as an identity: no years, pronouns, quotes or trailing verbs. */
export function keyOf(name: string): string {
  return (
    withoutOwnName(name.replace(/(?:19|20)\d{2}年(?:度)?(?:末|底|初)?/g, ''))
      // "年初预算" is a quantity of its own (the plan before the year's changes), not a time, and
      // so is "年初结转结余" (the balance the year opened with, not the one it closed with), and
      // "年初批复预算" (the same plan, said approved).
      .replace(/^(?:全年|本年度?|当年|年度|年末|年初(?!(?:批复|核定|批准)?预算|结转|结余))/, '')
      .replace(PRONOUN, '')
      .replace(/[“”"‘’「」《》]/g, '')
      .replace(LEAD, '')
      .replace(TRAIL, '')
      // "在校生规模达到18,462人" is the number of 在校生: 规模 names the figure, not another thing.
      .replace(/(.{2,})规模$/, '$1')
  );
}

const PAREN = /[（(]/;
/** "叁仟零伍拾万元整（3,500万元）": the figure in parentheses after capitals is that amount. */
const SAME_AMOUNT_BEFORE =
  /[零壹贰叁肆伍陆柒捌玖拾佰仟]元(?:[零壹贰叁肆伍陆柒捌玖][角分])*整?[（(](?:小写[：:]?)?(?:人民币)?[￥¥]?$/;
/** The characters SAME_AMOUNT_BEFORE can end on: other text is not tried against it. */
const SAME_AMOUNT_ENDS = new Set(Array.from('（(：:写币￥¥', (c) => c.charCodeAt(0)));
const sameAmountBefore = (text: string, at: number): boolean =>
  SAME_AMOUNT_ENDS.has(text.charCodeAt(at - 1)) && SAME_AMOUNT_BEFORE.test(text.slice(0, at));
const NOT_A_START = /[\d.A-Za-z第]/;
/** Two to six capitals after a Han character or a stop, right before a figure ("购置CT 1台"). */
const ACRONYM_BEFORE = /(?:^|[\p{Script=Han}，,、；;：:（(])([A-Z]{2,6}) ?$/u;
/** Units of the things an acronym may name: machines and sets of them. */
const ACRONYM_UNITS = /^(?:台|套|台套|台（套）|部|辆|架|座)$/;
const RANK = /(?:前|排名|名列|位列|位居|列|居)$/;
const APPROX_BEFORE = /(?:约|近|超过|逾|大约|不足|不到)$/;
/** After a figure: "余", "多", "左右", "以上", "及以下" (a bound or a threshold, not an amount). */
const APPROX_AFTER = /^(?:[余多左上]|及?以[上下内])/;
/** After a figure: a stop, or an adverb that ends its noun phrase ("12,638人全部实现…"). */
const BARE_AFTER = /^(?:[，,；;。：:、）)！？!?]|中[，,：:]|全部|均|已|都|基本|尚|仍|$)/;
/** Character codes: the scans below compare codes, making no one-character string per step. */
const codesOf = (chars: string): Set<number> => new Set(Array.from(chars, (c) => c.charCodeAt(0)));
const DELIMITERS = codesOf('，,；;。：:、（()）“”"！？!? \t\n');

let recent = new Map<string, Claim[]>();

/** What a figure's name says, read once per name and document (names recur: 项目支出, 人员经费). */
interface Named {
  name: string;
  key: string;
  /** Its role as a money figure's name, read the first time a money figure asks. */
  role?: Role;
  /** Ends with 约, 近, 超过…: the figure after it is approximate. */
  approximate: boolean;
}
let named = new Map<string, Named>();

function namedOf(rawName: string, money: boolean): Named {
  let hit = named.get(rawName);
  if (!hit) {
    const name = rawName.replace(LEAD, '').replace(TRAIL, '');
    hit = { name, key: name === '' ? '' : keyOf(name), approximate: APPROX_BEFORE.test(rawName) };
    if (named.size > 5_000) named = new Map();
    named.set(rawName, hit);
  }
  if (money) hit.role ??= roleOf(hit.name);
  return hit;
}

/**
 * Forgets the statements of the previous document, as squash does: a sentence repeated within a
 * document is read once, but a document is never read faster for having been read before.
 */
export function forgetClaims(): void {
  // New maps rather than emptied ones (see forgetSquashed).
  recent = new Map();
  named = new Map();
  ownNames = [];
}

/**
 * Every figure of a statement's squashed text, with its name and kind. The claims of recent
 * statements are remembered (as squash remembers paragraphs): a sentence repeated through a
 * document, as in generated or templated text, is read once. Claims are never changed after.
 */
export function claimsIn(text: string): Claim[] {
  const hit = recent.get(text);
  if (hit) return hit;
  const out = readClaims(text);
  if (recent.size > 5_000) recent = new Map();
  recent.set(text, out);
  return out;
}

function readClaims(text: string): Claim[] {
  const out: Claim[] = [];
  if (!HAS_FIGURE.test(text)) return out;
  const depthAt = PAREN.test(text) ? parenDepths(text) : [];
  let nameStart = 0;
  // One regex, reset here and stepped with exec: matchAll would copy it for every statement.
  FIGURE.lastIndex = 0;
  for (let m = FIGURE.exec(text); m; m = FIGURE.exec(text)) {
    const at = m.index;
    const before = text[at - 1] ?? '';
    // "12.5" inside "a12.5", "3.2.1", "第3个" or "2023年" are not figures of a quantity; a count
    // of things an acronym names is one ("CT1台", "MRI 1台").
    const acronym = /[A-Z ]/.test(before)
      ? ACRONYM_BEFORE.exec(text.slice(Math.max(0, at - 8), at))?.[1]
      : undefined;
    if (NOT_A_START.test(before) && acronym === undefined) continue;
    const end = at + m[0].length;
    const f = figure(m);
    if (!f) continue;
    const named = acronym !== undefined && f.kind === 'count' && ACRONYM_UNITS.test(f.unit);
    if (NOT_A_START.test(before) && !named) continue;
    const nameEnd = named && before === ' ' ? at - 1 : at;
    const clause = named ? nameEnd - (acronym?.length ?? 0) : lastDelimiter(text, at);
    const clauseText = text.slice(clause, at);
    // "全省前100名", "排名第3位": a rank, not a quantity.
    if (f.kind === 'count' && RANK.test(clauseText)) continue;
    const cut = Math.max(nameStart, clause);
    const after = text.slice(end, end + 2);
    // "占项目总投资3,860.00万元的91%": the figure a share is of, named after 占.
    const of = after.startsWith('的') && /^占[^地用有]/.test(text.slice(cut, at));
    const money = f.kind === 'money';
    const { name, key, role, approximate } = namedOf(
      text.slice(of ? cut + 1 : cut, named ? nameEnd : at),
      money,
    );
    const claim: Claim = {
      kind: f.kind,
      value: f.value,
      unit: f.unit,
      text: m[0],
      number: f.number,
      step: f.step,
      name,
      clause: clauseText,
      key,
      role: money ? (role ?? '') : '',
      approximate: approximate || APPROX_AFTER.test(after),
      depth: Math.max(0, (depthAt[at] ?? 0) - (sameAmountBefore(text, at) ? 1 : 0)),
      bare: cut === clause && name !== '' && (of || BARE_AFTER.test(after)),
      at,
      end,
    };
    out.push(claim);
    nameStart = end;
  }
  return out;
}

/** What a figure's match says: its kind, value and unit (names come from the text around it). */
interface Figure {
  kind: Kind;
  value: number;
  unit: string;
  number: string;
  step: number;
}

function figure(m: RegExpMatchArray): Figure | undefined {
  if (m[1] !== undefined && m[2] !== undefined) {
    if (m[2] === '千元') return thousands(m[1], m[3] === undefined);
    const unit = m[2] as MoneyUnit;
    let value: number | undefined = parseDecimalToFen(m[1], unit);
    if (value === undefined) return undefined;
    const number = m[1].replace(/,/g, '');
    let step = halfStep(unit, number);
    // "39万元2696元": one amount written in two units, the larger first.
    if (m[3] !== undefined && m[4] !== undefined) {
      const second = m[4] as MoneyUnit;
      const rest = parseDecimalToFen(m[3], second);
      if (rest === undefined || MONEY_RANK[second] >= MONEY_RANK[unit]) return undefined;
      value += rest;
      step = halfStep(second, m[3]);
    }
    // Nothing is written as 0 by rounding: a zero is exact, whatever its decimals.
    if (value === 0) step = 1;
    return { kind: 'money', value, unit, number, step };
  }
  if (m[10] !== undefined || (m[11] !== undefined && m[12] !== undefined)) return cnFigure(m);
  if (m[13] !== undefined) return permille(m[13]);
  if (m[14] !== undefined) {
    // A tenth is a share rounded to ten points: 三成 is 25% to 35%.
    const tenths = /\d/.test(m[14]) ? Number(m[14]) : '一二三四五六七八九'.indexOf(m[14]) + 1 || 2;
    return { kind: 'percent', value: tenths * 10, unit: '%', number: String(tenths * 10), step: 5 };
  }
  const percent = m[5] ?? m[6];
  if (percent !== undefined) {
    const p: Percent | undefined = parsePercent(`${percent}%`);
    if (!p) return undefined;
    return {
      kind: 'percent',
      value: p.value,
      unit: '%',
      number: percent,
      step: 0.5 * 10 ** -p.decimals,
    };
  }
  if (m[7] !== undefined && m[9] !== undefined) {
    // A count is whole: "2.35万人次" is 23,500 counted to the nearest 50; "2.5人" is no count.
    const number = m[7].replace(/,/g, '');
    const scale = COUNT_SCALE[m[8] ?? ''] ?? 1;
    const decimals = decimalsOf(number);
    const value = Math.round(Number(number) * scale);
    if (scale / 10 ** decimals < 1 || !Number.isSafeInteger(value)) return undefined;
    const step = scale === 1 ? 0 : scale / 10 ** decimals / 2;
    return { kind: 'count', value, unit: m[9], number, step };
  }
  return undefined;
}

/**
 * "186,430千元": money in thousands of 元, as hospitals' and state companies' reports keep their
 * accounts; its value in 分, its unit kept as written (a 千元 is 100,000 分, its step half that
 * over the decimals written). Never the first of an amount written in two units.
 */
function thousands(written: string, alone: boolean): Figure | undefined {
  // A 千元 is a tenth of a 万元: read in 万元 (six decimals kept) and divided, exact to 5 decimals.
  const wan = parseDecimalToFen(written, '万元');
  if (wan === undefined || !alone || wan % 10 !== 0) return undefined;
  const value = wan / 10;
  const number = written.replace(/,/g, '');
  const step = value === 0 ? 1 : Math.max(1, 100_000 / 10 ** decimalsOf(number) / 2);
  return { kind: 'money', value, unit: '千元', number, step };
}

/**
 * "3.8‰": a percentage a tenth of the number written (0.38%), its number given as the percentage
 * so that every reader of percentages takes it as such; its text keeps the ‰.
 */
function permille(written: string): Figure | undefined {
  const [whole = '', fraction = ''] = written.replace(/,/g, '').split('.');
  const digits = `${whole}${fraction}`.padStart(fraction.length + 2, '0');
  const number = `${digits.slice(0, -(fraction.length + 1)).replace(/^0+(?=\d)/, '')}.${digits.slice(-(fraction.length + 1))}`;
  const p: Percent | undefined = parsePercent(`${number}%`);
  if (!p) return undefined;
  return { kind: 'percent', value: p.value, unit: '%', number, step: 0.5 * 10 ** -p.decimals };
}

/** A figure written in Chinese numerals: "百分之九十八", "一百二十万元". */
function cnFigure(m: RegExpMatchArray): Figure | undefined {
  const number = chineseNumber(m[10] ?? m[11] ?? '');
  if (number === undefined) return undefined;
  if (m[10] !== undefined) {
    const p: Percent | undefined = parsePercent(`${number}%`);
    if (!p) return undefined;
    return { kind: 'percent', value: p.value, unit: '%', number, step: 0.5 * 10 ** -p.decimals };
  }
  const unit = m[12] as MoneyUnit;
  const value = parseDecimalToFen(number, unit);
  if (value === undefined) return undefined;
  return { kind: 'money', value, unit, number, step: value === 0 ? 1 : halfStep(unit, number) };
}

const CN_PLACES: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** "四百一十二" → "412", "九十八点五" → "98.5"; undefined where the places are out of order. */
export function chineseNumber(text: string): string | undefined {
  const [whole = '', fraction] = text.split('点');
  let total = 0;
  let digit: number | undefined;
  let last = Infinity;
  for (const ch of whole) {
    const place = CN_PLACES[ch];
    if (place !== undefined) {
      if (place >= last) return undefined;
      total += (digit ?? 1) * place;
      digit = undefined;
      last = place;
    } else if (ch === '零') digit = undefined;
    else {
      const d = CN_DIGITS[ch];
      if (d === undefined || digit !== undefined) return undefined;
      digit = d;
    }
  }
  total += digit ?? 0;
  if (fraction === undefined) return String(total);
  let decimals = '';
  for (const ch of fraction) {
    const d = CN_DIGITS[ch];
    if (d === undefined) return undefined;
    decimals += String(d);
  }
  return `${String(total)}.${decimals}`;
}

/** Half the rounding step of a figure written with its decimals, in 分 (at least 1 分). */
function halfStep(unit: MoneyUnit, number: string): number {
  const per = unit === '亿元' ? 10_000_000_000 : unit === '万元' ? 1_000_000 : 100;
  return Math.max(1, per / 10 ** decimalsOf(number) / 2);
}

const OPENING_QUOTES = codesOf('“「『‘');
const CLOSING_QUOTES = codesOf('”」』’');
const PLAIN_QUOTES = codesOf('"\'');
const FULL_CLOSE_PAREN = '）'.charCodeAt(0);
const CLOSE_PAREN = ')'.charCodeAt(0);

/**
 * The start of the clause a figure's name lies in. A word quoted inside the name ("“三公”经费支出",
 * 「三公」, "三公") is part of it: a quote closed before the figure does not end the clause; one
 * left open (“专项资金1000万元”) does.
 */
function lastDelimiter(text: string, at: number): number {
  const from = Math.max(0, at - 40);
  let closed = 0;
  // Straight quotes pair up: with an even number of them before the figure, each is closed.
  let plain = -1;
  for (let i = at - 1; i >= from; i--) {
    const ch = text.charCodeAt(i);
    if (CLOSING_QUOTES.has(ch)) {
      closed++;
      continue;
    }
    if (OPENING_QUOTES.has(ch) && closed > 0) {
      closed--;
      continue;
    }
    // "因公出国（境）费": a short note in parentheses inside a name belongs to the name.
    if (ch === FULL_CLOSE_PAREN || ch === CLOSE_PAREN) {
      const open = shortNoteStart(text, i, from);
      if (open >= 0) {
        i = open;
        continue;
      }
    }
    if (PLAIN_QUOTES.has(ch)) {
      if (plain < 0) plain = countIn(text, text.charAt(i), from, at) % 2;
      if (plain === 0) continue;
      return i + 1;
    }
    if (DELIMITERS.has(ch)) return i + 1;
  }
  return from;
}

/** Where "（境）" opens, for its closing parenthesis at `close`: one to three letters, no digit. */
function shortNoteStart(text: string, close: number, from: number): number {
  for (let k = close - 1; k >= from && k >= close - 4; k--) {
    const ch = text.charAt(k);
    if (ch === '（' || ch === '(') return k < close - 1 && k > from ? k : -1;
    if (/[\d，,；;。：:、（()）]/.test(ch)) return -1;
  }
  return -1;
}

function countIn(text: string, ch: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf(ch, from); i >= 0 && i < to; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

function parenDepths(text: string): number[] {
  const out: number[] = [];
  let depth = 0;
  for (const ch of text) {
    if (ch === '（' || ch === '(') depth++;
    out.push(depth);
    if ((ch === '）' || ch === ')') && depth > 0) depth--;
  }
  // Surrogate pairs would shift offsets; reports are BMP text, so index by UTF-16 unit anyway.
  return out.length === text.length ? out : Array.from({ length: text.length }, () => 0);
}

/** The figure text of a claim, normalised for messages ("3,267.28" → "3267.28"). */
export function plainFigure(c: Claim): string {
  return normalizeDigits(c.text).replace(/,/g, '');
}
