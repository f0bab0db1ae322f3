import { z } from 'zod';
import { normalizeDigits } from '@jixiao/domain';
import vocabularyData from '../../../../rulebooks/templates/vocabulary.json' with { type: 'json' };
import centralProject from '../../../../rulebooks/templates/central-project-table.json' with { type: 'json' };
import departmentTable from '../../../../rulebooks/templates/department-table.json' with { type: 'json' };
import splitTarget from '../../../../rulebooks/templates/split-target-table.json' with { type: 'json' };
import hubeiProject from '../../../../rulebooks/templates/hubei-project-table.json' with { type: 'json' };

/** What a 自评表 column means, whatever its header says. */
export const ColumnKey = z.enum([
  'initialBudget',
  'budget',
  'executed',
  'rate',
  // 资金到位数 and 资金到位率: money received against the budget, beside what was spent of it.
  'received',
  'receivedRate',
  'weight',
  'score',
  'level1',
  'level2',
  'level3',
  'target',
  'actual',
  'reason',
  'coefficient',
  'deduction',
  'nature',
  'measure',
  'description',
  'flag',
  'grade',
]);
export type ColumnKey = z.infer<typeof ColumnKey>;

/** Indicator columns a row often leaves empty (扣分 when nothing was lost, the reason …). */
export const OFTEN_EMPTY: ReadonlySet<ColumnKey> = new Set<ColumnKey>([
  'reason',
  'description',
  'measure',
  'nature',
  'deduction',
  'flag',
  'grade',
]);

export const FundRowKey = z.enum([
  'total',
  'currentAppropriation',
  'carryOver',
  'other',
  'generalPublic',
  'governmentFund',
  'nonTaxSpecialAccount',
  'basic',
  'project',
]);
export type FundRowKey = z.infer<typeof FundRowKey>;

const Vocabulary = z.object({
  description: z.string(),
  sources: z.array(z.string()).min(1),
  columns: z.record(ColumnKey, z.array(z.string()).min(1)),
  fundRows: z.record(FundRowKey, z.array(z.string()).min(1)),
  totalRows: z.array(z.string()).min(1),
  /** Rows of a group's own 分值/得分 inside the indicator block ("过程 | 小计 | 30 | 27"). */
  subtotalRows: z.array(z.string()).min(1),
  level1Names: z.array(z.string()),
  level2Names: z.array(z.string()),
  /** Fund-row labels too common to start a table on their own (合计, 其他): only under a header. */
  genericFundRows: z.array(z.string()),
  /** Merged cells that only group the fund rows beside them (按收入性质分 | 一般公共预算 | …). */
  fundGroupLabels: z.array(z.string()),
  /** Merged cells over rows that part the total by place (分地区 | 城中区 | …), not by income. */
  fundRegionLabels: z.array(z.string()),
  /**
   * Sub-columns under an amount header over two rows (全年执行数 | 合计 中央资金 地方资金): the
   * total's word, and the words of the sources it splits into.
   */
  fundSplitTotals: z.array(z.string()).min(1),
  fundSplitParts: z.array(z.string()).min(1),
});

/** A provincial 自评表 layout as data: its columns, the marks that identify it, its rulebook. */
export const TableTemplate = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  kind: z.enum(['department', 'project']),
  jurisdiction: z.string().min(1),
  sources: z.array(z.string()).min(1),
  rulebook: z.string().min(1),
  /** The columns this layout has (header meanings). */
  signature: z.array(ColumnKey).min(1),
  /** Words elsewhere in the table that are typical of this layout. */
  marks: z.array(z.string()),
  fundColumns: z.array(ColumnKey),
  indicatorColumns: z.array(ColumnKey),
});
export type TableTemplate = z.infer<typeof TableTemplate>;

const vocabulary = Vocabulary.parse(vocabularyData);

/** The built-in templates (rulebooks/templates/*.json), validated at load. */
export const TABLE_TEMPLATES: readonly TableTemplate[] = [
  centralProject,
  departmentTable,
  splitTarget,
  hubeiProject,
].map((t) => TableTemplate.parse(t));

/**
 * A header or label as compared: ASCII digits, no spaces or line breaks, no unit notes in
 * brackets ("（万元）", "(%)"), no trailing colon, full-width brackets as ASCII.
 */
