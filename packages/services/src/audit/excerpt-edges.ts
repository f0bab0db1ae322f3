import { normalizeDigits } from '@jixiao/domain';
import type { Finding } from '@jixiao/domain';
import { NUMBER_STYLE_RANK } from '@jixiao/documents/audit-core';
import type { ExtractedReport } from '@jixiao/documents/audit-core';
import { finishedBeforeCut, startedAfterCut } from './cut-sentences.ts';
import { firstFigure, SUBTOTALS, WHOLE_TREE_CODES } from './finding-kinds.ts';

/** Completeness findings about text that was read: a cut cannot have made them. */
const PROMPT_CODES = new Set([
  'COMPLETENESS_TEMPLATE_PROMPT',
  'DOC_TEMPLATE_LEFT',
  'DOC_TEMPLATE_LEFT_TEXT',
  'DOC_TEMPLATE_OPTIONS',
  'DOC_TEMPLATE_BLANK',
]);

/**
 * In a document cut short, totals, completeness and the sums of structures the cut runs through
 * say nothing about the report: they only measure what the cut took away.
 */
export function beyondTheCut(f: Finding, line: number, edgesUnsure = false): boolean {
  // A score claim is arithmetic on one sentence's own figures: a cut after it changes nothing,
  // and one inside it leaves no figure to match.
  if (f.code.startsWith('DOC_SCORE_')) return false;
  // An attachment's title read to its end (…自评表) names what it names, whatever follows it.
  if (f.code === 'DOC_ATTACHMENT_NAME') return false;
  // The total and the sum of the 一级 weights speak of the whole tree, which the cut may end.
  // A cut only takes weights away: 一级 weights read before it that already pass the book's
  // total (101 of 100) say so whatever followed, unless an edge may have changed what was read
  // (`edgesUnsure`): the text begins mid-way (rows without the group above them may be taken for
  // groups), or the cut falls on a row's figures (a figure cut mid-number).
  if (f.code === 'WEIGHT_BOOK_TOTAL')
    return edgesUnsure || !(firstFigure(f.stated) > firstFigure(f.expected));
  if (f.category === 'total') return true;
  // A gap the cut may have made (a missing chapter, a score not yet reached) says nothing; a
  // cell before the cut that holds the wrong thing still does.
  // A template prompt or placeholder was read, so it lies before the cut.
  if (f.category === 'completeness')
    return (
      !PROMPT_CODES.has(f.code) &&
      (!f.code.startsWith('DOC_') || f.line === undefined || f.line >= line)
    );
  const structural = [
    'sum',
    'weight-subtotal',
    'score-subtotal',
    'cross-section',
    'deduction',
    'execution-score',
  ];
  return structural.includes(f.category) && (f.line === undefined || f.line >= line);
}

/**
 * Whether a finding on the total (or the 一级 weights' sum) cites a 自评表's 合计 row that was
 * read before the cut: the rows above a table's own total row are the whole table, wherever the
 * text after it stops.
 */
export function closedByTotalRow(f: Finding, report: ExtractedReport): boolean {
  if (f.category !== 'total' && f.code !== 'WEIGHT_BOOK_TOTAL') return false;
  const cut = report.truncation;
  if (f.line === undefined || cut === undefined || f.line >= cut.line) return false;
  return report.selfEvaluationTables.some((t) => t.statedTotal?.line === f.line);
}

/**
 * In a document that begins mid-way (or a chapter or excerpt with no title above its first
 * heading), the first number of a list with no heading above it in the text says nothing: the
 * numbers before it were cut away with what came before; nor do the numbers of the indicator
 * tree's outermost list.
 */
