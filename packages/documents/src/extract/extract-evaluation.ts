import { isListTable, rowCells } from './list-header.ts';
import { DepartmentEvaluation, digitYears, ProjectEvaluation } from '@jixiao/domain';
import type {
  Adjustment,
  BaseData,
  Chapter,
  ChapterKey,
  Evaluation,
  Funds,
  IndicatorNode,
  OutlineHeading,
} from '@jixiao/domain';
import type { Block, SourceDocument, TableRow } from '../read/block.ts';
import { tableText } from '../read/block.ts';
import { extractBudget } from './budget.ts';
import { withFundLines } from './fund-line.ts';
import type { BudgetExtraction } from './budget.ts';
import { extractNarrativeIndicators, markNotAssessed } from './indicators.ts';
import { buildOutline } from './outline.ts';
import type { OutlineEntry } from './outline.ts';
import { guessRulebook } from './rulebook-guess.ts';
import type { RulebookGuess } from './rulebook-guess.ts';
import {
  fromStream,
  basePartedByGuess,
  isBaseDataTable,
  isSelfEvaluationTable,
  readBaseDataTable,
  readSelfEvaluationTable,
  findStatedGrade,
} from './tables.ts';
import { withoutPageFurniture } from './running-headers.ts';
import { readTableStream } from './self-table-stream.ts';
import { columnOf, isTotalRow } from './table-vocabulary.ts';
import { findTextTables, gridTokens, unitAbove } from './text-tables.ts';
import { headingNumber } from '../read/heading.ts';
import type { TextTable } from './text-tables.ts';
import type { SelfEvaluationTable } from './tables.ts';
import { NUM, droppedLines, joinWrappedLines, sentencesOf, sourceRef, squash } from './text.ts';
import type { Sentence } from './text.ts';

/** Something the extraction could not read: reported, never replaced by a guess. */
export interface ExtractionWarning {
  code: string;
  message: string;
  line?: number;
  excerpt?: string;
}

export interface ExtractedReport {
  document: SourceDocument;
  /** The evaluation as stated; `meta.unitName` is "（未识别）" when the document does not name it. */
  evaluation: Evaluation;
  warnings: ExtractionWarning[];
  rulebook: RulebookGuess;
  outline: OutlineEntry[];
  sentences: Sentence[];
  selfEvaluationTables: SelfEvaluationTable[];
  /**
   * A project report with several 项目支出绩效自评表 (one per project) is the evaluation of its
   * first: the others, read the same way, are checked on their own with the same rulebook.
   */
  otherProjects: ProjectEvaluation[];
  /**
   * The 基础数据表 read, where it starts, and `guessed` when its cells were parted by guess: the
   * table's text was flattened (lines of the file re-lined from one, a figure and the next label
   * between spaces on one line), so what is found on it is a warning.
   */
  baseData?: { data: BaseData; line: number; guessed?: true };
  budget: BudgetExtraction;
  claimedTotal?: { value: number; line: number; excerpt: string };
  /** Found in the document (not defaulted). */
  found: { unit: boolean; year: boolean; title: boolean };
  /**
   * Set when the document seems cut short (it stops inside a table, mid-sentence, or before any
   * closing chapter): structures from `line` on may be incomplete, so what is missing beyond the
   * cut must not be reported.
   */
  truncation?: { line: number; edge?: number };
  /**
   * The line of the last row or sentence when it ends on a figure and the file ends there: the
   * figure may have been cut mid-number (99 read as 9), whether or not the document looks whole.
   */
  lastFigure?: { line: number; figure: string };
  /**
   * Set when the document seems to begin mid-way (an excerpt cut out of a page: its first line
   * starts mid-number or mid-sentence, inside a table, or past the first heading of its list):
   * lines `line` to `through` may lack what stood before them, and totals may lack parts. When
   * the first block begins as a sentence begins and holds a whole one, only what stood before it
   * is missing: the range is then empty (`through` below `line`).
   */
  startCut?: { line: number; through: number };
}

export const UNKNOWN_UNIT = '（未识别）';

const CHAPTER_KEYS: readonly [RegExp, ChapterKey][] = [
  [/政府性基金|国有资本|社会保险基金/, 'otherBudgets'],
  [/一般公共预算|预算支出情况|收支情况/, 'budget'],
  [/项目组织实施|实施情况/, 'implementation'],
  [/资产管理/, 'assets'],
  [/问题/, 'problems'],
  [/改进|措施|建议/, 'improvements'],
  [/应用|公开/, 'application'],
  [/绩效情况|绩效分析|自评结论|主要绩效|绩效自评情况/, 'performance'],
  [/基本情况|概况|部门情况/, 'overview'],
  [/其他/, 'other'],
];

export function chapterKeyOf(title: string): ChapterKey | undefined {
  return CHAPTER_KEYS.find(([re]) => re.test(title))?.[1];
}