const normalized = new Map<string, string>();

export function normalizeLabel(text: string): string {
  const hit = normalized.get(text);
  if (hit !== undefined) return hit;
  const out = normalizeLabelUncached(text);
  // Table cells repeat (headers, row labels): remember the recent ones, bounded.
  if (normalized.size > 20_000) normalized.clear();
  normalized.set(text, out);
  return out;
}

function normalizeLabelUncached(text: string): string {
  return normalizeDigits(text)
    .replace(/[\s\u3000\u00a0]+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/\((?:万?元|%|％|分|个|人)\)$/g, '')
    .replace(/^其中[：:]/, '')
    .replace(/[：:]$/, '');
}

interface Entry<K> {
  word: string;
  key: K;
}
const byLength = <K>(entries: Entry<K>[]): Entry<K>[] =>
  entries.sort((a, b) => b.word.length - a.word.length);

const COLUMN_WORDS: Entry<ColumnKey>[] = byLength(
  Object.entries(vocabulary.columns).flatMap(([key, words]) =>
    words.map((word) => ({ word: normalizeLabel(word), key: ColumnKey.parse(key) })),
  ),
);
const COLUMN_EXACT = new Map(COLUMN_WORDS.map((e) => [e.word, e.key]));
/** Every proper start of a header word, two characters or longer ("年初", "实际完成"). */
const HEADER_PREFIXES = new Set(
  COLUMN_WORDS.flatMap((e) =>
    Array.from({ length: Math.max(0, e.word.length - 2) }, (_, k) => e.word.slice(0, k + 2)),
  ),
);
const escapeRe = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ANY_COLUMN_WORD = new RegExp(COLUMN_WORDS.map((e) => escapeRe(e.word)).join('|'), 'g');

const FUND_WORDS: Entry<FundRowKey>[] = byLength(
  Object.entries(vocabulary.fundRows).flatMap(([key, words]) =>
    words.map((word) => ({ word: normalizeLabel(word), key: FundRowKey.parse(key) })),
  ),
);
const FUND_EXACT = new Map(FUND_WORDS.map((e) => [e.word, e.key]));
const TOTAL_ROWS = new Set(vocabulary.totalRows.map(normalizeLabel));
const LEVEL1 = new Set(vocabulary.level1Names.map(normalizeLabel));
const LEVEL2 = new Set(vocabulary.level2Names.map(normalizeLabel));

/** The column a header cell names, or undefined. "全年\n预算数" and "执行率(%)" are recognised. */
export function columnOf(header: string): ColumnKey | undefined {
  const t = normalizeLabel(header);
  if (t === '') return undefined;
  const exact = COLUMN_EXACT.get(t);
  if (exact) return exact;
  // "得分（分值×执行率）", "年度指标值（含单位）": a known word followed by a note in brackets
  // (most labels end in none, and are told so without the pattern).
  if (!t.endsWith(')')) return undefined;
  const bare = t.replace(/\(.*\)$/, '');
  return bare !== t ? COLUMN_EXACT.get(bare) : undefined;
}

/**
 * The points a 分值 or 得分 header states for its column ("得分（10分）", "得分(满分10分)",
 * "分值（满分10分）"): the weight of a fund block that has no 分值 column of its own. Undefined otherwise.
 */
export function pointsInHeader(header: string): number | undefined {
  const key = columnOf(header);
  if (key !== 'score' && key !== 'weight') return undefined;
  const m = /\((?:满分|分值)?(\d+(?:\.\d+)?)分\)$/.exec(normalizeLabel(header));
  return m?.[1] === undefined ? undefined : Number(m[1]);
}

/** Whether a text is a known header word or the start of one ("年初", "实际"), for joining. */
export function isHeaderPrefix(text: string): boolean {
  return HEADER_PREFIXES.has(normalizeLabel(text));
}

/** Words of a scoring rule (评分标准), which no header holds. */
const SCORING_RULE = /得满分|不得分|扣\d+(?:\.\d+)?分|按[^得]{0,8}得分|每[低高少多超]/;

