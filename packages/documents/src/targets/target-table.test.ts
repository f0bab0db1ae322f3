import { describe, expect, it } from 'vitest';
import { TargetForm } from '@jixiao/domain';
import { sampleTargetForm, targetShape } from '../testing.ts';
import { renderTargetTableDocx, renderTargetTableXlsx } from './render-target-table.ts';
import { readTargetTable, targetFormFromRows } from './read-target-table.ts';

const form = sampleTargetForm();
const shape = targetShape;

describe('the 绩效目标表 written and read back', () => {
  for (const [format, write] of [
    ['docx', (f: TargetForm) => Promise.resolve(renderTargetTableDocx(f))],
    ['xlsx', renderTargetTableXlsx],
  ] as const) {
    it(`as .${format}: the unit, year, budget, goal and every indicator with its target and weight`, async () => {
      const bytes = await write(form);
      const read = await readTargetTable(bytes, `目标表.${format}`);
      if (!read.ok) throw new Error(read.message);
      expect(read.problems).toEqual([]);
      const back = TargetForm.parse({ ...read.form, rulebookId: 'hunan-department' });
      expect(back.unitName).toBe(form.unitName);
      expect(back.year).toBe(2025);
      expect(back.kind).toBe('department');
      expect(back.overallGoal).toBe(form.overallGoal);
      expect(back.budget.total?.fen).toBe(1_000_000_000);
      expect(back.budget.fiscal?.fen).toBe(950_000_000);
      expect(back.budget.other?.fen).toBe(50_000_000);
      expect(shape(back.indicators)).toEqual(shape(form.indicators));
    });
  }

  it('reads a project table in the split layout (指标性质 | 指标值 | 度量单位), groups repeated', () => {
    const rows = [
      ['2025年度项目支出绩效目标申报表', '', '', '', '', '', ''],
      ['项目名称', '乡村道路养护', '', '主管部门', '示范市交通运输局', '', ''],
      ['实施单位', '示范市公路事务中心', '', '', '', '', ''],
      ['年度资金总额', '300', '财政拨款', '280', '其他资金', '20', ''],
      ['年度总体目标', '完成农村公路养护120公里，路况优良率达到85%。', '', '', '', '', ''],
      ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '分值'],
      ['产出指标', '数量指标', '养护里程', '≥', '120', '公里', '30'],
      ['产出指标', '质量指标', '路况优良率', '≥', '85', '%', '20'],
      ['效益指标', '社会效益指标', '群众出行满意度', '≥', '90', '%', '40'],
      ['预算执行率', '预算执行率', '', '', '', '', '10'],
      ['填表人：张三', '', '', '', '', '', ''],
    ].map((cells) => ({ cells }));
    const read = targetFormFromRows(rows, '2025年度项目支出绩效目标申报表');
    if (!read.ok) throw new Error(read.message);
    const back = TargetForm.parse({ ...read.form, rulebookId: 'central-project' });
    expect(back.kind).toBe('project');
    expect(back.projectName).toBe('乡村道路养护');
    expect(back.unitName).toBe('示范市公路事务中心');
    expect(back.supervisor).toBe('示范市交通运输局');
    expect(back.budget.total?.fen).toBe(300_000_000);
    expect(back.indicators.map((n) => [n.name, n.weight])).toEqual([
      ['产出指标', 50],
      ['效益指标', 40],
      ['预算执行率', 10],
    ]);
    const mileage = back.indicators[0]?.children?.[0]?.children?.[0];
    expect(mileage?.target).toMatchObject({
      kind: 'quantity',
      value: 120,
      unit: '公里',
      comparator: '>=',
    });
  });

  it('refuses a file without a target table, in Chinese', async () => {
    const text = new TextEncoder().encode('2024年度部门整体支出绩效自评报告\n一、基本情况\n');
    const read = await readTargetTable(text, '报告.txt');
    expect(read).toEqual({
      ok: false,
      message: '未找到绩效指标表头（一级指标、二级指标、三级指标），不是绩效目标表',
    });
    const broken = await readTargetTable(new Uint8Array([80, 75, 3, 4, 0, 0]), '坏文件.xlsx');
    expect(broken.ok).toBe(false);
  });
});