/** Reads a document into an evaluation by meaning: chapters, statements, indicator trees, tables. */
export function extractEvaluation(source: SourceDocument): ExtractedReport {
  // A page's number and running header are the page's, not the text's.
  const kept = withoutPageFurniture(source.blocks);
  // Plain text wrapped at a fixed width: its paragraphs joined before tables and prose are read.
  const unwrapped =
    source.format === 'txt' ? joinWrappedLines(kept, droppedLines(source.blocks, kept)) : kept;
  const found = readSelfTables(unwrapped);
  // Tables written as text are tables from here on: their lines are not prose.
  const document: SourceDocument = { ...source, blocks: found.blocks };
  const blocks = document.blocks;
  const warnings: ExtractionWarning[] = [];
  const sentences = sentencesOf(blocks);
  const startCut = findStartCut(blocks, kept);
  const outline = buildOutline(blocks, { beginsMidway: startCut !== undefined });
  const tables = blocks.filter((b) => b.kind === 'table');
  const selfTables = withFundLines(joinSplitTables(found.tables), blocks);
  const baseBlock = tables.find(isBaseDataTable);
  const baseData = baseBlock
    ? {
        data: readBaseDataTable(baseBlock),
        line: baseBlock.line,
        ...(basePartedByGuess(baseBlock, source) ? { guessed: true as const } : {}),
      }
    : undefined;
  const budget = extractBudget(blocks);
  const narrative = extractNarrativeIndicators(blocks);

  // Meta.
  // Title and unit from the lines as read: a table's title line may have joined its table.
  const title = findTitle(document) ?? findTitle(source);
  // A year the model cannot hold (before 1990, a misprint or a date in a history) is no
  // report's year: the next place is tried.
  const plausible = (y: string | undefined): string | undefined =>
    y !== undefined && Number(y) >= 1990 && Number(y) <= 2100 ? y : undefined;
  const yearText =
    plausible(/((?:19|20)\d{2})\s*年度?/.exec(digitYears(title ?? ''))?.[1]) ??
    plausible(firstYear(sentences)) ??
    plausible(tableYear(document)) ??
    // A year written inside a table that was read from text ("2019年度）" under its title).
    (found.blocks.length !== source.blocks.length
      ? plausible(firstYear(sentencesOf(source.blocks)))
      : undefined);
  const year = yearText ? Number(yearText) : undefined;
  // A 部门整体 report's 评分表 that names neither a project nor a department (一级指标 | 二级指标 |
  // 分值 | 得分) is the department's own, when no other table is.
  if (
    /部门整体|单位整体/.test(title ?? '') &&
    !/项目支出/.test(title ?? '') &&
    !selfTables.some((t) => t.kind === 'department')
  ) {
    const own = selfTables.findIndex((t) => t.kindGuessed === true && t.indicators.length > 0);
    const table = selfTables[own];
    if (table) selfTables[own] = { ...table, kind: 'department' };
  }
  const deptTable = selfTables.find((t) => t.kind === 'department');
  const unitName =
    findUnit(document, title) ??
    findUnit(source, title) ??
    deptTable?.unitName ??
    selfTables[0]?.supervisor;
  if (!unitName) warnings.push({ code: 'unit-not-found', message: '未能从文档中识别单位名称' });
  if (!year) warnings.push({ code: 'year-not-found', message: '未能从文档中识别评价年度' });

  const claimedTotal = findClaimedTotal(sentences) ?? deptTable?.statedTotal;
  // A project's own table names it or states its money; a table of group scores alone (一级指标 |
  // 分值 | 得分, a report's summary of its 自评表) comes after those, never in their place.
  const ownsProject = (t: SelfEvaluationTable): boolean =>
    t.projectName !== undefined || t.funds.total !== undefined;
  const projectTables = selfTables
    .filter((t) => t.kind === 'project')
    .sort((a, b) => Number(ownsProject(b)) - Number(ownsProject(a)));
  const narrativeReport =
    outline.some((e) => chapterKeyOf(e.title) !== undefined) || narrative.count > 0;
  // A project report (项目支出绩效自评报告 or a lone 项目支出绩效自评表), or a department report.
  // A transfer's 区域 report (…补助资金区域绩效自评报告) evaluates its funds as a project's.
  // A title naming a project's or a fund's evaluation without 支出 (…改造项目绩效自评报告,
  // …专项资金绩效自评报告) is a project report too, also with its year between
  // (…处理项目2024年度绩效自评报告).
  const projectTitle =
    /(?:项目|资金)(?:\d{4}年度?)?(?:支出)?绩效|转移支付|区域绩效/.test(title ?? '') &&
    !/部门整体|单位整体/.test(title ?? '');
  const kind: 'department' | 'project' =
    !deptTable && projectTables.length > 0 && (projectTitle || !narrativeReport)
      ? 'project'
      : 'department';

  // Indicators: a 自评表 when there is one, else the narrative.
  let indicators: IndicatorNode[] = narrative.indicators;
  let funds: Funds = {};
  if (budget.fund) funds.total = budget.fund;
  // The 自评表 when it carries more of the tree than the narrative does (its 预算执行率 row, in
  // the fund block, counted as the narrative's leaf of that name is).
  const tableTree = deptTable ? withExecutionNode(deptTable.indicators, deptTable.funds) : [];
  if (
    deptTable &&
    leafCount(tableTree) >=
      Math.max(3, narrative.count > 0 ? leafCount(narrative.indicators) + 1 : 0)
  ) {
    indicators = withNarrativeTexts(tableTree, narrative.indicators);
    markNotAssessed(indicators, blocks);
  } else if (deptTable) indicators = withExecutionNode(indicators, deptTable.funds);
  if (deptTable && deptTable.funds.total) funds = { ...funds, ...deptTable.funds };
  for (const s of deptTable?.splits ?? []) {
    const key =
      s.label === '一般公共预算'
        ? 'generalPublic'
        : s.label === '基本支出'
          ? 'basic'
          : s.label === '项目支出'
            ? 'project'
            : 'governmentFund';
    funds[key] ??= { budget: s.amount, source: { line: s.line, excerpt: s.excerpt } };
  }
  if (indicators.length === 0 && kind === 'department') {
    warnings.push({ code: 'indicators-not-found', message: '未能识别绩效指标（分值、得分）' });
  }

  const rulebook = guessRulebook(
    kind === 'project'
      ? withExecutionNode(projectTables[0]?.indicators ?? [], projectTables[0]?.funds ?? {})
      : indicators,
    kind,
  );
  if (rulebook.confidence < 0.5 && indicators.length > 0) {
    warnings.push({
      code: 'rulebook-uncertain',
      // The reason in words, never the book's id: the reader is told what was assumed and why.
      message: `评价指标体系不确定：${rulebook.reason}（置信度 ${Math.round(rulebook.confidence * 100)}%），按推定的评价指标体系计算的结果仅供参考`,
    });
  }

  const meta = {
    unitName: unitName ?? UNKNOWN_UNIT,
    year: year ?? 2000,
    amountUnit: '万元' as const,
    ...(title ? { title } : {}),
  };
  const outlineHeadings: OutlineHeading[] = outline
    .filter((e) => e.number)
    .map((e) => ({
      level: Math.min(6, e.level),
      numberText: e.number?.text ?? '',
      title: e.title,
      line: e.line,
    }));
  const stated = claimedTotal
    ? {
        total: claimedTotal.value,
        source: { line: claimedTotal.line, excerpt: claimedTotal.excerpt },
      }
    : {};
  // 加分/减分 as the narrative states them, else as the department's 自评表 lists them.
  const adjustments: Adjustment[] =
    narrative.adjustments.length > 0 ? narrative.adjustments : (deptTable?.adjustments ?? []);
  // A table read into something the model does not allow (a leaf without a name) is reported
  // and left out, never thrown: the rest of the document is still audited.
  const projectEvaluations = projectTables.flatMap((t) => {
    const parsed = ProjectEvaluation.safeParse({
      kind: 'project',
      rulebookId: 'central-project',
      projectName: t.projectName ?? '（未识别项目）',
      meta: {
        unitName: t.implementer ?? unitName ?? UNKNOWN_UNIT,
        year: meta.year,
        ...(t.supervisor ? { supervisor: t.supervisor } : {}),
      },
      ...(t.implementer ? { implementer: t.implementer } : {}),
      funds: t.funds,
      indicators: withExecutionNode(t.indicators, t.funds),
      // A project table's own 加分/减分 (扣分项) rows: added to (taken from) its total.
      ...(t.adjustments ? { adjustments: t.adjustments } : {}),
      stated: t.statedTotal
        ? {
            total: t.statedTotal.value,
            source: { line: t.statedTotal.line, excerpt: t.statedTotal.excerpt },
          }
        : {},
    });
    if (parsed.success) return [parsed.data];
    warnings.push({
      code: 'model-invalid',
      message: `项目自评表${t.projectName ? `“${t.projectName}”` : ''}提取结果不完整，未予审核：${issuesText(parsed.error)}`,
    });
    return [];
  });

  let evaluation: Evaluation;
  const firstProject = projectEvaluations[0];
  if (kind === 'project' && firstProject) {
    // The narrative's tree when it is the richer one (it carries the deviation reasons).
    const narrativeTree =
      narrative.count > 0 && leafCount(narrative.indicators) >= leafCount(firstProject.indicators);
    evaluation = {
      ...firstProject,
      ...(narrativeTree
        ? { indicators: withExecutionNode(narrative.indicators, projectTables[0]?.funds ?? {}) }
        : {}),
      rulebookId: rulebook.id,
      meta: {
        ...firstProject.meta,
        ...(title ? { title } : {}),
        ...(unitName && firstProject.meta.unitName === UNKNOWN_UNIT ? { unitName } : {}),
      },
      stated: firstProject.stated.total !== undefined ? firstProject.stated : stated,
      outline: outlineHeadings,
      chapters: chaptersOf(document, outline),
    };
  } else {
    // The chapters are the document's own paragraphs under headings of known keys (typed as
    // the schema's Chapter): validated by construction, they join after the parse, which would
    // otherwise walk every paragraph of the narrative.
    const parsed = DepartmentEvaluation.safeParse({
      kind: 'department',
      rulebookId: rulebook.id,
      meta,
      funds,
      indicators,
      adjustments,
      stated,
      outline: outlineHeadings,
      basicExpenditure: budget.basic,
      projectExpenditure: budget.project,
      ...(baseData ? { baseData: baseData.data } : {}),
    });
    // The attached project tables were validated one by one above: attached after validation,
    // not validated a second time inside the department.
    if (parsed.success)
      evaluation = { ...parsed.data, chapters: chaptersOf(document, outline), projectEvaluations };
    else {
      warnings.push({
        code: 'model-invalid',
        message: `提取结果不完整：${issuesText(parsed.error)}`,
      });
      // The document's meta alone, else nothing the document said: never an exception.
      const bare = DepartmentEvaluation.safeParse({
        kind: 'department',
        rulebookId: rulebook.id,
        meta,
      });
      evaluation = bare.success
        ? bare.data
        : DepartmentEvaluation.parse({
            kind: 'department',
            rulebookId: rulebook.id,
            meta: { unitName: UNKNOWN_UNIT, year: 2000, amountUnit: '万元' },
          });
    }
  }
  // A grade stated on a row of the table (自评等级 | 良) is checked against the stated total.
  const statedGrade = findStatedGrade(document.blocks);
  if (statedGrade && evaluation.stated.grade === undefined && evaluation.stated.total !== undefined)
    evaluation = { ...evaluation, stated: { ...evaluation.stated, grade: statedGrade.grade } };
  const report: ExtractedReport = {
    document,
    evaluation,
    warnings,
    rulebook,
    outline,
    sentences,
    selfEvaluationTables: selfTables,
    otherProjects: kind === 'project' && firstProject ? projectEvaluations.slice(1) : [],
    budget,
    found: { unit: unitName !== undefined, year: year !== undefined, title: title !== undefined },
  };
  // The last 合计 row read closes its table: groups above it are whole, wherever the text stops.
  const closedAt = Math.max(-1, ...selfTables.map((t) => t.statedTotal?.line ?? -1));
  const truncation = findTruncation(
    document,
    outline,
    indicators,
    closedAt,
    scoredTreeOpen(selfTables),
    // The tree's first group (the 预算执行率 node before it stands on the fund row).
    evaluation.indicators.find((n) => (n.children?.length ?? 0) > 0)?.source?.line,
  );
  if (truncation) {
    report.truncation = truncation;
    if (truncation.evident && !endsAsWritten(document, outline))
      warnings.push({
        code: 'document-truncated',
        message: `文档似乎不完整（在第${truncation.line}行之后中断），中断处之后缺少的内容不予报告`,
        line: truncation.line,
      });
  }
  const lastFigure = findLastFigure(document.blocks);
  if (lastFigure !== undefined) report.lastFigure = lastFigure;
  if (startCut) {
    report.startCut = startCut;
    warnings.push({
      code: 'document-truncated',
      message:
        startCut.through < startCut.line
          ? `文档似乎从中间开始（第${startCut.line}行之前的内容可能缺失），涉及前文的合计和层级只作提示`
          : `文档似乎从中间开始（第${startCut.line}行之前的内容缺失），开头处被截断的数字和表格只作提示`,
      line: startCut.line,
    });
  }
  if (baseData) report.baseData = baseData;
  if (claimedTotal) report.claimedTotal = claimedTotal;
  return report;
}

