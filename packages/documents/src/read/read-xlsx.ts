import type { Block, ReadResult, TableRow } from './block.ts';
import { holdsNoText, pushCell, readFailure, squareRows, tableText } from './block.ts';
import { decodeXml } from './docx-body.ts';
import { nestedMessage, openZipParts, ZipError } from './zip.ts';
import type { ZipEntry } from './zip.ts';

/**
 * Reads a spreadsheet (.xlsx; .xls and .et once converted) into the block model: each sheet's
 * rows as a table on its full grid (merged cells as Word's are: the text in the first position,
 * a span, empty positions), split at blank rows; the lines above and below a table that hold a
 * single cell (the title, 单位：万元, 填表人) as paragraphs. Numbers read as the sheet shows them
 * (0.9547 formatted 0.00% is "95.47%"), since a report's figures are what it prints.
 */

/** A workbook larger than this many filled cells is refused: no 自评表 comes near it. */
const MAX_CELLS = 200_000;
/** Columns beyond XFD do not exist; a merge reaching past them is a broken file. */
const MAX_COLUMNS = 16_384;

/** Built-in number formats that matter for display (ECMA-376 §18.8.30). */
const BUILT_IN_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  14: 'yyyy-m-d',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  22: 'yyyy-m-d h:mm',
  49: '@',
};

const attr = (tag: string, name: string): string | undefined => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m?.[1] === undefined ? undefined : decodeXml(m[1]);
};

/** The text of every <t> in an element, phonetic guides (<rPh>) left out. */
function textOf(xml: string): string {
  const plain = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let out = '';
  for (const m of plain.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) out += m[1] ?? '';
  return decodeXml(out);
}

/** "B12" → [row 12, column 2] (1-based); undefined for anything else. */
function cellAddress(ref: string): [number, number] | undefined {
  const m = /^([A-Z]{1,3})(\d{1,7})$/.exec(ref);
  if (!m?.[1] || !m[2]) return undefined;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col > MAX_COLUMNS ? undefined : [Number(m[2]), col];
}

/**
 * Rounds half away from zero at `decimals`, on the value's 15 significant digits as Excel does:
 * the scaled value is taken at 15 digits too (1.005 × 100 is 100.5, not 100.4999…), with no
 * nudge that grows with the value (40,700,000 shown as 40,700,000.04).
 */
function fixed(value: number, decimals: number): string {
  const v = Number(value.toPrecision(15));
  const scale = 10 ** decimals;
  const rounded = Math.sign(v) * Math.round(Number((Math.abs(v) * scale).toPrecision(15)));
  return (rounded / scale).toFixed(decimals);
}

