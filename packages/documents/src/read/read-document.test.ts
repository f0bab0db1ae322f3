import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readDocument } from './read-document.ts';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const p = (text: string, extra = ''): string =>
  `<w:p>${extra}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const documentXml = (body: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`;

async function docx(files: Record<string, string>): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  for (const [name, text] of Object.entries(files)) zip.file(name, text);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

function errorCode(bytes: Uint8Array, name: string): string | undefined {
  const r = readDocument(bytes, name);
  return r.ok ? undefined : r.error.code;
}

describe('reading .txt', () => {
  it('reads paragraphs, headings and tab-per-cell tables with their lines', () => {
    const r = readDocument(
      utf8('一、基本情况\n正文一段。\n\t项目\n\t金额\n\n\t公用经费\n\t254.77\n\n说明。\n'),
      'a.txt',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.document.blocks.map((b) => [b.kind, b.line])).toEqual([
      ['heading', 1],
      ['paragraph', 2],
      ['table', 3],
      ['paragraph', 9],
    ]);
    expect(r.document.blocks[2]?.rows?.map((row) => row.cells)).toEqual([
      ['项目', '金额'],
      ['公用经费', '254.77'],
    ]);
  });

  it('keeps empty cells of merged columns and cells broken over lines', () => {
    const text = '\t\n\t产出指标\n\n(50分)\n\t数量指标\n\n\t\n\t\n\t质量指标\n';
    const r = readDocument(utf8(text), 't.txt');
    expect(r.ok && r.document.blocks[0]?.rows?.map((row) => row.cells)).toEqual([
      ['', '产出指标\n(50分)', '数量指标'],
      ['', '', '质量指标'],
    ]);
  });

  it('reads GBK (GB18030) text', () => {
    // "一、基本情况" in GBK.
    const gbk = new Uint8Array([
      0xd2, 0xbb, 0xa1, 0xa2, 0xbb, 0xf9, 0xb1, 0xbe, 0xc7, 0xe9, 0xbf, 0xf6,
    ]);
    const r = readDocument(gbk, 'gbk.txt');
    expect(r.ok && r.document.blocks[0]?.text).toBe('一、基本情况');
    expect(r.ok && r.document.notes).toEqual(['文件按 GB18030 编码读取']);
  });
});