/**
 * The table's tree with what only the narrative states of its indicators: each one's evidence, and
 * the figures and reason of one the table shows in its fund block (预算执行率: its 年度指标值,
 * 实际完成值 and 偏差原因 are the narrative's). An indicator is the narrative's of the same name
 * under a parent of the same name; a name found twice there is left alone. Scores and weights are
 * the table's: where the prose says otherwise, the checks of prose against tables say so.
 */
function withNarrativeTexts(
  tree: IndicatorNode[],
  narrative: readonly IndicatorNode[],
): IndicatorNode[] {
  const byName = new Map<string, IndicatorNode | null>();
  const index = (nodes: readonly IndicatorNode[], parent: string): void => {
    for (const n of nodes) {
      const key = `${parent}/${n.name}`;
      byName.set(key, byName.has(key) ? null : n);
      index(n.children ?? [], n.name);
    }
  };
  index(narrative, '');
  const fill = (nodes: readonly IndicatorNode[], parent: string): void => {
    for (const n of nodes) {
      const said = byName.get(`${parent}/${n.name}`);
      if (said) {
        if (n.evidence === undefined && said.evidence !== undefined) n.evidence = said.evidence;
        if (n.deviationReason === undefined && said.deviationReason !== undefined)
          n.deviationReason = said.deviationReason;
        if (n.target === undefined && said.target !== undefined) n.target = said.target;
        if (n.actual === undefined && said.actual !== undefined) n.actual = said.actual;
      }
      fill(n.children ?? [], n.name);
    }
  };
  fill(tree, '');
  return tree;
}

function leafCount(nodes: readonly IndicatorNode[]): number {
  return nodes.reduce(
    (n, c) => n + (c.children && c.children.length > 0 ? leafCount(c.children) : 1),
    0,
  );
}

/** The 自评表's fund block carries the 预算执行率 indicator (分值, 得分): make it the first node. */
function withExecutionNode(tree: IndicatorNode[], funds: Funds): IndicatorNode[] {
  const indicators = tree.map(executionLeafOf);
  const total = funds.total;
  if (!total || total.weight === undefined || indicators.some((n) => /预算执行/.test(n.name)))
    return indicators;
  const node: IndicatorNode = { name: '预算执行率', weight: total.weight };
  if (total.statedScore !== undefined) node.score = total.statedScore;
  if (total.source) node.source = total.source;
  return [node, ...indicators];
}

