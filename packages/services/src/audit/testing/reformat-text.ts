/**
 * More ways a published report's text differs from the copy we hold, beyond perturb-text's: each
 * one something a real copy shows (a Windows text file, a web page's no-break spaces, pdftotext's
 * form feeds and page footers falling inside a paragraph or a table row, a figure spaced off its
 * unit, thousands separators dropped or full-width, other quote and percent signs, years written
 * with 〇, chapters numbered 第一部分). Each keeps the report's content; all are deterministic,
 * seeded by the file's name.
 */
import { seeded as random } from './seeded.ts';
import type { Rendering } from './perturb-text.ts';

const lines = (text: string): string[] => text.replace(/\r\n?/g, '\n').split('\n');

/** A table cell of a text export one cell per line (a tab, then the cell). */
const isCell = (line: string): boolean => line.startsWith('\t');

/** A Windows text file: a byte-order mark and CRLF line ends. */
export const windowsText: Rendering = (text) => `\uFEFF${lines(text).join('\r\n')}`;

/**
 * pdftotext's page break: a form feed before each page's first line, the footer above it. PDF
 * text has no tables written one cell per line, so a page starts with prose or a row of cells
 * run together, never among tab-led cells.
 */
export const formFeeds: Rendering = (text, seed) => {
  const r = random(`ff ${seed}`);
  const all = lines(text);
  const out: string[] = [];
  let page = 1;
  let next = 15 + Math.floor(r() * 15);
  const nearest = (from: number, step: number): string => {
    for (let k = from; k >= 0 && k < all.length; k += step)
      if ((all[k] ?? '').trim()) return all[k] ?? '';
    return '';
  };
  all.forEach((line, i) => {
    const amongCells = isCell(line) || isCell(nearest(i - 1, -1)) || isCell(nearest(i + 1, 1));
    if (i >= next && line.trim() !== '' && !amongCells) {
      out.push(...(out.at(-1) === '' ? [] : ['']), `— ${page} —`);
      out.push(`\f${line}`);
      page++;
      next = i + 15 + Math.floor(r() * 15);
    } else out.push(line);
  });
  return out.join('\n');
};

const DIGIT_OR_LATIN = /[0-9A-Za-z.,%．，％０-９]/;

/**
 * A page break falling inside a paragraph or inside a table row, as a PDF's text shows it: the
 * footer ("— 7 —" or "第 7 页 共 12 页") between the two halves of a long paragraph (cut between
 * two Chinese characters, where a line of a justified page ends) or between two cells of a row.
 */
export const midPageBreaks: Rendering = (text, seed) => {
  const r = random(`mid ${seed}`);
  const all = lines(text);
  const total = Math.max(2, Math.ceil(all.length / 25));
  const out: string[] = [];
  let page = 1;
  let next = 10 + Math.floor(r() * 20);
  const footer = (): string => (page % 2 === 0 ? `第 ${page} 页 共 ${total} 页` : `— ${page} —`);
  all.forEach((line, i) => {
    const chars = [...line];
    if (i < next) {
      out.push(line);
      return;
    }
    if (isCell(line) && isCell(all[i + 1] ?? '')) {
      // Between two cells of one row.
      out.push(line, footer());
    } else if (chars.length >= 40 && !line.includes('\t') && !/ \S+ /.test(line)) {
      // Inside a paragraph (not a row of cells), between two Chinese characters.
      const cuts = chars
        .map((c, k) => k)
        .filter(
          (k) =>
            k > 10 &&
            k < chars.length - 10 &&
            !DIGIT_OR_LATIN.test(chars[k - 1] ?? '') &&
            !DIGIT_OR_LATIN.test(chars[k] ?? ''),
        );
      const at = cuts[Math.floor(r() * cuts.length)];
      if (at === undefined) {
        out.push(line);
        return;
      }
      out.push(chars.slice(0, at).join(''), footer(), chars.slice(at).join(''));
    } else {
      out.push(line);
      return;
    }
    page++;
    next = i + 10 + Math.floor(r() * 20);
  });
  return out.join('\n');
};

/** A web page's indentation and gaps: no-break spaces where the text has ideographic ones. */
export const noBreakSpaces: Rendering = (text) => text.replace(/\u3000/g, '\u00a0\u00a0');

/**
 * A PDF's justified paragraph: a space between a figure and its unit (861.24 万元, 100 %, 5 分).
 * Rows of a table are left as they are: a row whose cells ran together with spaces would become
 * ambiguous ("100 %" two cells or one), which no reader can settle.
 */
