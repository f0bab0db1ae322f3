import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DepartmentEvaluation } from '@jixiao/domain';
import type { Block } from './block.ts';
import { withoutCoveredColumns } from './block.ts';
import { readDocument } from './read-document.ts';
import { renderReportDocx } from '../write/index.ts';

// The same 项目支出绩效自评表 as a hand-written portal page (rowspan/colspan) and as LibreOffice
// saved it to .docx (w:gridSpan, w:vMerge restart/continue): both read to the same full grid.
const EXPECTED_GRID = [
  ['项目名称', '社区综合服务专项', '', '', '', ''],
  ['项目资金（万元）', '', '年初预算数', '全年执行数', '分值', '执行率'],
  ['', '年度资金总额', '120.00', '108.00', '10', '90.00%'],
  ['一级指标', '二级指标', '三级指标', '年度指标值', '分值', '得分'],
  ['产出指标', '数量指标', '服务场次', '≥40场', '10', '10'],
  ['', '', '覆盖人数', '≥2000人', '10', '9'],
  ['', '质量指标', '满意率', '≥90%', '10', '10'],
  ['总分', '', '', '', '100', '92'],
];

function fixture(name: string): Uint8Array {
  return readFileSync(new URL(`../../../../fixtures/documents/${name}`, import.meta.url));
}