/**
 * Whether a cell states how points are given (a 评分标准 cell: "达到目标得满分…", or a formula
 * outside brackets, "执行率×分值"): never an indicator's name.
 */
export function isScoringRule(text: string): boolean {
  const t = normalizeLabel(text);
  return SCORING_RULE.test(t) || /[×÷*＊]/.test(t.replace(/\([^()]*\)/g, ''));
}

/**
 * Splits header words that were run together ("评价指标指标名称目标值分值备注") by the longest
 * known word at each place. Returns undefined unless known words cover most of the text.
 */
export function segmentHeader(text: string): { word: string; key?: ColumnKey }[] | undefined {
  const t = normalizeLabel(text);
  // Most cells hold at most one header word: count them in one pass before segmenting.
  if (/[，。；]/.test(t) || (t.match(ANY_COLUMN_WORD) ?? []).length < 2) return undefined;
  // A scoring rule names columns too ("达到目标值得满分", "每低1个百分点扣0.5分"): no header.
  if (SCORING_RULE.test(t)) return undefined;
  // A formula outside brackets ("执行率×分值", "完成数÷目标数×分值") is a rule, not header words
  // run together ("得分(分值×执行率)" keeps its note in brackets).
  if (/[×÷*＊]/.test(t.replace(/\([^()]*\)/g, ''))) return undefined;
  // A definition in words (an 指标解释 cell: "全年执行数占全年预算数的比例") names columns in
  // a relation, not side by side.
  if (/占.+的?(?:比例|比重|比率)$|之比$/.test(t)) return undefined;
  const out: { word: string; key?: ColumnKey }[] = [];
  let unknown = '';
  let covered = 0;
  let i = 0;
  while (i < t.length) {
    const hit = COLUMN_WORDS.find((e) => t.startsWith(e.word, i));
    if (hit) {
      if (unknown) out.push({ word: unknown });
      unknown = '';
      out.push({ word: hit.word, key: hit.key });
      covered += hit.word.length;
      i += hit.word.length;
    } else {
      unknown += t[i] ?? '';
      i++;
    }
  }
  if (unknown) out.push({ word: unknown });
  // A unit note in brackets after a word ("权重(%)", "全年预算数(万元)") belongs to that word;
  // points after 得分 or 分值 ("得分(10分)") are kept with it, for the weight they state.
  const kept: typeof out = [];
  for (const [k, o] of out.entries()) {
    const before = kept.at(-1);
    if (
      !o.key &&
      before &&
      /^\(\d+(?:\.\d+)?分\)$/.test(o.word) &&
      pointsInHeader(before.word + o.word) !== undefined
    )
      before.word += o.word;
    else if (o.key || k === 0 || !/^\([^()]*\)$/.test(o.word)) kept.push(o);
  }
  return covered >= t.length * 0.6 && kept.filter((o) => o.key).length >= 2 ? kept : undefined;
}

/**
 * A target as its 指标性质/指标方向 cell and its value cell say it together: a sign cell (≥) is
 * written before the value; a direction (正向 ≥, 反向 ≤) gives the sign a bare figure lacks, and
 * says nothing when the value has its own sign or is no figure (健全, 定性).
 */
export function targetWithNature(nature: string | undefined, value: string): string {
  const n = (nature ?? '').trim();
  const direction = /^(?:正向|反向|定性|定量)(?:指标)?$/.exec(n);
  if (!direction) return `${n}${value}`;
  if (!/^\d/.test(normalizeDigits(value.trim()))) return value;
  return n.startsWith('正向') ? `≥${value}` : n.startsWith('反向') ? `≤${value}` : value;
}

/** The fund row a label names ("其中：当年财政拨款", "年度资金总额："), or undefined. */
export function fundRowOf(label: string): FundRowKey | undefined {
  const t = normalizeLabel(label).replace(/^[\d一二三四五六七八九十]+[、.．]/, '');
  // "按支出性质分：基本支出": the group's word before the row's own name.
  const grouped = /^([^：:]+)[：:](.+)$/.exec(t);
  const own = grouped?.[1] && grouped[2] && FUND_GROUPS.has(grouped[1]) ? grouped[2] : t;
  return FUND_EXACT.get(own);
}

const GENERIC_FUND = new Set(vocabulary.genericFundRows.map(normalizeLabel));

