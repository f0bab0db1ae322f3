/**
 * The one document model every reader produces: an ordered list of blocks, each carrying the
 * position it came from (line of a .txt, paragraph ordinal of a .docx or .html) for citations.
 */
export type BlockKind = 'heading' | 'paragraph' | 'table';

/**
 * A box on a PDF page, in PDF points with the origin at the page's lower-left corner:
 * [x0, y0, x1, y1], x0 ≤ x1 and y0 ≤ y1 (the page's own coordinates, not a picture's).
 */
export type Bbox = [number, number, number, number];

export interface TableRow {
  /**
   * The row on the table's full grid: a merged cell's text sits in its first position and the
   * positions it covers (to its right, and below it) are empty strings, so every row of a table
   * has the same number of cells and columns line up.
   */
  cells: string[];
  /**
   * Per position, how many grid columns the cell there spans: 1 for a plain cell, n for a cell
   * merged across n columns, 0 where the row has no cell of its own (covered by a merged cell to
   * its left or, in HTML, from above; skipped by the row; padding). Absent when every position
   * has its own cell.
   */
  spans?: number[];
  /** Position of the row's first cell. */
  line: number;
  /** Page of a PDF (1-based) the row is on, and its box there. */
  page?: number;
  bbox?: Bbox;
  /** Per cell of a PDF table, its box (null for a position covered by a merged cell). */
  cellBoxes?: (Bbox | null)[];
  /** Per cell read by OCR, the recognition's confidence (0–1; null for an empty cell). */
  cellConfidence?: (number | null)[];
}

export interface Block {
  kind: BlockKind;
  /** The text of a paragraph or heading; for a table, its cells joined by tabs and newlines. */
  text: string;
  line: number;
  rows?: TableRow[];
  /** Word paragraph style id, when the source had one. */
  style?: string;
  /** Heading level the source declared (Heading 1 → 1), when it declared one. */
  level?: number;
  /** Page of a PDF (1-based) where the block starts, and the box of its part on that page. */
  page?: number;
  bbox?: Bbox;
  /** Read by OCR: the lowest confidence (0–1) of its words that hold a figure. */
  confidence?: number;
  /**
   * A cell of a table written one cell per line whose rows the text no longer parts (a tab-led
   * export with its empty lines dropped): a line of its own, never a wrapped paragraph's part.
   */
  cell?: true;
}

export type SourceFormat = 'txt' | 'docx' | 'html' | 'pdf' | 'image' | 'xlsx';

export interface SourceDocument {
  fileName: string;
  format: SourceFormat;
  blocks: Block[];
  /** What the reader noticed but could work around (a GB18030 file, an unknown numbering). */
  notes: string[];
  /**
   * The line of the file each line the blocks are numbered by stands on (index: that line − 1),
   * when the reader gave a whole report written on one line back as the lines it was.
   */
  realLines?: readonly number[];
}

/** The line of the file a line of a document's blocks stands on. */
export function fileLine(document: SourceDocument, line: number): number {
  return document.realLines?.[line - 1] ?? line;
}

/** Stable codes of per-file read failures. */
export type ReadErrorCode =
  | 'empty'
  | 'too-large'
  | 'unsupported-format'
  | 'binary'
  | 'not-zip'
  | 'corrupt-zip'
  | 'zip-bomb'
  | 'not-docx'
  | 'not-xlsx'
  | 'no-text'
  | 'xml-entity'
  | 'xml-invalid'
  | 'pdf-encrypted'
  | 'pdf-reader-missing'
  | 'pdf-invalid'
  | 'pdf-too-many-pages'
  | 'pdf-too-complex'
  | 'pdf-no-text'
  | 'pdf-unmappable'
  | 'ocr-failed'
  | 'image-invalid'
  | 'converter-missing'
  | 'convert-failed';

export interface ReadError {
  code: ReadErrorCode;
  message: string;
}

export type ReadResult = { ok: true; document: SourceDocument } | { ok: false; error: ReadError };

/**
 * Chinese messages for read failures, one per code (the switch is checked for exhaustiveness).
 * The zip failures name a Word document unless `book` says the file is an Excel workbook.
 */
