import { describe, expect, it } from 'vitest';
import { auditDocument } from './audit-document.ts';

/**
 * The plainest 评分表 of a report: 一级指标 | 二级指标 | 分值 | 得分 with a 合计 row, its first row
 * the 预算执行率 (a word the fund header also uses), no 三级 column, no fund block, no 项目名称 or
 * 部门名称 cell, in a report that stops after its conclusion (no closing chapter). Its total is
 * checked in every form the table comes in, whose report it is decided by the title.
 */
const ROWS = [
  ['一级指标', '二级指标', '分值', '得分'],
  ['预算执行率', '预算执行率', '10', '9.75'],
  ['产出指标', '数量指标', '30', '30'],
  ['产出指标', '质量指标', '20', '19'],
  ['效益指标', '社会效益', '30', '28'],
  ['满意度指标', '服务对象满意度', '10', '10'],
];

const report = (title: string, table: string, total: string): string =>
  [
    `某县财政局2023年度${title}`,
    '一、基本情况',
    '核定编制32人，实有人数30人。',
    '二、绩效自评情况',
    table,
    '三、自评结论',
    `综合得分${total}分，等级为优。`,
    '',
  ].join('\n');

const tabs = (rows: string[][]): string => rows.map((r) => r.join('\t')).join('\n');

const forms: Record<string, (rows: string[][]) => string> = {
  tabs,
  'one cell per line': (rows) => rows.flat().join('\n'),
  'run together': (rows) => rows.map((r) => r.join(' ')).join('\n'),
};

const html = (title: string, total: string): string =>
  [
    '<html><body><div class="nav">首页 政务公开 财政信息</div>',
    `<h1>某县财政局2023年度${title}</h1>`,
    '<p>一、基本情况</p><p>核定编制32人，实有人数30人。</p><p>二、绩效自评情况</p><table>',
    ...[...ROWS, ['合计', '', '100', total]].map(
      (r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`,
    ),
    `</table><p>三、自评结论</p><p>综合得分${total}分，等级为优。</p>`,
    '<div class="foot">主办单位：某县人民政府办公室 版权所有</div></body></html>',
  ].join('\n');

const totalFindings = (text: string, name: string) =>
  auditDocument(new TextEncoder().encode(text), name).findings.filter(
    (f) => f.category === 'total',
  );

describe('a 评分表 of 一级 and 二级 indicators only', () => {
  for (const title of ['部门整体支出绩效自评报告', '项目支出绩效自评报告']) {
    for (const [form, render] of Object.entries(forms)) {
      it(`finds a wrong 合计 (${title}, ${form})`, () => {
        const text = report(title, render([...ROWS, ['合计', '', '100', '97.75']]), '97.75');
        const found = totalFindings(text, 'report.txt');
        expect(found.map((f) => [f.severity, f.stated, f.expected])).toContainEqual([
          'error',
          '97.75',
          '96.75',
        ]);
      });

      it(`is silent on the right 合计 (${title}, ${form})`, () => {
        const text = report(title, render([...ROWS, ['合计', '', '100', '96.75']]), '96.75');
        const audit = auditDocument(new TextEncoder().encode(text), 'report.txt');
        expect(audit.summary.computedTotal).toBe(96.75);
        expect(audit.findings.filter((f) => f.severity === 'error')).toEqual([]);
        expect(audit.findings.filter((f) => f.category === 'total')).toEqual([]);
      });
    }

    it(`reads it from a web page (${title})`, () => {
      expect(totalFindings(html(title, '97.75'), 'page.html').map((f) => f.severity)).toContain(
        'error',
      );
      const clean = auditDocument(new TextEncoder().encode(html(title, '96.75')), 'page.html');
      expect(clean.summary.computedTotal).toBe(96.75);
      expect(clean.findings.filter((f) => f.severity === 'error')).toEqual([]);
    });
  }

  it('counts a row under a 加分项 group cell as 加分, not as a child of the group above', () => {
    const rows = [
      ['一级指标', '二级指标', '三级指标', '分值', '得分'],
      ['产出指标', '数量指标', '完成任务数', '60', '60'],
      ['效益指标', '社会效益', '群众知晓率', '40', '40'],
      ['加分项', '获省级表彰', '', '5', '3'],
      ['总分', '', '', '105', '103'],
    ];
    // Tab-parted rows, and one cell per line closed by a pipe (a blank cell a lone pipe).
    const piped = rows
      .flat()
      .map((c) => (c === '' ? '|' : `${c} |`))
      .join('\n');
    for (const table of [tabs(rows), piped]) {
      const text = report('部门整体支出绩效自评报告', table, '103');
      const audit = auditDocument(new TextEncoder().encode(text), 'bonus.txt');
      expect(audit.findings.filter((f) => f.category === 'weight-subtotal')).toEqual([]);
      expect(audit.findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(audit.evaluation?.adjustments).toEqual([
        expect.objectContaining({ name: '获省级表彰', kind: 'bonus', points: 3 }),
      ]);
    }
  });
});