export function beforeTheStart(f: Finding, report: ExtractedReport): boolean {
  if (f.category === 'numbering') return untitledExcerpt(report) && numberBeforeTheStart(f, report);
  if (!report.startCut) return false;
  if (onFigureCutAtStart(f, report)) return true;
  // The tree's parts falling short of its total, or of the book's 100, measure only the groups
  // the cut took away (as beyond a cut at the end); parts above it still say something.
  if (WHOLE_TREE_CODES.has(f.code)) {
    const stated = firstFigure(f.stated);
    const expected = firstFigure(f.expected);
    if (!Number.isFinite(stated) || !Number.isFinite(expected)) return false;
    return f.code === 'WEIGHT_BOOK_TOTAL' ? stated < expected : stated > expected;
  }
  return false;
}

/** The figure a text cut mid-way opens on, with its unit ("68.00万元" of a cut "868.00万元"). */
const OPENING_FIGURE = /^([\d,.]+(?:万元|亿元|元|%))/;
/** The params of a ratio that name the figures it was computed on. */
const RATIO_FIGURES = ['budget', 'actual', 'whole', 'part', 'base', 'value'];

/**
 * A rate or share computed on the figure a text opens with when the cut went through it: the cut
 * took its name and perhaps its first digits ("…868.00万元" read as "68.00万元"), so what it is
 * of, and how much, proves nothing (as a figure cut at the end proves nothing).
 */
function onFigureCutAtStart(f: Finding, report: ExtractedReport): boolean {
  if (f.category !== 'ratio' || !f.code.startsWith('DOC_CLAIM_')) return false;
  const first = report.document.blocks.find((b) => b.line === report.startCut?.line);
  if (!first || first.kind === 'table') return false;
  const opening = OPENING_FIGURE.exec(normalizeDigits(first.text.trim()))?.[1]?.replace(/,/g, '');
  if (!opening) return false;
  return RATIO_FIGURES.some((k) => {
    const v = f.params[k];
    return typeof v === 'string' && normalizeDigits(v).replace(/,/g, '') === opening;
  });
}

/** A numbering finding that the start of an excerpt may have made. */
function numberBeforeTheStart(f: Finding, report: ExtractedReport): boolean {
  // The indicators read first may be the children of a group the cut took away, and the groups
  // read after them its siblings: the numbers of the outermost list are not one list.
  if (ROOT_INDICATOR_NUMBER.test(f.path)) return true;
  if (f.code !== 'NUMBERING_GAP' || f.params['previous'] !== '') return false;
  const at = report.outline.find((e) => e.line === f.line);
  if (!at) return false;
  // A heading above it: one of a style that ranks above its own in Chinese documents (一、 over
  // （一） over 1. over （1）), or, where a style is unknown, one the outline put higher.
  const rank = styleRank(at);
  const above = (e: ExtractedReport['outline'][number]): boolean =>
    rank > 0 && styleRank(e) > 0 ? styleRank(e) < rank : e.level < at.level;
  // One that is itself the first shown of its list past 1 ("第三部分" over "八、") began where the
  // text began mid-way: it proves no start above the heading either.
  const cutToo = (e: ExtractedReport['outline'][number]): boolean =>
    e.number !== undefined &&
    e.number.value !== 1 &&
    !report.outline.some((o) => o.line < e.line && o.number?.style === e.number?.style);
  return !report.outline.some((e) => e.line < at.line && above(e) && !cutToo(e));
}

/**
 * A text that begins as no report begins: its first numbered heading is not the first of its list
 * (五、, （2）) and no line above it names a report (a chapter or an excerpt, whose first line may
 * be the tail of a cut heading).
 */
function untitledExcerpt(report: ExtractedReport): boolean {
  if (report.startCut) return true;
  const first = report.outline.find((e) => e.number !== undefined);
  if (!first || first.number?.value === 1) return false;
  const above = report.document.blocks.filter((b) => b.line < first.line && b.kind !== 'table');
  // A title that says it is an excerpt ("…自评报告（节选）") promises no chapters before.
  if (above.some((b) => EXCERPT_MARK.test(b.text))) return true;
  return !above.some((b) => REPORT_TITLE.test(b.text.trim()));
}

