import { describe, expect, it } from 'vitest';
import { DepartmentEvaluation } from '@jixiao/domain';
import type { Amount, IndicatorNode } from '@jixiao/domain';
import fixture004 from '../../../fixtures/evaluations/004_66e78293cd0851a8.json' with { type: 'json' };
import { extractEvaluation } from './extract/index.ts';
import { readDocument } from './read/index.ts';
import { statedScoreSheet } from './write/test-support.ts';
import { renderReportDocx } from './write/index.ts';
import { readTablesXlsx, renderTablesXlsx } from './xlsx/index.ts';

// An evaluation entered with the values a demanding unit types: amounts of a fraction of a 分 of
// 万元 (0.005 万元 is 50 元) and the largest a form takes, names with & < > " and spaces beside
// them, reasons and goals over several lines, many indicators. Written by the product's own
// writers and read back by its own readers, every field reads back as entered.

const wan = (text: string): Amount => {
  const [int = '0', frac = ''] = text.split('.');
  const fen = Number(int) * 1_000_000 + Number(frac.padEnd(6, '0'));
  return { fen: fen as Amount['fen'], unit: '万元', text };
};

function leaves(nodes: readonly IndicatorNode[]): IndicatorNode[] {
  return nodes.flatMap((n) => (n.children && n.children.length > 0 ? leaves(n.children) : [n]));
}

const NAME = '指标 & <特殊> "引号" A&B';
const REASON = '第一行：进度偏慢\n第二行：下年度加强督导';

function edgeEvaluation(): DepartmentEvaluation {
  const e = DepartmentEvaluation.parse(structuredClone(fixture004));
  e.meta.unitName = `某市"A&B"<局>${'长'.repeat(150)}`;
  e.funds.total = {
    ...e.funds.total,
    initialBudget: wan('0.01'),
    budget: wan('99999999.99'),
    executed: wan('0'),
  };
  e.funds.basic = { budget: wan('0.005'), executed: wan('12.345678') };
  e.funds.project = { budget: wan('0.015'), executed: wan('1.5') };
  e.goals = [{ expected: '目标一\n目标二 & <三>', actual: '完成一\n完成二' }];
  const [, , third] = leaves(e.indicators);
  if (!third) throw new Error('the fixture has leaves');
  third.name = NAME;
  third.deviationReason = REASON;
  // Many indicators: forty more leaves under the first group's first subgroup.
  const group = e.indicators[1]?.children?.[0];
  if (!group?.children) throw new Error('the fixture has groups');
  for (let i = 1; i <= 40; i += 1)
    group.children.push({ name: `附加指标 ${i}`, weight: 0.5, score: i % 2 === 0 ? 0.5 : 0.25 });
  return e;
}

const amounts = (e: DepartmentEvaluation) =>
  (['total', 'basic', 'project'] as const).map((k) => [
    k,
    e.funds[k]?.initialBudget?.fen,
    e.funds[k]?.budget?.fen,
    e.funds[k]?.executed?.fen,
  ]);

describe('an evaluation entered with edge values', () => {
  it('reads back from its .xlsx exactly as entered: amounts, names, reasons, goals, every indicator', async () => {
    const e = edgeEvaluation();
    const { evaluation: back, problems } = await readTablesXlsx(
      await renderTablesXlsx(e, statedScoreSheet(e)),
    );
    expect(problems).toEqual([]);
    expect(back.meta.unitName).toBe(e.meta.unitName);
    expect(amounts(back as DepartmentEvaluation)).toEqual(amounts(e));
    expect(back.goals).toEqual(e.goals);
    const written = leaves(e.indicators);
    const read = leaves(back.indicators);
    expect(read.map((n) => [n.name, n.weight, n.score, n.deviationReason])).toEqual(
      written.map((n) => [n.name, n.weight, n.score, n.deviationReason]),
    );
  });

  it('states in its .docx the amounts as entered and reads them back', async () => {
    const e = edgeEvaluation();
    const read = readDocument(
      await renderReportDocx(e, statedScoreSheet(e), { figures: 'stated' }),
      'report.docx',
    );
    if (!read.ok) throw new Error(read.error.message);
    const text = read.document.blocks.map((b) => b.text).join('\n');
    for (const shown of ['0.005', '12.345678', '0.015', '99999999.99'])
      expect(text, shown).toContain(shown);
    expect(text).toContain(NAME);
    expect(text).toContain(REASON);
    const back = extractEvaluation(read.document).evaluation as DepartmentEvaluation;
    expect(amounts(back)).toEqual(amounts(e));
  });
});
