import { describe, expect, it } from 'vitest';
import type { Evaluation, IndicatorNode } from '@jixiao/domain';
import { auditDocument } from './audit-document.ts';
import type { DocumentAudit } from './audit-document.ts';
import { CLEAN_FIXTURES, writtenFixture } from './testing/clean-fixtures.ts';
import { renderLayout } from './testing/render-layouts.ts';
import type { Layout } from './testing/render-layouts.ts';
import type { WriterBlock } from './testing/writer-types.ts';

/**
 * The same clean report rendered in other provinces' layouts (tables one cell per line or run
 * together on one line, other header words, other column orders, 元, split targets) must read
 * back as the same evaluation as the .docx jixiao writes, and stay free of errors; an error
 * planted in any of them must be found.
 */

const LAYOUTS: Record<string, Layout> = {
  'one cell per line': { cells: 'cell-per-line' },
  'cells run together (PDF text)': { cells: 'flattened' },
  'other header words and column order': { cells: 'flattened', synonyms: true, swapColumns: true },
  '元, split targets, one cell per line': {
    cells: 'cell-per-line',
    yuan: true,
    splitTarget: true,
    synonyms: true,
  },
  '元, split targets, run together': { cells: 'flattened', yuan: true, splitTarget: true },
  'a web page table in pipes (Markdown rows)': { cells: 'pipe-rows' },
  'a web page table, one piped cell per line': { cells: 'piped-cells' },
  'pipes, other header words, 元, split targets': {
    cells: 'pipe-rows',
    synonyms: true,
    swapColumns: true,
    yuan: true,
    splitTarget: true,
  },
};

interface Source {
  blocks: WriterBlock[];
  docx: Uint8Array;
}

async function source(name: string): Promise<Source> {
  const written = writtenFixture(name);
  return { blocks: written.blocks, docx: await written.docx() };
}

/** What a reviewer reads from the 自评表: fund total, each leaf's figures, the stated total. */
function essentials(e: Evaluation | null): unknown {
  if (!e) return null;
  const leaves: string[] = [];
  const walk = (nodes: readonly IndicatorNode[]): void => {
    for (const n of nodes) {
      if (n.children && n.children.length > 0) walk(n.children);
      else
        leaves.push(
          `${n.name}|${n.weight ?? ''}|${n.score ?? ''}|${n.target?.text.replace(/\s/g, '') ?? ''}|${n.actual?.text.replace(/\s/g, '') ?? ''}`,
        );
    }
  };
  walk(e.indicators);
  const t = e.funds.total;
  return {
    kind: e.kind,
    rulebook: e.rulebookId,
    total: [t?.budget?.fen, t?.executed?.fen, t?.statedRate?.value, t?.weight, t?.statedScore],
    leaves,
    stated: e.stated.total,
  };
}

const errors = (a: DocumentAudit): string[] =>
  a.findings.filter((f) => f.severity === 'error').map((f) => `${f.code}: ${f.message}`);
const audit = (text: string): DocumentAudit =>
  auditDocument(new TextEncoder().encode(text), 'report.txt');

describe.each(CLEAN_FIXTURES)('%s in other layouts', (name) => {
  it.each(Object.entries(LAYOUTS))(
    '%s reads back as the .docx does, with no error',
    async (_label, layout) => {
      const s = await source(name);
      const expected = essentials(auditDocument(s.docx, 'report.docx').evaluation);
      const a = audit(renderLayout(s.blocks, layout));
      expect(errors(a)).toEqual([]);
      expect(essentials(a.evaluation)).toEqual(expected);
    },
  );
});

describe('errors planted in other layouts are found', () => {
  const rateOf = (row: readonly string[]): number =>
    row.findIndex((c) => /^\d+(?:\.\d+)?%$/.test(c));
  const plants: Record<string, { mutate: NonNullable<Layout['mutate']>; category: string }> = {
    'a wrong 执行率 in the fund row': {
      mutate: (row, block) => {
        const r = rateOf(row);
        if (block !== 'fund' || !row.includes('年度资金总额') || r < 0) return [...row];
        return row.map((c, i) => (i === r ? '87.50%' : c));
      },
      category: 'ratio',
    },
    'a 总分 that is not the sum of the scores': {
      mutate: (row) => {
        // The 分值 and 得分 cells of the 总分 row (their order depends on the layout).
        if (row[0] !== '总分') return [...row];
        return row.map((c) => (/^\d+(?:\.\d+)?$/.test(c) ? '93' : c));
      },
      category: 'total',
    },
  };
  it.each(
    Object.entries(plants).flatMap(([plant, p]) =>
      Object.entries(LAYOUTS).map(([label, layout]) => [plant, label, layout, p] as const),
    ),
  )('%s, %s', async (_plant, _label, layout, p) => {
    const s = await source('clean-central-project');
    const a = audit(renderLayout(s.blocks, { ...layout, mutate: p.mutate }));
    expect(a.findings.map((f) => f.category)).toContain(p.category);
  });
});
