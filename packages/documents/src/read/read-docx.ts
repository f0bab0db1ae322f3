import { XMLParser } from 'fast-xml-parser';
import type { Block, ReadResult, TableRow } from './block.ts';
import { readFailure, tableText } from './block.ts';
import { headingInfo } from './heading.ts';
import { inflateEntry, readZipDirectory, ZIP_LIMITS, ZipError } from './zip.ts';
import type { ZipEntry } from './zip.ts';

/** A node of fast-xml-parser's preserveOrder output: one tag name key, plus ':@' attributes. */
type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: false,
});

function tagOf(node: XmlNode): string | undefined {
  for (const k of Object.keys(node)) if (k !== ':@') return k;
  return undefined;
}
function childrenOf(node: XmlNode): XmlNode[] {
  const tag = tagOf(node);
  const c = tag ? node[tag] : undefined;
  return Array.isArray(c) ? (c as XmlNode[]) : [];
}
function attr(node: XmlNode, name: string): string | undefined {
  const a = node[':@'] as Record<string, unknown> | undefined;
  const v = a?.[name];
  return typeof v === 'string' ? v : undefined;
}
function child(node: XmlNode, tag: string): XmlNode | undefined {
  return childrenOf(node).find((c) => tagOf(c) === tag);
}

/** Refuses DOCTYPE and ENTITY declarations (billion laughs, external entities) before parsing. */
function parseXml(bytes: Uint8Array): XmlNode[] | 'entity' | 'invalid' {
  const text = new TextDecoder('utf-8').decode(bytes);
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) return 'entity';
  try {
    return parser.parse(text) as XmlNode[];
  } catch {
    return 'invalid';
  }
}

interface Level {
  start: number;
  format: string;
  text: string;
}
type Numbering = Map<string, Map<number, Level>>;

function readNumbering(nodes: XmlNode[]): Numbering {
  const abstract = new Map<string, Map<number, Level>>();
  const result: Numbering = new Map();
  const root = nodes.find((n) => tagOf(n) === 'w:numbering');
  if (!root) return result;
  for (const n of childrenOf(root)) {
    if (tagOf(n) !== 'w:abstractNum') continue;
    const levels = new Map<number, Level>();
    for (const l of childrenOf(n)) {
      if (tagOf(l) !== 'w:lvl') continue;
      const get = (t: string): string | undefined => {
        const c = child(l, t);
        return c ? attr(c, 'w:val') : undefined;
      };
      levels.set(Number(attr(l, 'w:ilvl') ?? 0), {
        start: Number(get('w:start') ?? 1),
        format: get('w:numFmt') ?? 'decimal',
        text: get('w:lvlText') ?? '',
      });
    }
    abstract.set(attr(n, 'w:abstractNumId') ?? '', levels);
  }
  for (const n of childrenOf(root)) {
    if (tagOf(n) !== 'w:num') continue;
    const ref = child(n, 'w:abstractNumId');
    const levels = ref ? abstract.get(attr(ref, 'w:val') ?? '') : undefined;
    if (levels) result.set(attr(n, 'w:numId') ?? '', levels);
  }
  return result;
}

const CN_DIGITS = '〇一二三四五六七八九';
function formatCounter(value: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'ideographTraditional':
    case 'taiwaneseCounting':
    case 'japaneseCounting': {
      if (value < 10) return CN_DIGITS[value] ?? String(value);
      const tens = Math.floor(value / 10);
      const units = value % 10;
      return `${tens === 1 ? '' : (CN_DIGITS[tens] ?? '')}十${units ? (CN_DIGITS[units] ?? '') : ''}`;
    }
    case 'decimalEnclosedParen':
      return value <= 20 ? String.fromCharCode(0x2474 + value - 1) : `(${value})`;
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return value <= 20 ? String.fromCharCode(0x2460 + value - 1) : String(value);
    case 'bullet':
    case 'none':
      return '';
    default:
      return String(value);
  }
}

