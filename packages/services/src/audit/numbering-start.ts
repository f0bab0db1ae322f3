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
