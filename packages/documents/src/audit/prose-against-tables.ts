import { comparePercent, formatFen, formatPercent, parsePercent } from '@jixiao/domain';
import type {
  Amount,
  Finding,
  FindingCategory,
  FundRow,
  FundSourceRow,
  IndicatorNode,
  Percent,
} from '@jixiao/domain';
import type { ExtractedReport } from '../extract/extract-evaluation.ts';
import type { Claim, Statement } from '../extract/claims.ts';
import { normalizeLabel } from '../extract/table-vocabulary.ts';
import { excerptOf, squash } from '../extract/text.ts';
import type { Block } from '../read/block.ts';
import { figureIn } from '../extract/list-header.ts';
import { listGrids, TOTAL_ROW } from './list-tables.ts';
import { commonRun, swappedNeighbours } from './figure-match.ts';
import { str } from './message-params.ts';
import type { Params } from './message-params.ts';

/**
 * Figures the narrative states again, without the amounts they come from, against the 自评表 of
 * the same report: the execution rate ("部门预算执行率为97.62%"), the 三公经费 or 公用经费 spent against the
 * actual of the indicator that controls it, a group's score ("产出指标分值50分，得分49.8分")
 * against its leaves, and a leaf's 扣D分 against its 分值 and 得分. All warnings: the sentence
 * may speak of something the table does not hold.
 */
export type ProseTableCode =
  | 'DOC_CROSS_TABLE_VALUE'
  | 'DOC_SCORE_GROUP_TABLE'
  | 'DOC_SCORE_DEDUCTION_TABLE'
  | 'DOC_SCORE_TOTAL_TABLE'
  | 'DOC_SCORE_MISSED_TABLE';

const CATEGORY: Record<ProseTableCode, FindingCategory> = {
  DOC_CROSS_TABLE_VALUE: 'cross-section',
  DOC_SCORE_GROUP_TABLE: 'score-subtotal',
  DOC_SCORE_DEDUCTION_TABLE: 'deduction',
  DOC_SCORE_TOTAL_TABLE: 'total',
  DOC_SCORE_MISSED_TABLE: 'score-rule',
};

function message(code: ProseTableCode, p: Params): string {
  switch (code) {
    case 'DOC_CROSS_TABLE_VALUE':
      return `${str(p, 'label')}在正文为${str(p, 'stated')}，在${str(p, 'table')}为${str(p, 'expected')}，前后不一致`;
    case 'DOC_SCORE_GROUP_TABLE':
      return `“${str(p, 'what')}”在正文得${str(p, 'stated')}分，自评表中${str(p, 'how')}为${str(p, 'expected')}分，前后不一致`;
    case 'DOC_SCORE_DEDUCTION_TABLE':
      return `“${str(p, 'what')}”在正文写扣${str(p, 'stated')}分，自评表中分值${str(p, 'weight')}分、得分${str(p, 'score')}分，应扣${str(p, 'expected')}分`;
    case 'DOC_SCORE_TOTAL_TABLE':
      return `自评总分在正文为${str(p, 'stated')}分，在${str(p, 'table')}“总分”行为${str(p, 'expected')}分，前后不一致`;
    case 'DOC_SCORE_MISSED_TABLE':
      return `“${str(p, 'what')}”正文写明完成${str(p, 'actual')}，未达到${str(p, 'target')}的目标，自评表却给满分${str(p, 'stated')}分（按完成比例约为${str(p, 'expected')}分；报告未写明计分办法，请核实）`;
  }
}

function finding(code: ProseTableCode, s: Statement, focus: string, params: Params): Finding {
  const f: Finding = {
    code,
    category: CATEGORY[code],
    severity: 'warning',
    message: message(code, params),
    path: 'chapters',
    params,
    line: s.line,
    excerpt: excerptOf(s.raw, focus),
  };
  const stated = params['stated'];
  const expected = params['expected'];
  if (stated !== undefined && stated !== null) f.stated = String(stated);
  if (expected !== undefined && expected !== null) f.expected = String(expected);
  return f;
}

/** A short numbered heading: "（二）高水平专业群建设项目", "三、存在的问题", "1.数量指标". */
const NUMBERED_HEADING =
  /^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、](?!\d))(.{2,30}?)[。：:]?$/;
/** A chapter heading ("三、存在的问题") ends a project's section. */
const CHAPTER_HEADING = /^[一二三四五六七八九十]{1,3}、/;
/** A heading of the goals set ("（三）部门年度绩效目标"), not of how they were met. */
const GOALS_HEADING = /目标(?:设定|设置)?(?:情况)?$/;
const MET_WORDS = /完成|实现|执行|结果|效果|达成/;
/** A heading of the goals set for the year by name ("项目年度目标", "年度绩效目标"). */
const YEAR_GOALS = /年度(?:绩效)?目标/;

/** What the heading a block stands under says of its figures. */
export interface Section {
  /** The project of a report on several projects, each under a heading of its own. */
  project: string | undefined;
  /** The goals set for the year: every figure there is a plan ("完成老旧小区改造12个"). */
  goals: boolean;
}

