import type { Finding } from '@jixiao/domain';
import type { ExtractedReport } from '@jixiao/documents/audit-core';

/**
 * A list missing its first number ("二、" the first numbered heading of the whole text): a text
 * that opens on its second chapter is most often an excerpt of a longer report, its start not
 * taken, rather than a report numbered wrongly. Said as information, with that reading.
 */
export function openingNumberMissing(f: Finding, report: ExtractedReport): Finding {
  if (f.code !== 'NUMBERING_GAP' || f.severity !== 'warning' || f.line === undefined) return f;
  if (f.params['previous'] !== '' && f.params['previous'] !== undefined) return f;
  const line = f.line;
  if (report.outline.some((e) => e.number !== undefined && e.line < line)) return f;
  return {
    ...f,
    severity: 'info',
    message: `${f.message}（全文第一个带序号的标题即从此起，可能为节选）`,
  };
}

/**
 * "（一）预算执行率。执行率96.60%，得9.66分。（二）产出指标（分值50分），得48分。…": indicators
 * read from the text numbered （二）（三） whose missing number stands in the text's outline, in
 * the same style, between the same two headings: a heading the reader took for no indicator (its
 * weight stated elsewhere), not a number missing from the report.
 */
export function numberOnUnreadHeading(f: Finding, report: ExtractedReport): boolean {
  if (f.code !== 'NUMBERING_GAP' || f.line === undefined) return false;
  if (!/(?:indicators|children)\[\d+\]\.numberText$/.test(f.path)) return false;
  const line = f.line;
  const at = report.outline.find((e) => e.line === line && e.number?.text === f.params['stated']);
  const style = at?.number?.style;
  if (!at?.number || style === undefined) return false;
  const previous = f.params['previous'] ?? '';
  const from =
    previous === ''
      ? undefined
      : report.outline.findLast((e) => e.line < line && e.number?.text === previous);
  if (previous !== '' && from === undefined) return false;
  const values = report.outline
    .filter((e) => e.line < line && e.line > (from?.line ?? -1) && e.number?.style === style)
    .map((e) => e.number?.value);
  const first = (from?.number?.value ?? 0) + 1;
  const wanted = Array.from({ length: at.number.value - first }, (_, k) => first + k);
  return wanted.length > 0 && values.join() === wanted.join();
}