/** A title's mark that what follows is a part of the report: （节选）, （摘录）, （摘编）. */
const EXCERPT_MARK = /[（(](?:节选|摘录|摘编|摘要)[）)]/;

/** A line that names a report: short, no sentence, a report's or a self-evaluation's word. */
const REPORT_TITLE = /^[^。；;]{0,60}(?:报告|自评|评价)[^。；;]{0,60}$/;

const styleRank = (e: ExtractedReport['outline'][number]): number =>
  e.number ? NUMBER_STYLE_RANK[e.number.style] : 0;

/** The number of an indicator of the tree's outermost list (of the report or of one project). */
const ROOT_INDICATOR_NUMBER = /^(?:projectEvaluations\[\d+\]\.)?indicators\[\d+\]\.numberText$/;

/**
 * Evidence that touches the excerpt's edges is uncertain: the first block of a document that
 * begins mid-way (a number or a sentence cut at its start, a table missing its first rows), the
 * score tree as a whole when its first groups may have been cut away, and the last row or
 * sentence of a document cut short (a figure cut mid-number). Each gives at most a warning that
 * says the reading may be truncated.
 */
export function atTheEdges(f: Finding, report: ExtractedReport): Finding {
  if (f.severity !== 'error') return f;
  const start = report.startCut;
  const edge = report.truncation?.edge;
  const atStart =
    start !== undefined &&
    (WHOLE_TREE_CODES.has(f.code) ||
      (f.line !== undefined &&
        f.line >= start.line &&
        f.line <= start.through &&
        !startedAfterCut(f, report)) ||
      (f.line !== undefined && firstGroupOf(f)));
  const lastFigure = report.lastFigure;
  const figures = (s: string | undefined): string[] =>
    (normalizeDigits(s ?? '').match(/\d[\d.]*/g) ?? []).map((x) => x.replace(/\.$/, ''));
  // The document's last figure may have been cut mid-number (99 read as 9): a finding on its row
  // or stating it is uncertain when what was expected there could begin with the figure read
  // (or nothing was expected). 92.23 stated where 98.23 is due is no cut 98.23: that stays.
  const cutFigure =
    lastFigure !== undefined &&
    (() => {
      const written = normalizeDigits(lastFigure.figure);
      // A figure ending on its decimal point ("0.") was cut there.
      if (written.endsWith('.')) return true;
      const expected = figures(f.expected);
      return expected.length === 0 || expected.some((e) => e !== written && e.startsWith(written));
    })();
  const statesLast =
    lastFigure !== undefined &&
    figures(f.stated).includes(normalizeDigits(lastFigure.figure).replace(/\.$/, ''));
  const atEnd =
    (f.line !== undefined &&
      edge !== undefined &&
      f.line >= edge &&
      !finishedBeforeCut(f, report)) ||
    (cutFigure &&
      ((f.line !== undefined && f.line >= (lastFigure?.line ?? Infinity)) || statesLast));
  // A tree in a document that begins mid-way may be nested wrongly (the headings or group cells
  // that fixed the levels were cut away); one read from headings and prose in a document cut
  // short may also lack the children beyond the cut.
  // In any document cut short, a group whose children fall short of it may have the rest beyond
  // the cut.
  const childrenShort = firstFigure(f.stated) > firstFigure(f.expected);
  const fromProse =
    SUBTOTALS.has(f.category) &&
    (start !== undefined ||
      (report.truncation !== undefined &&
        (childrenShort || !report.selfEvaluationTables.some((t) => t.indicators.length > 1))));
  if (fromProse)
    return {
      ...f,
      severity: 'warning',
      message: `${f.message}（摘录被截断，指标层级和下级指标可能未读全，请核对原文）`,
    };
  if (!atStart && !atEnd) return f;
  const where = atStart ? '摘录开头被截断' : '摘录末尾被截断';
  return {
    ...f,
    severity: 'warning',
    message: `${f.message}（${where}，所读数字或部分可能不全，请核对原文）`,
  };
}

