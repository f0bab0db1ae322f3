import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { IndicatorNode } from '@jixiao/domain';
import { extractEvaluation } from '../extract/extract-evaluation.ts';
import { readDocument } from './read-document.ts';

// A 项目支出绩效自评表 whose 定性 indicator has the grade the unit chose written after its actual
// in brackets, as the report writer writes it (actualCellText) and units copy it.
const HEAD = [
  '2023年度项目支出绩效自评表',
  '项目名称\t家庭经济困难学生资助',
  '项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t执行率\t分值\t得分',
  '年度资金总额\t360.00\t360.00\t342.00\t95.00%\t10\t9.5',
];
const ROWS = [
  ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析'],
  ['产出指标', '数量指标', '资助学生人数', '≥1200人', '1236人', '30', '30', ''],
  ['产出指标', '质量指标', '资助对象认定准确率', '100%', '100%', '20', '20', ''],
  [
    '效益指标',
    '社会效益指标',
    '政策宣传效果',
    '效果明显',
    '群众反映较好（部分达成年度指标）',
    '20',
    '14',
    '覆盖面不足',
  ],
  ['效益指标', '可持续影响指标', '资助政策知晓率', '≥95%', '（达成年度指标）', '10', '10', ''],
  ['满意度指标', '服务对象满意度指标', '受助学生满意度', '≥90%', '93.5%', '10', '10', ''],
  ['总分', '', '', '', '', '100', '93.5', ''],
];

const txt = (): Uint8Array =>
  new TextEncoder().encode([...HEAD, ...ROWS.map((r) => r.join('\t'))].join('\n'));

const html = (): Uint8Array =>
  new TextEncoder().encode(
    `<html><body>${HEAD.map((h) => `<p>${h.replace(/\t/g, ' ')}</p>`).join('')}<table border="1">${ROWS.map(
      (r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`,
    ).join('')}</table></body></html>`,
  );

async function docx(): Promise<Uint8Array> {
  const cell = (text: string): TableCell =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun(text)] })] });
  const doc = new Document({
    sections: [
      {
        children: [
          ...HEAD.map((h) => new Paragraph(h.replace(/\t/g, ' '))),
          new Table({ rows: ROWS.map((r) => new TableRow({ children: r.map(cell) })) }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

async function xlsx(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('自评表');
  for (const line of HEAD) sheet.addRow(line.split('\t'));
  for (const row of ROWS) sheet.addRow(row);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

function leaves(nodes: readonly IndicatorNode[]): IndicatorNode[] {
  return nodes.flatMap((n) => (n.children?.length ? leaves(n.children) : [n]));
}

function leafOf(name: string, file: string, bytes: Uint8Array): IndicatorNode {
  const read = readDocument(bytes, file);
  if (!read.ok) throw new Error(read.error.message);
  const found = leaves(extractEvaluation(read.document).evaluation.indicators).find(
    (l) => l.name === name,
  );
  if (!found) throw new Error(`${file}: ${name} not read`);
  const { source: _source, ...rest } = found;
  return rest;
}

describe('a grade in brackets after the 实际完成值', () => {
  const files = [
    ['report.txt', txt],
    ['report.html', html],
    ['report.docx', docx],
    ['report.xlsx', xlsx],
  ] as const;

  it.each(files)('%s: the grade is the leaf’s, the actual what precedes it', async (file, make) => {
    const leaf = leafOf('政策宣传效果', file, await make());
    expect(leaf.actual).toEqual({ kind: 'text', text: '群众反映较好' });
    expect(leaf.grade).toBe('partial');
    expect(leaf.score).toBe(14);
  });

  it('every format gives the same indicators as the text', async () => {
    const fromText = leafOf('政策宣传效果', 'report.txt', txt());
    const onlyGrade = leafOf('资助政策知晓率', 'report.txt', txt());
    // A cell that is the grade alone (in brackets) is a qualitative actual, with no grade split.
    expect(onlyGrade.actual).toMatchObject({ kind: 'qualitative', grade: 'achieved' });
    for (const [file, make] of files) {
      const bytes = await make();
      expect(leafOf('政策宣传效果', file, bytes)).toEqual(fromText);
      expect(leafOf('资助政策知晓率', file, bytes)).toEqual(onlyGrade);
    }
  });
});
