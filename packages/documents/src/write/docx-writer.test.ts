import { XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { blocksToDocx, plainTextDocx } from './docx-writer.ts';
import type { Block } from './model.ts';
import { resolveOptions } from './options.ts';
import { docxParts, tables, xmlText } from './test-support.ts';

const attachment = (tablesOf: Extract<Block, { kind: 'attachment' }>['tables']): Block => ({
  kind: 'attachment',
  label: '附件1',
  title: '测试表',
  tables: tablesOf,
  notes: [],
  signOff: '填表人：',
});

async function partsOf(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files))
    out.set(name, (await zip.file(name)?.async('string')) ?? '');
  return out;
}

describe('blocksToDocx package', () => {
  const blocks: Block[] = [
    { kind: 'title', text: '2024年度示例局 <A&B> 报告' },
    { kind: 'paragraph', text: '含控制字符\u0001与引号"的正文' },
    attachment([{ columns: [1, 1], headerRows: 1, rows: [[{ text: 'a' }, { text: 'b' }]] }]),
  ];

  it('writes well-formed parts, each declared in the content types and reachable by a relationship', async () => {
    for (const position of ['odd-even', 'center'] as const) {
      const parts = await partsOf(
        blocksToDocx(blocks, resolveOptions({ pageNumberPosition: position })),
      );
      for (const [name, xml] of parts) expect(XMLValidator.validate(xml), name).toBe(true);
      const types = parts.get('[Content_Types].xml') ?? '';
      const rels = parts.get('word/_rels/document.xml.rels') ?? '';
      const wordParts = [...parts.keys()].filter((n) => /^word\/[^/]+\.xml$/.test(n));
      for (const n of wordParts) expect(types).toContain(`PartName="/${n}"`);
      for (const n of wordParts.filter((p) => p !== 'word/document.xml'))
        expect(rels).toContain(`Target="${n.slice('word/'.length)}"`);
      const footerCount = wordParts.filter((n) => n.includes('footer')).length;
      expect(footerCount).toBe(position === 'center' ? 1 : 2);
      // every r:id the document uses is a relationship
      const document = parts.get('word/document.xml') ?? '';
      for (const m of document.matchAll(/r:id="([^"]+)"/g)) expect(rels).toContain(`Id="${m[1]}"`);
    }
  });

  it('escapes markup characters and drops characters XML forbids', async () => {
    const bytes = blocksToDocx(blocks, resolveOptions());
    const parts = await partsOf(bytes);
    const { document } = await docxParts(bytes);
    expect(xmlText(document)).toContain('2024年度示例局 <A&B> 报告');
    expect(xmlText(document)).toContain('含控制字符与引号"的正文');
    expect(parts.get('docProps/core.xml')).toContain(
      '<dc:title>2024年度示例局 &lt;A&amp;B&gt; 报告</dc:title>',
    );
  });

  it('gives the same bytes for the same report', () => {
    const o = resolveOptions();
    expect(blocksToDocx(blocks, o)).toEqual(blocksToDocx(blocks, o));
  });
});