/**
 * Whether a subtotal finding is about the first indicator group read: in a document that begins
 * mid-way, that group's first children may lie before the start.
 */
function firstGroupOf(f: Finding): boolean {
  if (!SUBTOTALS.has(f.category) && f.category !== 'sum') return false;
  return (
    /^indicators\[0\]/.test(f.path) || /^projectEvaluations\[0\]\.indicators\[0\]/.test(f.path)
  );
}

/** A text that starts inside a figure: digits and their unit, or a figure's rest after a comma. */
const STARTS_MID_FIGURE =
  /^(?:[,，.．][\d０-９]|[\d０-９][\d０-９.,，]*\s*(?:[万亿]?元|%|％|个|人|项|家|户|次|亩|公里|km|分))/;

/** The figures a text holds, as written without thousands separators. */
const figuresIn = (text: string | undefined): string[] =>
  normalizeDigits(text ?? '')
    .replace(/(\d),(?=\d{3})/g, '$1')
    .match(/\d+(?:\.\d+)?/g) ?? [];

/** Parts read short of their stated total: a list that may go on past a cut. */
const PARTS_SHORT_CODES = new Set(['DOC_SCORE_TOTAL', 'DOC_SCORE_PARTS', 'DOC_CLAIM_PARTS_SHORT']);

/**
 * Evidence the cut certainly changed proves nothing, not even with a warning: the document's first
 * figure when it begins inside one ("6万元，其中…" is the end of 13.06), in the section it opens; its
 * last figure when it ends on a decimal point ("98."), on that row; and parts short of their total
 * in the first block of a document that begins mid-way or the last one of a document cut short
 * (the list of parts runs into the cut).
 */
export function onCutEvidence(f: Finding, report: ExtractedReport): boolean {
  const start = report.startCut;
  const line = f.line;
  if (line === undefined) return false;
  const partsShort =
    PARTS_SHORT_CODES.has(f.code) && firstFigure(f.stated) > firstFigure(f.expected);
  if (start !== undefined) {
    // A score's parts come before its total ("…得分18分，…总得分93分"): the first may be cut off.
    // A claim's parts follow its total ("合计X，其中…"), which the cut left in place.
    const partsFirst = partsShort && f.code.startsWith('DOC_SCORE_');
    if (partsFirst && line >= start.line && line <= start.through) return true;
    const head = report.document.blocks.find((b) => b.line === start.line)?.text.trim() ?? '';
    const sectionEnd = report.outline.find((e) => e.line > start.line)?.line ?? Infinity;
    if (STARTS_MID_FIGURE.test(head) && line < sectionEnd) {
      const cutFigure = figuresIn(head)[0];
      if (cutFigure !== undefined && figuresIn(f.message).includes(cutFigure)) return true;
      // ",058.20万元增加" then "68.15万元，其中…": the figure opening the next line was named on
      // the cut one (its 增加 or 合计 lost with the cut's start), so it proves nothing either.
      const next = report.document.blocks.find((b) => b.line > start.line)?.text.trim() ?? '';
      const carried = /[。；;！？!?]$/.test(head)
        ? undefined
        : /^[\d０-９]/.test(next)
          ? figuresIn(next)[0]
          : undefined;
      if (carried !== undefined && figuresIn(f.message).includes(carried)) return true;
    }
  }
  const cut = report.truncation;
  if (cut !== undefined && partsShort && line >= cut.line && !finishedBeforeCut(f, report))
    return true;
  const last = report.lastFigure;
  if (last === undefined || !normalizeDigits(last.figure).endsWith('.')) return false;
  const figure = normalizeDigits(last.figure).replace(/\.$/, '');
  return line >= last.line || figuresIn(f.stated).includes(figure);
}
