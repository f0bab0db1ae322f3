import { describe, expect, it } from 'vitest';
import { auditDocument } from './audit-document.ts';

/** A 项目支出绩效自评表 as a portal page shows it, with its execution rate and 总分 as stated. */
function table(name: string, budget: string, executed: string, rate: string) {
  const row = (cells: string[]) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
  return [
    `<p>${name}绩效自评表</p><table>`,
    row(['项目名称', name, '', '', '', '', '', '']),
    row([
      '项目资金（万元）',
      '',
      '年初预算数',
      '全年预算数',
      '全年执行数',
      '分值',
      '执行率',
      '得分',
    ]),
    row(['', '年度资金总额', budget, budget, executed, '10', rate, '9.5']),
    row([
      '一级指标',
      '二级指标',
      '三级指标',
      '年度指标值',
      '实际完成值',
      '分值',
      '得分',
      '偏差原因',
    ]),
    row(['产出指标', '数量指标', '完成监测站点', '≥100个', '100个', '50', '50', '']),
    row(['效益指标', '社会效益指标', '服务防汛决策', '有效', '有效', '30', '30', '']),
    row(['满意度指标', '满意度指标', '使用单位满意度', '≥90%', '95%', '10', '10', '']),
    row(['总分', '', '', '', '', '100', '99.5', '']),
    '</table>',
  ].join('\n');
}

const page = (second: string) =>
  new TextEncoder().encode(
    [
      '<html><body><p>示范省水文中心2024年度项目支出绩效自评报告</p>',
      '<p>一、项目概况</p><p>我中心2024年度实施项目2个。</p>',
      table('站网运行维护项目', '200.00', '190.00', '95.00%'),
      second,
      '</body></html>',
    ].join('\n'),
  );

describe('a project report with several project tables', () => {
  it('checks every table, not only the first', () => {
    const wrong = auditDocument(
      page(table('设备更新项目', '400.00', '380.00', '96.00%')),
      'x.html',
    );
    // 380 ÷ 400 is 95.00%.
    expect(wrong.findings.map((f) => `${f.category} ${f.stated}`)).toContain('ratio 96.00%');
  });

  it('finds nothing in a second table that agrees with itself', () => {
    const right = auditDocument(
      page(table('设备更新项目', '400.00', '380.00', '95.00%')),
      'x.html',
    );
    expect(right.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});