/**
 * A 预算执行 group cell over the 预算执行率 row alone (一级 预算执行 | 二级 预算执行 | 三级 预算执行率,
 * the cells merged or repeated): the row is the execution-rate indicator the rulebooks score.
 */
function executionLeafOf(node: IndicatorNode): IndicatorNode {
  if (!/^预算执行/.test(node.name) || node.weight !== undefined || node.score !== undefined)
    return node;
  let leaf = node;
  while (leaf.children?.length === 1 && leaf.children[0]) leaf = leaf.children[0];
  const isLeaf = (leaf.children?.length ?? 0) === 0;
  return leaf !== node && isLeaf && /执行率$/.test(leaf.name) && leaf.weight !== undefined
    ? leaf
    : node;
}

function findTitle(document: SourceDocument): string | undefined {
  const first = document.blocks.slice(0, 12).filter((b) => b.kind !== 'table');
  for (let i = 0; i < first.length; i++) {
    const b = first[i];
    if (!b) continue;
    const t = squash(b.text);
    // A title a PDF broke over two lines: its tail ("报告", "评报告") on a short line of its own.
    const tail = titleTail(t, first[i + 1]);
    const whole = t + (tail ?? '');
    // A sentence that names the work ("…开展绩效自评工作，现将有关情况报告如下：") is no title,
    // nor a numbered chapter of the report ("1.项目绩效自评总体情况：…").
    if (
      whole.length > 60 ||
      !/自评报告|绩效自评|自评表|自评结果|自评情况|评价报告|评价表|评价指标表/.test(whole) ||
      /[，。]|[：:]$/.test(whole) ||
      headingNumber(whole) !== undefined
    )
      continue;
    if (tail !== undefined) return whole;
    const prev = first[i - 1];
    const p = prev ? squash(prev.text) : '';
    if (
      prev &&
      p.length <= 30 &&
      /(?:19|20)\d{2}年/.test(p) &&
      !/[。：:]$/.test(p) &&
      !/(?:19|20)\d{2}年/.test(t)
    )
      return p + t;
    return t;
  }
  return undefined;
}

/** What ends a title: the report, table or result it names. */
const TITLE_END = /(?:报告|报告书|自评表|评价表|指标表|评分表|自评结果|自评情况)$/;

/**
 * The rest of a title broken over two lines, when the next line is a short tail (at most a
 * title line's 20 characters) with no
 * punctuation that makes the line end as a title ends ("…绩效自评" + "报告").
 */
function titleTail(line: string, next: Block | undefined): string | undefined {
  if (!next || next.kind === 'table' || TITLE_END.test(line)) return undefined;
  const tail = squash(next.text);
  return tail.length <= 20 && !/[\d，。、；：,.;:]/.test(tail) && TITLE_END.test(line + tail)
    ? tail
    : undefined;
}

/**
 * The year of a text with no title: the year named most often with 年度 in its first 40
 * sentences, the first named on a tie (one sentence that slipped, "2021年度我厅开展了…" in a
 * text that says 2020年度 four times after it, does not make the year).
 */
function firstYear(sentences: readonly Sentence[]): string | undefined {
  const counts = new Map<string, number>();
  for (const s of sentences.slice(0, 40))
    for (const m of s.text.matchAll(/((?:19|20)\d{2})年度/g))
      if (m[1]) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  let best: string | undefined;
  for (const [y, n] of counts) if (best === undefined || n > (counts.get(best) ?? 0)) best = y;
  return best;
}

function tableYear(document: SourceDocument): string | undefined {
  for (const b of document.blocks) {
    const m = /((?:19|20)\d{2})年度.{0,20}自评表/.exec(squash(b.text));
    if (m?.[1]) return m[1];
  }
  return undefined;
}

function findUnit(document: SourceDocument, title: string | undefined): string | undefined {
  for (const b of document.blocks.slice(0, 40)) {
    if (b.kind === 'table') continue;
    const t = squash(b.text);
    const named =
      /^(?:部门|单位|预算单位|部门[（(]单位[)）]|项目(?:实施)?单位)(?:名称|全称)[：:](.{2,40}?)(?:[（(]公章[)）])?$/.exec(
        t,
      ) ??
      // "填报单位（盖章）：某市生态环境局", "报送部门：…" above a 自评表.
      /^(?:填报|报送|编制|评价)(?:单位|部门)(?:[（(](?:盖章|公章)[)）])?[：:](.{2,40}?)(?:[（(](?:盖章|公章)[)）])?(?:\s|$|填报|日期)/.exec(
        t,
      );
    if (named?.[1]) return named[1];
    const as = /^(?:\[[^\]]*\])?(.{4,30}?)作为(?:一级)?(?:部门)?预算单位/.exec(t);
    if (as?.[1]) return as[1];
  }
  for (const b of document.blocks.slice(0, 6)) {
    const opening =
      /[，,]([^，。；“”《》]{4,30}?)(?:对|就)(?:19|20)\d{2}年度?(?:部门)?整体支出/.exec(
        squash(b.text),
      );
    if (opening?.[1] && !/^我/.test(opening[1])) return opening[1];
  }
  // A title given as an attachment ("附件:1.广东省科学技术厅2020年度…") names its unit the same.
  const bare = squash(title ?? '').replace(ATTACHMENT_LEAD, '');
  const fromTitle = /(?:19|20)\d{2}年度?(.{2,30}?)(?:部门)?整体支出/.exec(bare);
  if (fromTitle?.[1] && !/^部门$/.test(fromTitle[1])) return fromTitle[1];
  // "三亚市教育局2023年度项目支出绩效自评报告", "承德市农业农村局关于2023年度…的报告": a
  // unit's name before the year of its title.
  const before = UNIT_BEFORE_YEAR.exec(bare);
  if (before?.[1] && !/^(?:关于|附件|附表)/.test(before[1])) return before[1];
  return undefined;
}

/** "附件1：", "附件:1.", "附件一、" before a title. */
const ATTACHMENT_LEAD = /^附件\s*[:：]?\s*[\d一二三四五六七八九十]*\s*[.．、:：]?\s*/;

/** A title opening with a unit's name (ending as units' names end) before the year evaluated. */
const UNIT_BEFORE_YEAR =
  /^(.{2,30}?(?:局|委员会|委|办公室|办事处|办|院|中心|政府|厅|署|站|所|馆|队|学校|大学|学院|中学|小学|幼儿园|医院|协会|联合会|管理处|服务处|公司))(?:关于)?(?:19|20)\d{2}年度?/;

/**
 * "部门整体支出绩效自评得分95分", "…整体支出绩效自评综合得分91.5分", and of a project's report
 * "本项目综合得分95.5分": the whole evaluation's total.
 */