describe('blocksToDocx tables', () => {
  it('continues vertical merges in the covered grid columns, spans included', async () => {
    // 3 grid columns: a 2-wide cell spanning 3 rows on the right, a 1-row cell in the middle row
    const block = attachment([
      {
        columns: [2, 1, 1],
        headerRows: 1,
        rows: [
          [{ text: '甲' }, { text: '乙\n丙', colSpan: 2, rowSpan: 3, bold: true }],
          [{ text: '丁', align: 'right' }],
          [{ text: '' }],
          [{ text: '戊', colSpan: 3, align: 'center' }],
        ],
      },
    ]);
    const { document } = await docxParts(blocksToDocx([block], resolveOptions()));
    const [t] = tables(document);
    expect(t?.header).toEqual([true, false, false, false]);
    expect(t?.rows.map((r) => r.map((c) => [c.text, c.gridSpan, c.vMerge]))).toEqual([
      [
        ['甲', 1, undefined],
        ['乙丙', 2, 'restart'],
      ],
      [
        ['丁', 1, undefined],
        ['', 2, 'continue'],
      ],
      [
        ['', 1, undefined],
        ['', 2, 'continue'],
      ],
      [['戊', 3, undefined]],
    ]);
    // two lines are two paragraphs, bold runs; the grid splits the portrait text width
    expect(document).toContain(
      '<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">丙</w:t></w:r>',
    );
    expect(document).toContain(
      '<w:tblGrid><w:gridCol w:w="4422"/><w:gridCol w:w="2211"/><w:gridCol w:w="2211"/></w:tblGrid>',
    );
    expect(document).toContain('<w:tc><w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r>');
  });

  it('gives tables their lines and cells their centring and table text through the table style, alignment of their own', async () => {
    const block = attachment([
      { columns: [1, 1], headerRows: 0, rows: [[{ text: '左' }, { text: '中', align: 'center' }]] },
    ]);
    const { document, styles } = await docxParts(blocksToDocx([block], resolveOptions()));
    expect(document).toContain('<w:tblPr><w:tblStyle w:val="ReportTable"/>');
    const style = (id: string) =>
      new RegExp(`<w:style [^>]*w:styleId="${id}">[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? '';
    const tableStyle = style('ReportTable');
    expect(tableStyle).toContain('<w:tcPr><w:vAlign w:val="center"/></w:tcPr>');
    // the table text (五号, at least 14 pt lines), lines and margins, in CT_Style's order
    expect(tableStyle).toMatch(
      /<w:pPr><w:spacing w:line="280" w:lineRule="atLeast"[^>]*\/><\/w:pPr><w:rPr>.*<w:sz w:val="21"\/>.*<\/w:rPr><w:tblPr><w:tblBorders>.*<w:insideV w:val="single"[^>]*\/><\/w:tblBorders><w:tblCellMar>.*<\/w:tblCellMar><\/w:tblPr><w:tcPr>/,
    );
    // a table carries its style, width and layout only
    expect(document).toMatch(
      /<w:tblPr><w:tblStyle w:val="ReportTable"\/><w:tblW w:w="\d+" w:type="dxa"\/><w:tblLayout w:type="fixed"\/><\/w:tblPr>/,
    );
    // the same as the named style TableText, which the unit line above a table uses
    expect(style('TableText')).toContain('<w:sz w:val="21"/>');
    const [t] = tables(document);
    expect(t?.rows[0]?.map((c) => c.text)).toEqual(['左', '中']);
    // a left cell's paragraph has no properties; a centred one only its alignment
    expect(document).toContain('<w:tc><w:p><w:r><w:t xml:space="preserve">左</w:t>');
    expect(document).toContain(
      '<w:tc><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">中</w:t>',
    );
    expect(document).not.toContain('TableTextCenter');
  });

  it('writes a cell of several lines as one paragraph per line, an empty line without a run', async () => {
    const long = '长'.repeat(300);
    const block = attachment([
      {
        columns: [1, 1],
        headerRows: 0,
        rows: [[{ text: '\n甲\n', align: 'center' }, { text: `${long}\n乙` }]],
      },
    ]);
    const { document } = await docxParts(blocksToDocx([block], resolveOptions()));
    const empty = '<w:p><w:pPr><w:jc w:val="center"/></w:pPr></w:p>';
    expect(document).toContain(
      `<w:tc>${empty}<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">甲</w:t></w:r></w:p>${empty}</w:tc>`,
    );
    expect(document).toContain(
      `<w:tc><w:p><w:r><w:t xml:space="preserve">${long}</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">乙</w:t></w:r></w:p></w:tc>`,
    );
    expect(document).not.toContain('\n');
  });

  it('writes a body paragraph of several lines as a paragraph per line of its style, blank lines left out', async () => {
    const long = '长'.repeat(300);
    const { document } = await docxParts(
      blocksToDocx(
        [
          { kind: 'paragraph', text: '第一行。\n第二行。\r\n\n第三行。\r第四行。' },
          { kind: 'paragraph', text: `${long}\n尾。`, align: 'right', indent: false },
        ],
        resolveOptions(),
      ),
    );
    const body = (t: string) =>
      `<w:p><w:pPr><w:pStyle w:val="BodyText"/></w:pPr><w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`;
    expect(document).toContain(['第一行。', '第二行。', '第三行。', '第四行。'].map(body).join(''));
    const right = (t: string) =>
      `<w:p><w:pPr><w:pStyle w:val="Normal"/><w:jc w:val="right"/></w:pPr><w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`;
    expect(document).toContain(right(long) + right('尾。'));
    // a line feed or carriage return inside a run is shown as a space by Word and LibreOffice
    expect(document).not.toMatch(/[\r\n]/);
  });

  it('puts each attachment in its own section, the report body first with the footers', async () => {
    const { document } = await docxParts(
      blocksToDocx(
        [
          { kind: 'title', text: '标题' },
          attachment([{ columns: [1], headerRows: 0, rows: [[{ text: 'x' }]] }]),
        ],
        resolveOptions(),
      ),
    );
    const sections = [...document.matchAll(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
    expect(sections).toHaveLength(2);
    expect(sections[0]).toContain('<w:footerReference w:type="default"');
    expect(sections[0]).toContain('<w:footerReference w:type="even"');
    expect(sections[1]).not.toContain('footerReference');
    // the first section's properties close it inside a paragraph; the last one's close the body
    expect(document).toMatch(/<w:p><w:pPr><w:sectPr>/);
    expect(document).toMatch(/<\/w:sectPr><\/w:body>/);
  });
});

describe('plainTextDocx', () => {
  it('writes each text as a bare paragraph in one section', async () => {
    const bytes = plainTextDocx(['一', '二 & 三']);
    const { document, styles } = await docxParts(bytes);
    expect(document.match(/<w:p>/g)).toHaveLength(2);
    expect(xmlText(document)).toBe('一二 & 三');
    expect(styles).not.toContain('Heading1');
  });
});