const withThousands = (s: string): string => {
  const [whole = '', frac] = s.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = whole.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${digits}${frac === undefined ? '' : `.${frac}`}`;
};

/** Excel's serial day (1900 system) as a date: 45763 → 2025年4月18日. */
function serialDate(serial: number): string {
  const d = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

/** A number as its format shows it; a format this reader does not know shows it as General. */
export function displayNumber(value: number, format: string | undefined): string {
  const section = (format ?? 'General').split(';')[0] ?? '';
  const code = section.replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, '');
  if (/^general$/i.test(code.trim()) || code.trim() === '' || code.trim() === '@') {
    if (Number.isInteger(value)) return String(value);
    return String(Number(value.toPrecision(11)));
  }
  if (!/[0#?]/.test(code) && /[ymd]/i.test(code)) return serialDate(value);
  const decimals = /\.([0#?]+)/.exec(code)?.[1]?.length ?? 0;
  const percent = code.includes('%');
  const text = fixed(percent ? Number((value * 100).toPrecision(15)) : value, decimals);
  const shown = code.includes(',') ? withThousands(text) : text;
  return percent ? `${shown}%` : shown;
}

interface Sheet {
  name: string;
  part: string;
}

function sheetsOf(workbook: string, rels: string): Sheet[] {
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) targets.set(id, target);
  }
  const out: Sheet[] = [];
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const state = attr(m[0], 'state');
    if (state === 'hidden' || state === 'veryHidden') continue;
    const target = targets.get(attr(m[0], 'r:id') ?? '');
    if (!target) continue;
    const part = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
    out.push({ name: attr(m[0], 'name') ?? '', part });
  }
  return out;
}

/** Each cell style's number format code, by the style's index (cellXfs order). */
function styleFormats(styles: string): (string | undefined)[] {
  const custom = new Map<number, string>();
  for (const m of styles.matchAll(/<numFmt\b[^>]*>/g)) {
    const id = Number(attr(m[0], 'numFmtId'));
    const code = attr(m[0], 'formatCode');
    if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
  return [...xfs.matchAll(/<xf\b[^>]*>/g)].map((m) => {
    const id = Number(attr(m[0], 'numFmtId') ?? 0);
    return custom.get(id) ?? BUILT_IN_FORMATS[id];
  });
}

interface Merge {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** One sheet's cells by row and column (1-based), and its merged ranges. */
function readSheet(
  xml: string,
  strings: readonly string[],
  formats: readonly (string | undefined)[],
  budget: { cells: number },
): { cells: Map<number, Map<number, string>>; merges: Merge[] } | 'too-many-cells' {
  const cells = new Map<number, Map<number, string>>();
  const data = /<sheetData\b[^>]*>([\s\S]*?)<\/sheetData>/.exec(xml)?.[1] ?? '';
  let row = 0;
  for (const r of data.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    row = Number(attr(r[0].slice(0, r[0].indexOf('>') + 1), 'r') ?? row + 1) || row + 1;
    let col = 0;
    for (const c of (r[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const head = `<c${c[1] ?? ''}>`;
      const at = cellAddress(attr(head, 'r') ?? '');
      col = at ? at[1] : col + 1;
      const body = c[2] ?? '';
      const type = attr(head, 't') ?? 'n';
      const raw = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let text: string;
      if (type === 's') text = strings[Number(raw)] ?? '';
      else if (type === 'inlineStr') text = textOf(body);
      else if (type === 'str') text = decodeXml(raw ?? '');
      else if (type === 'b') text = raw === '1' ? 'TRUE' : raw === '0' ? 'FALSE' : '';
      else if (type === 'e') text = '';
      else {
        const value = raw === undefined ? Number.NaN : Number(raw);
        text = Number.isFinite(value)
          ? displayNumber(value, formats[Number(attr(head, 's') ?? 0)])
          : '';
      }
      text = text.replace(/\r\n?/g, '\n').trim();
      if (text === '') continue;
      if (--budget.cells < 0) return 'too-many-cells';
      let line = cells.get(row);
      if (!line) cells.set(row, (line = new Map<number, string>()));
      line.set(col, text);
    }
  }
  const merges: Merge[] = [];
  for (const m of xml.matchAll(/<mergeCell\b[^>]*>/g)) {
    const [from, to] = (attr(m[0], 'ref') ?? '').split(':');
    const a = cellAddress(from ?? '');
    const b = cellAddress(to ?? from ?? '');
    if (!a || !b) continue;
    const merge = {
      r0: Math.min(a[0], b[0]),
      c0: Math.min(a[1], b[1]),
      r1: Math.max(a[0], b[0]),
      c1: Math.max(a[1], b[1]),
    };
    // Every position a merge covers is laid out: a merge over the whole sheet counts as its cells.
    budget.cells -= (merge.r1 - merge.r0 + 1) * (merge.c1 - merge.c0 + 1);
    if (budget.cells < 0) return 'too-many-cells';
    merges.push(merge);
  }
  return { cells, merges };
}

/** Rows that name the filler of a form (填表人, 联系电话, 填报日期): a line under the table. */
const SIGNATURE = /^(?:填表人|填报人|联系电话|填报日期|审核人|负责人|单位负责人|财务负责人)/;

/** A sheet's rows as blocks: tables split at blank rows, single-cell lines around them as text. */
function sheetBlocks(
  sheet: { cells: Map<number, Map<number, string>>; merges: Merge[] },
  line: { next: number },
): Block[] {
  const { cells, merges } = sheet;
  let lastRow = 0;
  for (const r of cells.keys()) lastRow = Math.max(lastRow, r);
  for (const m of merges) lastRow = Math.max(lastRow, m.r1);
  // Each merge by its top-left corner; every other position it covers, to its corner.
  const anchors = new Map<string, Merge>();
  const covered = new Map<string, Merge>();
  /** Per row a merge reaches, the last column it covers; rows a merge continues into. */
  const mergedTo = new Map<number, number>();
  const continued = new Set<number>();
  for (const m of merges) {
    for (let r = m.r0; r <= m.r1; r++) {
      mergedTo.set(r, Math.max(mergedTo.get(r) ?? 0, m.c1));
      if (r > m.r0) continued.add(r);
    }
    anchors.set(`${m.r0}:${m.c0}`, m);
    for (let r = m.r0; r <= m.r1; r++)
      for (let c = m.c0; c <= m.c1; c++) if (r !== m.r0 || c !== m.c0) covered.set(`${r}:${c}`, m);
  }
  const text = (r: number, c: number): string => cells.get(r)?.get(c) ?? '';
  const lastCol = (r: number): number => {
    let last = mergedTo.get(r) ?? 0;
    for (const c of cells.get(r)?.keys() ?? []) last = Math.max(last, c);
    return last;
  };
  const filled = (r: number): number => cells.get(r)?.size ?? 0;
  const firstCol = (r: number): number => Math.min(...(cells.get(r)?.keys() ?? [1]));

  const blocks: Block[] = [];
  let group: number[] = [];
  const flush = (): void => {
    if (group.length === 0) return;
    const rows = group;
    group = [];
    // Lines of one cell above the table and below it, and signature lines below it, are text.
    let first = 0;
    let last = rows.length - 1;
    const tabular = (r: number): boolean => filled(r) >= 2;
    while (first <= last && !tabular(rows[first] ?? 0)) first++;
    while (
      last >= first &&
      (!tabular(rows[last] ?? 0) ||
        SIGNATURE.test(text(rows[last] ?? 0, firstCol(rows[last] ?? 0))))
    )
      last--;
    const paragraph = (r: number): void => {
      const parts = [...(cells.get(r)?.entries() ?? [])]
        .sort((a, b) => a[0] - b[0])
        .map((e) => e[1]);
      const t = parts.join('　').replace(/\n+/g, '');
      if (t !== '') blocks.push({ kind: 'paragraph', text: t, line: line.next++ });
    };
    for (let i = 0; i < first; i++) paragraph(rows[i] ?? 0);
    if (first <= last) {
      const body = rows.slice(first, last + 1);
      const width = body.reduce((w, r) => Math.max(w, lastCol(r)), 0);
      const tableRows: TableRow[] = body.map((r) => {
        const row: TableRow = { cells: [], line: line.next++ };
        for (let c = 1; c <= width;) {
          const key = `${r}:${c}`;
          const m = anchors.get(key) ?? covered.get(key);
          if (m && m.c0 === c) {
            // A merged cell: its text on its first row, empty below (as Word's vMerge reads).
            const span = Math.min(m.c1, width) - c + 1;
            pushCell(row, m.r0 === r ? text(m.r0, m.c0) : '', span);
            c += span;
          } else {
            pushCell(row, m ? '' : text(r, c));
            c++;
          }
        }
        return row;
      });
      squareRows(tableRows);
      blocks.push({
        kind: 'table',
        text: tableText(tableRows),
        line: tableRows[0]?.line ?? line.next,
        rows: tableRows,
      });
    }
    for (let i = last + 1; i < rows.length; i++) paragraph(rows[i] ?? 0);
  };
  for (let r = 1; r <= lastRow; r++) {
    if (filled(r) === 0 && !continued.has(r)) flush();
    else group.push(r);
  }
  flush();
  return blocks;
}

/** Reads a .xlsx workbook's visible sheets into blocks. */
export function readXlsx(bytes: Uint8Array, fileName: string): ReadResult {
  const parts = openZipParts(bytes);
  if (parts instanceof ZipError) return readFailure(parts.problem, parts.message, true);
  const { find } = parts;
  const workbookEntry = find('xl/workbook.xml');
  if (!workbookEntry) return readFailure('not-xlsx', nestedMessage(parts.entries));
  const load = (entry: ZipEntry | undefined): string => {
    const xml = parts.load(entry);
    if (xml.includes('<!') && /<!DOCTYPE|<!ENTITY/i.test(xml)) throw new EntityRefused();
    return xml;
  };
  try {
    const sheets = sheetsOf(load(workbookEntry), load(find('xl/_rels/workbook.xml.rels')));
    const sharedXml = load(find('xl/sharedStrings.xml'));
    const strings = [...sharedXml.matchAll(/<si\b[^>]*>([\s\S]*?)<\/si>|<si\s*\/>/g)].map((m) =>
      textOf(m[1] ?? ''),
    );
    const formats = styleFormats(load(find('xl/styles.xml')));
    const blocks: Block[] = [];
    const line = { next: 1 };
    const cellBudget = { cells: MAX_CELLS };
    for (const sheet of sheets) {
      const read = readSheet(load(find(sheet.part)), strings, formats, cellBudget);
      if (read === 'too-many-cells') return readFailure('too-large', `单元格超过 ${MAX_CELLS} 个`);
      blocks.push(...sheetBlocks(read, line));
    }
    if (holdsNoText(blocks)) return readFailure('no-text', '所有可见工作表均为空', true);
    return { ok: true, document: { fileName, format: 'xlsx', blocks, notes: [] } };
  } catch (e) {
    if (e instanceof EntityRefused) return readFailure('xml-entity');
    if (e instanceof ZipError) return readFailure(e.problem, e.message, true);
    throw e;
  }
}

class EntityRefused extends Error {}
