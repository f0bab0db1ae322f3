import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DepartmentEvaluation, sumPoints } from '@jixiao/domain';
import type { Amount, IndicatorNode } from '@jixiao/domain';
import { extractEvaluation } from './extract/index.ts';
import { readDocument } from './read/index.ts';
import { renderReportDocx } from './write/index.ts';

// The reader must recover from a written report the figures the writer put in it.
const FIXTURES = [
  'clean-hunan-department',
  'clean-huaihua-department',
  'clean-guangdong-department',
  '004_66e78293cd0851a8',
];

function load(name: string): DepartmentEvaluation {
  const url = new URL(`../../../fixtures/evaluations/${name}.json`, import.meta.url);
  return DepartmentEvaluation.parse(JSON.parse(readFileSync(url, 'utf8')));
}

function leaves(nodes: readonly IndicatorNode[]): IndicatorNode[] {
  return nodes.flatMap((n) => (n.children && n.children.length > 0 ? leaves(n.children) : [n]));
}

const fen = (a: Amount | undefined): number | undefined => a?.fen;

async function roundTrip(evaluation: DepartmentEvaluation) {
  const bytes = await renderReportDocx(evaluation, undefined, { figures: 'stated' });
  const read = readDocument(bytes, 'report.docx');
  if (!read.ok) throw new Error(read.error.message);
  return extractEvaluation(read.document);
}

describe('a report written as .docx reads back to the same figures', () => {
  it.each(FIXTURES)('%s', async (name) => {
    const written = load(name);
    const { evaluation: back, found } = await roundTrip(written);
    expect(found.year).toBe(true);
    expect(back.meta.year).toBe(written.meta.year);
    expect(back.kind).toBe('department');
    if (back.kind !== 'department') return;

    // The fund block of 附件2.
    for (const key of ['total', 'generalPublic', 'basic', 'project'] as const) {
      const w = written.funds[key];
      if (w?.budget) expect(fen(back.funds[key]?.budget), `${key}.budget`).toBe(w.budget.fen);
      if (w?.executed)
        expect(fen(back.funds[key]?.executed), `${key}.executed`).toBe(w.executed.fen);
    }
    // The budget chapter's statements.
    const wb = written.basicExpenditure;
    if (wb.actual) expect(fen(back.basicExpenditure.actual)).toBe(wb.actual.fen);
    const wp = written.projectExpenditure;
    if (wp.actual) expect(fen(back.projectExpenditure.actual)).toBe(wp.actual.fen);

    // The indicator tree: every leaf with its weight and score, in order.
    const wl = leaves(written.indicators).filter((n) => n.weight !== undefined);
    const bl = leaves(back.indicators).filter((n) => n.weight !== undefined);
    expect(bl.map((n) => [n.weight, n.score])).toEqual(wl.map((n) => [n.weight, n.score]));
    expect(sumPoints(bl.map((n) => n.score ?? 0))).toBe(sumPoints(wl.map((n) => n.score ?? 0)));

    // The claimed total.
    if (written.stated.total !== undefined) expect(back.stated.total).toBe(written.stated.total);

    // The base data table (附件1), where there is one.
    const wbd = written.baseData;
    if (wbd?.publicFunds?.actual)
      expect(fen(back.baseData?.publicFunds?.actual)).toBe(wbd.publicFunds.actual.fen);
    if (wbd?.threePublic?.actual)
      expect(fen(back.baseData?.threePublic?.actual)).toBe(wbd.threePublic.actual.fen);
  });
});
