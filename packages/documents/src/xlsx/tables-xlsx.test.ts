import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DepartmentEvaluation, FUND_ROW_KEYS, ProjectEvaluation, percent } from '@jixiao/domain';
import type { BaseData, FundRow, Funds, IndicatorNode } from '@jixiao/domain';
import fixture004 from '../../../../fixtures/evaluations/004_66e78293cd0851a8.json' with { type: 'json' };
import { statedScoreSheet } from '../write/test-support.ts';
import { readTablesXlsx } from './read-tables.ts';
import { renderTablesXlsx } from './render-tables.ts';

const e004 = DepartmentEvaluation.parse(fixture004);

/** Funds as comparable data: 分 per field, weights and scores. */
function fundsFen(f: Funds) {
  const out: Record<string, unknown> = {};
  for (const k of FUND_ROW_KEYS) {
    const row: FundRow | undefined = f[k];
    if (!row) continue;
    const r = {
      initialBudget: row.initialBudget?.fen,
      budget: row.budget?.fen,
      executed: row.executed?.fen,
      weight: row.weight,
      statedScore: row.statedScore,
    };
    if (Object.values(r).some((v) => v !== undefined)) out[k] = r;
  }
  return out;
}

/** The indicator tree as name, weight, score, target and actual text. */
function tree(nodes: readonly IndicatorNode[]): unknown[] {
  return nodes.map((n) => ({
    name: n.name,
    score: n.score,
    target: n.target?.text,
    actual: n.actual?.text,
    ...(n.children ? { children: tree(n.children) } : { weight: n.weight }),
  }));
}

function costRows(b: BaseData | undefined) {
  if (!b) return undefined;
  const keys = [
    'threePublic',
    'vehicles',
    'vehiclePurchase',
    'vehicleOperation',
    'overseas',
    'reception',
    'projects',
    'publicFunds',
    'office',
    'utilitiesTravel',
    'meetingsTraining',
    'procurement',
    'basicBudgetAdjustment',
  ] as const;
  return {
    rows: keys.map((k) => [k, b[k]?.previousActual?.fen, b[k]?.budget?.fen, b[k]?.actual?.fen]),
    projectRows: b.projectRows.map((p) => [
      p.name,
      p.previousActual?.fen,
      p.budget?.fen,
      p.actual?.fen,
    ]),
    staffing: [b.staffing?.authorized, b.staffing?.actual],
    savings: b.savingsMeasures,
  };
}

async function workbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** Inserts blank rows as a person would in Excel (exceljs does not move merges by itself). */
function insertBlankRows(ws: ExcelJS.Worksheet, at: number, count: number): void {
  const merges = [...((ws.model as { merges?: string[] }).merges ?? [])];
  for (const m of merges) ws.unMergeCells(m);
  ws.spliceRows(at, 0, ...Array.from({ length: count }, () => []));
  for (const m of merges) {
    const shifted = m.replace(
      /([A-Z]+)(\d+)/g,
      (_, col: string, row: string) =>
        `${col}${Number(row) >= at ? Number(row) + count : Number(row)}`,
    );
    ws.mergeCells(shifted);
  }
}

async function toBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('renderTablesXlsx', () => {
  it('writes one sheet per attachment with merges, number formats and A4 print setup', async () => {
    const wb = await workbook(await renderTablesXlsx(e004, statedScoreSheet(e004)));
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '附件1 基础数据表',
      '附件2 部门整体支出绩效自评表',
      '附件3 区委办专项',
    ]);
    const ws = wb.getWorksheet('附件2 部门整体支出绩效自评表');
    if (!ws) throw new Error('sheet missing');
    const find = (text: string) => {
      for (let r = 1; r <= ws.rowCount; r++)
        for (let c = 1; c <= ws.columnCount; c++)
          if (ws.getCell(r, c).value === text) return ws.getCell(r, c);
      throw new Error(`no cell ${text}`);
    };
    expect(ws.getCell('A2').value).toBe('2023年度部门整体支出绩效自评表');
    const total = find('年度资金总额');
    const budget = ws.getCell(Number(total.row), 5);
    expect(budget.value).toBe(1013.19);
    expect(budget.numFmt).toBe('0.00');
    const rate = ws.getCell(Number(total.row), 8);
    expect(rate.value).toBe(1);
    expect(rate.numFmt).toBe('0.00%');
    const merges = (ws.model as { merges?: string[] }).merges ?? [];
    const head = find('一级指标');
    const output = ws.getCell(Number(head.row) + 1, 2);
    expect(output.value).toBe('产出指标（50分）');
    expect(merges).toContain(`B${Number(head.row) + 1}:B${Number(head.row) + 7}`);
    expect(merges).toContain(`A${Number(head.row) + 13}:F${Number(head.row) + 13}`); // 总分
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.printTitlesRow).toBe(`${head.row}:${head.row}`);
  });
});

