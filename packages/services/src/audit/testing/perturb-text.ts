/**
 * Renderings of a plain-text report as real copies of it arrive: PDF text with a row's cells run
 * together, hard-wrapped lines, running page headers and footers, full-width or half-width
 * digits, thousands separators, 元 instead of 万元, other header words, blank lines and stray
 * spaces. Each one keeps the report's content (a reader that understands the original must
 * understand the rendering); all are deterministic, seeded by the file's name.
 */
import { seeded as random } from './seeded.ts';

export type Rendering = (text: string, seed: string) => string;

const lines = (text: string): string[] => text.replace(/\r\n?/g, '\n').split('\n');

/**
 * (a) PDF text: the cells of a table row (tab-led or tab-separated, one cell per line between
 * blank lines, or spaced apart) run together on one line, separated by single spaces.
 */
export const flattenRows: Rendering = (text) => {
  const out: string[] = [];
  let row: string[] = [];
  const flush = (): void => {
    if (row.length > 0) out.push(row.join(' '));
    row = [];
  };
  for (const line of lines(text)) {
    if (line.startsWith('\t')) {
      row.push(...line.split('\t').map((c) => c.trim()));
      continue;
    }
    flush();
    out.push(
      line
        .split('\t')
        .map((c) => c.trim())
        .join(' ')
        .replace(/ {2,}/g, ' '),
    );
  }
  flush();
  return out.join('\n');
};

/**
 * (b) pdftotext's hard wrap: every line of prose longer than a width of 18–40 is cut, mid-word or
 * mid-number. A table row (a line with tabs, or with cells spaced apart) is left whole: its long
 * cells wrap inside the cell, which a text rendering cannot show.
 */
export const hardWrap: Rendering = (text, seed) => {
  const r = random(`wrap ${seed}`);
  const out: string[] = [];
  for (const line of lines(text)) {
    const chars = [...line];
    if (chars.length <= 40 || line.includes('\t') || / \S+ /.test(line)) {
      out.push(line);
      continue;
    }
    let rest = chars;
    while (rest.length > 0) {
      const width = 18 + Math.floor(r() * 23);
      out.push(rest.slice(0, width).join(''));
      rest = rest.slice(width);
    }
  }
  return out.join('\n');
};

/**
 * (c) A page break every 12–30 lines, tables included: a footer with the page number ("— 3 —" or
 * "第 3 页 共 12 页") and a running header with the unit's name. A page breaks between a table's
 * rows, never inside one: after a blank line, before one, or after a line of 20 characters or
 * more (a paragraph, or a row whose cells run together).
 */
export const pageBreaks: Rendering = (text, seed) => {
  const r = random(`pages ${seed}`);
  const all = lines(text);
  const out: string[] = [];
  let page = 1;
  const total = Math.max(2, Math.ceil(all.length / 20));
  let next = 12 + Math.floor(r() * 19);
  const boundary = (i: number): boolean => {
    const line = all[i] ?? '';
    return (
      line.trim() === '' ||
      (all[i + 1] ?? '').trim() === '' ||
      (!line.startsWith('\t') && [...line].length >= 20)
    );
  };
  all.forEach((line, i) => {
    out.push(line);
    if (i + 1 >= next && i + 1 < all.length && boundary(i)) {
      out.push(page % 2 === 0 ? `第 ${page} 页 共 ${total} 页` : `— ${page} —`, '青山县财政局');
      page++;
      next = i + 1 + 12 + Math.floor(r() * 19);
    }
  });
  return out.join('\n');
};

const FULL_WIDTH: Record<string, string> = {
  '.': '．',
  ',': '，',
  '%': '％',
  ':': '：',
  '(': '（',
  ')': '）',
};

/** (d) Full-width digits and punctuation (０-９, ．, ％, （ ）) where the text has half-width ones. */
export const toFullWidth: Rendering = (text) =>
  text.replace(/[0-9.%:()]/g, (c) =>
    /[0-9]/.test(c) ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : (FULL_WIDTH[c] ?? c),
  );

/** (d') Half-width digits and punctuation where the text has full-width ones. */
export const toHalfWidth: Rendering = (text) =>
  text
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/(?<=\d)，(?=\d{3}(?!\d))/g, ',')
    .replace(
      /[．％（）：]/g,
      (c) => ({ '．': '.', '％': '%', '（': '(', '）': ')', '：': ':' })[c] ?? c,
    );

/** (e) Thousands separators in every decimal figure of four integer digits or more ("1,234.56"). */
export const thousands: Rendering = (text) =>
  text.replace(/(?<![\d.,])(\d{4,})(\.\d+)(?![\d])/g, (_m, int: string, dec: string) => {
    return `${int.replace(/\B(?=(\d{3})+$)/g, ',')}${dec}`;
  });

/** Formats n (a figure in 元 computed from 万元 exactly, as a string of digits) with 2 decimals. */
function wanToYuan(figure: string): string {
  const [int = '0', dec = ''] = figure.split('.');
  const digits = `${int}${dec.padEnd(4, '0').slice(0, 4)}${dec.slice(4).padEnd(2, '0').slice(0, 2)}`;
  const trimmed = digits.replace(/^0+(?=\d{3})/, '');
  return `${trimmed.slice(0, -2)}.${trimmed.slice(-2)}`;
}

/**
 * (f) 万元 → 元, consistently: every figure written with 万元 in prose becomes the same amount in
 * 元 (only figures of at most four decimals, which convert exactly).
 */
export const wanToYuanProse: Rendering = (text) =>
  text.replace(
    /(?<![\d.,，]\s?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d{1,4})?万元/g,
    (_m, int: string, dec: string | undefined) =>
      `${wanToYuan(int.replace(/,/g, '') + (dec ?? ''))}元`,
  );

