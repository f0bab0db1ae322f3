import { normalizeDigits } from '@jixiao/domain';
import type { Finding } from '@jixiao/domain';
import type { ExtractedReport } from '@jixiao/documents/audit-core';

/** A text as compared here and in is-notice.ts: no whitespace (PDF text breaks words at its line ends), ASCII digits. */
export const plain = (text: string): string =>
  normalizeDigits(text).replace(/[\s\u3000\u00a0]+/g, '');

/** An excerpt shorter than this could be found in the wrong place. */
const MIN_EVIDENCE = 8;

/**
 * Where a finding's excerpt stands in a block's text, with its end; undefined when not found, or
 * when the finding is not of the prose's own sentences (DOC_ codes): a finding of the indicator
 * tree or of a table speaks of a structure the cut may end anywhere.
 */
function evidenceIn(f: Finding, text: string): { at: number; end: number } | undefined {
  if (!f.code.startsWith('DOC_')) return undefined;
  const evidence = plain(f.excerpt ?? '').replace(/^…+|…+$/g, '');
  if (evidence.length < MIN_EVIDENCE) return undefined;
  const at = text.indexOf(evidence);
  return at < 0 ? undefined : { at, end: at + evidence.length };
}

/**
 * The last stop of a text that ends a statement: a sentence opening with 其中 is read with the one
 * before it (its parts belong to that total), so a stop followed by 其中 ends nothing.
 */
function lastStop(text: string): number {
  let end = text.length;
  for (;;) {
    const head = text.slice(0, end);
    const stop = Math.max(head.lastIndexOf('。'), head.lastIndexOf('！'), head.lastIndexOf('？'));
    if (stop < 0 || !/^[，,：:]?其中/.test(text.slice(stop + 1))) return stop;
    end = stop;
  }
}

/**
 * PDF text often comes as one paragraph of many sentences (a line per page, or the whole
 * excerpt on one line), so "the last paragraph of a text cut short" may hold a whole report. Of
 * that paragraph only the sentence the cut went through is at the cut: a finding whose evidence
 * lies in the sentences finished before it is judged like any other.
 */
export function finishedBeforeCut(f: Finding, report: ExtractedReport): boolean {
  const blocks = report.document.blocks;
  const last = blocks[blocks.length - 1];
  if (!last) return false;
  // A table's last row is where the text stops (the rows of a table read from text lines each
  // have their own line).
  const lastLine = last.kind === 'table' ? (last.rows?.at(-1)?.line ?? last.line) : last.line;
  if (f.line === lastLine && aboveTheLastGroup(f, report)) return true;
  if (last.kind !== 'paragraph' || f.line !== last.line) return false;
  const text = plain(last.text);
  const stop = lastStop(text);
  if (stop < 0) return false;
  const where = evidenceIn(f, text);
  return where !== undefined && where.end <= stop + 1;
}

/**
 * A 自评表 on the line the text was cut on (read from one line of a web page whose line breaks
 * were lost, or a table that ends the text): only its last outermost indicator group can run on
 * past the cut. Its fund rows and goals, above the indicators, and the groups before the last
 * were read whole.
 */
function aboveTheLastGroup(f: Finding, report: ExtractedReport): boolean {
  const line = f.line ?? 0;
  if (!report.selfEvaluationTables.some((t) => t.line <= line)) return false;
  if (f.path === 'goals' || /^funds\b/.test(f.path)) return true;
  const m = /^(?:projectEvaluations\[(\d+)\]\.)?indicators\[(\d+)\]/.exec(f.path);
  if (!m) return false;
  const e = report.evaluation;
  const project = m[1] === undefined ? undefined : Number(m[1]);
  const tree =
    project === undefined
      ? e.indicators
      : e.kind === 'department'
        ? (e.projectEvaluations?.[project]?.indicators ?? [])
        : [];
  return Number(m[2]) < tree.length - 1;
}

/**
 * The same at the start: in a paragraph that a text begun mid-way opens with, only its first
 * sentence is cut; evidence wholly after that sentence's stop was read whole.
 */
export function startedAfterCut(f: Finding, report: ExtractedReport): boolean {
  const start = report.startCut;
  if (!start || f.line !== start.line) return false;
  const first = report.document.blocks.find((b) => b.line === start.line);
  if (!first || first.kind !== 'paragraph') return false;
  const text = plain(first.text);
  const stop = text.search(/[。！？]/);
  if (stop < 0) return false;
  const where = evidenceIn(f, text);
  return where !== undefined && where.at > stop;
}
