import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { describe, expect, it } from 'vitest';
import { auditDocument } from './audit-document.ts';
import type { DocumentAudit } from './audit-document.ts';

/**
 * A 项目支出绩效自评表 on its own, as many units publish it, with three mistakes: the execution
 * rate (480 ÷ 520 is 92.31%, not 93.31%), and a 总分 of 92.23 where the rows add up to 98.23;
 * one deduction carries its reason in the last cell of its row.
 */
const ROWS: string[][] = [
  ['2023年度项目支出绩效自评表'],
  ['项目名称', '农村饮水安全巩固提升工程'],
  ['主管部门', '某县水利局', '实施单位', '某县农村供水管理站'],
  ['项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
  ['年度资金总额', '500.00', '520.00', '480.00', '10', '93.31%', '9.23'],
  ['其中：当年财政拨款', '500.00', '520.00', '480.00', '—', '—', '—'],
  ['上年结转资金', '0', '0', '0', '—', '—', '—'],
  ['其他资金', '0', '0', '0', '—', '—', '—'],
  ['年度总体目标', '预期目标', '实际完成情况'],
  ['完成10处农村饮水工程建设，受益人口2万人。', '完成10处农村饮水工程建设，受益人口2.1万人。'],
  [
    '绩效指标',
    '一级指标',
    '二级指标',
    '三级指标',
    '年度指标值',
    '实际完成值',
    '分值',
    '得分',
    '偏差原因分析及改进措施',
  ],
  ['产出指标', '数量指标', '新建供水工程数量', '≥10处', '10处', '15', '15'],
  ['质量指标', '工程验收合格率', '100%', '100%', '15', '15'],
  ['时效指标', '工程完工及时率', '≥95%', '90%', '10', '9', '部分工程受雨季影响延期'],
  ['成本指标', '工程建设成本', '≤520万元', '480万元', '10', '10'],
  ['效益指标', '社会效益指标', '受益人口', '≥2万人', '2.1万人', '15', '15'],
  ['可持续影响指标', '工程运行年限', '≥15年', '15年', '10', '10'],
  ['满意度指标', '服务对象满意度指标', '受益群众满意度', '≥90%', '95%', '15', '15'],
  ['总分', '100', '92.23'],
];

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

async function docxOf(rows: readonly string[][]): Promise<Uint8Array> {
  const [title, ...body] = rows;
  const table = new Table({
    rows: body.map(
      (r) =>
        new TableRow({ children: r.map((c) => new TableCell({ children: [new Paragraph(c)] })) }),
    ),
  });
  const doc = new Document({
    sections: [{ children: [new Paragraph(title?.join('') ?? ''), table] }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

const html = (rows: readonly string[][]): string =>
  `<html><body><p>${rows[0]?.join('') ?? ''}</p><table>${rows
    .slice(1)
    .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('')}</table></body></html>`;

const LAYOUTS: [string, () => Promise<[Uint8Array, string]>][] = [
  [
    'cells run together on a line (PDF text)',
    () => Promise.resolve([utf8(ROWS.map((r) => r.join(' ')).join('\n')), 't.txt']),
  ],
  [
    'tab-separated lines',
    () => Promise.resolve([utf8(ROWS.map((r) => r.join('\t')).join('\n')), 't.txt']),
  ],
  ['an html table', () => Promise.resolve([utf8(html(ROWS)), 't.html'])],
  ['a Word table', async () => [await docxOf(ROWS), 't.docx']],
];

const codes = (audit: DocumentAudit): string[] => audit.findings.map((f) => f.code).sort();

describe('a 自评表 published on its own, ending on its 总分 row', () => {
  for (const [name, render] of LAYOUTS) {
    it(`is read whole from ${name}: its total and its rate are checked`, async () => {
      const [bytes, file] = await render();
      const audit = auditDocument(bytes, file);
      // Not taken for a document cut short: the note would hide every finding about the total.
      expect(audit.notes.join('\n')).not.toMatch(/不完整/);
      const total = audit.findings.find((f) => f.code === 'TOTAL_STATED_PARTS');
      expect(total?.severity).toBe('error');
      expect(total?.message).toContain('98.23');
      const rate = audit.findings.find((f) => f.category === 'ratio');
      expect(rate?.severity).toBe('error');
      expect(rate?.message).toContain('92.31%');
      // The reason in the last cell of its row is read: no "扣分但未说明偏差原因" for that row.
      const unexplained = audit.findings.filter(
        (f) => f.code === 'DEDUCTION_NO_REASON' && f.message.includes('工程完工及时率'),
      );
      expect(unexplained).toEqual([]);
      expect(codes(audit).filter((c) => c === 'TOTAL_STATED_PARTS')).toHaveLength(1);
    });
  }

  it('is still taken as cut short when its last row is not a total', () => {
    const cut = ROWS.slice(0, -3)
      .map((r) => r.join(' '))
      .join('\n');
    const audit = auditDocument(utf8(cut), 'cut.txt');
    expect(audit.notes.join('\n')).toMatch(/不完整/);
    expect(audit.findings.some((f) => f.category === 'total')).toBe(false);
  });

  it('checks the total of a report that ends with its attached table', () => {
    const report = [
      '2023年度农村饮水安全巩固提升工程项目支出绩效自评报告',
      '一、基本情况',
      '项目全年预算数520.00万元，全年执行数480.00万元。',
      '二、存在的问题及原因分析',
      '个别工程受雨季影响延期完工。',
      '三、下一步改进措施',
      '加强施工进度管理。',
      '附件：',
      ...ROWS.map((r) => r.join(' ')),
    ].join('\n');
    const audit = auditDocument(utf8(report), 'report.txt');
    expect(audit.notes.join('\n')).not.toMatch(/不完整/);
    expect(audit.findings.find((f) => f.code === 'TOTAL_STATED_PARTS')?.severity).toBe('error');
  });
});
