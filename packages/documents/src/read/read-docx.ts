import type { ReadResult } from './block.ts';
import { holdsNoText, readFailure } from './block.ts';
import { scanDocumentBody } from './docx-body.ts';
import type { BodyContext } from './docx-body.ts';
import { nestedMessage, openZipParts, ZipError } from './zip.ts';

interface Level {
  start: number;
  format: string;
  text: string;
}
type Numbering = Map<string, Map<number, Level>>;

/** The few attribute and tag patterns below, each compiled once rather than per element. */
const patterns = new Map<string, RegExp>();
function pattern(source: string): RegExp {
  let re = patterns.get(source);
  if (!re) {
    re = new RegExp(source);
    patterns.set(source, re);
  }
  return re;
}
const attrOf = (tag: string, name: string): string | undefined =>
  pattern(`${name}="([^"]*)"`).exec(tag)?.[1];
const valOf = (xml: string, tag: string): string | undefined =>
  pattern(`<${tag}\\b[^>]*w:val="([^"]*)"`).exec(xml)?.[1];

/** numbering.xml: each w:num's levels (start, format, text), read with a tag scanner. */
function readNumbering(xml: string): Numbering {
  const abstract = new Map<string, Map<number, Level>>();
  for (const m of xml.matchAll(/<w:abstractNum\b([^>]*)>([\s\S]*?)<\/w:abstractNum>/g)) {
    const levels = new Map<number, Level>();
    for (const l of (m[2] ?? '').matchAll(/<w:lvl\b([^>]*)>([\s\S]*?)<\/w:lvl>/g)) {
      const body = l[2] ?? '';
      levels.set(Number(attrOf(l[1] ?? '', 'w:ilvl') ?? 0), {
        start: Number(valOf(body, 'w:start') ?? 1),
        format: valOf(body, 'w:numFmt') ?? 'decimal',
        text: valOf(body, 'w:lvlText') ?? '',
      });
    }
    abstract.set(attrOf(m[1] ?? '', 'w:abstractNumId') ?? '', levels);
  }
  const result: Numbering = new Map();
  for (const m of xml.matchAll(/<w:num\b([^>]*)>([\s\S]*?)<\/w:num>/g)) {
    const levels = abstract.get(valOf(m[2] ?? '', 'w:abstractNumId') ?? '');
    if (levels) result.set(attrOf(m[1] ?? '', 'w:numId') ?? '', levels);
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
/** styles.xml: the heading level each paragraph style declares (outline level or its name). */
function readStyles(xml: string): Map<string, StyleInfo> {
  const map = new Map<string, StyleInfo>();
  for (const m of xml.matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)) {
    const id = attrOf(m[1] ?? '', 'w:styleId') ?? '';
    const body = m[2] ?? '';
    const name = valOf(body, 'w:name') ?? '';
    const outline = valOf(body, 'w:outlineLvl');
    const n = /^(?:heading|标题)\s*(\d)$/i.exec(name) ?? /^(?:heading|标题)?(\d)$/i.exec(id);
    const level = outline !== undefined ? Number(outline) + 1 : n?.[1] ? Number(n[1]) : undefined;
    map.set(id, level !== undefined && level <= 6 ? { level } : {});
  }
  return map;
}

/** Numbering counters and style levels for the body scanner. */
function bodyContext(numbering: Numbering, styles: Map<string, StyleInfo>): BodyContext {
  const counters = new Map<string, number[]>();
  return {
    numberText(numId: string, ilvl: number): string {
      const levels = numbering.get(numId);
      const level = levels?.get(ilvl);
      if (!levels || !level) return '';
      const counts = counters.get(numId) ?? [];
      counts[ilvl] = (counts[ilvl] ?? level.start - 1) + 1;
      counts.length = ilvl + 1;
      counters.set(numId, counts);
      return level.text.replace(/%(\d)/g, (_, d: string) => {
        const i = Number(d) - 1;
        const l = levels.get(i);
        return formatCounter(counts[i] ?? l?.start ?? 1, l?.format ?? 'decimal');
      });
    },
    styleLevel: (id: string) => styles.get(id)?.level,
  };
}

/** Reads a .docx: paragraphs with style and numbering, tables with merged cells. */
export function readDocx(bytes: Uint8Array, fileName: string): ReadResult {
  const parts = openZipParts(bytes);
  if (parts instanceof ZipError) return readFailure(parts.problem, parts.message);
  const { find, load } = parts;
  const main = find('word/document.xml');
  if (!main) return readFailure('not-docx', nestedMessage(parts.entries));
  // DOCTYPE and ENTITY declarations are refused outright (entity expansion tricks).
  // A plain search for "<!" first: most parts hold none, and the pattern would scan them all.
  const declaresEntities = (xml: string): boolean =>
    xml.includes('<!') && /<!DOCTYPE|<!ENTITY/i.test(xml);
  try {
    const xml = load(main);
    if (declaresEntities(xml)) return readFailure('xml-entity');
    if (!/<w:body[\s>]/.test(xml) || !/<\/w:body>/.test(xml))
      return readFailure('xml-invalid', '缺少完整的 w:body');
    const numberingXml = load(find('word/numbering.xml'));
    const stylesXml = load(find('word/styles.xml'));
    if (declaresEntities(numberingXml) || declaresEntities(stylesXml))
      return readFailure('xml-entity');
    const context = bodyContext(readNumbering(numberingXml), readStyles(stylesXml));
    const blocks = scanDocumentBody(xml, context);
    // A package with nothing to read (an empty body, or pictures only) is said to be so, not
    // audited as a report in which nothing was found.
    if (holdsNoText(blocks))
      return readFailure('no-text', '正文为空或只有图片；扫描件请以 PDF 或图片上传');
    return { ok: true, document: { fileName, format: 'docx', blocks, notes: [] } };
  } catch (e) {
    if (e instanceof ZipError) return readFailure(e.problem, e.message);
    throw e;
  }
}
