import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocument } from '@jixiao/documents';
import { Evaluation, scoreEvaluation } from '@jixiao/domain';
import { renderDocx } from './document-bridge.ts';
import { findRulebook } from './rulebooks/builtin.ts';

function clean(): Evaluation {
  const url = new URL('../../../fixtures/evaluations/clean-hunan-department.json', import.meta.url);
  return Evaluation.parse(JSON.parse(readFileSync(url, 'utf8')));
}

describe('renderDocx', () => {
  it('states the figures the unit entered, not the computed ones', async () => {
    const e = clean();
    if (e.kind !== 'department') throw new Error('fixture is a department evaluation');
    const leaf = e.indicators[1]?.children?.[0]?.children?.[0];
    if (!leaf?.actual || leaf.actual.kind !== 'quantity') throw new Error('fixture changed');
    // 9 of 12 surveys: the rulebook gives 7.5 of 10; the unit entered 9.
    leaf.actual = { ...leaf.actual, text: '9项', value: 9 };
    leaf.score = 9;
    leaf.deviationReason = '三项调查延至次年。';
    e.stated = { total: 92.98, grade: '优' };
    const rulebook = findRulebook(e.rulebookId);
    if (!rulebook) throw new Error('no rulebook');
    const sheet = scoreEvaluation(e, rulebook);
    expect(sheet.total).not.toBe(92.98);
    const computedLeaf = sheet.nodes.find(
      (n) => n.path === 'indicators[1].children[0].children[0]',
    );
    expect(computedLeaf?.computedScore).toBe(7.5);

    const read = readDocument(await renderDocx(e, sheet), 'report.docx');
    if (!read.ok) throw new Error(read.error.message);
    const text = read.document.blocks.map((b) => b.text).join('\n');
    expect(text).toContain('得分92.98分，评价等级为“优”');
    expect(text).not.toContain(`${sheet.total}分`);
    const row = read.document.blocks
      .flatMap((b) => b.rows ?? [])
      .find((r) => r.cells.includes('开展统计调查项目'));
    // 三级指标, 年度指标值, 实际完成值, 分值, 得分.
    expect(row?.cells.slice(3, 8)).toEqual(['开展统计调查项目', '≥12项', '9项', '10', '9']);
  });
});
