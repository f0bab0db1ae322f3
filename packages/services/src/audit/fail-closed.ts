import type { Finding } from '@jixiao/domain';
import type { ExtractedReport } from '@jixiao/documents/audit-core';
import { firstFigure, SUBTOTALS, WHOLE_TREE_CODES } from './finding-kinds.ts';

const SCORE_RULE_CODES = new Set([
  'EXECUTION_SCORE_RULE',
  'SCORE_RULE_TARGET_MISSED',
  'SCORE_RULE_MISMATCH',
]);

/**
 * A sum over the tree that falls short of what the table states, in a table with rows whose
 * cells ran together and could not be split: the rows left unread are what it lacks.
 */
export function partsUnread(f: Finding, report: ExtractedReport): boolean {
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

/** The sums over the book's top level: its weights, and the total score against its scores. */
const LEAVES_ADDED = new Set(['WEIGHT_BOOK_TOTAL', 'TOTAL_STATED_PARTS', 'TOTAL_MISMATCH']);

/**
 * The book's total against 一级 weights that are leaves' (a 年度指标值 or 实际完成值 each, no
 * children, or one leaf alone) read from prose alone: the group headings above them ("（一）产出指标") stated no
 * weight, so what was added is some leaves, not the book's top level. So too the stated total
 * score against those leaves' scores: their sum is no 一级 scores' sum.
 */
export function leavesForGroups(f: Finding, report: ExtractedReport): boolean {
  if (!LEAVES_ADDED.has(f.code)) return false;
  if (report.selfEvaluationTables.some((t) => t.indicators.length > 0)) return false;
  const top = report.evaluation.indicators;
  // One indicator alone read from prose ("（一）预算执行率（10分）" and its score below it, the
  // others written in a form not read): one indicator is no book's top level either.
  if (top.length === 1 && (top[0]?.children ?? []).length === 0) return true;
  return (
    top.length > 0 &&
    top.every((n) => (n.children ?? []).length === 0) &&
    // One of them may be the execution rate's line under its heading ("一、项目资金情况 …执行率
    // 98.00%，分值10分，得分9.8分"), a leaf with no target.
    top.filter((n) => n.target === undefined && n.actual === undefined).length <= 1 &&
    top.filter((n) => n.target !== undefined || n.actual !== undefined).length >= 2
  );
}

/** A table's title that says it shows part of the table: 节选, 摘录. */
const PART_SHOWN = /节选|摘录/;

/**
 * The book's total against the weights of a table titled as an excerpt ("自评表（节选）"): the rows
 * it leaves out (预算执行率, other groups) are what it lacks.
 */
export function excerptedTable(f: Finding, report: ExtractedReport): boolean {
  if (f.code !== 'WEIGHT_BOOK_TOTAL') return false;
  const texts = (from: number, to: number): string[] =>
    report.document.blocks
      .filter((b) => b.line >= from && b.line <= to)
      .flatMap((b) =>
        b.kind === 'table' ? (b.rows ?? []).slice(0, 2).flatMap((r) => r.cells) : [b.text],
      );
  return report.selfEvaluationTables.some(
    (t) => t.indicators.length > 0 && texts(t.line - 2, t.line).some((x) => PART_SHOWN.test(x)),
  );
}

/**
 * Fails closed: a figure read with doubt supports a warning, never an error. Doubt is a table
 * row whose cells fitted its columns in more than one way, or a self-score that is the rulebook's
 * score rounded to a whole point (a local rounding rule the document does not state).
 */
export function failClosed(f: Finding, report: ExtractedReport): Finding {
  if (f.severity !== 'error') return f;
  const uncertain = report.selfEvaluationTables.some((t) =>
    (t.uncertain ?? []).some((u) => u.line === f.line),
  );
  if (uncertain)
    return { ...f, severity: 'warning', message: `${f.message}（该行表格读取有歧义，请人工核对）` };
  // A 基础数据表 whose cells were parted by guess (its text flattened): a figure may be another
  // row's, so what rests on its figures is a warning.
  if (report.baseData?.guessed && restsOnBaseData(f))
    return {
      ...f,
      severity: 'warning',
      message: `${f.message}（基础数据表的文字连排，单元格按空格拆分读取，请人工核对）`,
    };
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
  // A table re-lined from one line of the file (a copy that lost its line breaks): where a row
  // or a cell ends was guessed, so what rests on its rows, or on the tree read from it, is a
  // warning.
  const relined = relinedTables(report);
  if (
    relined.length > 0 &&
    (relined.some(([from, to]) => f.line !== undefined && f.line >= from && f.line <= to) ||
      ((WHOLE_TREE_CODES.has(f.code) || SUBTOTALS.has(f.category)) &&
        report.selfEvaluationTables.some(
          (t) =>
            t.indicators.length > 0 && relined.some(([from, to]) => t.line >= from && t.line <= to),
        )))
  )
    return {
      ...f,
      severity: 'warning',
      message: `${f.message}（表格文字连排，行和单元格按推断拆分读取，请人工核对）`,
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
  // A stated 总分 above the 一级 scores read, by no more than the weight the 一级 weights lack of
  // the book's 100: the part not read (a fund line written "分值10 得分9.83" outside the grid)
  // may hold the difference.
  if (partsShort && expected + missingWeight(report) + 0.005 >= Number(firstFigure(f.stated)))
    return {
      ...f,
      severity: 'warning',
      message: `${f.message}（一级指标分值合计不足100分，所缺部分可能未读取，请人工核对）`,
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

/**
 * The line ranges (first to last row, with the title line above) of the tables whose rows were
 * re-lined from one line of the file: two rows or more on the same line of the file.
 */
function relinedTables(report: ExtractedReport): [number, number][] {
  const real = report.document.realLines;
  if (!real) return [];
  const out: [number, number][] = [];
  for (const b of report.document.blocks) {
    const rows = b.rows ?? [];
    if (b.kind !== 'table' || rows.length < 2) continue;
    const lines = new Set(rows.map((r) => r.line));
    const onFile = new Set(rows.map((r) => real[r.line - 1] ?? r.line));
    if (onFile.size < lines.size)
      out.push([Math.min(b.line, ...lines) - 1, Math.max(b.line, ...lines)]);
  }
  return out;
}

/** A finding on the 基础数据表's own figures, or one that compares a figure with them. */
function restsOnBaseData(f: Finding): boolean {
  if (f.path.startsWith('baseData')) return true;
  return Object.values(f.params).some((v) => typeof v === 'string' && v.startsWith('基础数据表'));
}

/** What the 一级 weights read lack of a book of 100 (0 when they make 100 or more). */
function missingWeight(report: ExtractedReport): number {
  type Node = ExtractedReport['evaluation']['indicators'][number];
  // A group whose own weight is not stated weighs what its rows weigh.
  const weightOf = (n: Node): number =>
    n.weight ?? (n.children ?? []).reduce((sum, c) => sum + weightOf(c), 0);
  const read = report.evaluation.indicators
    .filter((n) => !n.notAssessed)
    .reduce((sum, n) => sum + weightOf(n), 0);
  return Math.max(0, 100 - read);
}

/**
 * A stated total above the rulebook's cap (总分封顶, 加分封顶) that adds up its own rows and
 * 加分: a report's rulebook is inferred, and whether its jurisdiction caps the total is a local
 * rule the document may not follow (a table that itself grants 加分 over 100 does not). The
 * arithmetic is right, so the cap is said as information, not as a wrong total.
 */
export function capOfInferredBook(f: Finding, all: readonly Finding[]): Finding {
  if (f.code !== 'TOTAL_MISMATCH' || f.severity === 'info') return f;
  const caps = f.params['caps'];
  if (typeof caps !== 'string' || caps === '') return f;
  if (all.some((x) => x.code === 'TOTAL_STATED_PARTS')) return f;
  if (!(firstFigure(f.stated) > firstFigure(f.expected))) return f;
  return {
    ...f,
    severity: 'info',
    message: `${f.message}（报告所列各项得分合计无误；评价指标体系系据报告推断，是否封顶以当地规定为准）`,
  };
}