const CLAIMED = new RegExp(
  `(?:(?:部门)?整体(?:支出)?绩效(?:自评|评价)?|本项目(?:支出)?(?:绩效)?(?:自评)?)(?:综合|总)?得分(?:为)?${NUM}分`,
);

function findClaimedTotal(sentences: readonly Sentence[]): ExtractedReport['claimedTotal'] {
  for (const s of sentences) {
    const m = CLAIMED.exec(s.text);
    if (m?.[1])
      return {
        value: Number(m[1]),
        line: s.line,
        excerpt: sourceRef(s.line, s.raw, '得分').excerpt ?? s.raw,
      };
  }
  return undefined;
}

/** A failed parse's issues, each with the path to the field: for an extraction warning. */
function issuesText(error: {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}): string {
  return error.issues.map((i) => `${i.path.map(String).join('.')} ${i.message}`).join('；');
}

function chaptersOf(document: SourceDocument, outline: readonly OutlineEntry[]): Chapter[] {
  const tops = outline.filter((e) => e.level === 1 && e.number);
  const chapters: Chapter[] = [];
  tops.forEach((top, i) => {
    const key = chapterKeyOf(top.title);
    if (!key) return;
    const end = tops[i + 1]?.line ?? Number.POSITIVE_INFINITY;
    const paragraphs = document.blocks
      .filter((b) => b.kind === 'paragraph' && b.line > top.line && b.line < end)
      .map((b) => b.text.trim());
    chapters.push({ key, title: top.title, paragraphs });
  });
  return chapters;
}

const SIGN_OFF = /填表人|填报人|签字|填报日期|联系电话|单位负责人[：:]/;
const CLOSING: readonly ChapterKey[] = ['problems', 'improvements', 'application', 'other'];
/** A chapter title that concludes a report: its 结论 or its 偏差分析. */
const CONCLUDING = /结论|偏差分析/;

/**
 * Whether a text with no chapters (a notice, a 公示, a news item) ends as it was written to end:
 * on a whole sentence, its date or its author's name after the last sentence. Nothing then says it
 * is incomplete; it may still be an excerpt, so what a cut would take is still not reported.
 */
export function endsAsWritten(document: SourceDocument, outline: readonly OutlineEntry[]): boolean {
  const last = document.blocks[document.blocks.length - 1];
  if (last?.kind !== 'paragraph') return false;
  const chapters = outline.some((e) => e.level === 1 && chapterKeyOf(e.title) !== undefined);
  return !chapters && ENDS_WHOLE.test(last.text.trim());
}

/**
 * The end of a text written to end there: a full stop (a closing quote after it, or the author's
 * name in brackets), or a date line alone ("2024年6月20日").
 */