export function readErrorMessage(code: ReadErrorCode, detail = '', book = false): string {
  const suffix = detail ? `（${detail}）` : '';
  const office = book ? 'Excel 工作簿' : 'Word 文档';
  switch (code) {
    case 'empty':
      return `文件为空${suffix}`;
    case 'too-large':
      return `文件过大，超过读取上限${suffix}`;
    case 'unsupported-format':
      return `不支持的文件类型，支持 .docx、.doc、.wps、.pdf、.txt、.html、.xlsx、.xls、.et、.png、.jpg${suffix}`;
    case 'binary':
      return `文件不是文本，无法按 .txt 或 .html 读取${suffix}`;
    case 'not-zip':
      return `文件扩展名为 ${book ? '.xlsx' : '.docx'}，但内容不是 ${office}（不是 zip 压缩包）${suffix}`;
    case 'corrupt-zip':
      return `${office}已损坏，压缩包无法解开${suffix}`;
    case 'zip-bomb':
      return `${office}解压后体积异常（疑似压缩炸弹），已拒绝读取${suffix}`;
    case 'not-docx':
      return `压缩包中没有 word/document.xml，不是 Word 文档${suffix}`;
    case 'not-xlsx':
      return `压缩包中没有 xl/workbook.xml，不是 Excel 工作簿（.xlsx）${suffix}`;
    case 'no-text':
      return `${office}中没有任何文字，无法读取${suffix}`;
    case 'xml-entity':
      return `文档包含 DOCTYPE 或实体声明，出于安全原因拒绝读取${suffix}`;
    case 'xml-invalid':
      return `文档的 XML 内容无法解析${suffix}`;
    case 'pdf-encrypted':
      return `PDF 已加密（设有密码或权限保护），无法读取，请提供未加密的文件${suffix}`;
    case 'pdf-reader-missing':
      return `PDF 读取组件 pdfjs-dist 未能加载，请重新安装依赖（npm ci）${suffix}`;
    case 'pdf-invalid':
      return `PDF 文件已损坏或不是有效的 PDF，无法读取${suffix}`;
    case 'pdf-too-many-pages':
      return `PDF 页数过多，超过读取上限${suffix}`;
    case 'pdf-too-complex':
      return `PDF 内容异常庞大（疑似恶意构造），已拒绝读取${suffix}`;
    case 'pdf-no-text':
      return `PDF 没有文字层（扫描件或图片），需要文字识别（OCR）：请安装 tesseract-ocr 和 tesseract-ocr-chi-sim${suffix}`;
    case 'pdf-unmappable':
      return `PDF 的字体没有字符映射（ToUnicode），文字无法提取，需要文字识别（OCR）：请安装 tesseract-ocr 和 tesseract-ocr-chi-sim${suffix}`;
    case 'ocr-failed':
      return `文字识别（OCR）失败${suffix}`;
    case 'image-invalid':
      return `图片无法读取（文件损坏或不是 PNG/JPEG 图片）${suffix}`;
    case 'converter-missing':
      return `读取此类文件需要 LibreOffice：请安装 libreoffice-writer-nogui 和 libreoffice-calc-nogui（命令 soffice）${suffix}`;
    case 'convert-failed':
      return `LibreOffice 无法转换此文件（文件损坏或格式不符）${suffix}`;
  }
}

export function readFailure(code: ReadErrorCode, detail?: string, book = false): ReadResult {
  return { ok: false, error: { code, message: readErrorMessage(code, detail, book) } };
}

/** Whether a reader found no text at all in what it read (every block blank). */
export function holdsNoText(blocks: readonly Block[]): boolean {
  return blocks.every((b) => b.text.trim() === '');
}

/** Text of a table block: cells joined by tabs, rows by newlines. */
export function tableText(rows: readonly TableRow[]): string {
  return rows.map((r) => r.cells.join('\t')).join('\n');
}

/** Appends a cell spanning `span` grid columns: its text, then an empty string per covered column. */
export function pushCell(row: TableRow, text: string, span = 1): void {
  if (span !== 1 && !row.spans) row.spans = row.cells.map(() => 1);
  row.spans?.push(span);
  row.cells.push(text);
  for (let i = 1; i < span; i++) pushGap(row);
}

/** Appends a grid position where the row has no cell of its own (an empty string, span 0). */
export function pushGap(row: TableRow): void {
  row.spans ??= row.cells.map(() => 1);
  row.spans.push(0);
  row.cells.push('');
}

/** Pads short rows with empty positions so that every row of a table has as many as the widest. */
export function squareRows(rows: TableRow[]): void {
  let width = 0;
  for (const r of rows) width = Math.max(width, r.cells.length);
  for (const r of rows) while (r.cells.length < width) pushGap(r);
}

/**
 * The row as a text export shows it: without the cells covered by a merged cell to their left
 * (a value spanning two columns reads as one cell). For readers written before merged cells
 * were expanded into the full grid.
 */
export function withoutCoveredColumns(row: TableRow): TableRow {
  const spans = row.spans;
  if (!spans) return row;
  return { ...row, cells: row.cells.filter((_, i) => spans[i] !== 0) };
}
