import type { ChapterKey, Evaluation, IndicatorNode } from '../evaluation.ts';
import type { Finding } from '../finding.ts';
import { pointsText } from './format.ts';
import { makeFinding } from './make-finding.ts';
import { chapterLabel, evaluationTexts } from './texts.ts';
import { isLeaf, walkIndicators } from './walk.ts';

/** Chapters every department report must have (domain.md §1, items 7). */
const REQUIRED_CHAPTERS = ['problems', 'improvements'] as const satisfies readonly ChapterKey[];

/** The order chapters come in (domain.md §1): a later one present means an earlier one is due. */
const CHAPTER_ORDER: readonly ChapterKey[] = [
  'opening',
  'overview',
  'budget',
  'otherBudgets',
  'implementation',
  'assets',
  'performance',
  'problems',
  'improvements',
  'application',
  'other',
];

/** A chapter's title that names a required chapter besides its own ("存在的问题及改进措施"). */
const TITLE_NAMES: Record<(typeof REQUIRED_CHAPTERS)[number], RegExp> = {
  problems: /问题/,
  improvements: /改进|措施|建议|下一步/,
};

/**
 * A heading below the chapters that holds a required chapter's matter ("二、存在的问题及改进措施"
 * under "第四章 偏差原因及存在的问题"): named by the chapter's own words, not a bare 措施.
 */
const SUBHEADING_NAMES: Record<(typeof REQUIRED_CHAPTERS)[number], RegExp> = {
  problems: /存在的?(?:主要)?问题|主要问题/,
  improvements: /(?:改进|整改)(?:措施|建议|方向|举措|意见)|下一步(?:工作|打算|计划|措施)/,
};

/** Recognised chapters a text needs before a missing one is reported. */
const MIN_CHAPTERS = 3;

/** The words that open a required chapter written as a paragraph of another chapter. */
const RUN_IN_CHAPTER: Record<(typeof REQUIRED_CHAPTERS)[number], RegExp> = {
  problems: /(?:主要|存在的?|发现的?)[^。；\n]{0,6}问题[及和与]?[^。；\n]{0,6}[：:]/,
  improvements: /(?:改进|整改|下一步)[^。；\n]{0,8}(?:措施|建议|计划|工作|打算)?[：:]/,
};

/** Template prompts and placeholders left in by the writer. */
const PROMPTS = [
  /[（(]\s*请[^）)]{0,40}[）)]/,
  /请在此处?(?:填写|输入|说明|简述|描述|列明)|此处(?:填写|输入|简述|描述|说明|列明|填报|补充|概述)/,
  /[XＸ]{2,}|[×✕]{2,}|[○〇]{3,}|[＊*]{3,}/,
  // A template's guidance in parentheses: a word limit ("字数控制在300字以内"), or a 简要说明 of
  // what the paragraph should say, never what a report says of itself.
  /[（(][^（()）]{0,40}(?:(?:控制在|不超过|不多于|限)\d+字|\d+字(?:以内|之内|左右))[^（()）]{0,10}[）)]/,
  /[（(](?:简要|简单|简明)(?:说明|介绍|概述|阐述|描述|叙述)[^（()）]{2,40}[）)]/,
];
const PLACEHOLDER_ONLY = /^[\s…．.。·、_＿-]+$/;
/** What a prompt or a placeholder needs at least: a text without it has neither. */
const PROMPT_OR_PLACEHOLDER = /[请此XＸ×✕○〇＊*＿…字简]|\.{3}|_{2}/;