const ENDS_WHOLE =
  /[。！？!?](?:[”"」』]|[（(][^（）()。]{1,12}[)）])?$|^(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/;
/** A row of figures alone (scores, 分值, a percentage), in half- or full-width digits. */
const FIGURES_ONLY = /^[\s\d０-９.．%％分]+$/;

/**
 * A list of attachments closing a text: "附件：1.…报告 2.…自评表" (on one line, or after the last
 * sentence of a paragraph whose lines were joined), or its last numbered item on a line of its own
 * below the 附件 line. Each item names a document: a report, a table, a list or a statement.
 */
function endsOnAttachmentList(blocks: readonly Block[], text: string): boolean {
  const last = blocks[blocks.length - 1];
  if (last?.kind !== 'paragraph' || !ATTACHMENT_NAMED.test(text)) return false;
  const stop = Math.max(text.lastIndexOf('。'), text.lastIndexOf('！'), text.lastIndexOf('？'));
  if (ATTACHMENT_LIST.test(text.slice(stop + 1).trim())) return true;
  if (!/^\d{1,2}\s*[.、．]/.test(text)) return false;
  // The item's list: the lines above it back to the 附件 line, each an item or that line.
  for (let i = blocks.length - 2, k = 0; i >= 0 && k < 12; i--, k++) {
    const b = blocks[i];
    if (b?.kind !== 'paragraph') return false;
    const t = b.text.trim();
    if (ATTACHMENT_LIST.test(t)) return true;
    if (!/^\d{1,2}\s*[.、．]/.test(t) || !ATTACHMENT_NAMED.test(t)) return false;
  }
  return false;
}

/** 附件 (附表) with its colon and a first item: "附件：1.…", "附 件:1.…", "附件：…自评表". */
const ATTACHMENT_LIST = /^附\s*[件表]\s*\d{0,2}\s*[：:]\s*\S/;
/** What an attachment's title ends with: the document it names. */
const ATTACHMENT_NAMED = /(?:报告|表|清单|说明|材料|目录|文件)[)）”"]?$/;

/** Where a cut-short document's last, possibly incomplete, structure begins; undefined if whole. */
function findTruncation(
  document: SourceDocument,
  outline: readonly OutlineEntry[],
  indicators: readonly IndicatorNode[],
  closedAt = -1,
  treeOpen = false,
  treeStart?: number,
): { line: number; edge?: number; evident: boolean } | undefined {
  const blocks = document.blocks;
  const last = blocks[blocks.length - 1];
  if (!last) return undefined;
  const text = last.text.trim();
  if (last.kind !== 'table' && SIGN_OFF.test(text)) return undefined;
  // A PDF line wrapped at the page's edge leaves its last characters alone on the next line,
  // even on the next page ("…填报日期：2025年3月26" and "日", "…2025年4" and "月12日"): the
  // date they finish is whole.
  const before = blocks.findLast(
    (b) => b !== last && !(b.kind === 'paragraph' && PAGE_LINE.test(b.text.trim())),
  );
  if (
    last.kind === 'paragraph' &&
    text.length <= 4 &&
    before?.kind === 'paragraph' &&
    /(?:19|20)\d{2}\s*年(?:\s*\d{1,2}(?:\s*月(?:\s*\d{1,2})?)?)?$/.test(before.text.trim()) &&
    /(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/.test(before.text.trim() + text)
  )
    return undefined;
  // A chapter of the report's conclusion or of its deviations (自评结论, 评价结论, 偏差分析) comes
  // after the performance it sums up, as the closing chapters do.
  const closed = outline.some((e) => {
    const key = chapterKeyOf(e.title);
    return (
      e.level === 1 && ((key !== undefined && CLOSING.includes(key)) || CONCLUDING.test(e.title))
    );
  });
  // A table that ends on its 总分/合计 row, or on its sign-off line, is whole: a document
  // ending with it (a 自评表 on its own, a report with its attached table) was not cut short.
  const rows = last.rows ?? [];
  let end = rows.length - 1;
  // One cell per line: the 总分 row's figures follow its label on lines of their own.
  while (end > 0 && rows.length - end <= 3 && FIGURES_ONLY.test(rows[end]?.cells.join(' ') ?? ''))
    end--;
  const lastRow = rows[end];
  const tableWhole =
    last.kind === 'table' &&
    lastRow !== undefined &&
    lastRow.cells.some((c, k) => {
      // A row read from a line of text is one cell: its first word is the label, and a row
      // whose cells ran together ends its label where its figures begin ("合计10094.6").
      const words = c.trim().split(/[\s\u3000]+/);
      const label = (words[0] ?? '').replace(/[\d０-９.．%％]+$/, '');
      if (k < 2 && (isTotalRow(label) || /^(?:自评|评价)?等级$/.test(label) || SIGN_OFF.test(c)))
        return true;
      // A whole table on one line ends on its 总分 row too: the label, then figures alone.
      const tail = words.slice(-4);
      const at = tail.findLastIndex((w) => isTotalRow(w));
      return (
        k === 0 &&
        lastRow.cells.length === 1 &&
        at >= 0 &&
        at < tail.length - 1 &&
        tail.slice(at + 1).every((w) => FIGURES_ONLY.test(w))
      );
    });
  const chapters = outline.some((e) => e.level === 1 && chapterKeyOf(e.title) !== undefined);
  if (tableWhole && (closed || !chapters)) return undefined;
  const cut =
    last.kind === 'table' ||
    // Ends on a heading, the start of one, an attachment label or a table title.
    last.kind === 'heading' ||
    (text.length <= 4 && !/[。！？!?）)]$/.test(text)) ||
    /^附件\s*\d*$|表$/.test(text) ||
    // Ends mid-sentence, or before any closing chapter.
    (text.length > 15 && !/[。！？!?”）)：:；;]$/.test(text)) ||
    !closed;
  if (!cut) return undefined;
  // A text that ends on its list of attachments ends as written: the attachments are published
  // beside it, and nothing of the text itself lies beyond a cut.
  if (endsOnAttachmentList(blocks, text)) return { line: last.line + 1, evident: false };
  // What the text itself shows was cut (a sentence, a heading, a table row stopped mid-way), as
  // against a report that merely has no closing chapter: many published ones end without one
  // (a web excerpt, a 自评表 alone), so that absence alone is said to no one.
  // An attachment's title or file name closing the text names a table published beside it (a
  // separate file, often), not a cut.
  const attachment = /^附[件表]|\.(?:xlsx?|docx?|pdf|wps)$/i.test(text);
  const evident =
    last.kind === 'table'
      ? !tableWhole && (rowCutShort(rows) || treeOpen)
      : attachment
        ? /^附件\s*\d*$/.test(text)
        : // A heading ending on a full stop after words, not after its 分值 ("六、相关建议无相关
          // 建议。", a title and its text run together), closes a sentence.
          (last.kind === 'heading' && !/表$/.test(text) && !/[^）)][。！？!?]$/.test(text)) ||
          (text.length <= 4 && !/[。！？!?）)]$/.test(text) && !PAGE_LINE.test(text)) ||
          (text.length > 15 && !/[。！？!?”）)：:；;]$/.test(text));
  // A 自评表 read from text lines and cut short is whole up to its last line (its rows are
  // lines, each read on its own); a grid's structures may span the cut from its first row.
  let line =
    last.kind === 'table' && last.style === TEXT_TABLE
      ? (last.rows?.[last.rows.length - 1]?.line ?? last.line)
      : // A last paragraph whose last sentence is finished is whole: only what would follow it
        // is missing (a closing chapter), so its own sentences are judged like any other.
        last.kind === 'paragraph' && /[。！？!?]$/.test(text)
        ? last.line + 1
        : last.line;
  // A grid holding the fund block above its indicator tree (a workbook's sheet, one table from
  // top to bottom): the rows above the tree were closed by the tree's header below them, so only
  // the tree may span the cut.
  const firstTop = treeStart;
  const lastRowLine = rows[rows.length - 1]?.line ?? last.line;
  if (
    last.kind === 'table' &&
    last.style !== TEXT_TABLE &&
    firstTop !== undefined &&
    firstTop > line &&
    firstTop <= lastRowLine
  )
    line = firstTop;
  // Cut inside the indicator tree: the outermost group still open at the cut is incomplete (not
  // when the table's 合计 row below it was read).
  const lastTop = indicators[indicators.length - 1];
  if (!closed && lastTop?.source?.line !== undefined && closedAt < lastTop.source.line)
    line = Math.min(line, lastTop.source.line);
  // The last row or sentence itself may stop mid-number: what is read on it is uncertain.
  const edge =
    last.kind === 'table'
      ? (rows[rows.length - 1]?.line ?? last.line)
      : /[。！？!?；;）)”]$/.test(text)
        ? undefined
        : last.line;
  return edge === undefined ? { line, evident } : { line, edge, evident };
}

/**
 * The last 自评表 scores its rows but no 总分 or 合计 row of it was read: every 自评表 that scores
 * its rows ends on one, so its last rows are missing.
 */
function scoredTreeOpen(tables: readonly SelfEvaluationTable[]): boolean {
  const scored = (nodes: readonly IndicatorNode[]): boolean =>
    nodes.some((n) => n.score !== undefined || scored(n.children ?? []));
  const last = tables.reduce<SelfEvaluationTable | undefined>(
    (a, t) => (a === undefined || t.line > a.line ? t : a),
    undefined,
  );
  return last !== undefined && last.statedTotal === undefined && scored(last.indicators);
}

/**
 * A table's last row stops short of the rows above it: its last filled cell comes before theirs
 * (the cut went through the row), or its last cell is a figure left unfinished ("9" under 10).
 */
function rowCutShort(rows: readonly { cells: readonly string[] }[]): boolean {
  const lastFilled = (cells: readonly string[] | undefined): number => {
    const list = cells ?? [];
    for (let k = list.length - 1; k >= 0; k--) if ((list[k] ?? '').trim() !== '') return k;
    return -1;
  };
  const last = rows[rows.length - 1];
  if (!last) return false;
  const above = rows.slice(Math.max(0, rows.length - 4), -1).map((r) => lastFilled(r.cells));
  // A table read one cell per line (or a line each row) has nothing to measure the row by.
  if (above.length === 0 || Math.max(...above) <= 0) return false;
  return lastFilled(last.cells) < Math.max(...above);
}

/** The line of the last row or paragraph when the document's last characters are a figure. */
function findLastFigure(blocks: readonly Block[]): { line: number; figure: string } | undefined {
  const last = blocks[blocks.length - 1];
  const figure = /[\d０-９][\d０-９.．]*$/.exec(last?.text.trim() ?? '')?.[0];
  if (!last || figure === undefined) return undefined;
  // The last lines: a table's rows, else the paragraphs.
  const units =
    last.kind === 'table' && last.rows
      ? last.rows.map((r) => ({ text: r.cells.join(' ').trim(), line: r.line }))
      : blocks.map((b) => ({ text: b.text.trim(), line: b.line }));
  let k = units.length - 1;
  // A row written one cell per line: its figures on lines of their own after its label.
  while (k > 0 && units.length - k <= 4 && FIGURES_ONLY.test(units[k - 1]?.text ?? '')) k--;
  const label = units[k - 1];
  if (k < units.length - 1 && label && label.text.length <= 20) k--;
  return { line: units[k]?.line ?? last.line, figure };
}