/** The section of each block, by block index. */
export function sectionsOf(blocks: readonly Block[]): Section[] {
  const out: Section[] = [];
  let project: string | undefined;
  let goals = false;
  // Under a chapter of the goals' completion ("三、绩效目标完成情况"), "（一）产出目标" is what was
  // done towards them, not the goals set.
  let chapterMet = false;
  for (const b of blocks) {
    if (b.kind !== 'table') {
      const text = squash(b.text);
      const m = text.length <= 40 ? NUMBERED_HEADING.exec(text) : null;
      const title = m?.[1];
      if (title) {
        const chapter = CHAPTER_HEADING.test(text);
        if (chapter) chapterMet = MET_WORDS.test(title);
        // "（一）项目年度目标" there names the goals set all the same.
        goals =
          GOALS_HEADING.test(title) &&
          !MET_WORDS.test(title) &&
          (chapter || !chapterMet || YEAR_GOALS.test(title));
        if (/项目$/.test(title)) project = title;
        else if (chapter) project = undefined;
      }
    }
    out.push({ project, goals });
  }
  return out;
}

/** The fund row and indicator tree the narrative speaks of, when the report has one such table. */
function tableOf(report: ExtractedReport):
  | {
      total: FundRow | undefined;
      sources: FundSourceRow[];
      indicators: IndicatorNode[];
      name: string;
    }
  | undefined {
  const e = report.evaluation;
  if (e.kind === 'project') {
    // With several project tables the narrative's figures may be of any of them, or all.
    if (report.otherProjects.length > 0) return undefined;
    return {
      total: e.funds.total,
      sources: e.funds.sources ?? [],
      indicators: e.indicators,
      name: '项目支出绩效自评表',
    };
  }
  // A report taken for a department's whose one table is a project's or a transfer's (a 区域
  // report): that table is the report's own.
  const only =
    report.selfEvaluationTables.length === 1 ? report.selfEvaluationTables[0] : undefined;
  const table = report.selfEvaluationTables.find((t) => t.kind === 'department') ?? only;
  if (!table) return undefined;
  return {
    total: table.funds.total,
    sources: table.funds.sources ?? [],
    indicators: table.kind === 'department' ? e.indicators : table.indicators,
    name: '自评表',
  };
}

/** The year a statement speaks of up to `at` (its last four-digit year before), if it names one. */
function yearBefore(s: Statement, at: number): string | undefined {
  let year: string | undefined;
  for (const m of s.text.slice(0, at).matchAll(/((?:19|20)\d{2})年/g)) year = m[1];
  return year;
}

/** A date of the year other than its end (截至6月底, 上半年, 前三季度): a rate of progress. */
const PART_OF_YEAR = /(?<!\d)(?:[1-9]|1[01])月|上半年|季度|年中/;
/** Last year's, or a comparison's. */
const OTHER_TIME = /上年|去年|同期|上一年|以前年度/;
/** Words of a target: "执行率达到90%以上", "不低于95%". */
const TARGET_AFTER = /^(?:以上|以下|左右|以内|的目标|目标)/;
const TARGET_BEFORE = /不低于|不少于|不高于|力争|确保|要求|目标|应达到?|须达到?/;
/** The owner and scope words around a rate of the whole ("我局2024年度部门预算执行率"). */
const WHOLE_RATE_WORDS =
  /^(?:经综合评价|综合|其中|我(?:局|院|校|委|办|单位|部门|街道|镇|乡|中心|站|所|县|市|区)|本(?:单位|部门|项目|年度)|全(?:局|院|镇|乡|市|县|区|年)|部门整体|部门|单位|整体|年度|总体|项目资金|项目|资金|预算|全年)+/;

