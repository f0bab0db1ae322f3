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

type Render = (rows: readonly string[][]) => Promise<[Uint8Array, string]>;

/** A row as PDF text or a text export has it: its empty cells are lost. */
const line = (r: readonly string[], gap: string): string => r.filter((c) => c !== '').join(gap);

const LAYOUTS: [string, Render][] = [
  [
    'cells run together on a line (PDF text)',
    (rows) => Promise.resolve([utf8(rows.map((r) => line(r, ' ')).join('\n')), 't.txt']),
  ],
  [
    'tab-separated lines',
    (rows) => Promise.resolve([utf8(rows.map((r) => line(r, '\t')).join('\n')), 't.txt']),
  ],
  ['an html table', (rows) => Promise.resolve([utf8(html(rows)), 't.html'])],
  ['a Word table', async (rows) => [await docxOf(rows), 't.docx']],
];

const codes = (audit: DocumentAudit): string[] => audit.findings.map((f) => f.code).sort();

describe('a 自评表 published on its own, ending on its 总分 row', () => {
  for (const [name, render] of LAYOUTS) {
    it(`is read whole from ${name}: its total and its rate are checked`, async () => {
      const [bytes, file] = await render(ROWS);
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

/**
 * A 部门整体 table in the national framework's layout (投入/过程/产出/效果, a 评分标准 column,
 * 扣分原因 last), its group cells merged down (empty below their first row). Three mistakes: a score above its 分值
 * (支付进度率 6 of 5), 一级 分值 adding up to 105, and a 总分 of 93 where the rows give 97.5.
 */
const FRAMEWORK: string[][] = [
  ['2022年度某市生态环境局部门整体支出绩效自评表'],
  ['填报单位（盖章）：某市生态环境局'],
  ['一级指标', '二级指标', '三级指标', '分值', '评分标准', '自评得分', '扣分原因'],
  ['投入（25分）', '目标设置', '绩效目标合理性', '5', '绩效目标依据充分、符合实际得5分。', '5', ''],
  ['', '', '绩效指标明确性', '5', '指标细化量化得5分。', '5', ''],
  ['', '预算配置', '在职人员控制率', '5', '在职人员控制率≤100%得5分，每超过1%扣0.5分。', '5', ''],
  [
    '',
    '',
    '"三公经费"变动率',
    '5',
    '"三公经费"变动率≤0得5分，否则扣分。',
    '4',
    '公务接待费略有增加',
  ],
  ['过程（30分）', '预算执行', '预算完成率', '10', '得分=预算完成率×10。', '9.5', '个别项目未完工'],
  ['', '', '预算调整率', '5', '预算调整率≤10%得5分。', '5', ''],
  ['', '', '支付进度率', '5', '支付进度率≥95%得5分。', '6', ''],
  ['', '预算管理', '管理制度健全性', '5', '制度健全得5分。', '5', ''],
  ['', '', '资金使用合规性', '5', '资金使用合规得5分。', '4', '个别报销凭证不完整'],
  [
    '产出（25分）',
    '职责履行',
    '实际完成率',
    '10',
    '实际完成率=实际完成工作数/计划工作数×100%。',
    '10',
    '',
  ],
  ['', '', '完成及时率', '5', '按时完成得5分。', '5', ''],
  ['', '', '质量达标率', '10', '质量达标率≥95%得10分。', '10', ''],
  [
    '效果（25分）',
    '履职效益',
    '社会效益',
    '15',
    '大气优良天数比例达标得15分。',
    '14',
    'PM2.5浓度未达年度目标',
  ],
  ['', '', '社会公众或服务对象满意度', '10', '满意度≥90%得10分。', '10', ''],
  ['总分', '100', '93'],
];

describe('a 部门整体 table in the national framework layout', () => {
  for (const [name, render] of LAYOUTS) {
    it(`is read from ${name}: unit, groups, scores and total`, async () => {
      const [bytes, file] = await render(FRAMEWORK);
      const audit = auditDocument(bytes, file);
      expect(audit.summary.department).toBe('某市生态环境局');
      expect(audit.summary.rulebook).toBe('finance-2013-department');
      expect(audit.summary.understanding?.indicators).toBe(14);
      const over = audit.findings.find((f) => f.category === 'score-over-weight');
      expect(over?.message).toContain('支付进度率');
      expect(audit.findings.some((f) => f.message.includes('105'))).toBe(true);
      const total = audit.findings.find((f) => f.code === 'TOTAL_STATED_PARTS');
      expect(total?.severity).toBe('error');
      expect(total?.message).toContain('97.5');
      // Every deduction here has its reason in the row but 支付进度率's (which is above its 分值).
      expect(audit.findings.filter((f) => f.code === 'DEDUCTION_NO_REASON')).toEqual([]);
    });
  }
});
