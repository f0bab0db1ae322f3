import { checkEvaluation, normalizeDigits, scoreEvaluation, SEVERITY_RANK } from '@jixiao/domain';
import type { Evaluation, Finding } from '@jixiao/domain';
import {
  anyScoreRead,
  checkDocument,
  checkTables,
  extractEvaluation,
  understandingOf,
  locateFindings,
  NUMBER_STYLE_RANK,
  pagePlacer,
  readDocument,
} from '@jixiao/documents/audit-core';
import type {
  AuditFinding,
  ExtractedReport,
  ExtractionWarning,
  FileAudit,
  PagePlace,
  ReadError,
  ReadResult,
  SourceDocument,
} from '@jixiao/documents/audit-core';
import { readReportFile } from '../read/read-report-file.ts';
import { failedDocumentAudit } from './failed-audit.ts';
import { needsTools } from './needs-tools.ts';
import type { OcrOptions } from '../read/tesseract-ocr.ts';
import { findRulebook } from '../rulebooks/builtin.ts';
import { wholePointRounding } from './whole-point-rounding.ts';
import { finishedBeforeCut, startedAfterCut } from './cut-sentences.ts';
import { isNotice } from './is-notice.ts';

export { failedAudit, failedDocumentAudit } from './failed-audit.ts';
export { needsTools } from './needs-tools.ts';

/** Everything the audit learnt, for callers that want more than the wire shape. */
export interface DocumentAudit extends FileAudit {
  warnings: ExtractionWarning[];
  rulebookConfidence: number | null;
  /** The evaluation read from the report; null when it could not be read. */
  evaluation: Evaluation | null;
  /** Why the report could not be read (its `error` is this message); null when it was read. */
  readError: ReadError | null;
}

const firstNumber = (s: string | undefined): string =>
  /\d+(?:\.\d+)?/.exec((s ?? '').replace(/,/g, ''))?.[0] ?? '';

/**
 * Merges the evaluation checks and the document checks: one finding per category, place and
 * figure (two checks may reach the same figure by different roads), ordered by position.
 */
export function mergeFindings(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  // The most severe of two findings of one figure is kept (a document check's warning over the
  // model's 提示 of the same score).
  const bySeverity = [...findings].sort(
    (a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity],
  );
  for (const f of bySeverity) {
    const keys = [`${f.code}|${f.line ?? f.path}|${f.stated ?? ''}`];
    // The same figure reached from the model and from the text: one finding.
    if (f.category !== 'numbering')
      keys.push(`${f.category}|${f.stated ?? ''}|${squashed(f.excerpt)}`);
    if (f.code.startsWith('DOC_'))
      keys.push(`${f.category}|${f.line ?? f.path}|${firstNumber(f.stated)}`);
    else keys.push(`${f.category}|${f.line ?? f.path}|${firstNumber(f.stated)}|${f.code}`);
    if (keys.some((k) => seen.has(k))) continue;
    for (const k of keys) seen.add(k);
    // A document check of the same category, place and figure as a model check adds nothing.
    seen.add(`${f.category}|${f.line ?? f.path}|${firstNumber(f.stated)}`);
    out.push(f);
  }
  return out.sort(
    (a, b) =>
      (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER) ||
      SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity],
  );
}

