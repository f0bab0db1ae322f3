import { normalizeDigits, parseChineseNumeral } from '@jixiao/domain';

/**
 * Heading numbers as Chinese reports write them: 一、 (一) （一） 1、 1. ⑴ ① （1） (1) 1）.
 * Shared by every reader (to mark heading blocks) and by extraction (to build the outline).
 */
export type NumberStyle =
  | 'ordinal'
  | 'cn-dun'
  | 'cn-paren'
  | 'arabic-dun'
  | 'arabic-dot'
  | 'arabic-paren'
  | 'arabic-half-paren'
  | 'circled-paren'
  | 'circled';

/**
 * How deep a style usually stands in a Chinese report's outline: 一、 above （一） above 1. and 1、,
 * above (1), above ①. Styles of one rank are alternatives at the same depth.
 */
export const NUMBER_STYLE_RANK: Readonly<Record<NumberStyle, number>> = {
  ordinal: 0,
  'cn-dun': 1,
  'cn-paren': 2,
  'arabic-dun': 3,
  'arabic-dot': 3,
  'arabic-paren': 4,
  'arabic-half-paren': 4,
  'circled-paren': 5,
  circled: 5,
};

export interface HeadingNumber {
  style: NumberStyle;
  value: number;
  /** The number as written, without surrounding space ("⑵", "（一）", "5、"). */
  text: string;
}

const PATTERNS: readonly [NumberStyle, RegExp][] = [
  // "第一部分 部门基本情况", "第二章": parts above the 一、 chapters; a PDF may space them out
  // ("第 三部分", "第三 部 分") as it does the other styles' numbers.
  ['ordinal', /^第\s*([一二三四五六七八九十]{1,3})\s*(?:部\s*分|章)/],
  ['cn-dun', /^([一二三四五六七八九十]{1,3})\s*[、．.]/],
  ['cn-paren', /^[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)]/],
  ['arabic-paren', /^[（(]\s*(\d{1,2})\s*[）)]/],
  ['circled-paren', /^([\u2474-\u2487])/],
  ['circled', /^([\u2460-\u2473])/],
  ['arabic-dun', /^(\d{1,2})\s*、/],
  ['arabic-dot', /^(\d{1,2})\s*[.．](?![\d.．])/],
  ['arabic-half-paren', /^(\d{1,2})\s*[）)]/],
];

/**
 * The patterns that can match a text, by its first character (each pattern opens with a class of
 * its own): a text is tried only against the styles its first character can start, in order.
 */
function patternsFor(first: number): readonly [NumberStyle, RegExp][] {
  if (first >= 0x30 && first <= 0x39) return DIGIT_PATTERNS;
  if (first === 0xff08 || first === 0x28) return PAREN_PATTERNS;
  if (first >= 0x2460 && first <= 0x2487) return CIRCLED_PATTERNS;
  return CN_PATTERNS;
}
const only = (...styles: NumberStyle[]): readonly [NumberStyle, RegExp][] =>
  PATTERNS.filter(([style]) => styles.includes(style));
const DIGIT_PATTERNS = only('arabic-dun', 'arabic-dot', 'arabic-half-paren');
const PAREN_PATTERNS = only('cn-paren', 'arabic-paren');
const CIRCLED_PATTERNS = only('circled-paren', 'circled');
const CN_PATTERNS = only('ordinal', 'cn-dun');

/** The characters besides digits and circled numbers that open a heading number. */
const START_CODES = new Set(Array.from('第一二三四五六七八九十（(', (c) => c.charCodeAt(0)));

/**
 * Whether a character code may open a heading number (第, 一 to 十, （, (, a digit, ⑴ to ⒇, ①
 * to ⑳; and ０ to ９ when `wide`), told by its code: every paragraph of every document is asked.
 */
function opensNumber(c: number, wide: boolean): boolean {
  return (
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x2460 && c <= 0x2487) ||
    START_CODES.has(c) ||
    (wide && c >= 0xff10 && c <= 0xff19)
  );
}