/** Whether a fund-row label is distinctive enough to recognise a fund block without its header. */
export function isDistinctiveFundRow(label: string): boolean {
  const t = normalizeLabel(label);
  return fundRowOf(t) !== undefined && !GENERIC_FUND.has(t);
}

/**
 * A row of the fund block that splits the money by what it was spent on (人员经费, 对个人和家庭的
 * 补助, 商品和服务支出): not a source of the total.
 */
export function isExpenditureLabel(label: string): boolean {
  return /经费|支出|费用?$|商品和服务|对个人|工资|福利/.test(normalizeLabel(label));
}

const FUND_GROUPS = new Set(vocabulary.fundGroupLabels.map(normalizeLabel));

/**
 * Whether a cell only groups the fund rows beside it, so the row's own name is the next cell: a
 * group word (按收入性质分), or a bare 其中 merged down beside 基本支出 and 项目支出.
 */
export function isFundGroupLabel(label: string): boolean {
  const t = normalizeLabel(label);
  return t === '其中' || FUND_GROUPS.has(t.replace(/^其中/, '')) || isRegionGroupLabel(t);
}

const FUND_REGIONS = new Set(vocabulary.fundRegionLabels.map(normalizeLabel));

/**
 * Whether a cell groups the fund rows beside it by place (分地区, 按区县分): the rows are a
 * second parting of the total, not sources beside the income rows.
 */
export function isRegionGroupLabel(label: string): boolean {
  return FUND_REGIONS.has(normalizeLabel(label).replace(/^其中/, ''));
}

const SPLIT_TOTALS = new Set(vocabulary.fundSplitTotals.map(normalizeLabel));
const SPLIT_PARTS = new Set(vocabulary.fundSplitParts.map(normalizeLabel));

const SPLIT_WORDS = [...SPLIT_TOTALS, ...SPLIT_PARTS].sort((a, b) => b.length - a.length);

/**
 * The sub-column words of a fund header run together in one cell ("合计中央补助地方资金"), longest
 * word first at each place; undefined unless known words cover the whole text.
 */
export function segmentFundSplitWords(text: string): string[] | undefined {
  const t = normalizeLabel(text);
  const out: string[] = [];
  let i = 0;
  while (i < t.length) {
    const word = SPLIT_WORDS.find((w) => t.startsWith(w, i));
    if (!word) return undefined;
    out.push(word);
    i += word.length;
  }
  return out.length > 0 ? out : undefined;
}

/**
 * What a cell under a spanning amount header says: 'total' for 合计, 'part' for a source (中央资金,
 * 地方, 省级资金), undefined for anything else.
 */
export function fundSplitWordOf(label: string): 'total' | 'part' | undefined {
  const t = normalizeLabel(label);
  return SPLIT_TOTALS.has(t) ? 'total' : SPLIT_PARTS.has(t) ? 'part' : undefined;
}

export function isTotalRow(label: string): boolean {
  return TOTAL_ROWS.has(normalizeLabel(label));
}

const SUBTOTAL_ROWS = new Set(vocabulary.subtotalRows.map(normalizeLabel));

/** Whether an indicator row's label says it carries its group's figures (小计, 产出指标小计). */
export function isSubtotalRow(label: string): boolean {
  return SUBTOTAL_ROWS.has(normalizeLabel(label)) || subtotalGroupOf(label) !== undefined;
}

/**
 * The group a 小计 row names ("产出指标小计", "小计（效益指标）", "满意度指标合计"), or undefined
 * when it names none.
 */
export function subtotalGroupOf(label: string): string | undefined {
  const t = normalizeLabel(label);
  const named = /^(.+?)(?:小计|合计)(?:得分)?$/.exec(t)?.[1] ?? /^小计\((.+)\)$/.exec(t)?.[1];
  return named !== undefined && indicatorLevelOf(named) !== undefined ? named : undefined;
}

/** Whether a group's name is the one a 小计 row names (产出 and 产出指标 are one group). */
export function sameGroupName(a: string, b: string): boolean {
  const bare = (x: string): string =>
    normalizeLabel(x)
      .replace(/\(?\d+(?:\.\d+)?分\)?$/, '')
      .replace(/指标$/, '');
  return bare(a) === bare(b);
}