interface StyleInfo {
  level?: number;
}
function readStyles(nodes: XmlNode[]): Map<string, StyleInfo> {
  const map = new Map<string, StyleInfo>();
  const root = nodes.find((n) => tagOf(n) === 'w:styles');
  if (!root) return map;
  for (const s of childrenOf(root)) {
    if (tagOf(s) !== 'w:style') continue;
    const id = attr(s, 'w:styleId') ?? '';
    const nameNode = child(s, 'w:name');
    const name = nameNode ? (attr(nameNode, 'w:val') ?? '') : '';
    const ppr = child(s, 'w:pPr');
    const outline = ppr ? child(ppr, 'w:outlineLvl') : undefined;
    const m = /^(?:heading|标题)\s*(\d)$/i.exec(name) ?? /^(?:heading|标题)?(\d)$/i.exec(id);
    const level = outline
      ? Number(attr(outline, 'w:val') ?? 9) + 1
      : m?.[1]
        ? Number(m[1])
        : undefined;
    map.set(id, level !== undefined && level <= 6 ? { level } : {});
  }
  return map;
}

/** Collects the visible text under a node: w:t, tabs and breaks; skips deletions and field codes. */
function collectText(nodes: XmlNode[], out: string[]): void {
  for (const n of nodes) {
    const tag = tagOf(n);
    if (tag === undefined) continue;
    if (tag === '#text') continue;
    if (tag === 'w:t') {
      for (const c of childrenOf(n)) {
        const t = c['#text'];
        if (typeof t === 'string') out.push(t);
      }
    } else if (tag === 'w:tab') out.push('\t');
    else if (tag === 'w:br' || tag === 'w:cr') out.push('\n');
    else if (
      tag !== 'w:del' &&
      tag !== 'w:instrText' &&
      tag !== 'w:pPr' &&
      tag !== 'w:rPr' &&
      tag !== 'w:delText' &&
      tag !== 'w:fldChar'
    ) {
      collectText(childrenOf(n), out);
    }
  }
}

class DocxWalker {
  readonly blocks: Block[] = [];
  private position = 0;
  private readonly counters = new Map<string, number[]>();
  constructor(
    private readonly numbering: Numbering,
    private readonly styles: Map<string, StyleInfo>,
  ) {}