export const spacedUnits: Rendering = (text) =>
  lines(text)
    .map((line) =>
      line.includes('\t') || / \S+ /.test(line) || !/[，。]/.test(line)
        ? line
        : line.replace(/(\d)(万元|元|%|％|分|个|人|次|件)/g, '$1 $2'),
    )
    .join('\n');

/** Thousands separators dropped ("1,234.56" → "1234.56"). */
export const noThousands: Rendering = (text) =>
  text.replace(/(?<![\d,.])\d{1,3}(?:,\d{3})+(?=\.\d|(?![\d,]))/g, (m) => m.replace(/,/g, ''));

const THOUSANDS = /(?<![\d.,])(\d{4,})(\.\d+)(?!\d)/g;
const group = (int: string): string => int.replace(/\B(?=(\d{3})+$)/g, ',');

/** Full-width figures with full-width separators, as typed with a Chinese input method (１，２３４．５６). */
export const fullWidthGrouped: Rendering = (text) =>
  text
    .replace(THOUSANDS, (_m, int: string, dec: string) => `${group(int)}${dec}`)
    .replace(/(\d)([,.])(?=\d)/g, (_m, d: string, p: string) => `${d}${p === ',' ? '，' : '．'}`)
    .replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
    .replace(/%/g, '％');

/** Other quote marks and percent signs: 「」 and 『』 for “” and ‘’, ﹪ for %. */
export const otherMarks: Rendering = (text) =>
  text
    .replace(/“/g, '「')
    .replace(/”/g, '」')
    .replace(/‘/g, '『')
    .replace(/’/g, '』')
    .replace(/[%％]/g, '﹪');

const ZH_DIGIT = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const zhYear = (y: string): string => [...y].map((d) => ZH_DIGIT[Number(d)] ?? d).join('');
const zhSmall = (n: number): string =>
  n < 10
    ? (ZH_DIGIT[n] ?? '')
    : `${n >= 20 ? ZH_DIGIT[Math.floor(n / 10)] : ''}十${n % 10 === 0 ? '' : ZH_DIGIT[n % 10]}`;

/**
 * Dates and years in prose written in Chinese numerals, as a signature date is (二〇二四年三月
 * 十五日, 二〇二三年度); table cells keep their digits.
 */
export const chineseYears: Rendering = (text) =>
  lines(text)
    .map((line) =>
      isCell(line)
        ? line
        : line
            .replace(
              /(?<!\d)(20\d\d)年(\d{1,2})月(\d{1,2})日/g,
              (_m, y: string, mo: string, d: string) =>
                `${zhYear(y)}年${zhSmall(Number(mo))}月${zhSmall(Number(d))}日`,
            )
            .replace(/(?<![\d０-９])(20\d\d)年(?!\d)/g, (_m, y: string) => `${zhYear(y)}年`),
    )
    .join('\n');

const CHAPTER = /^([\s\u3000]*)([一二三四五六七八九十]{1,3})、/;

/**
 * Chapters numbered 第一部分 (for 一、) in every other copy, 一． in the rest; a report whose
 * parts are already 第X部分 keeps 一、 under them.
 */
export const otherChapterNumbers: Rendering = (text, seed) => {
  if (/^[\s\u3000]*第[一二三四五六七八九十]{1,3}部分/m.test(text)) return text;
  const part = random(`chapters ${seed}`)() < 0.5;
  return lines(text)
    .map((line) =>
      line.replace(CHAPTER, (_m, indent: string, n: string) =>
        part ? `${indent}第${n}部分 ` : `${indent}${n}．`,
      ),
    )
    .join('\n');
};

/** A table row closed by an empty cell (a tab alone, or a trailing space on a run-together row). */
export const trailingEmptyCell: Rendering = (text) => {
  const out: string[] = [];
  // Whether the lines since the last blank one are a row's cells (a cell may run on a line).
  let row = false;
  for (const line of lines(text)) {
    if (line === '') {
      if (row) out.push('\t');
      row = false;
    } else if (isCell(line) && out.at(-1) === '') row = true;
    out.push(line);
  }
  return out.join('\n');
};

/** Every new rendering, by the name a test prints. */
export const REFORMATS: Record<string, Rendering> = {
  'BOM and CRLF': windowsText,
  'form feeds between pages': formFeeds,
  'page footers inside paragraphs and rows': midPageBreaks,
  'no-break spaces': noBreakSpaces,
  'figures spaced off their units': spacedUnits,
  'thousands separators dropped': noThousands,
  'full-width figures, grouped': fullWidthGrouped,
  '「」 quotes and ﹪': otherMarks,
  'years and dates with 〇': chineseYears,
  '第一部分 / 一． chapters': otherChapterNumbers,
  'rows closed by an empty cell': trailingEmptyCell,
};