describe('reading .docx', () => {
  it('reads paragraphs with numbering and tables with horizontal and vertical merges', async () => {
    const numbering = `<w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
    const numbered = '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>';
    const tc = (text: string, pr = ''): string => `<w:tc><w:tcPr>${pr}</w:tcPr>${p(text)}</w:tc>`;
    const table = `<w:tbl><w:tr>${tc('一级指标')}${tc('合并', '<w:gridSpan w:val="2"/>')}</w:tr><w:tr>${tc('产出', '<w:vMerge w:val="restart"/>')}${tc('a')}${tc('b')}</w:tr><w:tr>${tc('', '<w:vMerge/>')}${tc('c')}${tc('d')}</w:tr></w:tbl>`;
    const bytes = await docx({
      'word/document.xml': documentXml(
        p('基本情况', numbered) + p('正文。') + p('预算情况', numbered) + table,
      ),
      'word/numbering.xml': numbering,
    });
    const r = readDocument(bytes, 'a.docx');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.document.blocks.map((b) => [b.kind, b.text.split('\n')[0]])).toEqual([
      ['heading', '一、基本情况'],
      ['paragraph', '正文。'],
      ['heading', '二、预算情况'],
      ['table', '一级指标\t合并\t'],
    ]);
    expect(r.document.blocks[3]?.rows?.map((row) => row.cells)).toEqual([
      ['一级指标', '合并', ''],
      ['产出', 'a', 'b'],
      ['', 'c', 'd'],
    ]);
  });

  it('refuses a DOCTYPE or ENTITY declaration (entity expansion tricks)', async () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><w:document ${W}><w:body>${p('&lol2;')}</w:body></w:document>`;
    expect(errorCode(await docx({ 'word/document.xml': bomb }), 'x.docx')).toBe('xml-entity');
  });

  it('refuses a zip bomb before inflating it', async () => {
    const huge = documentXml(p('a'.repeat(60 * 1024 * 1024)));
    expect(errorCode(await docx({ 'word/document.xml': huge }), 'bomb.docx')).toBe('zip-bomb');
  });

  it('refuses a zip whose directory understates what an entry inflates to', async () => {
    const bytes = await docx({ 'word/document.xml': documentXml(p('年度'.repeat(200_000))) });
    // Rewrite every declared uncompressed size of document.xml to 1000 bytes.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const name = new TextEncoder().encode('word/document.xml');
    for (let o = 0; o < bytes.length - 4; o++) {
      const sig = view.getUint32(o, true);
      const nameAt = sig === 0x04034b50 ? o + 30 : sig === 0x02014b50 ? o + 46 : -1;
      if (nameAt < 0 || !name.every((c, i) => bytes[nameAt + i] === c)) continue;
      view.setUint32(sig === 0x04034b50 ? o + 22 : o + 24, 1000, true);
    }
    expect(errorCode(bytes, 'liar.docx')).toBe('zip-bomb');
  });

  it('says a Word file or workbook holds no text, and names a report zipped inside the zip', async () => {
    const blank = readDocument(
      await docx({ 'word/document.xml': documentXml(`<w:p/>${p(' ')}`) }),
      'blank.docx',
    );
    expect(blank.ok ? undefined : blank.error).toEqual({
      code: 'no-text',
      message: 'Word 文档中没有任何文字，无法读取（正文为空或只有图片；扫描件请以 PDF 或图片上传）',
    });
    const book = new JSZip();
    book.file(
      'xl/workbook.xml',
      '<workbook><sheets><sheet name="表1" r:id="rId1"/></sheets></workbook>',
    );
    book.file(
      'xl/_rels/workbook.xml.rels',
      '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
    );
    book.file('xl/worksheets/sheet1.xml', '<worksheet><sheetData/></worksheet>');
    const emptyBook = readDocument(await book.generateAsync({ type: 'uint8array' }), 'blank.xlsx');
    expect(emptyBook.ok ? undefined : emptyBook.error).toEqual({
      code: 'no-text',
      message: 'Excel 工作簿中没有任何文字，无法读取（所有可见工作表均为空）',
    });
    const inner = await docx({ 'word/document.xml': documentXml(p('报告')) });
    const outer = new JSZip();
    outer.file('自评报告.docx', inner);
    const zipped = readDocument(await outer.generateAsync({ type: 'uint8array' }), 'zipped.docx');
    expect(zipped.ok ? undefined : zipped.error).toEqual({
      code: 'not-docx',
      message:
        '压缩包中没有 word/document.xml，不是 Word 文档（压缩包内是另一个文件 自评报告.docx，请解压后上传其中的报告）',
    });
    // A workbook's zip failures speak of a workbook, not of a Word file.
    const liar = await docx({ 'xl/workbook.xml': 'a'.repeat(1024 * 1024) });
    const bomb = readDocument(liar, 'bomb.xlsx');
    expect(bomb.ok ? undefined : bomb.error.message).toMatch(/^Excel 工作簿解压后体积异常/);
  });

  it('gives each broken input its own clear error', async () => {
    const corrupt = (await docx({ 'word/document.xml': documentXml(p('x')) })).slice(0, 60);
    expect(errorCode(corrupt, 'corrupt.docx')).toBe('corrupt-zip');
    expect(errorCode(utf8('这其实是一个文本文件'), 'fake.docx')).toBe('not-zip');
    expect(errorCode(await docx({ 'other.xml': '<a/>' }), 'empty-zip.docx')).toBe('not-docx');
    const cut = documentXml(p('正文。')).slice(0, -30);
    expect(errorCode(await docx({ 'word/document.xml': cut }), 'cut.docx')).toBe('xml-invalid');
    expect(errorCode(new Uint8Array(0), 'empty.docx')).toBe('empty');
    expect(errorCode(new Uint8Array(0), 'empty.txt')).toBe('empty');
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    expect(errorCode(garbage, 'garbage.txt')).toBe('binary');
    expect(errorCode(garbage, 'garbage.docx')).toBe('not-zip');
    expect(errorCode(new Uint8Array(50 * 1024 * 1024), 'huge.txt')).toBe('too-large');
    expect(errorCode(utf8('x'), 'report.pdf')).toBe('unsupported-format');
    const r = readDocument(new Uint8Array(0), 'empty.docx');
    expect(r.ok ? '' : r.error.message).toBe('文件为空');
  });
});

describe('reading .html', () => {
  it('reads headings, paragraphs and tables of a portal page, entities decoded', () => {
    const html = `<html><head><title>x</title><style>p{}</style><script>var a = "<p>no</p>";</script></head>
<body><h1>2024年度部门整体支出绩效自评报告</h1>
<p>一、基本情况</p><p>人员经费&nbsp;560.00万元&amp;公用经费</p>
<table><tr><td>项目</td><td>金额</td></tr><tr><td>公用经费</td><td>140.00</td></tr></table>
<div>二、预算执行<br>第二段</div></body></html>`;
    const r = readDocument(utf8(html), 'page.html');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.document.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['heading', '2024年度部门整体支出绩效自评报告'],
      ['heading', '一、基本情况'],
      ['paragraph', '人员经费 560.00万元&公用经费'],
      ['table', '项目\t金额\n公用经费\t140.00'],
      ['heading', '二、预算执行'],
      ['paragraph', '第二段'],
    ]);
    expect(r.document.blocks[3]?.line).toBe(4);
  });

  it('reads a <pre> (a text file saved as a web page) as the text it is: lines and tab cells', () => {
    const html = `<html><body><pre class="western"><font face="mono">一、基本情况</font>
人员经费560.00万元。
<span>公用经费</span>140.00万元。

\t项目
\t金额

\t公用经费
\t140.00
</pre><p>二、预算执行</p></body></html>`;
    const r = readDocument(utf8(html), 'page.html');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.document.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['heading', '一、基本情况'],
      ['paragraph', '人员经费560.00万元。'],
      ['paragraph', '公用经费140.00万元。'],
      ['table', '项目\t金额\n公用经费\t140.00'],
      ['heading', '二、预算执行'],
    ]);
    // Each block keeps the line of the page it stands on.
    expect(r.document.blocks.map((b) => b.line)).toEqual([1, 2, 3, 5, 10]);
  });
});