/** 1 for a known first-level group name, 2 for a second-level one, undefined otherwise. */
export function indicatorLevelOf(name: string): 1 | 2 | undefined {
  const t = normalizeLabel(name).replace(/\(?\d+(?:\.\d+)?分\)?$/, '');
  if (LEVEL1.has(t) || LEVEL1.has(`${t}指标`)) return 1;
  if (LEVEL2.has(t) || LEVEL2.has(`${t}指标`)) return 2;
  return undefined;
}

const GROUP_NAMES = [...LEVEL1, ...LEVEL2];

/**
 * Whether a cell is the rest of a group name wrapped over lines in PDF text ("指标" under 产出,
 * "益指标" under 社会效, "象满意" under 服务对): inside a known group name but not its start (a
 * start, "社会效", is the group cell itself) and not a name of its own.
 */
export function isGroupContinuation(text: string): boolean {
  const t = normalizeLabel(text);
  if (t === '指标') return true;
  if (t.length < 2 || indicatorLevelOf(t) !== undefined) return false;
  return (
    GROUP_NAMES.some((name) => name.indexOf(t) > 0) &&
    !GROUP_NAMES.some((name) => name.startsWith(t))
  );
}

/**
 * The level of the known group name a cell starts ("社会效" of 社会效益指标, "可持续" of
 * 可持续影响指标): a group cell whose rest wrapped to the next line.
 */
export function groupLevelByStart(text: string): 1 | 2 | undefined {
  const t = normalizeLabel(text);
  if (t.length < 2) return undefined;
  const starts = (names: ReadonlySet<string>): boolean =>
    [...names].some((name) => name.length > t.length && name.startsWith(t));
  return starts(LEVEL2) ? 2 : starts(LEVEL1) ? 1 : undefined;
}

export interface TemplateMatch {
  template: TableTemplate;
  /** 0–1: share of the template's columns and marks found. */
  confidence: number;
}

/**
 * The template whose columns and marks the table shows best. Below 0.5 the caller says that no
 * known layout matched instead of guessing.
 */
export function matchTemplate(
  columns: ReadonlySet<ColumnKey>,
  text: string,
  kindHint: 'department' | 'project' | undefined,
): TemplateMatch | undefined {
  const flat = normalizeLabel(text);
  let best: TemplateMatch | undefined;
  for (const template of TABLE_TEMPLATES) {
    const cols =
      template.signature.filter((c) => columns.has(c)).length / template.signature.length;
    const marks =
      template.marks.length === 0
        ? 0
        : template.marks.filter((m) => flat.includes(normalizeLabel(m))).length /
          template.marks.length;
    let confidence = 0.7 * cols + 0.3 * marks;
    if (kindHint && kindHint !== template.kind) confidence *= 0.6;
    confidence = Math.round(confidence * 100) / 100;
    if (!best || confidence > best.confidence) best = { template, confidence };
  }
  return best;
}

/** The labels standing above a 自评表's header ("项目名称：…", "主管部门：…"), as a pattern's source. */
export const TABLE_FIELD_LABELS =
  '项目名称|主管部门|实施单位|部门名称|预算部门名称|单位名称|项目资金';

/**
 * The fields a table or report is signed off with ("填表人：", "填报日期：", "单位负责人签字："), as a
 * pattern's source; each reader adds its own anchoring.
 */
export const SIGN_OFF_FIELD =
  '(?:填表人|填报人|单位负责人|审核人|填报日期|填表日期|联系电话)(?:签字|签章)?';

/** A page's number ("第 2 页，共 3 页"; up to three digits), as a pattern's source. */
export const PAGE_NUMBERED =
  '第\\s*[\\d０-９]{1,3}\\s*页(?:\\s*[，,]?\\s*共\\s*[\\d０-９]{1,3}\\s*页)?';
/** A page's number between dashes ("—3—", "- 3 -" where `spaced`), as a pattern's source. */
export const dashedPage = (spaced: boolean): string =>
  spaced ? '[—－–-]+\\s*[\\d０-９]{1,3}\\s*[—－–-]+' : '[—－–-]+[\\d０-９]{1,3}[—－–-]+';