const squashed = (s: string | undefined): string =>
  (s ?? '').replace(/[\s\u3000…“”"]+/g, '').slice(0, 40);

/** Completeness findings about text that was read: a cut cannot have made them. */
const PROMPT_CODES = new Set([
  'COMPLETENESS_TEMPLATE_PROMPT',
  'DOC_TEMPLATE_LEFT',
  'DOC_TEMPLATE_LEFT_TEXT',
  'DOC_TEMPLATE_OPTIONS',
]);

/**
 * In a document cut short, totals, completeness and the sums of structures the cut runs through
 * say nothing about the report: they only measure what the cut took away.
 */
function beyondTheCut(f: Finding, line: number): boolean {
  // A score claim is arithmetic on one sentence's own figures: a cut after it changes nothing,
  // and one inside it leaves no figure to match.
  if (f.code.startsWith('DOC_SCORE_')) return false;
  // The total and the sum of the 一级 weights speak of the whole tree, which the cut may end.
  if (f.category === 'total' || f.code === 'WEIGHT_BOOK_TOTAL') return true;
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
 * In a document that begins mid-way (or a chapter or excerpt with no title above its first
 * heading), the first number of a list with no heading above it in the text says nothing: the
 * numbers before it were cut away with what came before; nor do the numbers of the indicator
 * tree's outermost list.
 */
function beforeTheStart(f: Finding, report: ExtractedReport): boolean {
  if (f.category === 'numbering') return untitledExcerpt(report) && numberBeforeTheStart(f, report);
  if (!report.startCut) return false;
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
  return !report.outline.some((e) => e.line < at.line && above(e));
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
  return !report.document.blocks.some(
    (b) => b.line < first.line && b.kind !== 'table' && REPORT_TITLE.test(b.text.trim()),
  );
}

/** A line that names a report: short, no sentence, a report's or a self-evaluation's word. */
const REPORT_TITLE = /^[^。；;]{0,60}(?:报告|自评|评价)[^。；;]{0,60}$/;

const styleRank = (e: ExtractedReport['outline'][number]): number =>
  e.number ? NUMBER_STYLE_RANK[e.number.style] : 0;

/** The number of an indicator of the tree's outermost list (of the report or of one project). */
const ROOT_INDICATOR_NUMBER = /^(?:projectEvaluations\[\d+\]\.)?indicators\[\d+\]\.numberText$/;

const SUBTOTALS = new Set(['weight-subtotal', 'score-subtotal']);

/** The first figure a finding's stated or expected text holds; NaN when it holds none. */
const firstFigure = (text: string | undefined): number =>
  Number(/-?\d+(?:\.\d+)?/.exec(text ?? '')?.[0]);

/** Findings on the whole score tree: a tree whose first groups were cut away lacks parts. */
const WHOLE_TREE_CODES = new Set([
  'TOTAL_MISMATCH',
  'TOTAL_STATED_PARTS',
  'GRADE_MISMATCH',
  'WEIGHT_BOOK_TOTAL',
  'SCORE_BOOK_TOTAL',
]);

/**
 * Evidence that touches the excerpt's edges is uncertain: the first block of a document that
 * begins mid-way (a number or a sentence cut at its start, a table missing its first rows), the
 * score tree as a whole when its first groups may have been cut away, and the last row or
 * sentence of a document cut short (a figure cut mid-number). Each gives at most a warning that
 * says the reading may be truncated.
 */
function atTheEdges(f: Finding, report: ExtractedReport): Finding {
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
function onCutEvidence(f: Finding, report: ExtractedReport): boolean {
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

/** Below this OCR confidence a figure's reading is uncertain (tesseract's word confidence). */
export const LOW_OCR_CONFIDENCE = 0.8;

/**
 * The wire shape of the findings of one document, each placed on its page; the document is
 * indexed once for all of them.
 */
function wireAll(findings: readonly Finding[], document: SourceDocument): AuditFinding[] {
  const place = pagePlacer(document);
  const recognised =
    document.format === 'image' || document.blocks.some((b) => b.confidence !== undefined);
  return findings.map((f) => wire(f, document, place(f.line, f.stated), recognised));
}

function wire(
  f: Finding,
  document: SourceDocument,
  place: PagePlace | undefined,
  recognised: boolean,
): AuditFinding {
  const out: AuditFinding = {
    code: f.code,
    category: f.category,
    severity: f.severity,
    message: f.message,
    stated: f.stated ?? null,
    expected: f.expected ?? null,
    excerpt: f.excerpt ?? null,
    line: f.line ?? null,
  };
  if (place) {
    out.page = place.page;
    out.bbox = place.bbox;
  }
  // Fail closed: a figure read by OCR with low confidence (or not placed at all in a recognised
  // document) proves nothing on its own; it is at most a warning that says so.
  const confidence = place?.confidence;
  const uncertain =
    recognised &&
    (confidence === undefined
      ? place === undefined || document.format === 'image'
      : confidence < LOW_OCR_CONFIDENCE);
  if (uncertain) {
    if (out.severity === 'error') out.severity = 'warning';
    const sure = confidence !== undefined ? `，置信度 ${Math.round(confidence * 100)}%` : '';
    out.message = `文字识别结果不确定${sure}，请核对原件：${out.message}`;
  }
  return out;
}

/**
 * Reads a report (.docx, .txt, .html), extracts its evaluation, scores it with the rulebook its
 * structure suggests and lists every inconsistency with the sentence or row it comes from.
 * Unreadable input is an `ok: false` result with a Chinese message, never an exception.
 */
export function auditDocument(bytes: Uint8Array, fileName: string): DocumentAudit {
  return auditRead(readDocument(bytes, fileName), fileName);
}

/**
 * `auditDocument` for every format a report comes in: PDFs (scanned pages by OCR), pictures,
 * .doc/.wps through LibreOffice; findings from a PDF carry their page and box.
 */
export async function auditReport(
  bytes: Uint8Array,
  fileName: string,
  options: OcrOptions = {},
): Promise<DocumentAudit> {
  if (!needsTools(fileName)) return auditDocument(bytes, fileName);
  return auditRead(await readReportFile(bytes, fileName, options), fileName);
}

/** The audit of a report already read (or the failure to read it). */
export function auditRead(read: ReadResult, fileName: string): DocumentAudit {
  if (!read.ok) return failedDocumentAudit(fileName, read.error.message, read.error);
  const report = extractEvaluation(read.document);
  const evaluation = report.evaluation;
  const rulebook = findRulebook(evaluation.rulebookId);
  // No indicator read, nothing to score: a computed total of 0 would only mislead.
  const scored = rulebook !== undefined && hasIndicators(evaluation);
  let computedTotal: number | null = null;
  const domainFindings: Finding[] = [];
  if (rulebook) {
    const sheet = scoreEvaluation(evaluation, rulebook);
    // Nor does a table none of whose 得分 was read: its "total" of 0 is not a score.
    if (scored && anyScoreRead(evaluation)) computedTotal = sheet.total;
    const all = checkEvaluation(evaluation, rulebook, sheet);
    domainFindings.push(...(scored ? all : all.filter((f) => !TREE_CODES.has(f.code))));
  }
  const located = locateFindings(
    [...domainFindings, ...checkDocument(report), ...checkTables(report)],
    report,
  );
  // What lies beyond a cut goes before the duplicates are merged: a sentence's own score claim
  // then stands for a finding of the model that the cut removed.
  const cut = report.truncation;
  const findings = wholePointRounding(
    mergeFindings(
      (cut
        ? located.filter((f) => !beyondTheCut(f, cut.line) || finishedBeforeCut(f, report))
        : located
      ).filter(
        (f) =>
          !beforeTheStart(f, report) &&
          !partsUnread(f, report) &&
          !onCutEvidence(f, report) &&
          !(f.code === 'COMPLETENESS_MISSING' && f.path === 'chapters' && isNotice(report)),
      ),
    ).map((f) => atTheEdges(failClosed(f, report), report)),
    evaluation,
  );
  const understanding = understandingOf(report);
  return {
    file: fileName,
    ok: true,
    summary: {
      title: evaluation.meta.title ?? null,
      department: report.found.unit ? evaluation.meta.unitName : null,
      year: report.found.year ? evaluation.meta.year : null,
      rulebook: rulebook && scored ? rulebook.id : null,
      rulebookName: rulebook && scored ? rulebook.name : null,
      claimedTotal: report.claimedTotal?.value ?? evaluation.stated.total ?? null,
      computedTotal,
      understanding,
    },
    findings: wireAll(findings, read.document),
    notes: report.warnings.map((w) => (w.line ? `第${w.line}行：${w.message}` : w.message)),
    warnings: report.warnings,
    rulebookConfidence: report.rulebook.confidence,
    evaluation,
    readError: null,
  };
}

/** The wire shape only (what `--format json` prints per file). */
export function toFileAudit(audit: DocumentAudit): FileAudit {
  return {
    file: audit.file,
    ok: audit.ok,
    ...(audit.error !== undefined ? { error: audit.error } : {}),
    summary: audit.summary,
    findings: audit.findings,
    notes: audit.notes,
  };
}

/** Findings about the score tree as a whole: meaningless when no indicator was read. */
const TREE_CODES = new Set([
  'TOTAL_MISMATCH',
  'TOTAL_STATED_PARTS',
  'GRADE_MISMATCH',
  'WEIGHT_BOOK_TOTAL',
]);

function hasIndicators(e: Evaluation): boolean {
  const attached = e.kind === 'department' ? (e.projectEvaluations ?? []) : [];
  return e.indicators.length > 0 || attached.some((p) => p.indicators.length > 0);
}

const SCORE_RULE_CODES = new Set([
  'EXECUTION_SCORE_RULE',
  'SCORE_RULE_TARGET_MISSED',
  'SCORE_RULE_MISMATCH',
]);

/**
 * A sum over the tree that falls short of what the table states, in a table with rows whose
 * cells ran together and could not be split: the rows left unread are what it lacks.
 */
function partsUnread(f: Finding, report: ExtractedReport): boolean {
  if (!WHOLE_TREE_CODES.has(f.code) && !SUBTOTALS.has(f.category)) return false;
  const unread = report.selfEvaluationTables.some((t) =>
    (t.uncertain ?? []).some((u) => u.runTogether === 'whole'),
  );
  if (!unread) return false;
  const stated = firstFigure(f.stated);
  const expected = firstFigure(f.expected);
  if (!Number.isFinite(stated) || !Number.isFinite(expected)) return false;
  // The book's 100 against the weights read; any other sum against the total it states.
  return f.code === 'WEIGHT_BOOK_TOTAL' ? stated < expected : stated > expected;
}

/**
 * Fails closed: a figure read with doubt supports a warning, never an error. Doubt is a table
 * row whose cells fitted its columns in more than one way, or a self-score that is the rulebook's
 * score rounded to a whole point (a local rounding rule the document does not state).
 */
function failClosed(f: Finding, report: ExtractedReport): Finding {
  if (f.severity !== 'error') return f;
  const uncertain = report.selfEvaluationTables.some((t) =>
    (t.uncertain ?? []).some((u) => u.line === f.line),
  );
  if (uncertain)
    return { ...f, severity: 'warning', message: `${f.message}（该行表格读取有歧义，请人工核对）` };
  // Sums over the whole tree or a group of it rest on every row: where rows whose cells ran
  // together were split by fit alone, a misread row may be what makes them disagree.
  if (
    (WHOLE_TREE_CODES.has(f.code) || SUBTOTALS.has(f.category)) &&
    report.selfEvaluationTables.some((t) => (t.uncertain ?? []).some((u) => u.runTogether))
  )
    return {
      ...f,
      severity: 'warning',
      message: `${f.message}（表格各行单元格连在一起，按列拆分读取，请人工核对）`,
    };
  const stated = Number(f.stated);
  const expected = Number(/-?\d+(?:\.\d+)?/.exec(f.expected ?? '')?.[0]);
  // 一级 weights short of the book's total, with no indicator block in a table: read from prose
  // (or a fund block alone), the likelier cause is a group the reading missed.
  // The same for a stated 总分 above the sum of the 一级 scores read from prose: a hard-wrapped
  // line can hide a group's "分值…得分" from the reading.
  const partsShort =
    f.code === 'TOTAL_STATED_PARTS' &&
    Number(/-?\d+(?:\.\d+)?/.exec(f.stated ?? '')?.[0]) > expected;
  if (
    ((f.code === 'WEIGHT_BOOK_TOTAL' && stated < expected) || partsShort) &&
    !report.selfEvaluationTables.some((t) => t.indicators.length > 1)
  )
    return {
      ...f,
      severity: 'warning',
      message: `${f.message}（指标从正文读取，可能未读全，请人工核对）`,
    };
  if (
    SCORE_RULE_CODES.has(f.code) &&
    Number.isInteger(stated) &&
    Number.isFinite(expected) &&
    !Number.isInteger(expected) &&
    Math.round(expected) === stated
  )
    return {
      ...f,
      severity: 'warning',
      message: `${f.message}（按整数分取整则一致；报告未写明取整规则）`,
    };
  return f;
}