/** A line that says where a report begins: its title, an attachment label, a salutation. */
const TITLE_LIKE =
  /报告|报告书|自评表|评价表|指标表|评分表|结果|情况|说明|公开|公示|公告|通知|总结|附件\s*\d*|\.pdf$|\.docx?$/i;
/** A short line naming what follows (a title, a table's name), with no clause of prose. */
const titleLike = (head: string): boolean =>
  head.length <= 80 && !/[。；;]/.test(head) && TITLE_LIKE.test(head);
/**
 * A title run on into what follows it on the same line, a space between (a table or a page
 * copied as one line): "2023年度部门整体支出绩效自评表 部门（单位）名称：…".
 */
function titleRunOn(head: string): boolean {
  const first = head.split(/[\s\u3000]+/)[0] ?? '';
  return first !== head && first.length >= 6 && TITLE_END.test(first);
}
/** The first number of a list: 一、 （一） 1. （1） 第一… */
const FIRST_NUMBER = /^\s*(?:[一１1][、.．，,\s]|[（(]\s*[一１1]\s*[)）]|第[一1]|[①⑴])/;
/** Any number of a list at the start of a line. */
const LIST_NUMBER =
  /^\s*(?:[一二三四五六七八九十]+[、.．]|[（(]\s*[一二三四五六七八九十\d]+\s*[)）]|\d+[、.．](?!\d)|第[一二三四五六七八九十]+[章部分节])/;
/** A page number or running footer line (—23—, 第3页, 1/5). */
const PAGE_LINE = /^[\s—\-－–第页共\d/／]+$/;

/**
 * Where a document that begins mid-way is uncertain: undefined when its first block starts as a
 * report or an excerpt of one begins (a title, a unit name, an attachment label, a salutation, a
 * first heading 一、/（一）/1., the sentence that opens a report: "根据…要求，…开展了…自评"); an
 * empty range at the first block when that block begins as a sentence begins and holds a whole one
 * (only what stood before it is missing); else the first block (its first table whole), whose
 * opening may be cut. `raw` are the blocks before wrapped lines were joined: a title joined to
 * the paragraph under it is still a line of its own there.
 */
function findStartCut(
  blocks: readonly Block[],
  raw: readonly Block[],
): { line: number; through: number } | undefined {
  let k = 0;
  while (k < blocks.length - 1 && PAGE_LINE.test(blocks[k]?.text.trim() ?? '')) k++;
  const first = blocks[k];
  if (!first) return undefined;
  // A table starts where a 自评表 starts when its first row is the table's title or its first
  // header cell (项目名称, 单位名称, 一级指标 …); a text starts with its first line.
  const firstCell =
    first.kind === 'table' ? first.rows?.[0]?.cells.find((c) => c.trim() !== '') : undefined;
  const through =
    first.kind === 'table' ? (first.rows?.[first.rows.length - 1]?.line ?? first.line) : first.line;
  const cut = { line: first.line, through };
  if (first.kind === 'table') {
    const cell = (firstCell ?? '').trim().split('\n')[0] ?? '';
    return /^(?:项目名称|单位名称|部门名称|主管部门|预算单位|一级指标)/.test(cell) ||
      titleLike(cell) ||
      titleRunOn(cell)
      ? undefined
      : cut;
  }
  const text = first.text.trim();
  const ownLine = raw.find((b) => b.line === first.line && b.kind !== 'table')?.text.trim() ?? text;
  const head = (ownLine.split('\n')[0] ?? '').trim();
  const continues = /^[，。、；：,.;:）)」』”》%％]/.test(head);
  const midNumber =
    /^[\d０-９][\d０-９.,，]*\s*(?:[万亿]?元|%|％|个|人|项|家|户|次|亩|公里|km|分)/.test(head);
  if (continues || midNumber) return cut;
  if (FIRST_NUMBER.test(head)) return undefined;
  if (LIST_NUMBER.test(head)) return cut;
  if (titleLike(head)) return undefined;
  if (titleRunOn(head)) return undefined;
  // A title broken over two lines: it ends as a title ends with the short line after it.
  const next = raw.find((b) => b.line > first.line);
  if (head.length <= 60 && titleTail(head, next) !== undefined) return undefined;
  if (head.length <= 60 && /[:：]$/.test(head)) return undefined;
  if (head.length <= 40 && !/[\d，。、；：,.;:]/.test(head)) return undefined;
  const sentence = FIRST_SENTENCE.exec(text)?.[0];
  if (sentence === undefined) return cut;
  if (OPENING.test(sentence) && REPORTS_ON.test(sentence)) return undefined;
  return SENTENCE_START.test(sentence) ? { line: first.line, through: first.line - 1 } : cut;
}

/** A text's first sentence, up to its full stop (none when the text holds no whole sentence). */
const FIRST_SENTENCE = /^[^。！？!?]{2,300}[。！？!?]/;
/** How the sentence that opens a report begins: the rule or notice it answers, its purpose. */
const OPENING = /^(?:根据|按照|依据|依照|遵照|为(?:了|进一步|切实|全面|加强|做好|规范|提高)|现将)/;
/** …and what it says it does: reports, or carries out the evaluation. */
const REPORTS_ON = /现将|如下|(?:开展|组织|完成)了?[^。；;]{0,40}(?:自评|评价|监控)/;
/**
 * Words a Chinese sentence begins with and a cut word rarely ends with: a year, the writer ("我局",
 * "本单位", "该项目"), a time or scope ("全年", "截至…"), a rule or purpose ("根据", "为进一步"). A figure,
 * "的", "和", "其中", a closing bracket or a word's tail ("级项目…") is none of them.
 */
const SENTENCE_START =
  /^(?:(?:19|20)\d{2}\s*年|[我本该](?:局|厅|委|办|院|校|部|所|站|队|会|馆|县|市|区|省|州|旗|镇|乡|街道|中心|单位|部门|项目|年度?|级)|全(?:年|市|县|区|省|州|旗|镇|乡)|今年|上年|年初|年末|截[至止]|根据|按照|依据|依照|为(?:了|进一步|切实|全面|加强|做好|规范|提高)|通过|围绕|对照|结合|近年来|目前)/;

/**
 * Every 自评表 of the document, in order: grids read by position when their header is the
 * common one, other grids and tables written as text read cell by cell with columns fitted by
 * meaning.
 */