describe('renderTablesXlsx percentages', () => {
  it('shows an entered rate to the decimals it was entered with, computed ones to two', async () => {
    const entered = DepartmentEvaluation.parse(structuredClone(fixture004));
    const total = entered.funds.total;
    const basic = entered.funds.basic;
    if (!total || !basic) throw new Error('fixture changed');
    total.statedRate = percent('87.5%');
    basic.statedRate = percent('96%');
    const wb = await workbook(await renderTablesXlsx(entered, undefined, { figures: 'stated' }));
    const ws = wb.getWorksheet('附件2 部门整体支出绩效自评表');
    if (!ws) throw new Error('sheet missing');
    const rateOf = (label: string) => {
      for (let r = 1; r <= ws.rowCount; r++)
        if (ws.getCell(r, 2).value === label) return ws.getCell(r, 8);
      throw new Error(`no row ${label}`);
    };
    expect([rateOf('年度资金总额').value, rateOf('年度资金总额').numFmt]).toEqual([0.875, '0.0%']);
    expect([
      rateOf('按支出性质分：基本支出').value,
      rateOf('按支出性质分：基本支出').numFmt,
    ]).toEqual([0.96, '0%']);
    expect([rateOf('项目支出').value, rateOf('项目支出').numFmt]).toEqual([1, '0.00%']);
  });
});

describe('renderTablesXlsx sheet names', () => {
  it('names every attached project a sheet Excel accepts, whatever the project is called', async () => {
    const entered = DepartmentEvaluation.parse(structuredClone(fixture004));
    const [p] = entered.projectEvaluations;
    if (!p) throw new Error('fixture has no project');
    const named = (projectName: string) => ({ ...structuredClone(p), projectName });
    entered.projectEvaluations = [
      named(`${'甲'.repeat(24)}'s 项目`), // cut to 31 characters, the name ends on its apostrophe
      named('History'),
      named('abc'),
      named('ABC'),
      named('a[b]:c*?/d'),
    ];
    const wb = await workbook(await renderTablesXlsx(entered, undefined));
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toHaveLength(7);
    for (const n of names) {
      expect(n.length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/^'|'$|[:\\/?*[\]]/);
    }
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    expect(names.slice(2)).toEqual([
      `附件3-1 ${'甲'.repeat(24)}`,
      '附件3-2 History',
      '附件3-3 abc',
      '附件3-4 ABC',
      '附件3-5 a b  c   d',
    ]);
  });
});

