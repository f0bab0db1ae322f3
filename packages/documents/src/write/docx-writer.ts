import type { Block, Cell, TableModel } from './model.ts';
import type { ResolvedOptions } from './options.ts';
import { A4, FOOTER_DISTANCE, LINE_PITCH, MARGINS } from './gbt9704.ts';
import {
  DOCUMENT_CLOSE,
  DOCUMENT_OPEN,
  FOOTER_RELATIONSHIP_IDS,
  packageDocx,
} from './docx-package.ts';
import { paragraph, run } from './wordml.ts';

/**
 * Lays out report blocks as WordprocessingML: word/document.xml written as strings, each
 * paragraph naming a style from docx-styles.ts, then archived with the fixed parts of
 * docx-package.ts. Element order inside w:pPr, w:tblPr, w:trPr, w:tcPr and w:sectPr follows
 * the schema's sequences: Word refuses a file whose children are out of order.
 */

const PORTRAIT_TEXT_WIDTH = A4.width - MARGINS.left - MARGINS.right;
const LANDSCAPE_TEXT_WIDTH = A4.height - MARGINS.left - MARGINS.right;
/** Header distance: 15 mm. */
const HEADER_DISTANCE = 850;

const pStyle = (id: string) => `<w:pStyle w:val="${id}"/>`;
const JC_CENTER = '<w:jc w:val="center"/>';
const JC_RIGHT = '<w:jc w:val="right"/>';

/** Page size, margins and line grid of a section; the first section carries the footers. */
function sectionProperties(landscape: boolean, footers: string): string {
  const [w, h, orient] = landscape
    ? [A4.height, A4.width, 'landscape']
    : [A4.width, A4.height, 'portrait'];
  return (
    `<w:sectPr>${footers}<w:pgSz w:w="${w}" w:h="${h}" w:orient="${orient}"/>` +
    `<w:pgMar w:top="${MARGINS.top}" w:right="${MARGINS.right}" w:bottom="${MARGINS.bottom}" ` +
    `w:left="${MARGINS.left}" w:header="${HEADER_DISTANCE}" w:footer="${FOOTER_DISTANCE}" ` +
    `w:gutter="0"/><w:pgNumType/><w:docGrid w:linePitch="${LINE_PITCH}"/></w:sectPr>`
  );
}

function footerReferences(o: ResolvedOptions): string {
  const [odd, even] = FOOTER_RELATIONSHIP_IDS;
  return (
    `<w:footerReference w:type="default" r:id="${odd}"/>` +
    (o.pageNumberPosition === 'odd-even' ? `<w:footerReference w:type="even" r:id="${even}"/>` : '')
  );
}

const BORDER = (side: string) => `<w:${side} w:val="single" w:color="auto" w:sz="4"/>`;
/** Single 0.5 pt lines around and between all cells; 3 pt cell margins left and right. */
const TABLE_LOOK =
  `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(BORDER).join('')}` +
  '</w:tblBorders><w:tblLayout w:type="fixed"/>' +
  '<w:tblCellMar><w:left w:w="60" w:type="dxa"/><w:right w:w="60" w:type="dxa"/></w:tblCellMar>';

const ROW = '<w:tr><w:trPr><w:cantSplit/></w:trPr>';
/** A leading row repeated at the top of every page the table runs onto. */
const HEADER_ROW = '<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>';
const CELL_PARAGRAPH = {
  left: `<w:p><w:pPr>${pStyle('TableText')}</w:pPr>`,
  center: `<w:p><w:pPr>${pStyle('TableTextCenter')}</w:pPr>`,
  right: `<w:p><w:pPr>${pStyle('TableTextRight')}</w:pPr>`,
} as const;

/**
 * w:tc with its properties in schema order (gridSpan, vMerge); the vertical centring comes from
 * the table style, so a plain cell has none.
 */
function cellOpen(span: number, restart: boolean): string {
  if (span === 1 && !restart) return '<w:tc>';
  return (
    '<w:tc><w:tcPr>' +
    (span > 1 ? `<w:gridSpan w:val="${span}"/>` : '') +
    (restart ? '<w:vMerge w:val="restart"/>' : '') +
    '</w:tcPr>'
  );
}

/** A cell covered by the merged cell above: empty, continuing its merge (w:vMerge's default). */
function continuedCell(span: number): string {
  return span > 1
    ? `<w:tc><w:tcPr><w:gridSpan w:val="${span}"/><w:vMerge/></w:tcPr><w:p/></w:tc>`
    : '<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>';
}

/** A cell's paragraphs: one per line of its text, an empty line without a run. */
function cellContent(c: Cell): string {
  const open = CELL_PARAGRAPH[c.align ?? 'left'];
  const bold = c.bold ?? false;
  if (!c.text.includes('\n')) return open + (c.text ? run(c.text, bold) : '') + '</w:p>';
  let xml = '';
  for (const line of c.text.split('\n')) xml += open + (line ? run(line, bold) : '') + '</w:p>';
  return xml;
}

