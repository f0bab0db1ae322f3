import {
  checkEvaluation,
  ownRow,
  prefixFindings,
  scoreEvaluation,
  SEVERITY_RANK,
} from '@jixiao/domain';
import type { Evaluation, Finding } from '@jixiao/domain';
import {
  anyScoreRead,
  checkDocument,
  checkTables,
  extractEvaluation,
  fileLine,
  understandingOf,
  locateFindings,
  pagePlacer,
  readDocument,
} from '@jixiao/documents/audit-core';
import type {
  AuditFinding,
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
import { finishedBeforeCut } from './cut-sentences.ts';
import {
  atTheEdges,
  beforeTheStart,
  beyondTheCut,
  closedByTotalRow,
  onCutEvidence,
} from './excerpt-edges.ts';
import {
  capOfInferredBook,
  excerptedTable,
  failClosed,
  leavesForGroups,
  partsUnread,
} from './fail-closed.ts';
import { TREE_CODES } from './finding-kinds.ts';
import { isNotice } from './is-notice.ts';
import { withoutReasonColumn } from './reason-column.ts';
import { onInferredBook, rulebookBasis } from './rulebook-basis.ts';
import { numberOnUnreadHeading, openingNumberMissing } from './numbering-start.ts';

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
    // Two indicators on one line (the rows of an html table) are two places.
    const place = `${f.line ?? f.path}${f.code.startsWith('DOC_') ? '' : ownRow(f)}`;
    const keys = [`${f.code}|${place}|${f.stated ?? ''}`];
    // The same figure reached from the model and from the text: one finding.
    if (f.category !== 'numbering')
      keys.push(`${f.category}|${f.stated ?? ''}|${squashed(f.excerpt)}`);
    if (f.code.startsWith('DOC_'))
      keys.push(`${f.category}|${f.line ?? f.path}|${firstNumber(f.stated)}`);
    else keys.push(`${f.category}|${place}|${firstNumber(f.stated)}|${f.code}`);
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
  // A report whose indicators are all in attached project tables has an empty tree of its own.
  const ownTree = scored && evaluation.indicators.length > 0;
  // Checks of the tree stand only where there is a tree to check.
  const treeChecked = (found: Finding[], tree: boolean): Finding[] =>
    tree ? found : found.filter((f) => !TREE_CODES.has(f.code));
  if (rulebook) {
    const sheet = scoreEvaluation(evaluation, rulebook);
    // Nor does a table none of whose 得分 was read: its "total" of 0 is not a score; nor a
    // report whose indicators are all in attached project tables.
    if (ownTree && anyScoreRead(evaluation)) computedTotal = sheet.total;
    domainFindings.push(...treeChecked(checkEvaluation(evaluation, rulebook, sheet), scored));
    // The other project tables of a project report, each checked as its own evaluation (their
    // findings carry the table's rows, so they are placed there and not on the first table).
    report.otherProjects.forEach((project, i) => {
      const found = checkEvaluation(project, rulebook, scoreEvaluation(project, rulebook));
      domainFindings.push(
        ...prefixFindings(treeChecked(found, hasIndicators(project)), `otherProjects[${i}]`),
      );
    });
  }
  const located = locateFindings(
    [...domainFindings, ...checkDocument(report), ...checkTables(report)],
    report,
  );
  // What lies beyond a cut goes before the duplicates are merged: a sentence's own score claim
  // then stands for a finding of the model that the cut removed.
  const cut = report.truncation;
  const basis = rulebook ? rulebookBasis(rulebook, report) : undefined;
  const findings = wholePointRounding(
    mergeFindings(
      (cut
        ? located.filter(
            (f) =>
              !beyondTheCut(
                f,
                cut.line,
                report.startCut !== undefined || report.lastFigure !== undefined,
              ) ||
              finishedBeforeCut(f, report) ||
              closedByTotalRow(f, report),
          )
        : located
      ).filter(
        (f) =>
          !beforeTheStart(f, report) &&
          !numberOnUnreadHeading(f, report) &&
          !partsUnread(f, report) &&
          !leavesForGroups(f, report) &&
          !excerptedTable(f, report) &&
          !onCutEvidence(f, report) &&
          !(f.code === 'COMPLETENESS_MISSING' && f.path === 'chapters' && isNotice(report)),
      ),
    )
      .map((f, _, all) => capOfInferredBook(f, all))
      .map((f) =>
        onInferredBook(withoutReasonColumn(openingNumberMissing(f, report), report), basis),
      )
      .map((f) => atTheEdges(failClosed(f, report), report)),
    evaluation,
  );
  const understanding = understandingOf(report);
  const warnings = onFileLines(report.warnings, read.document);
  // The rulebook is named when the table gave it something to go on: a score read, or a
  // structure it was recognised by (a guess by default, with no 分值 or 得分, names nothing).
  const named = ownTree && (computedTotal !== null || report.rulebook.confidence >= 0.5);
  return {
    file: fileName,
    ok: true,
    summary: {
      title: evaluation.meta.title ?? null,
      department: report.found.unit ? evaluation.meta.unitName : null,
      year: report.found.year ? evaluation.meta.year : null,
      rulebook: rulebook && named ? rulebook.id : null,
      rulebookName: rulebook && named ? rulebook.name : null,
      rulebookInferred: rulebook && named ? (basis?.inferred ?? true) : null,
      rulebookBasis: rulebook && named ? (basis?.note ?? null) : null,
      claimedTotal: report.claimedTotal?.value ?? evaluation.stated.total ?? null,
      computedTotal,
      understanding,
    },
    findings: onFileLines(wireAll(findings, read.document), read.document),
    notes: [
      ...relinedNote(read.document),
      ...warnings.map((w) => (w.line ? `第${w.line}行：${w.message}` : w.message)),
    ],
    warnings,
    rulebookConfidence: report.rulebook.confidence,
    evaluation,
    readError: null,
  };
}

/**
 * Findings or warnings placed on the lines of the file: a report written on one line was read as
 * the lines it was (see `relineGluedText`), and each of those stands on the file's line.
 */
function onFileLines<T extends { message: string; line?: number | null }>(
  items: T[],
  document: SourceDocument,
): T[] {
  if (!document.realLines) return items;
  return items.map((item) => ({
    ...item,
    message: linesNamed(item.message, document),
    ...(item.line ? { line: fileLine(document, item.line) } : {}),
  }));
}

/** What the reader did with a report written on one line, said in the notes. */
function relinedNote(document: SourceDocument): string[] {
  const lines = document.realLines;
  if (!lines) return [];
  const split = [...new Set(lines.filter((l, i) => lines[i + 1] === l))];
  return [
    `第${split.join('、')}行连排了整篇报告的多个段落，已按标题序号和换行处的空格还原分行后读取；段落和表格的划分可能有误，请对照原文`,
  ];
}

/** A message's "第N行" put on the file's line. */
const linesNamed = (message: string, document: SourceDocument): string =>
  message.replace(/第(\d+)行/g, (_, n: string) => `第${fileLine(document, Number(n))}行`);

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

function hasIndicators(e: Evaluation): boolean {
  const attached = e.kind === 'department' ? (e.projectEvaluations ?? []) : [];
  return e.indicators.length > 0 || attached.some((p) => p.indicators.length > 0);
}