/** Header words of each province, swapped for one another where they stand as a whole cell. */
const SYNONYMS: readonly (readonly string[])[] = [
  ['全年预算数', '调整后预算数', '全年(调整)预算数'],
  ['全年执行数', '预算执行数', '实际支出'],
  ['执行率', '预算执行率'],
  ['得分', '自评得分', '指标得分'],
  ['分值', '权重', '指标权重'],
  ['年度指标值', '指标值', '预期目标值'],
  ['实际完成值', '全年完成值', '完成值'],
  ['偏差原因分析及改进措施', '未完成原因分析'],
];

/** (g) Header synonyms: a cell (a whole line, or a space- or tab-separated word) replaced by another of its set. */
export const headerSynonyms: Rendering = (text, seed) => {
  const r = random(`synonyms ${seed}`);
  const choice = new Map<string, string>();
  for (const set of SYNONYMS) {
    const other = set.slice(1);
    const pick = other[Math.floor(r() * other.length)] ?? set[0] ?? '';
    for (const word of set) if (word !== pick) choice.set(word, pick);
  }
  return lines(text)
    .map((line) =>
      line
        .split(/(\t| )/)
        .map((cell) => choice.get(cell) ?? cell)
        .join(''),
    )
    .join('\n');
};

/** (h) Blank lines between lines and stray spaces between two Chinese characters. */
export const strayBlanks: Rendering = (text, seed) => {
  const r = random(`blanks ${seed}`);
  const out: string[] = [];
  for (const line of lines(text)) {
    out.push(
      line.replace(/(\p{Script=Han})(?=\p{Script=Han})/gu, (c) => (r() < 0.06 ? `${c} ` : c)),
    );
    // A blank line comes between paragraphs, after a sentence's end: in a table it would part a
    // row's cells, inside a sentence a PDF wrapped it would be no copy's.
    if (!line.startsWith('\t') && [...line].length >= 20 && /[。！？；]$/.test(line) && r() < 0.3)
      out.push('');
  }
  return out.join('\n');
};

/**
 * (i) Short lines and cells spread out one character at a time, as a PDF justifies a title or a
 * table's header across its width ("项 目 名 称", "分 值", "2 0 2 3 年 度"): every other one
 * (seeded) of at most 16 characters holding two Chinese ones.
 */
export const letterSpaced: Rendering = (text, seed) => {
  const r = random(`spaced ${seed}`);
  const spread = (cell: string): string => {
    const chars = [...cell.trim()];
    const han = chars.filter((c) => /\p{Script=Han}/u.test(c)).length;
    if (chars.length > 16 || han < 2 || /\s/.test(cell.trim()) || r() < 0.5) return cell;
    return chars.join(' ');
  };
  return lines(text)
    .map((line) => line.split('\t').map(spread).join('\t'))
    .join('\n');
};

/**
 * (j) Punctuation as a PDF's Latin font or a typist writes it: every full-width comma, colon,
 * semicolon and bracket of the text half-width (，→, ：→: ；→; （）→()), the full stops, 、 and
 * quotation marks kept.
 */
export const halfWidthPunctuation: Rendering = (text) =>
  text.replace(
    /[，：；（）]/g,
    (c) => ({ '，': ',', '：': ':', '；': ';', '（': '(', '）': ')' })[c] ?? c,
  );

/**
 * The words that state a relation in prose, each with the other ways reports of other provinces
 * write it (same meaning, same figures). A table row (a line holding a tab, or cells spaced
 * apart) and short lines (a cell written one per line) are left alone: their words are headers
 * and labels.
 */
const WORDINGS: readonly (readonly string[])[] = [
  ['其中：', '其中:', '其中，', '其中'],
  ['共计', '合计', '总计'],
  ['分别为', '分别是'],
  ['执行率为', '执行率达', '执行率达到'],
  ['截至', '截止', '截止到'],
  ['年初预算', '年初批复预算'],
  ['同比增长', '比上年增长', '较上年增长'],
  ['完成年度目标', '完成年度指标', '达成年度目标'],
];

/** (k) Relation words of prose written another way, one choice per word set for the whole text. */
export const otherWordings: Rendering = (text, seed) => {
  const r = random(`wordings ${seed}`);
  const pairs: [RegExp, string][] = WORDINGS.map((set) => {
    const pick = set[Math.floor(r() * set.length)] ?? set[0] ?? '';
    // Longest first, so that 其中： is not taken for 其中 followed by a colon left behind.
    const words = [...set].sort((a, b) => b.length - a.length);
    return [new RegExp(words.map((w) => w.replace(/[()|]/g, '\\$&')).join('|'), 'g'), pick];
  });
  return lines(text)
    .map((line) =>
      /\t| {2}|\S \S/.test(line) || [...line].length < 20
        ? line
        : pairs.reduce((l, [re, pick]) => l.replace(re, pick), line),
    )
    .join('\n');
};

/** Every rendering, by the name a test prints. */
export const RENDERINGS: Record<string, Rendering> = {
  'cells run together': flattenRows,
  'hard-wrapped': hardWrap,
  'page headers and footers': pageBreaks,
  'full-width digits': toFullWidth,
  'half-width digits': toHalfWidth,
  'thousands separators': thousands,
  '万元 as 元': wanToYuanProse,
  'header synonyms': headerSynonyms,
  'blank lines and stray spaces': strayBlanks,
  'letter-spaced titles and cells': letterSpaced,
  'half-width punctuation': halfWidthPunctuation,
  'other wordings': otherWordings,
  'PDF text: run together, wrapped, with page footers': (text, seed) =>
    pageBreaks(hardWrap(flattenRows(text, seed), seed), seed),
};