function wholeRate(c: Claim): boolean {
  const name = c.name.replace(/(?:19|20)\d{2}年度?/g, '').replace(/[“”"]/g, '');
  return name.replace(WHOLE_RATE_WORDS, '') === '执行率';
}

/** Whether a stated percentage agrees with a table's rate, stated or computed from its amounts. */
function agreesWithRow(stated: Percent, row: FundRow): boolean | undefined {
  const tableRate = row.statedRate;
  const computed =
    row.budget && row.executed && row.budget.fen > 0
      ? comparePercent(stated, row.executed.fen, row.budget.fen)
      : undefined;
  if (!tableRate && !computed) return undefined;
  const half = 0.5 * 10 ** -stated.decimals + 1e-9;
  if (tableRate && Math.abs(tableRate.value - stated.value) <= half) return true;
  // Read at the table's own precision: 97.6% for a table's 97.62%.
  if (tableRate && tableRate.decimals > stated.decimals) {
    const f = 10 ** stated.decimals;
    if (Math.abs(Math.round(tableRate.value * f) / f - stated.value) < 1e-9) return true;
  }
  return computed !== undefined && computed.agreement !== 'wrong';
}

function restatedRates(
  statements: readonly Statement[],
  sections: readonly Section[],
  total: FundRow,
  tableName: string,
  reportYear: string,
): Finding[] {
  const out: Finding[] = [];
  for (const s of statements) {
    if (sections[s.block]?.goals) continue;
    for (const c of s.claims) {
      if (c.kind !== 'percent' || c.approximate || !/执行率(?:为|达到?|是)?$/.test(c.clause))
        continue;
      if (!wholeRate(c)) continue;
      // A rate with its amounts in its own sentence is checked on them.
      if (s.claims.some((x) => x.kind === 'money' && x.end <= c.at)) continue;
      const before = s.text.slice(0, c.at);
      if (PART_OF_YEAR.test(before) || OTHER_TIME.test(before)) continue;
      const year = yearBefore(s, c.at);
      if (year !== undefined && reportYear !== '' && year !== reportYear) continue;
      if (TARGET_AFTER.test(s.text.slice(c.end)) || TARGET_BEFORE.test(c.clause)) continue;
      const stated = parsePercent(`${c.number}%`);
      if (!stated) continue;
      if (agreesWithRow(stated, total) !== false) continue;
      const expected =
        total.statedRate?.text ??
        (total.budget && total.executed
          ? formatPercent((total.executed.fen / total.budget.fen) * 100, stated.decimals)
          : '');
      out.push(
        finding('DOC_CROSS_TABLE_VALUE', s, c.number, {
          label: '预算执行率',
          stated: `${c.number}%`,
          expected,
          table: tableName,
        }),
      );
    }
  }
  return out;
}

const leavesOf = (nodes: readonly IndicatorNode[]): IndicatorNode[] =>
  nodes.flatMap((n) => (n.children && n.children.length > 0 ? leavesOf(n.children) : [n]));

/** A table's amount with its unit, as written ("2048.67万元", "20486720.00元"). */
const tableFigure = (a: Amount): string => {
  const written = a.text ?? formatFen(a.fen, a.unit);
  return /元$/.test(written) ? written : `${written}${a.unit}`;
};

/** 分 of an amount stated in a quantity cell (7.86万元), or undefined for any other unit. */
function fenOfQuantity(value: number, unit: string): number | undefined {
  if (unit === '万元') return Math.round(value * 1_000_000);
  if (unit === '元') return Math.round(value * 100);
  return undefined;
}

/**
 * The spending an indicator may control ("“三公”经费控制", "公用经费控制" with an actual in 万元):
 * its name in a leaf and in prose, what the prose calls it, and the items a sentence about it may
 * go on to (an item's amount is not the whole's).
 */
const CONTROLLED: readonly { word: string; label: string; items: RegExp }[] = [
  { word: '三公经费', label: '“三公”经费', items: /公务用车|公务接待|出国|购置|运行维护|其中/ },
  { word: '公用经费', label: '公用经费', items: /办公|水电|差旅|会议|培训|物业|其中/ },
];
/** A bare word of spending, said after the name of what was spent. */
const SPENT = /^(?:全年|本年|当年)?(?:实际)?(?:支出|决算)(?:数|合计|共计)?$/;
const NOT_SPENT = /预算|安排|计划|控制|上年|去年|同期|较|比|减少|增加|下降|增长|节约|压减|以内/;

/** Each controlled spending stated in prose against the actual of the leaf that controls it. */
function controlledAgainstIndicators(
  statements: readonly Statement[],
  sections: readonly Section[],
  indicators: readonly IndicatorNode[],
  reportYear: string,
  blocks: readonly Block[],
): Finding[] {
  return CONTROLLED.flatMap((kind) =>
    spendingAgainstIndicator(
      kind,
      statements,
      sections,
      indicators,
      reportYear,
      listedTotal(kind, blocks),
    ),
  );
}

/** The three items of the “三公”经费 a table of them lists, one a row. */
const SAN_GONG_ITEMS = [/因公出国/, /公务用车/, /公务接待/] as const;

/**
 * The 合计 spent of a table listing the items of a controlled spending (因公出国（境）费 | 公务用车
 * 购置及运行维护费 | 公务接待费 | 合计, under 决算数 or 支出): the whole the prose restates.
 */
function listedTotal(
  kind: { word: string },
  blocks: readonly Block[],
): { fen: number; text: string } | undefined {
  if (kind.word !== '三公经费') return undefined;
  const found: { fen: number; text: string }[] = [];
  for (const { grid, header } of listGrids(blocks)) {
    const nameAt = header.columns.get('name') ?? 0;
    const spentAt = header.columns.get('executed');
    if (spentAt === undefined) continue;
    const names = grid.rows.slice(header.row + 1).map((r) => squash(r[nameAt] ?? ''));
    if (!SAN_GONG_ITEMS.every((item) => names.some((n) => item.test(n)))) continue;
    const total = grid.rows
      .slice(header.row + 1)
      .find((r) => TOTAL_ROW.test(squash(r[nameAt] ?? '')));
    const figure = figureIn(total?.[spentAt]);
    if (figure === undefined) continue;
    const unit = header.units.get('executed') ?? '万元';
    const fen = fenOfQuantity(Number(figure), unit);
    if (fen !== undefined) found.push({ fen, text: `${figure}${unit}` });
  }
  const first = found[0];
  return first && found.every((f) => f.fen === first.fen) ? first : undefined;
}

function spendingAgainstIndicator(
  kind: { word: string; label: string; items: RegExp },
  statements: readonly Statement[],
  sections: readonly Section[],
  indicators: readonly IndicatorNode[],
  reportYear: string,
  listed: { fen: number; text: string } | undefined,
): Finding[] {
  const actuals: { fen: number; text: string }[] = [];
  for (const leaf of leavesOf(indicators)) {
    // The spending itself ("公用经费控制"), not a rate of it per head ("小学生均公用经费").
    const name = leaf.name.replace(/[“”"]/g, '');
    const at = name.indexOf(kind.word);
    if (at < 0 || /[均每]$/.test(name.slice(0, at))) continue;
    const a = leaf.actual;
    if (a?.kind !== 'quantity' || a.value === undefined || a.unit === undefined) continue;
    const fen = fenOfQuantity(a.value, a.unit);
    if (fen !== undefined) actuals.push({ fen, text: a.text });
  }
  // With no such actual, the 合计 of a table listing its items; with two that differ, the
  // tables say nothing one figure can contradict.
  if (actuals.length === 0 && listed) actuals.push(listed);
  const first = actuals[0];
  if (!first || actuals.some((a) => a.fen !== first.fen)) return [];
  const fromList = first === listed;
  const own = new RegExp(`${kind.word}(?:支出|实际支出|决算数?|合计|共计|总额)?$`);
  const out: Finding[] = [];
  for (const s of statements) {
    if (sections[s.block]?.goals) continue;
    for (const c of s.claims) {
      if (c.kind !== 'money' || c.approximate || c.depth > 0 || c.role === 'budget') continue;
      const name = c.name.replace(/[“”"]/g, '');
      if (NOT_SPENT.test(c.clause)) continue;
      // The whole of it, not one of its items ("三公经费中公务接待费"); or what was spent in a
      // sentence about it ("“三公”经费年初预算6.50万元，全年实际支出5.74万元").
      const before = s.text.slice(0, c.at).replace(/[“”"]/g, '');
      const ofSentence =
        SPENT.test(name) &&
        before.includes(kind.word) &&
        !kind.items.test(before.slice(before.lastIndexOf(kind.word) + kind.word.length));
      if (!own.test(name) && !ofSentence) continue;
      const year = yearBefore(s, c.at);
      if (year !== undefined && reportYear !== '' && year !== reportYear) continue;
      if (Math.abs(c.value - first.fen) <= Math.max(c.step, 5_000)) continue;
      out.push(
        finding('DOC_CROSS_TABLE_VALUE', s, c.number, {
          label: kind.label,
          stated: `${c.number}${c.unit}`,
          expected: first.text,
          table: fromList ? '“三公”经费表（合计）' : '自评表（实际完成值）',
        }),
      );
    }
  }
  return out;
}

/** The core of a source's name: "其中：中央补助" and "中央资金支出" are both 中央. */
const sourceCore = (name: string): string =>
  name
    .replace(/[“”"\s]/g, '')
    .replace(/^其中[：:]?/, '')
    .replace(/(?:全年|实际|累计)*(?:支出|执行数?|使用|拨付)(?:金额|数)?$/, '')
    .replace(/(?:补助|补贴|配套)?(?:资金|经费)?$/, '');

/**
 * "中央资金支出28,142.06万元" against the 全年执行数 of the table's source row of that name
 * (其中：中央补助), and a source's plan against its 全年预算数.
 */
function sourcesAgainstTable(
  statements: readonly Statement[],
  sections: readonly Section[],
  sources: readonly FundSourceRow[],
  tableName: string,
  reportYear: string,
): Finding[] {
  const rows = new Map<string, FundSourceRow>();
  for (const r of sources) {
    const core = sourceCore(r.name);
    if (core.length >= 2) rows.set(core, r);
  }
  if (rows.size === 0) return [];
  const out: Finding[] = [];
  for (const s of statements) {
    if (sections[s.block]?.goals) continue;
    for (const c of s.claims) {
      if (c.kind !== 'money' || c.approximate || c.role === '') continue;
      const row = rows.get(sourceCore(c.name));
      const amount = c.role === 'actual' ? row?.executed : row?.budget;
      if (!row || !amount) continue;
      if (/上年|去年|同期|较|比|减少|增加|下降|增长|结转|结余/.test(c.clause)) continue;
      const year = yearBefore(s, c.at);
      if (year !== undefined && reportYear !== '' && year !== reportYear) continue;
      // Money of any unit is in 分: "2731000.00元" and a table's 273.10 (万元) are one amount.
      if (Math.abs(c.value - amount.fen) <= Math.max(c.step, 5_000)) continue;
      out.push(
        finding('DOC_CROSS_TABLE_VALUE', s, c.number, {
          label: `${row.name.replace(/^其中[：:]?/, '')}${c.role === 'actual' ? '全年执行数' : '全年预算数'}`,
          stated: `${c.number}${c.unit}`,
          expected: tableFigure(amount),
          table: tableName,
        }),
      );
    }
  }
  return out;
}

/** What a quantity's name ends with that its prose leaves out: "新建堤防长度" is "新建堤防12公里". */
const MEASURE_WORD =
  /(?:长度|里程|面积|数量|人数|次数|人次|批次|户数|场次|个数|规模|总量|总数|数)$/;
/**
 * A name that opens with what was done to the thing counted ("改造老旧小区") is written the other
 * way round in prose as often ("完成老旧小区改造23个").
 */
const DONE_FIRST =
  /^(改造|新建|建设|维修|修缮|治理|培训|救助|资助|发放|举办|实施|新增|种植|抽检|检查|接种|安装|铺设|硬化|配备|购置|整治|修复|造林)(\p{Script=Han}{2,})$/u;
/** Words that name those a measure reaches, one for the other: 受益学生 is 惠及学生. */
const REACHED = /^(受益|惠及)(\p{Script=Han}{2,})$/u;

/** A verb of getting done that opens a name ("完成危房改造户数"): prose may put words after it. */
const DONE_VERB = /^(?:完成|实现|开展)(?=\p{Script=Han}{3,}$)/u;

/** The ways prose may write a leaf's name before its figure. */
function coreForms(name: string): string[] {
  // "完成危房改造" is written "完成农村危房改造438户": the name without its verb is looked for.
  const core = name.replace(DONE_VERB, '');
  const forms = [core];
  const done = DONE_FIRST.exec(core);
  if (done) forms.push(`${done[2]}${done[1]}`);
  const reached = REACHED.exec(core);
  if (reached) forms.push(`${reached[1] === '受益' ? '惠及' : '受益'}${reached[2]}`);
  return forms;
}

/** Words before a figure, in its part of the sentence, that make it a target or a forecast. */
// 计划 ending its clause is a programme's name ("实施营养改善计划，惠及学生…"), not a plan.
const PLANNED_BEFORE = /目标|计划(?![，,。；;、）)”])|力争|不低于|不少于|确保|预计|拟|将要/;
/** Words in a figure's clause that make it a comparison or a total of several years. */
const NOT_THE_YEARS = /较|比上年|同比|上年|去年|累计|以来/;

/** How many decimals a figure is written with ("76.8%" → 1). */
const decimalsOf = (figure: string): number => /\.(\d+)/.exec(figure)?.[1]?.length ?? 0;

/** A quantity in the unit of a count or a length (万 of it allowed), as a number of base units. */
function baseQuantity(value: number, unit: string): { value: number; unit: string } {
  return unit.startsWith('万') && unit.length > 1
    ? { value: value * 10_000, unit: unit.slice(1) }
    : { value, unit };
}

/**
 * A leaf's actual restated in prose under the name the table gives it ("新建堤防12.4公里" against
 * 新建堤防长度 | ≥14公里 | 14.2公里): a figure in the same unit that differs, not said as a target,
 * a comparison or a total of several years, is a warning.
 */
function actualsAgainstTable(
  statements: readonly Statement[],
  sections: readonly Section[],
  indicators: readonly IndicatorNode[],
  reportYear: string,
  rateByAmounts: boolean,
): Finding[] {
  const leaves = leavesOf(indicators).flatMap((leaf) => {
    if (rateByAmounts && leaf.name.replace(WHOLE_RATE_WORDS, '') === '执行率') return [];
    const actual = leaf.actual;
    if (actual?.kind !== 'quantity' || actual.unit === '' || /元/.test(actual.unit)) return [];
    const core = normalizeLabel(leaf.name).replace(MEASURE_WORD, '');
    if (core.length < 3 || /[^\p{Script=Han}]/u.test(core)) return [];
    // A rate ("高血压患者规范管理率 | ≥80% | 76.8%") is restated as a percentage: only a name
    // that says it is a rate, so that a share of something else is never taken for it.
    const percent = /^[%％]$/.test(actual.unit);
    if (percent && !/率$/.test(core)) return [];
    if (!percent && /%|％/.test(actual.unit)) return [];
    const unit = percent ? '%' : actual.unit;
    return [{ leaf, core, actual: baseQuantity(actual.value, unit), text: actual.text, percent }];
  });
  if (leaves.length === 0) return [];
  const out: Finding[] = [];
  for (const s of statements) {
    if (sections[s.block]?.goals) continue;
    out.push(...transposedActuals(s, leaves, reportYear));
    for (const { leaf, core: name, actual, text, percent } of leaves) {
      const core = coreForms(name).find((form) => s.text.includes(form));
      if (core === undefined) continue;
      const at = s.text.indexOf(core);
      const m = (
        percent
          ? /^[为达到了共计]{0,3}(\d{1,3}(?:\.\d+)?)([%％])/u
          : /^[为达到了共计]{0,3}(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(万?[\p{Script=Han}]{1,3})/u
      ).exec(s.text.slice(at + core.length));
      if (!m) continue;
      const stated = baseQuantity(
        Number((m[1] ?? '').replace(/,/g, '')),
        percent ? '%' : (m[2] ?? ''),
      );
      if (stated.unit !== actual.unit) continue;
      const after = s.text.slice(at + core.length + m[0].length);
      if (/^(?:以上|以下|左右|以内|的目标)/.test(after)) continue;
      const clauseStart = Math.max(
        0,
        ...['，', ',', '；', ';', '。'].map((p) => s.text.lastIndexOf(p, at) + 1),
      );
      const end = at + core.length + m[0].length;
      // A target's words, or a date within the year, govern the part of the sentence they open.
      const partStart = Math.max(0, ...['；', ';', '。'].map((p) => s.text.lastIndexOf(p, at) + 1));
      const part = s.text.slice(partStart, end);
      if (PLANNED_BEFORE.test(part) || PART_OF_YEAR.test(part)) continue;
      if (NOT_THE_YEARS.test(s.text.slice(clauseStart, end))) continue;
      const year = yearBefore(s, at);
      if (year !== undefined && reportYear !== '' && year !== reportYear) continue;
      if (Math.abs(stated.value - actual.value) < 1e-6 * Math.max(1, actual.value)) continue;
      // A rate written with fewer decimals in one place than the other (92% and 92.4%) agrees.
      if (percent) {
        const decimals = Math.min(decimalsOf(m[1] ?? ''), decimalsOf(text));
        if (Math.abs(stated.value - actual.value) <= 0.5 * 10 ** -decimals + 1e-9) continue;
      }
      out.push(
        finding('DOC_CROSS_TABLE_VALUE', s, m[1] ?? core, {
          label: `“${leaf.name}”实际完成值`,
          stated: `${m[1]}${m[2]}`,
          expected: text,
          table: '自评表',
        }),
      );
    }
  }
  return out;
}

/** Whether two figures differ only by two neighbouring digits swapped ("7,182" and "7,128"). */
function swappedDigits(a: string, b: string): boolean {
  const x = a.replace(/[^\d]/g, '');
  const y = b.replace(/[^\d]/g, '');
  return x.length >= 3 && swappedNeighbours(x, y);
}

/**
 * "资助义务教育阶段寄宿生7,182人" against 义务教育寄宿生生活费补助人数 | 7,128人: a count in prose
 * named otherwise than its leaf, sharing a run of four characters of the leaf's name, in the same
 * unit, whose digits are the leaf's actual with two neighbours swapped, is that actual mistyped
 * (not a target, a comparison or another year's figure).
 */
function transposedActuals(
  s: Statement,
  leaves: readonly {
    leaf: IndicatorNode;
    core: string;
    actual: { value: number; unit: string };
    text: string;
    percent: boolean;
  }[],
  reportYear: string,
): Finding[] {
  const out: Finding[] = [];
  for (const c of s.claims) {
    if (c.kind !== 'count' || c.approximate) continue;
    const stated = baseQuantity(c.value, c.unit);
    const partStart = Math.max(0, ...['；', ';', '。'].map((p) => s.text.lastIndexOf(p, c.at) + 1));
    const clauseStart = Math.max(
      0,
      ...['，', ',', '；', ';', '。', '、'].map((p) => s.text.lastIndexOf(p, c.at) + 1),
    );
    const clause = s.text.slice(clauseStart, c.at);
    if (PLANNED_BEFORE.test(s.text.slice(partStart, c.end)) || NOT_THE_YEARS.test(clause)) continue;
    if (PART_OF_YEAR.test(s.text.slice(partStart, c.end))) continue;
    const year = yearBefore(s, c.at);
    if (year !== undefined && reportYear !== '' && year !== reportYear) continue;
    for (const { leaf, core, actual, text, percent } of leaves) {
      if (percent || stated.unit !== actual.unit) continue;
      if (!Number.isInteger(stated.value) || !Number.isInteger(actual.value)) continue;
      if (!swappedDigits(String(stated.value), String(actual.value))) continue;
      if (coreForms(core).some((form) => s.text.includes(form)) || commonRun(clause, core) < 4)
        continue;
      out.push(
        finding('DOC_CROSS_TABLE_VALUE', s, c.number, {
          label: `“${leaf.name}”实际完成值`,
          stated: c.text,
          expected: text,
          table: '自评表',
        }),
      );
    }
  }
  return out;
}

/** The core of a project's name: "城乡医疗救助资金" and "城乡医疗救助项目" are both 城乡医疗救助. */
const projectCore = (name: string): string =>
  name.replace(/[“”"《》\s]/g, '').replace(/(?:项目)?(?:补助|专项)?(?:资金|经费)?(?:项目)?$/, '');

/**
 * A project's amount in prose ("包括：城乡医疗救助资金3,126.48万元，…") against the project table
 * of that name attached to a department's report: an amount that is none of the table's 年初预算数,
 * 全年预算数 and 全年执行数 is a restatement gone wrong. Only a name that is the project's own
 * (not a part of it: "救助资金中资助参保支出…") is held against it.
 */
function projectsAgainstTables(
  report: ExtractedReport,
  statements: readonly Statement[],
  sections: readonly Section[],
  reportYear: string,
): Finding[] {
  if (report.evaluation.kind !== 'department') return [];
  const tables = new Map<string, FundRow>();
  for (const t of report.selfEvaluationTables) {
    const core = t.kind === 'project' && t.projectName ? projectCore(t.projectName) : '';
    if (core.length >= 4 && t.funds.total?.executed) tables.set(core, t.funds.total);
  }
  if (tables.size === 0) return [];
  const out: Finding[] = [];
  for (const s of statements) {
    if (sections[s.block]?.goals) continue;
    for (const c of s.claims) {
      if (c.kind !== 'money' || c.approximate) continue;
      const row = tables.get(projectCore(c.name));
      if (!row?.executed) continue;
      if (/上年|去年|同期|较|比|减少|增加|下降|增长|结转|结余|追加|调减|调增/.test(c.clause))
        continue;
      const year = yearBefore(s, c.at);
      if (year !== undefined && reportYear !== '' && year !== reportYear) continue;
      const near = (a: { fen: number } | undefined): boolean =>
        a !== undefined && Math.abs(c.value - a.fen) <= Math.max(c.step, 5_000);
      if (near(row.executed) || near(row.budget) || near(row.initialBudget)) continue;
      const planned = c.role === 'budget' && row.budget;
      const amount = planned ? row.budget : row.executed;
      out.push(
        finding('DOC_CROSS_TABLE_VALUE', s, c.number, {
          label: `${c.name}${planned ? '全年预算数' : '全年执行数'}`,
          stated: `${c.number}${c.unit}`,
          expected: amount ? tableFigure(amount) : '',
          table: '项目支出绩效自评表',
        }),
      );
    }
  }
  return out;
}

const NUM = '(\\d+(?:\\.\\d+)?)';

/**
 * "大型设备使用率76.4%，低于80%的年度目标", "…，未达到95%的目标": what a leaf did against a target
 * the prose states for it, right after the leaf's name (group 1 the actual, 2 its unit, 3 the
 * target, 4 its unit).
 */
const BELOW_TARGET = new RegExp(
  `^(?:为|达到?|是)?${NUM}(%|％|[\\u4e00-\\u9fa5]{1,3})[，,](?:低于|未达到?|未能达到)(?:年度目标值?|目标值?)?${NUM}(%|％|[\\u4e00-\\u9fa5]{1,3}?)的?(?:年度|预期)?目标`,
);

/**
 * A leaf of the 自评表 given its full weight while the prose says it fell short of a target it
 * names ("大型设备使用率76.4%，低于80%的年度目标"), where the table states no target or no actual of
 * its own to score it by: a missed target at full marks (a warning, as in prose alone).
 */
function missedInProse(
  statements: readonly Statement[],
  indicators: readonly IndicatorNode[],
): Finding[] {
  const out: Finding[] = [];
  for (const leaf of leavesOf(indicators)) {
    const { weight, score } = leaf;
    if (weight === undefined || score === undefined || Math.abs(weight - score) >= 0.005) continue;
    if (leaf.target !== undefined && leaf.actual !== undefined) continue;
    const name = bare(leaf.name);
    if (name.length < 4) continue;
    for (const s of statements) {
      const at = s.text.indexOf(name);
      if (at < 0) continue;
      const m = BELOW_TARGET.exec(s.text.slice(at + name.length));
      const actual = Number(m?.[1]);
      const target = Number(m?.[3]);
      const unit = m?.[2]?.replace('％', '%');
      if (!m || unit !== (m[4] ?? '').replace('％', '%') || !(actual < target) || target <= 0)
        continue;
      out.push(
        finding('DOC_SCORE_MISSED_TABLE', s, m[1] ?? '', {
          what: name,
          actual: `${m[1] ?? ''}${unit}`,
          target: `${m[3] ?? ''}${unit}`,
          stated: String(score),
          expected: String(round2((weight * actual) / target)),
        }),
      );
      break;
    }
  }
  return out;
}
/**
 * "产出指标分值50分，得分49.8分", "效益指标得分30分", "产出指标（50分），得48分", "产出指标（权重40分）得36分",
 * "…自评得分38.5分".
 */
const GROUP_SCORE = new RegExp(
  `([\\u4e00-\\u9fa5]{2,12}指标)(?:[（(](?:分值|满分|权重)?(?:为)?${NUM}分[）)])?[，,]?(?:(?:分值|满分|权重)(?:为)?${NUM}分[，,]?)?(?:实际|自评|最终)?得(?:分)?(?:为|是)?${NUM}分`,
  'g',
);
/** Words before a group's name that leave it the report's own group. */
const GROUP_LEAD = /^(?:其中|部门整体|部门|整体|本年度|年度|全年|项目|本项目)+/;
/** "…，扣1分": points a sentence says were lost. */
const DEDUCTED = new RegExp(`扣(?:除|减)?(?:了)?${NUM}分`, 'g');

const bare = (name: string): string =>
  normalizeLabel(name)
    .replace(/[（(][^（()）]*[）)]/g, '')
    .replace(/[“”"\s]/g, '');

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** A group's score as the table gives it: its own, else the sum of its leaves' (all scored). */
function tableScore(node: IndicatorNode): { value: number; how: string } | undefined {
  if (node.score !== undefined) return { value: node.score, how: '其得分' };
  const leaves = leavesOf([node]);
  if (leaves.length === 0 || leaves.some((l) => l.score === undefined)) return undefined;
  return { value: round2(leaves.reduce((a, l) => a + (l.score ?? 0), 0)), how: '其各项得分合计' };
}

function scoresAgainstTable(
  statements: readonly Statement[],
  indicators: readonly IndicatorNode[],
): Finding[] {
  const groups = new Map<string, IndicatorNode>();
  const walk = (nodes: readonly IndicatorNode[]): void => {
    for (const n of nodes) {
      if (!n.children || n.children.length === 0) continue;
      const name = bare(n.name);
      // Two groups of one name (数量指标 under two 一级): no telling which a sentence means.
      if (groups.has(name)) groups.set(name, { ...n, score: Number.NaN });
      else groups.set(name, n);
      walk(n.children);
    }
  };
  walk(indicators);
  const leaves = leavesOf(indicators).filter(
    (l) => l.weight !== undefined && l.score !== undefined,
  );
  const out: Finding[] = [];
  for (const s of statements) {
    // A group's score names the group (…指标) and what it got (得): most sentences hold neither.
    const scored = s.text.includes('指标') && s.text.includes('得');
    for (const m of scored ? s.text.matchAll(GROUP_SCORE) : []) {
      const name = (m[1] ?? '').replace(GROUP_LEAD, '');
      // "过程指标得分19.16分" of a table whose groups are named bare (决策 | 过程 | 产出 | 效益).
      const node = groups.get(name) ?? groups.get(name.replace(/指标$/, ''));
      const stated = Number(m[4]);
      if (!node || Number.isNaN(node.score ?? 0) || !Number.isFinite(stated)) continue;
      const table = tableScore(node);
      if (!table || Math.abs(table.value - stated) < 0.005) continue;
      out.push(
        finding('DOC_SCORE_GROUP_TABLE', s, m[4] ?? '', {
          what: name,
          stated: String(stated),
          expected: String(table.value),
          how: table.how,
        }),
      );
    }
    if (!s.text.includes('扣')) continue;
    for (const m of s.text.matchAll(DEDUCTED)) {
      // The leaf the clause names: its part of the sentence, back to the last ；or 。.
      const start = Math.max(s.text.lastIndexOf('；', m.index), s.text.lastIndexOf('。', m.index));
      const part = s.text.slice(start + 1, m.index);
      // Several named ("林农满意度91.6%，社会公众满意度88.0%，…，社会公众满意度扣0.32分"): the
      // points are the one named last before them (the longer name where one ends another).
      const reach = (l: IndicatorNode): number => {
        const n = bare(l.name);
        return n.length >= 4 && part.includes(n) ? part.lastIndexOf(n) + n.length : -1;
      };
      const named = leaves
        .filter((l) => reach(l) >= 0)
        .sort((a, b) => reach(b) - reach(a) || bare(b.name).length - bare(a.name).length);
      const [nearest, next] = named;
      const leaf =
        nearest && (!next || reach(next) < reach(nearest) || bare(next.name) !== bare(nearest.name))
          ? nearest
          : undefined;
      if (!leaf || leaf.weight === undefined || leaf.score === undefined) continue;
      const stated = Number(m[1]);
      const expected = round2(leaf.weight - leaf.score);
      if (Math.abs(expected - stated) < 0.005) continue;
      out.push(
        finding('DOC_SCORE_DEDUCTION_TABLE', s, `扣${m[1] ?? ''}分`, {
          what: bare(leaf.name),
          stated: String(stated),
          expected: String(expected),
          weight: String(leaf.weight),
          score: String(leaf.score),
        }),
      );
    }
  }
  return out;
}

/**
 * The evaluation's total in prose ("本项目2024年度绩效自评得分98.86分", "区域绩效自评得分99.89分",
 * "综合得分95分"), by words that name no indicator, in a clause that names none either.
 */
const WHOLE_TOTAL = new RegExp(
  `(?:绩效)?(?:自评|评价)(?:总)?得分(?:为|是)?${NUM}分|综合(?:自评|评价)?得分(?:为|是)?${NUM}分|总得分(?:为|是)?${NUM}分`,
  'g',
);
/** Points added, deducted or capped after the tree, or another year's or unit's total. */
const NOT_THE_TABLES = /加分|减分|封顶|折算|换算|调整后|上年|去年|上一年|分别|平均/;

/**
 * A project's or a transfer's total stated in the prose against the 总分 row of its one 自评表
 * (a department's total in prose is the evaluation's stated total, checked against its tree).
 */
function totalAgainstTable(report: ExtractedReport, statements: readonly Statement[]): Finding[] {
  if (report.evaluation.kind === 'department')
    return departmentTotalAgainstTable(report, statements);
  if (report.evaluation.kind !== 'project' || report.otherProjects.length > 0) return [];
  const tables = report.selfEvaluationTables.filter((t) => t.kind === 'project');
  const total = tables.length === 1 ? tables[0]?.statedTotal : undefined;
  if (!total) return [];
  const year = report.found.year ? String(report.evaluation.meta.year) : undefined;
  const out: Finding[] = [];
  for (const s of statements) {
    if (s.line === total.line || !s.text.includes('得分') || NOT_THE_TABLES.test(s.text)) continue;
    const years = [...s.text.matchAll(/((?:19|20)\d{2})年/g)].map((m) => m[1]);
    if (years.some((y) => y !== year)) continue;
    const found = [...s.text.matchAll(WHOLE_TOTAL)];
    if (found.length !== 1) continue;
    const m = found[0];
    if (!m) continue;
    // The clause the total stands in names no indicator nor another assessment ("满意度指标自评
    // 得分10分", "年度考核评价得分92分").
    const start = Math.max(
      s.text.lastIndexOf('，', m.index),
      s.text.lastIndexOf('；', m.index),
      s.text.lastIndexOf('。', m.index),
    );
    if (/指标|项目支出|分值|考核|测评|满意度|检查|验收|抽查/.test(s.text.slice(start + 1, m.index)))
      continue;
    const stated = Number(m[1] ?? m[2] ?? m[3]);
    if (!Number.isFinite(stated) || Math.abs(stated - total.value) < 0.005) continue;
    out.push(
      finding('DOC_SCORE_TOTAL_TABLE', s, m[0], {
        stated: String(stated),
        expected: String(total.value),
        table: '自评表',
      }),
    );
  }
  return out;
}

/**
 * A department's total in prose (its stated total, which its tree is checked against) against the
 * 总分 row of its one 部门整体 自评表: the table may say otherwise ("自评得分99分" … 总分 98).
 */
function departmentTotalAgainstTable(
  report: ExtractedReport,
  statements: readonly Statement[],
): Finding[] {
  const tables = report.selfEvaluationTables.filter((t) => t.kind === 'department');
  const table = tables.length === 1 ? tables[0]?.statedTotal : undefined;
  const prose = report.claimedTotal;
  if (!table || !prose || prose.line === table.line) return [];
  if (Math.abs(prose.value - table.value) < 0.005) return [];
  const s = statements.find((x) => x.line === prose.line && x.text.includes(String(prose.value)));
  if (!s) return [];
  return [
    finding('DOC_SCORE_TOTAL_TABLE', s, String(prose.value), {
      stated: String(prose.value),
      expected: String(table.value),
      table: '自评表',
    }),
  ];
}

/** The narrative's restated figures against the report's own 自评表. */
export function checkProseAgainstTables(
  report: ExtractedReport,
  statements: readonly Statement[],
  sections: readonly Section[],
): Finding[] {
  const reportYear = report.found.year ? String(report.evaluation.meta.year) : '';
  const projects = [
    ...projectsAgainstTables(report, statements, sections, reportYear),
    ...totalAgainstTable(report, statements),
  ];
  const table = tableOf(report);
  if (!table) return projects;
  return [
    ...projects,
    ...(table.total
      ? restatedRates(statements, sections, table.total, table.name, reportYear)
      : []),
    ...controlledAgainstIndicators(
      statements,
      sections,
      table.indicators,
      reportYear,
      report.document.blocks,
    ),
    ...actualsAgainstTable(
      statements,
      sections,
      table.indicators,
      reportYear,
      // The year's execution rate is restated against the fund row's amounts (a rate they give
      // truncated, 97.06% for 0.970687, agrees), not against the 实际完成值 of its indicator.
      table.total?.budget !== undefined && table.total.executed !== undefined,
    ),
    ...sourcesAgainstTable(statements, sections, table.sources, table.name, reportYear),
    ...scoresAgainstTable(statements, table.indicators),
    ...missedInProse(statements, table.indicators),
  ];
}