function tables(bytes: Uint8Array, name: string): Block[] {
  const r = readDocument(bytes, name);
  if (!r.ok) throw new Error(r.error.message);
  return r.document.blocks.filter((b) => b.kind === 'table');
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const grid = (html: string): string[][] | undefined =>
  tables(utf8(html), 'x.html')[0]?.rows?.map((r) => r.cells);

describe('merged cells are expanded into a full grid', () => {
  it('reads rowspan and colspan of an .html table', () => {
    const [table] = tables(fixture('merged-cells.html'), 'merged-cells.html');
    expect(table?.rows?.map((r) => r.cells)).toEqual(EXPECTED_GRID);
    expect(table?.rows?.map((r) => r.line)).toEqual([8, 9, 10, 11, 12, 13, 14, 15]);
    // Which positions have a cell of their own: the merged name, the cells under rowspans.
    expect(table?.rows?.[0]?.spans).toEqual([1, 5, 0, 0, 0, 0]);
    expect(table?.rows?.[2]?.spans).toEqual([0, 1, 1, 1, 1, 1]);
    expect(table?.rows?.[3]?.spans).toBeUndefined();
    const exported = table?.rows?.map((r) => withoutCoveredColumns(r).cells);
    expect(exported?.[0]).toEqual(['项目名称', '社区综合服务专项']);
    expect(exported?.[5]).toEqual(['覆盖人数', '≥2000人', '10', '9']);
  });

  it('reads the table nested in a portal page laid out in tables, the article as paragraphs', () => {
    const page = new TextDecoder().decode(fixture('merged-cells.html'));
    const table = /<table[\s\S]*<\/table>/i.exec(page)?.[0] ?? '';
    const article = Array.from(
      { length: 6 },
      (_, i) =>
        `<p>第${i + 1}段：本项目全年预算120.00万元，实际支出108.00万元，执行率90.00%，各项绩效目标基本完成，服务对象满意度较高。</p>`,
    ).join('');
    const html = `<html><body><table width="1000"><tr><td><a href="/">首页</a> | <a href="/zwgk">政务公开</a></td></tr><tr><td><table width="100%"><tr><td>2023年度社区综合服务专项绩效自评报告</td></tr><tr><td>${article}${table}<p>以上为自评情况。</p></td></tr></table></td></tr></table></body></html>`;
    const r = readDocument(utf8(html), 'portal.html');
    if (!r.ok) throw new Error(r.error.message);
    const blocks = r.document.blocks;
    expect(
      blocks.filter((b) => b.kind === 'table').map((b) => b.rows?.map((x) => x.cells)),
    ).toEqual([EXPECTED_GRID]);
    expect(blocks.filter((b) => b.kind === 'paragraph' && /^第\d段/.test(b.text)).length).toBe(6);
    expect(blocks.some((b) => b.text === '2023年度社区综合服务专项绩效自评报告')).toBe(true);
  });

  it('keeps a data table whose goal cell is written out at length a table', () => {
    const goal = '完成社区综合服务场次目标，覆盖居民人数稳步增长，服务质量持续提升。'.repeat(14);
    const rows = [
      ['项目名称', '社区综合服务专项', '', ''],
      ['年度总体目标', goal, '', ''],
      ...Array.from({ length: 16 }, (_, i) => [`指标${i + 1}居民服务覆盖率`, '≥90%', '95%', '10']),
    ];
    const html = `<table>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table>`;
    expect(goal.length).toBeGreaterThan(400);
    expect(grid(html)?.[1]?.[1]).toBe(goal);
  });

  it('reads gridSpan and vMerge of the same table saved as .docx by LibreOffice', () => {
    const [table] = tables(fixture('merged-cells.docx'), 'merged-cells.docx');
    expect(table?.rows?.map((r) => r.cells)).toEqual(EXPECTED_GRID);
    // A continued vertical merge is a cell of the row (w:tc); a horizontal span covers columns.
    expect(table?.rows?.[0]?.spans).toEqual([1, 5, 0, 0, 0, 0]);
    expect(table?.rows?.[2]?.spans).toBeUndefined();
  });

  it('lines up the columns of every table of a rendered report', async () => {
    const url = new URL(
      '../../../../fixtures/evaluations/004_66e78293cd0851a8.json',
      import.meta.url,
    );
    const evaluation = DepartmentEvaluation.parse(JSON.parse(readFileSync(url, 'utf8')));
    const found = tables(await renderReportDocx(evaluation, undefined), 'report.docx');
    expect(found.length).toBeGreaterThanOrEqual(3);
    for (const table of found) {
      const widths = new Set(table.rows?.map((r) => r.cells.length));
      expect(widths.size).toBe(1);
    }
    // 附件2: each figure of the fund row sits under its heading, and the indicator header's
    // columns are those of the rows below it.
    const summary = found.find((t) => t.rows?.some((r) => r.cells.includes('年初预算数')));
    const rows = summary?.rows ?? [];
    const head = rows.find((r) => r.cells.includes('年初预算数'))?.cells ?? [];
    const total = rows.find((r) => r.cells.includes('年度资金总额'))?.cells ?? [];
    expect(total[head.indexOf('年初预算数')]).toBe('1105.56');
    expect(total[head.indexOf('全年执行数')]).toBe('1013.19');
    expect(total[head.indexOf('执行率')]).toBe('100.00%');
    const indicators = found.find((t) => t.rows?.[0]?.cells.includes('三级指标'));
    const header = indicators?.rows?.[0]?.cells ?? [];
    const first = indicators?.rows?.[1]?.cells ?? [];
    expect(first[header.indexOf('三级指标')]).toBe('积极开展理论学习.培训');
    expect(first[header.indexOf('分值')]).toBe('5');
  });

  it('keeps the columns of rows that rowspans skip, cover at the end, or leave short', () => {
    expect(
      grid(
        '<table><tr><td>a</td><td>b</td><td rowspan="3">c</td></tr>' +
          '<tr><td colspan="2">d</td></tr><tr><td>e</td></tr></table>',
      ),
    ).toEqual([
      ['a', 'b', 'c'],
      ['d', '', ''],
      ['e', '', ''],
    ]);
    // An absurd span is clamped as browsers clamp it; the table stays small.
    const huge = grid('<table><tr><td colspan="99999999">x</td></tr></table>');
    expect(huge?.[0]?.length).toBe(1000);
  });

  it('expands gridBefore and gridAfter of a .docx row into empty cells', async () => {
    const { default: JSZip } = await import('jszip');
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const tc = (t: string, pr = ''): string =>
      `<w:tc><w:tcPr>${pr}</w:tcPr><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:tc>`;
    const body =
      `<w:tbl><w:tr>${tc('a')}${tc('b')}${tc('c')}</w:tr>` +
      `<w:tr><w:trPr><w:gridBefore w:val="1"/><w:gridAfter w:val="1"/></w:trPr>${tc('d')}</w:tr>` +
      `<w:tr>${tc('e', '<w:gridSpan w:val="2"/>')}</w:tr></w:tbl>`;
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('word/document.xml', `<w:document ${W}><w:body>${body}</w:body></w:document>`);
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    expect(tables(bytes, 'g.docx')[0]?.rows?.map((r) => r.cells)).toEqual([
      ['a', 'b', 'c'],
      ['', 'd', ''],
      ['e', '', ''],
    ]);
  });
});