  body(nodes: XmlNode[]): void {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === 'w:p') this.paragraph(n);
      else if (tag === 'w:tbl') this.table(n);
      else if (tag === 'w:sdt') {
        const content = child(n, 'w:sdtContent');
        if (content) this.body(childrenOf(content));
      }
    }
  }

  private numberText(ppr: XmlNode | undefined): string {
    const numPr = ppr ? child(ppr, 'w:numPr') : undefined;
    if (!numPr) return '';
    const idNode = child(numPr, 'w:numId');
    const lvlNode = child(numPr, 'w:ilvl');
    const numId = idNode ? (attr(idNode, 'w:val') ?? '') : '';
    const ilvl = Number(lvlNode ? (attr(lvlNode, 'w:val') ?? 0) : 0);
    const levels = this.numbering.get(numId);
    const level = levels?.get(ilvl);
    if (!levels || !level) return '';
    const counts = this.counters.get(numId) ?? [];
    counts[ilvl] = (counts[ilvl] ?? level.start - 1) + 1;
    counts.length = ilvl + 1;
    this.counters.set(numId, counts);
    return level.text.replace(/%(\d)/g, (_, d: string) => {
      const i = Number(d) - 1;
      const l = levels.get(i);
      return formatCounter(counts[i] ?? l?.start ?? 1, l?.format ?? 'decimal');
    });
  }

  private paragraph(p: XmlNode): void {
    const ppr = child(p, 'w:pPr');
    const styleNode = ppr ? child(ppr, 'w:pStyle') : undefined;
    const style = styleNode ? attr(styleNode, 'w:val') : undefined;
    const parts: string[] = [];
    collectText(childrenOf(p), parts);
    const number = this.numberText(ppr);
    const text = (number + parts.join('')).replace(/\[bookmark:[^\]]*\]/g, '').trim();
    if (text === '') return;
    this.position++;
    const declared = style ? this.styles.get(style)?.level : undefined;
    const info = headingInfo(text);
    const heading = declared !== undefined || (info !== undefined && !info.runIn);
    const block: Block = { kind: heading ? 'heading' : 'paragraph', text, line: this.position };
    if (style) block.style = style;
    if (declared !== undefined) block.level = declared;
    this.blocks.push(block);
  }

  private cellText(tc: XmlNode): string {
    const lines: string[] = [];
    for (const n of childrenOf(tc)) {
      const tag = tagOf(n);
      if (tag === 'w:p' || tag === 'w:tbl' || tag === 'w:sdt') {
        const parts: string[] = [];
        collectText([n], parts);
        const t = parts.join('').trim();
        if (t !== '') lines.push(t);
      }
    }
    return lines.join('\n');
  }

  private table(tbl: XmlNode): void {
    const rows: TableRow[] = [];
    const start = this.position + 1;
    for (const tr of childrenOf(tbl)) {
      if (tagOf(tr) !== 'w:tr') continue;
      this.position++;
      const cells: string[] = [];
      for (const tc of childrenOf(tr)) {
        if (tagOf(tc) !== 'w:tc') continue;
        const tcPr = child(tc, 'w:tcPr');
        const vMerge = tcPr ? child(tcPr, 'w:vMerge') : undefined;
        // A continued vertical merge repeats nothing: the cell reads as empty, as in a text export.
        const continued = vMerge !== undefined && attr(vMerge, 'w:val') !== 'restart';
        cells.push(continued ? '' : this.cellText(tc));
      }
      rows.push({ cells, line: this.position });
    }
    if (rows.length === 0) return;
    this.blocks.push({ kind: 'table', text: tableText(rows), line: start, rows });
  }
}

/** Reads a .docx: paragraphs with style and numbering, tables with merged cells. */
export function readDocx(bytes: Uint8Array, fileName: string): ReadResult {
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(bytes);
  } catch (e) {
    if (e instanceof ZipError) return readFailure(e.problem, e.message);
    throw e;
  }
  const find = (name: string): ZipEntry | undefined => entries.find((e) => e.name === name);
  const main = find('word/document.xml');
  if (!main) return readFailure('not-docx');
  let budget = ZIP_LIMITS.totalInflated;
  const load = (entry: ZipEntry | undefined): XmlNode[] | 'entity' | 'invalid' | undefined => {
    if (!entry) return undefined;
    const data = inflateEntry(bytes, entry, budget);
    budget -= data.length;
    return parseXml(data);
  };
  try {
    const doc = load(main);
    const numberingXml = load(find('word/numbering.xml'));
    const stylesXml = load(find('word/styles.xml'));
    for (const x of [doc, numberingXml, stylesXml]) {
      if (x === 'entity') return readFailure('xml-entity');
      if (x === 'invalid') return readFailure('xml-invalid');
    }
    if (!Array.isArray(doc)) return readFailure('xml-invalid');
    const root = doc.find((n) => tagOf(n) === 'w:document');
    const body = root ? child(root, 'w:body') : undefined;
    if (!body) return readFailure('xml-invalid', '缺少 w:body');
    const walker = new DocxWalker(
      Array.isArray(numberingXml)
        ? readNumbering(numberingXml)
        : new Map<string, Map<number, Level>>(),
      Array.isArray(stylesXml) ? readStyles(stylesXml) : new Map<string, StyleInfo>(),
    );
    walker.body(childrenOf(body));
    return { ok: true, document: { fileName, format: 'docx', blocks: walker.blocks, notes: [] } };
  } catch (e) {
    if (e instanceof ZipError) return readFailure(e.problem, e.message);
    throw e;
  }
}