describe('readTablesXlsx', () => {
  it('reads back exactly what renderTablesXlsx wrote', async () => {
    const bytes = await renderTablesXlsx(e004, statedScoreSheet(e004));
    const { evaluation, problems } = await readTablesXlsx(bytes);
    expect(problems).toEqual([]);
    expect(evaluation.meta).toMatchObject({
      unitName: e004.meta.unitName,
      year: 2023,
      amountUnit: '万元',
    });
    expect(fundsFen(evaluation.funds)).toEqual(fundsFen(e004.funds));
    expect(evaluation.goals).toEqual(e004.goals);
    expect(tree(evaluation.indicators)).toEqual(tree(e004.indicators));
    expect(evaluation.stated.total).toBe(99);
    expect(costRows(evaluation.baseData)).toEqual(costRows(e004.baseData));
    const [p] = evaluation.projectEvaluations;
    const [q] = e004.projectEvaluations;
    if (!p || !q) throw new Error('project missing');
    expect(p.projectName).toBe(q.projectName);
    expect(fundsFen(p.funds)).toEqual(fundsFen(q.funds));
    expect(tree(p.indicators)).toEqual(tree(q.indicators));
    expect(p.stated.total).toBe(98);
  });

  it('reads a project evaluation workbook on its own', async () => {
    const q = ProjectEvaluation.parse(e004.projectEvaluations[0]);
    const { evaluation, problems } = await readTablesXlsx(
      await renderTablesXlsx(q, statedScoreSheet(q)),
    );
    expect(problems).toEqual([]);
    expect(evaluation.kind).toBe('project');
    expect(evaluation.projectEvaluations[0]?.goals).toEqual(q.goals);
  });

  it('tolerates blank rows, numbers as text, 元 headers and unmerged cells', async () => {
    const wb = await workbook(await renderTablesXlsx(e004, statedScoreSheet(e004)));
    const ws = wb.getWorksheet('附件2 部门整体支出绩效自评表');
    const base = wb.getWorksheet('附件1 基础数据表');
    if (!ws || !base) throw new Error('sheet missing');
    // 元 instead of 万元 in the fund block: header and every amount ×10000, some as text
    let fundHead = 0;
    ws.eachRow((row, r) => {
      if (!fundHead && row.getCell(1).value === '年度预算申请（万元）') fundHead = r;
    });
    ws.getCell(fundHead, 1).value = '年度预算申请（元）';
    for (let r = fundHead + 1; r <= fundHead + 7; r++)
      for (const c of [4, 5, 6]) {
        const v = ws.getCell(r, c).value;
        if (typeof v === 'number') ws.getCell(r, c).value = Math.round(v * 10000);
      }
    ws.getCell(fundHead + 1, 5).value = '10,131,900.00'; // 全年预算数 as text with separators
    // unmerge the indicator block's 一级/二级 cells, leaving blanks below, and add blank rows
    const head = ws.getColumn(2).values.findIndex((v) => v === '一级指标');
    ws.unMergeCells(`B${head + 1}:B${head + 7}`);
    for (let r = head + 2; r <= head + 7; r++) ws.getCell(r, 2).value = null;
    insertBlankRows(ws, head + 4, 1);
    insertBlankRows(base, 8, 2);
    // a score stored as text
    ws.getCell(head + 1, 8).value = '5';
    const { evaluation, problems } = await readTablesXlsx(await toBytes(wb));
    expect(problems).toEqual([]);
    expect(evaluation.funds.total?.budget?.fen).toBe(1013190000);
    expect(evaluation.funds.total?.budget?.unit).toBe('元');
    expect(fundsFen(evaluation.funds)).toEqual(fundsFen(e004.funds));
    expect(tree(evaluation.indicators)).toEqual(tree(e004.indicators));
    expect(costRows(evaluation.baseData)).toEqual(costRows(e004.baseData));
  });

  it('reads cells as written: signs with spaces beside them, names with spaces of their own, line breaks in reasons and goals', async () => {
    const e = DepartmentEvaluation.parse(structuredClone(fixture004));
    e.adjustments = [{ name: '信息公开不及时', kind: 'penalty', points: 1.35 }];
    const wb = await workbook(await renderTablesXlsx(e, statedScoreSheet(e)));
    const ws = wb.getWorksheet('附件2 部门整体支出绩效自评表');
    if (!ws) throw new Error('sheet missing');
    const head = ws.getColumn(2).values.findIndex((v) => v === '一级指标');
    const col = (label: string) => {
      for (let c = 1; c <= ws.columnCount; c++)
        if (ws.getCell(head, c).text.startsWith(label)) return c;
      throw new Error(`no column ${label}`);
    };
    // The first row of a three-level indicator (its 三级 name apart from its 二级).
    let leafRow = head + 1;
    while (
      ws.getCell(leafRow, col('三级指标')).value === ws.getCell(leafRow, col('二级指标')).value
    )
      leafRow += 1;
    ws.getCell(leafRow, col('三级指标')).value = 'PM 2.5 年 均 浓 度 & A B';
    ws.getCell(leafRow, col('年度指标值')).value = '≥ 95 %';
    ws.getCell(leafRow, col('实际完成值')).value = '96.5 %';
    ws.getCell(leafRow, col('偏差原因')).value = '第一行：进度偏慢\r\n第二行：  下年度加强督导\n';
    let penaltyRow = 0;
    ws.eachRow((row, r) => {
      if (row.getCell(2).text.startsWith('减分：')) penaltyRow = r;
    });
    ws.getCell(penaltyRow, col('得分')).value = '- 1.35';
    ws.getCell(penaltyRow, col('偏差原因')).value = '未按时公开\n已整改';
    let goalRow = 0;
    ws.eachRow((row, r) => {
      if (!goalRow && row.getCell(2).value === e.goals[0]?.expected) goalRow = r;
    });
    ws.getCell(goalRow, 2).value = '目标一\n目标二 & <三>';
    const { evaluation, problems } = await readTablesXlsx(await toBytes(wb));
    expect(problems).toEqual([]);
    const leaves = (nodes: readonly IndicatorNode[]): IndicatorNode[] =>
      nodes.flatMap((n) => (n.children?.length ? leaves(n.children) : [n]));
    const leaf = leaves(evaluation.indicators).find((n) => n.name.startsWith('PM'));
    expect(leaf?.name).toBe('PM 2.5 年均浓度 & A B');
    expect(leaf?.target).toMatchObject({ text: '≥ 95 %', comparator: '>=', value: 95, unit: '%' });
    expect(leaf?.actual).toMatchObject({ text: '96.5 %', value: 96.5, unit: '%' });
    expect(leaf?.deviationReason).toBe('第一行：进度偏慢\n第二行： 下年度加强督导');
    expect(evaluation.adjustments).toEqual([
      { name: '信息公开不及时', kind: 'penalty', points: 1.35, reason: '未按时公开\n已整改' },
    ]);
    expect(evaluation.goals[0]?.expected).toBe('目标一\n目标二 & <三>');
  });

  it('writes a qualitative grade the unit chose and reads it back; a rate the amounts give is not read as stated', async () => {
    const e = DepartmentEvaluation.parse(structuredClone(fixture004));
    const leaves = (nodes: readonly IndicatorNode[]): IndicatorNode[] =>
      nodes.flatMap((n) => (n.children?.length ? leaves(n.children) : [n]));
    const [, first, second] = leaves(e.indicators);
    if (!first || !second) throw new Error('the fixture has leaves');
    delete first.actual;
    first.grade = 'partial';
    second.actual = { kind: 'text', text: '群众反映良好' };
    second.grade = 'achieved';
    // The total's rate as its amounts give it (entered or not), a 基本支出 rate entered apart.
    const total = e.funds.total;
    if (!total?.budget || !total.executed) throw new Error('the fixture has amounts');
    delete total.statedRate;
    e.funds.basic = { ...e.funds.basic, statedRate: percent('12.34%') };
    const bytes = await renderTablesXlsx(e, statedScoreSheet(e));
    const ws = (await workbook(bytes)).getWorksheet('附件2 部门整体支出绩效自评表');
    const texts: string[] = [];
    ws?.eachRow((row) => row.eachCell((c) => texts.push(c.text)));
    expect(texts).toContain('部分达成年度指标');
    expect(texts).toContain('群众反映良好（达成年度指标）');
    const { evaluation, problems } = await readTablesXlsx(bytes);
    expect(problems).toEqual([]);
    const back = leaves(evaluation.indicators);
    const b1 = back.find((n) => n.name === first.name);
    const b2 = back.find((n) => n.name === second.name);
    expect(b1?.actual).toEqual({ kind: 'qualitative', text: '部分达成年度指标', grade: 'partial' });
    expect(b2?.actual).toEqual({ kind: 'text', text: '群众反映良好' });
    expect(b2?.grade).toBe('achieved');
    expect(evaluation.funds.total?.statedRate).toBeUndefined();
    expect(evaluation.funds.basic?.statedRate).toMatchObject({ value: 12.34, decimals: 2 });
  });

  it('reports unreadable cells with their address instead of reading zero', async () => {
    const wb = await workbook(await renderTablesXlsx(e004, statedScoreSheet(e004)));
    const ws = wb.getWorksheet('附件2 部门整体支出绩效自评表');
    if (!ws) throw new Error('sheet missing');
    let totalRow = 0;
    ws.eachRow((row, r) => {
      if (row.getCell(2).value === '年度资金总额') totalRow = r;
    });
    ws.getCell(totalRow, 6).value = '约一千万';
    const { evaluation, problems } = await readTablesXlsx(await toBytes(wb));
    expect(problems).toEqual([
      expect.objectContaining({ code: 'XLSX_CELL_UNREADABLE', cell: `F${totalRow}` }),
    ]);
    expect(problems[0]?.message).toContain('约一千万');
    expect(evaluation.funds.total?.executed).toBeUndefined();
  });

  it('says so when the bytes are not a workbook', async () => {
    const { problems } = await readTablesXlsx(new TextEncoder().encode('not a workbook'));
    expect(problems[0]?.code).toBe('XLSX_UNREADABLE');
  });
});