function readSelfTables(blocks: readonly Block[]): {
  tables: SelfEvaluationTable[];
  blocks: Block[];
} {
  const out: SelfEvaluationTable[] = [];
  /** The last grid read with indicators, its header row, and where it ended. */
  let open: { header: TableRow; table: SelfEvaluationTable; at: number } | undefined;
  const readGrid = (b: Block, at: number): SelfEvaluationTable | undefined => {
    const above = unitAbove(blocks, at);
    const byPosition = isSelfEvaluationTable(b) ? readSelfEvaluationTable(b, above) : undefined;
    if (byPosition && (byPosition.indicators.length > 0 || byPosition.funds.total))
      return { ...byPosition, origin: 'grid' };
    const stream = readTableStream(gridTokens(b), undefined, above);
    if (stream && (stream.indicators.length > 0 || stream.funds.total))
      return fromStream(stream, 'grid');
    if (byPosition && Object.keys(byPosition.funds).length > 0)
      return { ...byPosition, origin: 'grid' };
    return undefined;
  };
  for (const [at, b] of blocks.entries()) {
    if (b.kind !== 'table') continue;
    // A list of items with their figures (自评结果公开) is no 自评表: the audit checks it as such.
    if (b.rows && isListTable(b.rows.map(rowCells))) continue;
    let table = readGrid(b, at);
    // The indicator rows continued on the next page as a table of their own without the header
    // (after "续表" or the page's number alone): read under the header of the table they go on.
    const header = open?.header;
    if (
      !table &&
      open &&
      header &&
      !open.table.statedTotal &&
      b.rows !== undefined &&
      b.rows.length > 0 &&
      b.rows.every((r) => r.cells.length === header.cells.length) &&
      !b.rows.some(isIndicatorHeader) &&
      blocks.slice(open.at + 1, at).every((x) => x.kind !== 'table' && x.text.trim().length <= 20)
    ) {
      const rows = [{ ...header, line: b.line }, ...b.rows];
      const continued = readGrid({ ...b, rows }, at);
      if (continued && continued.indicators.length > 0) table = continued;
    }
    if (!table) continue;
    out.push(table);
    const head = b.rows?.find(isIndicatorHeader) ?? header;
    open = table.indicators.length > 0 && head ? { header: head, table, at } : undefined;
  }
  const text = findTextTables(blocks);
  for (const t of text)
    if (t.table && !isListTable(linesOf(blocks, t))) out.push(fromStream(t.table, 'text'));
  return { tables: out.sort((a, b) => a.line - b.line), blocks: withTextTables(blocks, text) };
}

/** A grid's indicator header row: names (一级指标, 三级指标) and scores (分值, 得分) as columns. */
function isIndicatorHeader(row: TableRow): boolean {
  const keys = row.cells.map((c) => columnOf(c));
  return (
    (keys.includes('level1') || keys.includes('level3')) &&
    (keys.includes('weight') || keys.includes('score'))
  );
}

/** The lines of a table found among the paragraphs, each parted at its tabs or wide spaces. */
function linesOf(blocks: readonly Block[], t: TextTable): string[][] {
  return blocks
    .filter((b) => b.kind !== 'table' && b.line >= t.from && b.line <= t.to)
    .map((b) => b.text.split(/\t| {2,}|\u3000+/).map((c) => c.trim()));
}

/** The style of a table block made from lines of text. */
const TEXT_TABLE = 'text-table';

/** The blocks with each table found among the paragraphs made one table block, a row per line. */
function withTextTables(blocks: readonly Block[], tables: readonly TextTable[]): Block[] {
  if (tables.length === 0) return [...blocks];
  const out: Block[] = [];
  let k = 0;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (!b) continue;
    const t = tables[k];
    if (!t || b.line < t.from || b.kind === 'table') {
      out.push(b);
      continue;
    }
    const rows: TableRow[] = [];
    let j = i;
    // A chapter heading that titles the table ("三、部门整体支出绩效自评表（摘录）") stays a
    // heading of the report: its number counts among the chapters'.
    const titled = b.kind === 'heading' && headingNumber(b.text.trim())?.number.style === 'cn-dun';
    if (titled) {
      out.push(b);
      j++;
    }
    for (; j < blocks.length; j++) {
      const x = blocks[j];
      if (!x || x.line > t.to) break;
      if (x.kind !== 'table') rows.push({ cells: [x.text], line: x.line });
    }
    const line = rows[0]?.line ?? t.from;
    // A table read out of a line of prose: the prose around it stays the report's text.
    const prose = (text: string): Block => ({ kind: 'paragraph', text, line });
    if (!titled) out.push(...(t.prose?.before.map(prose) ?? []));
    out.push({ kind: 'table', text: tableText(rows), line, rows, style: TEXT_TABLE });
    out.push(...(t.prose?.after.map(prose) ?? []));
    i = j - 1;
    k++;
  }
  return out;
}

/**
 * A 自评表 drawn as two Word tables (fund block, then indicator block) reads as one: an indicator
 * block without header fields joins the table before it when that one has no indicators yet.
 * An indicator block continued on the next page as a table of its own (its header repeated under
 * "续表") joins the one before it when that one was not closed by its 总分 row.
 */
function joinSplitTables(tables: SelfEvaluationTable[]): SelfEvaluationTable[] {
  const out: SelfEvaluationTable[] = [];
  for (const t of tables) {
    const prev = out[out.length - 1];
    const bare = !t.funds.total && t.projectName === undefined && t.unitName === undefined;
    if (prev && bare && prev.indicators.length === 0 && t.indicators.length > 0) {
      prev.indicators = t.indicators;
      if (t.statedTotal) prev.statedTotal ??= t.statedTotal;
      if (t.reasonColumn !== undefined) prev.reasonColumn = t.reasonColumn;
      continue;
    }
    const open = prev !== undefined && prev.indicators.length > 0 && !prev.statedTotal;
    if (prev && open && bare && t.indicators.length > 0 && t.adjustments === undefined) {
      continueIndicators(prev.indicators, t.indicators);
      if (t.statedTotal) prev.statedTotal = t.statedTotal;
      if (t.endLine !== undefined) prev.endLine = t.endLine;
      continue;
    }
    out.push(t);
  }
  return out;
}

/**
 * The groups of a page's continuation appended to the groups before it: a group repeated at the
 * top of the new page (its merged cell cut by the page break) goes on in the group of that name.
 */
function continueIndicators(before: IndicatorNode[], after: readonly IndicatorNode[]): void {
  const [head, ...rest] = after;
  const last = before[before.length - 1];
  if (head && last && head.name === last.name && head.weight === undefined) {
    const [inner, ...others] = head.children ?? [];
    const lastInner = last.children?.[last.children.length - 1];
    const into = (last.children ??= []);
    if (inner && lastInner && inner.name === lastInner.name && inner.weight === undefined)
      (lastInner.children ??= []).push(...(inner.children ?? []));
    else if (inner) into.push(inner);
    into.push(...others);
    before.push(...rest);
    return;
  }
  before.push(...after);
}