/** A table on the grid of its relative column widths, fixed layout, merges as in the model. */
function tableXml(t: TableModel, textWidth: number): string {
  const totalWeight = t.columns.reduce((s, w) => s + w, 0);
  const widths = t.columns.map((w) => Math.floor((w / totalWeight) * textWidth));
  const parts: string[] = [
    `<w:tbl><w:tblPr><w:tblStyle w:val="ReportTable"/><w:tblW w:w="${widths.reduce((s, w) => s + w, 0)}" w:type="dxa"/>`,
    TABLE_LOOK,
    '</w:tblPr><w:tblGrid>',
    ...widths.map((w) => `<w:gridCol w:w="${w}"/>`),
    '</w:tblGrid>',
  ];
  // Grid columns covered from above: how many more rows, and how many columns wide.
  const covered: ({ rows: number; span: number } | undefined)[] = [];
  const continueAt = (col: number): number => {
    const c = covered[col];
    if (!c || c.rows === 0) return 0;
    c.rows--;
    parts.push(continuedCell(c.span));
    return c.span;
  };
  t.rows.forEach((row, i) => {
    parts.push(i < t.headerRows ? HEADER_ROW : ROW);
    let col = 0;
    for (const c of row) {
      for (let s = continueAt(col); s > 0; s = continueAt(col)) col += s;
      const span = c.colSpan ?? 1;
      const restart = c.rowSpan !== undefined && c.rowSpan > 1;
      if (restart) covered[col] = { rows: (c.rowSpan ?? 1) - 1, span };
      parts.push(cellOpen(span, restart), cellContent(c), '</w:tc>');
      col += span;
    }
    while (col < widths.length) col += continueAt(col) || 1;
    parts.push('</w:tr>');
  });
  parts.push('</w:tbl>');
  return parts.join('');
}

function attachmentXml(b: Extract<Block, { kind: 'attachment' }>, textWidth: number): string {
  const parts = [
    paragraph(pStyle('AttachmentLabel'), b.label),
    paragraph(pStyle('TableTitle'), b.title),
  ];
  if (b.unitLine) parts.push(paragraph(pStyle('TableText') + JC_RIGHT, b.unitLine));
  b.tables.forEach((t, i) => {
    if (i > 0) parts.push(`<w:p><w:pPr>${pStyle('TableGap')}</w:pPr></w:p>`);
    parts.push(tableXml(t, textWidth));
  });
  for (const n of b.notes) parts.push(paragraph(pStyle('SignOff'), n));
  parts.push(paragraph(pStyle('SignOff'), b.signOff));
  return parts.join('');
}

function blockXml(b: Exclude<Block, { kind: 'attachment' }>): string {
  switch (b.kind) {
    case 'title':
      return paragraph(pStyle('Title'), b.text);
    case 'heading':
      return paragraph(pStyle(`Heading${b.level}`), b.number + b.text);
    case 'paragraph':
      return paragraph(
        pStyle(b.indent === false ? 'Normal' : 'BodyText') +
          (b.align === 'right' ? JC_RIGHT : b.align === 'center' ? JC_CENTER : ''),
        b.text,
      );
  }
}

/** Lays out report blocks as a GB/T 9704 .docx: the body, then each attachment on a new page. */
export function blocksToDocx(blocks: readonly Block[], o: ResolvedOptions): Uint8Array {
  const sections: { xml: string; landscape: boolean }[] = [];
  let body: string[] = [];
  for (const b of blocks) {
    if (b.kind !== 'attachment') {
      body.push(blockXml(b));
      continue;
    }
    if (body.length > 0) sections.push({ xml: body.join(''), landscape: false });
    body = [];
    const wide = o.landscapeWideTables && b.tables.some((t) => t.columns.length >= 8);
    sections.push({
      xml: attachmentXml(b, wide ? LANDSCAPE_TEXT_WIDTH : PORTRAIT_TEXT_WIDTH),
      landscape: wide,
    });
  }
  if (body.length > 0 || sections.length === 0)
    sections.push({ xml: body.length > 0 ? body.join('') : '<w:p/>', landscape: false });
  // Each section ends with its properties: inside a last empty paragraph, or for the last
  // section in the body itself. Later sections inherit the first one's footers and numbering.
  const parts = [DOCUMENT_OPEN];
  sections.forEach((s, i) => {
    const properties = sectionProperties(s.landscape, i === 0 ? footerReferences(o) : '');
    parts.push(
      s.xml,
      i < sections.length - 1 ? `<w:p><w:pPr>${properties}</w:pPr></w:p>` : properties,
    );
  });
  parts.push(DOCUMENT_CLOSE);
  const title = blocks.find((b) => b.kind === 'title')?.text ?? '';
  return packageDocx(parts.join(''), title, {
    kind: 'report',
    pageNumberPosition: o.pageNumberPosition,
    boldHeadings: o.boldHeadings,
  });
}

/**
 * Texts as bare paragraphs (no styles of their own, one portrait section, no footers) through
 * the same emitter and archive: the render benchmark's stricter floor.
 */
export function plainTextDocx(texts: readonly string[]): Uint8Array {
  let xml = DOCUMENT_OPEN;
  for (const t of texts) xml += `<w:p>${run(t)}</w:p>`;
  xml +=
    `<w:sectPr><w:pgSz w:w="${A4.width}" w:h="${A4.height}"/>` +
    `<w:pgMar w:top="${MARGINS.top}" w:right="${MARGINS.right}" w:bottom="${MARGINS.bottom}" ` +
    `w:left="${MARGINS.left}" w:header="${HEADER_DISTANCE}" w:footer="${FOOTER_DISTANCE}" ` +
    `w:gutter="0"/></w:sectPr>` +
    DOCUMENT_CLOSE;
  return packageDocx(xml, '', { kind: 'plain' });
}
