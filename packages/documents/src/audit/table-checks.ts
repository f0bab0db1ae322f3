import type { Evaluation, Finding, IndicatorNode } from '@jixiao/domain';
import { normalizeDigits } from '@jixiao/domain';
import type { ExtractedReport } from '../extract/extract-evaluation.ts';
import { cellType } from '../extract/cell-align.ts';
import { checkGoalActuals } from './goal-actuals.ts';
import { str } from './message-params.ts';
import type { Params } from './message-params.ts';

/** Codes of the checks on the 自评表s as read, beyond the evaluation model. */
export type TableCheckCode = 'DOC_GOAL_AMOUNTS' | 'DOC_TEMPLATE_LABEL' | 'DOC_FORM_BLANK';

/** Chinese messages of the table checks, one per code. */
export function tableCheckMessage(code: TableCheckCode, p: Params): string {
  switch (code) {
    case 'DOC_GOAL_AMOUNTS':
      return `年度总体目标的“预期目标”“实际完成情况”填写的是数字（${str(p, 'stated')}），而不是目标和完成情况的表述`;
    case 'DOC_TEMPLATE_LABEL':
      return `保留了模板的占位文字“${str(p, 'stated')}”，未按本单位实际情况改写`;
    case 'DOC_FORM_BLANK':
      return `自评表有表头（${str(p, 'stated')}），却没有一个数字：预算数、执行数、执行率、分值、得分和指标值均为空，无法核对。可能是未填写的模板，或转存时数字丢失，请取得填写完整的原件`;
  }
}

/**
 * A template's placeholder left in the report: "XX局", "××万元", "完成XX社区等3个…" (labels:
 * document-checks): XX before any word, since a report has no other use for it.
 */
const PLACEHOLDER =
  /(?:[×Ｘ]{2,}|XX)(?:单位|部门|项目|万元|社区|街道|学校|医院|中心|[\u4e00-\u9fa5%％])/;

/**
 * Checks of what only the tables and the page show: goals filled with figures instead of
 * statements, a goal's achievement restating an indicator's actual differently, a template's
 * label or placeholders left in.
 */
export function checkTables(report: ExtractedReport): Finding[] {
  const out: Finding[] = [];
  const blank = blankForm(report);
  if (blank) out.push(blank);
  for (const b of report.document.blocks) {
    if (b.kind === 'table') continue;
    const t = b.text.replace(/[\s\u3000]+/g, '');
    const label = PLACEHOLDER.exec(t)?.[0];
    if (!label) continue;
    const params: Params = { stated: label };
    out.push({
      code: 'DOC_TEMPLATE_LABEL',
      category: 'completeness',
      severity: 'warning',
      message: tableCheckMessage('DOC_TEMPLATE_LABEL', params),
      path: 'chapters',
      params,
      stated: label,
      line: b.line,
      excerpt: b.text.trim().slice(0, 80),
    });
  }
  for (const t of report.selfEvaluationTables) {
    for (const g of t.goals ?? []) {
      const cells = [g.expected, g.actual].filter((c): c is string => c !== undefined);
      const figures = cells.filter((c) => {
        const type = cellType(c);
        return type === 'number' || type === 'percent';
      });
      if (cells.length === 0 || figures.length !== cells.length) continue;
      const stated = cells.join(' / ');
      const params: Params = { stated };
      out.push({
        code: 'DOC_GOAL_AMOUNTS',
        category: 'completeness',
        severity: 'warning',
        message: tableCheckMessage('DOC_GOAL_AMOUNTS', params),
        path: 'goals',
        params,
        stated,
        expected: '目标和完成情况的文字表述',
        line: g.line,
        excerpt: `年度总体目标 | ${stated}`,
      });
    }
  }
  out.push(...checkGoalActuals(report.selfEvaluationTables));
  return out;
}

/** The headings of a 自评表's columns and rows; a text with most of them holds such a table. */
const FORM_HEADINGS: readonly [RegExp, string][] = [
  [/预算数|预算金额/, '预算数'],
  [/执行数|实际支出/, '执行数'],
  [/执行率/, '执行率'],
  [/一级指标/, '一级指标'],
  [/二级指标/, '二级指标'],
  [/三级指标/, '三级指标'],
  [/指标值|目标值|预期目标/, '指标值'],
  [/完成值|实际完成/, '完成值'],
  [/分值|权重/, '分值'],
  [/得分/, '得分'],
];
/** The fewest headings that make a text a 自评表 rather than prose that names a few of them. */
const FORM_HEADINGS_NEEDED = 6;
/** Page marks, which carry digits even on a form with none filled in: 1/3, 第2页, - 3 -. */
const PAGE_MARK = /\d+\s*\/\s*\d+|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?|[-—－]\s*\d+\s*[-—－]/g;
const DIGIT = /[\d０-９]/;

/**
 * Whether a text has a digit outside its page marks (as `DIGIT.test(text.replace(PAGE_MARK, ''))`
 * says, without copying the text): a mark holds a digit and starts at most a 第 or a dash and
 * spaces before it, so one that takes in the first digit starts there, and most texts are decided
 * by their first digit.
 */
function digitBesidePageMarks(text: string): boolean {
  const first = text.search(DIGIT);
  if (first < 0) return false;
  let from = first;
  while (from > 0 && /\s/.test(text.charAt(from - 1))) from--;
  PAGE_MARK.lastIndex = Math.max(0, from - 1);
  let m = PAGE_MARK.exec(text);
  if (!m || m.index > first) return true;
  // The first digit is in a mark: the text between the marks decides, as the replacement would.
  let gap = 0;
  PAGE_MARK.lastIndex = 0;
  for (m = PAGE_MARK.exec(text); m; m = PAGE_MARK.exec(text)) {
    if (DIGIT.test(text.slice(gap, m.index))) return true;
    gap = m.index + m[0].length;
  }
  return DIGIT.test(text.slice(gap));
}

