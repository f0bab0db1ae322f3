import type { IndicatorNode } from '@jixiao/domain';
import type { Finding } from '@jixiao/domain';
import type { ExtractedReport } from '@jixiao/documents/audit-core';

/** Lines of the leaves of a tree (their rows). */
function leafLines(nodes: readonly IndicatorNode[], into: Set<number>): Set<number> {
  for (const n of nodes) {
    const children = n.children ?? [];
    if (children.length === 0 && n.source?.line !== undefined) into.add(n.source.line);
    leafLines(children, into);
  }
  return into;
}

/**
 * Points lost without a 偏差原因, on a row of a 自评表 whose header has no such column: the
 * form gave the unit nowhere to write one, so the missing reason is said as information only.
 */
export function withoutReasonColumn(f: Finding, report: ExtractedReport): Finding {
  if (f.code !== 'DEDUCTION_NO_REASON' || f.severity === 'info' || f.line === undefined) return f;
  const line = f.line;
  const table = report.selfEvaluationTables.find((t) =>
    leafLines(t.indicators, new Set()).has(line),
  );
  if (table?.reasonColumn !== false) return f;
  return {
    ...f,
    severity: 'info',
    message: `${f.message}（该自评表未设偏差原因栏，可在报告正文中说明）`,
  };
}