/** Reads the heading number at the start of a trimmed text, and the rest after it. */
export function headingNumber(
  written: string,
): { number: HeadingNumber; rest: string } | undefined {
  // Full-width digits ("（１）", "２．") number headings too; the conversion keeps every position.
  // Most paragraphs start with no number at all: their first character says so.
  if (!opensNumber(written.charCodeAt(0), true)) return undefined;
  const text = normalizeDigits(written);
  if (!opensNumber(text.charCodeAt(0), false)) return undefined;
  for (const [style, re] of patternsFor(text.charCodeAt(0))) {
    const m = re.exec(text);
    const raw = m?.[1];
    if (!m || raw === undefined) continue;
    let value: number | undefined;
    if (style === 'cn-dun' || style === 'cn-paren' || style === 'ordinal')
      value = parseChineseNumeral(raw);
    else if (style === 'circled-paren') value = raw.charCodeAt(0) - 0x2474 + 1;
    else if (style === 'circled') value = raw.charCodeAt(0) - 0x2460 + 1;
    else value = Number(raw);
    if (value === undefined || value === 0) continue;
    return {
      number: { style, value, text: written.slice(0, m[0].length).replace(/\s+/g, '') },
      rest: written.slice(m[0].length).trim(),
    };
  }
  return undefined;
}

const CHAPTER_WORDS =
  /情况|概况|职责|职能|指标|措施|问题|分析|结论|建议|目标|支出|收入|收支|管理|预算|说明|效益|绩效|构成|设置|编制|执行|使用|公开|应用/;
const CHAPTER_END = /(情况|概况|职责|职能|指标|措施|问题|分析|结论|建议|目标|支出|构成|设置)$/;
/** "（一）预算执行率(分值10分，得8分，扣2分)", "（1）预算编制合理性（5分）。", "X指标（分值10分…）". */
const GROUP_PATTERN = /^[^，。；：]{1,30}[（(]\s*(?:指标)?(?:分值|权重)?\s*[\d.]+\s*分/;

export interface HeadingInfo {
  number?: HeadingNumber;
  title: string;
  /** "1.部门主要职责。市政府办公室为…": a run-in title followed by body text in one paragraph. */
  runIn: boolean;
}

/**
 * Decides whether a paragraph is a heading, by its numbering and shape: short, no sentence inside,
 * or an indicator group line "…（分值N分，得M分…）". Long numbered items are list items, not headings.
 */
let infos = new Map<string, HeadingInfo | null>();

/** Forgets the headings of the previous document (caches last one document, no longer). */
export function forgetHeadings(): void {
  // A new map rather than an emptied one (see forgetSquashed in extract/text.ts).
  infos = new Map();
}

export function headingInfo(raw: string): HeadingInfo | undefined {
  // Most paragraphs are prose, long and unnumbered: no heading, told without the cache.
  if (raw.length > 60 && unnumberedLong(raw.trim())) return undefined;
  const hit = infos.get(raw);
  if (hit !== undefined) return hit ?? undefined;
  const info = computeHeadingInfo(raw);
  // Readers and extractors ask about the same paragraphs: remember the recent answers.
  if (infos.size > 5_000) infos = new Map();
  infos.set(raw, info ?? null);
  return info;
}

/** A text too long for an unnumbered heading that starts with no number. */
const unnumberedLong = (text: string): boolean =>
  text.length > 60 && !opensNumber(text.charCodeAt(0), true);

/** A heading's info, with its number when it has one (built whole: no base object spread). */
function infoOf(
  parsed: { number: HeadingNumber } | undefined,
  title: string,
  runIn: boolean,
): HeadingInfo {
  return parsed ? { number: parsed.number, title, runIn } : { title, runIn };
}

function computeHeadingInfo(raw: string): HeadingInfo | undefined {
  const text = raw.trim();
  if (text === '') return undefined;
  const parsed = headingNumber(text);
  // Unnumbered, only a short indicator group line can be a heading: long prose is none.
  if (!parsed && text.length > 60) return undefined;
  const rest = parsed?.rest ?? text;
  if (/年度指标值|实际完成值/.test(rest)) return undefined;
  // A group line typed in full-width digits ("（分值１０分，得９分）") is one as well.
  if (text.length <= 80 && GROUP_PATTERN.test(normalizeDigits(rest)) && rest.length <= 60) {
    return infoOf(parsed, rest.replace(/[。；;]$/, ''), false);
  }
  if (!parsed) return undefined;
  if (rest === '') return undefined;
  if (/[；;]$/.test(rest)) return undefined;
  const inner = rest.replace(/[。：:]$/, '');
  if (text.length <= 80 && inner.length <= 30 && !/[。；;，,]/.test(inner)) {
    if (!rest.endsWith('。')) return infoOf(parsed, inner, false);
    if (inner.length <= 16 && CHAPTER_END.test(inner)) return infoOf(parsed, inner, false);
    return undefined;
  }
  const runIn = /^([^，。；：,;:（(]{2,16})[。：:]/.exec(rest);
  if (runIn?.[1] && CHAPTER_WORDS.test(runIn[1])) return infoOf(parsed, runIn[1], true);
  return undefined;
}
