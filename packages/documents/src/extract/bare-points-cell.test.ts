import { describe, expect, it } from 'vitest';
import type { IndicatorNode } from '@jixiao/domain';
import type { SourceDocument } from '../read/block.ts';
import { parseTextLines } from '../read/read-text.ts';
import { extractEvaluation } from './extract-evaluation.ts';

const names = (nodes: readonly IndicatorNode[]): string[] =>
  nodes.flatMap((n) => [n.name, ...names(n.children ?? [])]);

/**
 * A 评分标准 table one cell per line whose group cell was spread over two lines, its 分值 alone
 * on the second ("资 金 到 位" then "(15分)"): the bare 分值 is no indicator of its own. It once
 * became a leaf with an empty name, which the model refused, and extraction threw.
 */
const TABLE = [
  '一 级 指 标',
  '二 级 指 标',
  '三 级 指 标',
  '资 金 管 理 情 况 ( 3 0 分 )',
  '资 金 到 位',
  '(15分)',
  '——',
  '15',
  '资金按时足额到位得15分，每延迟一个月扣5分。',
  '资 金 使 用',
  '专款专用，无截留挪用。',
].join('\n');

/** The lines as blocks, as a reader that does not join spread-out letters gives them. */
function asRead(text: string): SourceDocument {
  const doc = parseTextLines(text, 'x.txt');
  const lines = text.split('\n');
  return { ...doc, blocks: doc.blocks.map((b) => ({ ...b, text: lines[b.line - 1] ?? b.text })) };
}

describe('a 分值 cell alone on its line in a table one cell per line', () => {
  it.each([
    ['as read with its spread-out letters joined', (t: string) => parseTextLines(t, 'x.txt')],
    ['as read with them left spread out', asRead],
  ])('%s: read without error, no indicator left without a name', (_, read) => {
    const report = extractEvaluation(read(TABLE));
    expect(report.warnings.map((w) => w.code)).not.toContain('model-invalid');
    const tables = report.selfEvaluationTables.flatMap((t) => names(t.indicators));
    expect(tables).not.toContain('');
    expect(names(report.evaluation.indicators)).not.toContain('');
  });
});