/** completeness: required chapters, template prompts, blank meta, scores not filled in. */
export function checkCompleteness(evaluation: Evaluation): Finding[] {
  const out: Finding[] = [];
  // A report's outline, not a chapter or two published on their own.
  if (evaluation.kind === 'department' && evaluation.chapters.length >= MIN_CHAPTERS) {
    const present = new Set(evaluation.chapters.map((c) => c.key));
    // Missing only when a chapter that comes after it is there: a report that stops before it
    // (an excerpt, a page cut off) says nothing of it.
    const last = Math.max(...evaluation.chapters.map((c) => CHAPTER_ORDER.indexOf(c.key)));
    // A chapter written as a paragraph of another ("发现的主要问题：…") is there too.
    const prose = evaluation.chapters.flatMap((c) => c.paragraphs).join('\n');
    for (const key of REQUIRED_CHAPTERS)
      if (
        !present.has(key) &&
        !evaluation.chapters.some((c) => TITLE_NAMES[key].test(c.title ?? '')) &&
        !evaluation.outline.some((h) => h.level >= 2 && SUBHEADING_NAMES[key].test(h.title)) &&
        CHAPTER_ORDER.indexOf(key) < last &&
        !RUN_IN_CHAPTER[key].test(prose)
      )
        out.push(
          makeFinding({
            code: 'COMPLETENESS_MISSING',
            severity: 'warning',
            path: 'chapters',
            params: { what: `“${chapterLabel(key)}”部分` },
          }),
        );
  }
  const meta = evaluation.meta;
  for (const [key, label] of [
    ['title', '报告标题'],
    ['head', '单位负责人'],
    ['filler', '填报人'],
    ['phone', '联系电话'],
    ['reportDate', '填报日期'],
  ] as const) {
    const v = meta[key];
    if (v !== undefined && v.trim() === '')
      out.push(
        makeFinding({
          code: 'COMPLETENESS_MISSING',
          severity: 'warning',
          path: `meta.${key}`,
          params: { what: label },
        }),
      );
  }
  for (const item of evaluationTexts(evaluation)) {
    if (!PROMPT_OR_PLACEHOLDER.test(item.text)) continue;
    const text = item.text.trim();
    let stated: string | undefined;
    if (text !== '' && PLACEHOLDER_ONLY.test(text) && /…|\.{3}|_{2}|＿/.test(text)) stated = text;
    for (const re of PROMPTS) {
      if (stated !== undefined) break;
      stated = re.exec(text)?.[0];
    }
    if (stated === undefined) continue;
    out.push(
      makeFinding({
        code: 'COMPLETENESS_TEMPLATE_PROMPT',
        severity: 'warning',
        path: item.path,
        stated,
        excerpt: item.text.length > 120 ? `${item.text.slice(0, 120)}…` : item.text,
        line: item.line,
        params: { place: item.place },
      }),
    );
  }
  const nodes = walkIndicators(evaluation.indicators);
  // A table with no score in any row whose 总分 is 100 or its rows' 分值 added up is an indicator
  // table (绩效评价指标表: 分值 only, the total row the weights' total), not a self-evaluation
  // whose scores were left blank.
  const scored = nodes.some(({ node }) => node.score !== undefined);
  const total = evaluation.stated.total;
  const weightTotal = nodes.reduce(
    (sum, { node }) => sum + (isLeaf(node) && node.weight !== undefined ? node.weight : 0),
    0,
  );
  const weightsOnly =
    !scored && total !== undefined && (total === 100 || Math.abs(total - weightTotal) < 1e-9);
  const anyScore = scored || (total !== undefined && !weightsOnly);
  if (anyScore)
    for (const { node, path } of nodes)
      if (
        isLeaf(node) &&
        !node.notAssessed &&
        node.weight !== undefined &&
        node.score === undefined
      )
        out.push(
          makeFinding({
            code: 'COMPLETENESS_SCORE_MISSING',
            severity: 'warning',
            path: `${path}.score`,
            source: node.source,
            params: { name: node.name, weight: pointsText(node.weight) },
          }),
        );
  // A scored leaf with its target but no actual: the cell was left unfilled. A leaf without a
  // target (预算执行率, whose figures are the fund block's), a 0/0 or "—" row and one not
  // assessed stay silent.
  // A scored table row with neither, among leaves that state their targets: both cells were left
  // unfilled (a table of 评分标准 has no targets at all; an indicator told in prose, "经济效益指标
  // （分值10分，得10分）", has no cells).
  const tableHasTargets = nodes.some(({ node }) => isLeaf(node) && node.target !== undefined);
  const tableRow = (node: IndicatorNode): boolean => node.source?.excerpt?.includes(' | ') ?? false;
  for (const { node, path } of nodes) {
    if (!isLeaf(node) || node.notAssessed || node.weight === undefined) continue;
    if (node.score === undefined || node.weight === 0) continue;
    if (node.actual !== undefined) continue;
    if (node.target === undefined && !(tableHasTargets && tableRow(node))) continue;
    if (/执行率/.test(node.name) || NOT_APPLICABLE.test(node.source?.excerpt ?? '')) continue;
    out.push(
      makeFinding({
        code: 'COMPLETENESS_VALUE_MISSING',
        severity: 'warning',
        path: `${path}.actual`,
        source: node.source,
        params: {
          name: node.name,
          weight: pointsText(node.weight),
          score: pointsText(node.score),
          what: node.target === undefined ? '年度指标值和实际完成值' : '实际完成值',
        },
      }),
    );
  }
  return out;
}

/** A row that says its value does not apply ("—", "/", 不适用, 无): nothing was left unfilled. */
const NOT_APPLICABLE = /(?:^|\|)\s*(?:—+|－|-|\/|不适用|无|不涉及)\s*(?:\||$)/;
