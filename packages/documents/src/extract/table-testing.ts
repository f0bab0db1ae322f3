import type { IndicatorNode } from '@jixiao/domain';
import { readHtml } from '../read/read-html.ts';
import { readSelfEvaluationTable } from './tables.ts';
import type { SelfEvaluationTable } from './tables.ts';

// Helpers of the table readers' tests.

/** Every leaf as "name target actual 分值/得分". */
export function leaves(nodes: readonly IndicatorNode[]): string[] {
  return nodes.flatMap((n) =>
    (n.children ?? []).length > 0
      ? leaves(n.children ?? [])
      : [`${n.name} ${n.target?.text ?? '-'} ${n.actual?.text ?? '-'} ${n.weight}/${n.score}`],
  );
}

/** The 自评表 of a page holding one html table with the rows `body`. */
export function htmlSelfTable(body: string): SelfEvaluationTable {
  const read = readHtml(
    new TextEncoder().encode(`<html><body><table border="1">${body}</table></body></html>`),
    'f.html',
  );
  if (!read.ok) throw new Error('html not read');
  const table = read.document.blocks.find((b) => b.kind === 'table');
  if (!table) throw new Error('no table');
  return readSelfEvaluationTable(table);
}