/**
 * A 自评表 with its headings and not one figure (a form published unfilled, or a copy whose
 * digits were stripped): nothing in it can be checked, which the audit must say rather than
 * report no problem. A warning, since whether the original was filled in is unknown.
 */
function blankForm(report: ExtractedReport): Finding | undefined {
  const blocks = report.document.blocks;
  const text = blocks.map((b) => b.text).join('\n');
  // A page mark in full-width digits ("１/３") is a page mark too.
  if (digitBesidePageMarks(normalizeDigits(text))) return undefined;
  const found = FORM_HEADINGS.filter(([re]) => re.test(text)).map(([, name]) => name);
  if (found.length < FORM_HEADINGS_NEEDED) return undefined;
  const first = blocks.find((b) => FORM_HEADINGS.some(([re]) => re.test(b.text)));
  const stated = found.join('、');
  const params: Params = { stated };
  return {
    code: 'DOC_FORM_BLANK',
    category: 'completeness',
    severity: 'warning',
    message: tableCheckMessage('DOC_FORM_BLANK', params),
    path: 'indicators',
    params,
    stated,
    expected: '预算数、执行数、分值、得分、指标值和完成值',
    ...(first ? { line: first.line, excerpt: first.text.trim().slice(0, 80) } : {}),
  };
}

/** How much of a report was understood: what the audit says instead of a bare "no problem". */
export interface Understanding {
  /** `recognised`: a 自评表 or an indicator tree was read; `partial`: only figures in prose. */
  status: 'recognised' | 'partial' | 'not-recognised';
  /** 自评表s read (tables and tables written as text). */
  tables: number;
  /** Indicators with a weight or score that were read. */
  indicators: number;
  /** Figures stated in the prose (amounts, percentages, counts) that checks can compare. */
  figures: number;
  /** The 自评表 layout matched best, with its confidence (0–1). */
  template: { id: string; name: string; confidence: number } | null;
  /** Chinese: what was read, or what was tried and not found. */
  message: string;
}

const FIGURE = /\d+(?:\.\d+)?(?:万元|亿元|元|%|个|项|人|家|分)/g;

/** Leaves read with something to check: a weight, a score, a target or an outcome. */
function leaves(nodes: readonly IndicatorNode[], scoredOnly = false): number {
  return nodes.reduce(
    (n, c) =>
      n +
      (c.children && c.children.length > 0
        ? leaves(c.children, scoredOnly)
        : (
              scoredOnly
                ? c.score !== undefined
                : c.weight !== undefined ||
                  c.score !== undefined ||
                  c.target !== undefined ||
                  c.actual !== undefined
            )
          ? 1
          : 0),
    0,
  );
}

/** Whether any indicator of the report (or of a project attached to it) has a stated score. */
export function anyScoreRead(e: Evaluation): boolean {
  const attached = e.kind === 'department' ? (e.projectEvaluations ?? []) : [];
  return leaves(e.indicators, true) > 0 || attached.some((p) => leaves(p.indicators, true) > 0);
}

export function understandingOf(report: ExtractedReport): Understanding {
  const e = report.evaluation;
  const tables = report.selfEvaluationTables.length;
  const attached = e.kind === 'department' ? (e.projectEvaluations ?? []) : [];
  const indicators = leaves(e.indicators) + attached.reduce((n, p) => n + leaves(p.indicators), 0);
  const figures = report.sentences.reduce((n, s) => n + (s.text.match(FIGURE)?.length ?? 0), 0);
  const best = report.selfEvaluationTables
    .map((t) => t.template)
    .filter((m) => m !== undefined)
    .sort((a, b) => b.confidence - a.confidence)[0];
  const template = best
    ? { id: best.template.id, name: best.template.name, confidence: best.confidence }
    : null;
  const fundRead = e.funds.total?.executed !== undefined || e.funds.total?.budget !== undefined;
  if (tables > 0 || indicators >= 3) {
    const layout =
      template && template.confidence >= 0.5
        ? `，格式近似“${template.name}”（置信度${template.confidence}）`
        : template
          ? `，未能匹配已知自评表格式（最接近“${template.name}”，置信度${template.confidence}）`
          : '';
    // A table read without a single 得分 (a 转移支付 table without score columns, an indicator
    // list with 分值 only) cannot be scored: said, so that no "未发现问题" stands for a score.
    const unscored = anyScoreRead(e) ? '' : '；表中未读出任何得分，未能计算自评总分';
    return {
      status: 'recognised',
      tables,
      indicators,
      figures,
      template,
      message: `已识别自评表${tables}张、指标${indicators}项、正文数字${figures}处${layout}${unscored}`,
    };
  }
  if (fundRead || figures > 0) {
    return {
      status: 'partial',
      tables,
      indicators,
      figures,
      template,
      message: `未能识别自评表结构（已尝试：表格表头、逐行文本表格、正文指标段落）；仅核对了正文中的数字${figures}处${fundRead ? '及资金执行情况' : ''}`,
    };
  }
  return {
    status: 'not-recognised',
    tables,
    indicators,
    figures,
    template,
    message:
      '未能识别自评表结构，正文中也未找到可核对的数字（已尝试：表格表头、逐行文本表格、正文指标段落），本文件未作实质审核',
  };
}
