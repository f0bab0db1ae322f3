import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Block } from './block.ts';
import { readDocument } from './read-document.ts';
import { displayNumber } from './read-xlsx.ts';

/** A 项目支出绩效自评表 as units fill it in Excel: title and unit lines, merged cells, formats. */
async function selfEvaluationWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('自评表');
  const rows: (string | number | null)[][] = [
    ['2024年度项目支出绩效自评表'],
    ['项目名称', '乡村道路养护', null, null, null, null, null],
    ['项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    ['年度资金总额', 500, 520, 478.4, 10, 0.92, 9.2],
    ['其中：当年财政拨款', 500, 520, 478.4, null, 0.92, null],
    [],
    ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
    ['产出指标', '数量指标', '养护里程', '≥120公里', '126公里', 45, 45],
    [null, null, '修复路面面积', '≥8000平方米', '8300平方米', 45, 44],
    ['总分', null, null, null, null, 100, 98.2],
    ['填表人：李某', null, '填报日期：', 45763],
  ];
  rows.forEach((r) => ws.addRow(r));
  ws.mergeCells('A1:G1');
  ws.mergeCells('B2:G2');
  ws.mergeCells('A8:A9');
  ws.mergeCells('B8:B9');
  ws.mergeCells('A10:E10');
  for (const r of [4, 5]) ws.getCell(`F${r}`).numFmt = '0.00%';
  for (const r of [4, 5]) for (const c of 'BCD') ws.getCell(`${c}${r}`).numFmt = '#,##0.00';
  ws.getCell('D11').numFmt = 'yyyy"年"m"月"d"日"';
  wb.addWorksheet('说明', { state: 'hidden' }).addRow(['隐藏的工作表', '不应读取']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const tables = (blocks: readonly Block[]): string[][][] =>
  blocks.filter((b) => b.kind === 'table').map((b) => (b.rows ?? []).map((r) => r.cells));

describe('a spreadsheet read into the block model', () => {
  it('gives the title and signature lines as text and each table on its full grid', async () => {
    const read = readDocument(await selfEvaluationWorkbook(), '自评表.xlsx');
    if (!read.ok) throw new Error(read.error.message);
    const { blocks } = read.document;
    expect(blocks[0]).toMatchObject({ kind: 'paragraph', text: '2024年度项目支出绩效自评表' });
    expect(blocks.at(-1)).toMatchObject({
      kind: 'paragraph',
      text: '填表人：李某　填报日期：　2025年4月16日',
    });
    const [funds, indicators] = tables(blocks);
    expect(funds).toEqual([
      ['项目名称', '乡村道路养护', '', '', '', '', ''],
      ['项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
      ['年度资金总额', '500.00', '520.00', '478.40', '10', '92.00%', '9.2'],
      ['其中：当年财政拨款', '500.00', '520.00', '478.40', '', '92.00%', ''],
    ]);
    expect(indicators).toEqual([
      ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
      ['产出指标', '数量指标', '养护里程', '≥120公里', '126公里', '45', '45'],
      ['', '', '修复路面面积', '≥8000平方米', '8300平方米', '45', '44'],
      ['总分', '', '', '', '', '100', '98.2'],
    ]);
    expect(blocks.some((b) => b.text.includes('隐藏'))).toBe(false);
  });
});

describe('numbers as their cell format shows them', () => {
  it.each([
    [0.954651, '0.00%', '95.47%'],
    [0.9, '0%', '90%'],
    [2560, '#,##0.00', '2,560.00'],
    [40700000, '#,##0.00', '40,700,000.00'],
    [39579000.5, '#,##0.00', '39,579,000.50'],
    [1.005, '0.00', '1.01'],
    [123456789.125, '0.00', '123456789.13'],
    [1234.5, '0.0', '1234.5'],
    [0.125, '0.00', '0.13'],
    [-2.345, '0.00', '-2.35'],
    [95.2, 'General', '95.2'],
    [0.1 + 0.2, undefined, '0.3'],
    [45763, 'yyyy-m-d', '2025年4月16日'],
    [12, '0.00_ ;[Red]-0.00', '12.00'],
  ])('%s under %s is %s', (value, format, shown) => {
    expect(displayNumber(value, format)).toBe(shown);
  });
});

describe('a broken or hostile workbook', () => {
  it('names what is wrong, in Chinese', async () => {
    const notWorkbook = new JSZip();
    notWorkbook.file('word/document.xml', '<w:document/>');
    const a = readDocument(await notWorkbook.generateAsync({ type: 'uint8array' }), 'a.xlsx');
    expect(a.ok ? '' : a.error.message).toContain('不是 Excel 工作簿');
    const entity = new JSZip();
    entity.file('xl/workbook.xml', '<!DOCTYPE x [<!ENTITY e "e">]><workbook/>');
    const b = readDocument(await entity.generateAsync({ type: 'uint8array' }), 'b.xlsx');
    expect(b.ok ? '' : b.error.code).toBe('xml-entity');
    const c = readDocument(new TextEncoder().encode('not a zip at all'), 'c.xlsx');
    expect(c.ok).toBe(false);
    // One merge over the whole sheet would lay out seventeen billion positions: refused at once.
    const huge = new JSZip();
    huge.file(
      'xl/workbook.xml',
      '<workbook><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>',
    );
    huge.file(
      'xl/_rels/workbook.xml.rels',
      '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
    );
    huge.file(
      'xl/worksheets/sheet1.xml',
      '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>总分</t></is></c></row></sheetData><mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>',
    );
    const d = readDocument(await huge.generateAsync({ type: 'uint8array' }), 'd.xlsx');
    expect(d.ok ? '' : d.error.code).toBe('too-large');
  });
});
