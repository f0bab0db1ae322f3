import type { Evaluation } from '../evaluation.ts';
import type { Finding } from '../finding.ts';
import { normalizeDigits } from '../money.ts';
import { makeFinding } from './make-finding.ts';
import { parseChineseNumeral } from './numbering.ts';
import { evaluationTexts, sentences } from './texts.ts';
import { isLeaf, walkIndicators } from './walk.ts';

/** Words that make an earlier year legitimate: comparisons, history, prior-year accounts. */
const LEGITIMATE_CONTEXT =
  /(?:较|比|与|同)\s*(?:\d{4}|上年|去年|上一年|同期)|同比|相比|上年|去年|增长|下降|增加|减少|持平|结转|结余|决算|以来|截至|截止|成立|组建|设立|历年|连续|分别|至今|之前|以前|基数|提前|批复|立项|启动|开工|印发|出台|上一年度|上年度/;

/** Four digits in a row before normalizeDigits: what a year in YEAR_CLAUSE needs. */
const FOUR_DIGITS = /[0-9０-９]{4}/;

const CN_DIGIT: ReadonlyMap<string, string> = new Map([
  ...[...'〇一二三四五六七八九'].map((c, i): [string, string] => [c, String(i)]),
  ['○', '0'],
  ['零', '0'],
]);
/**
 * A year in Chinese digits, as dates are written in formal text (二〇二二年, 一九九八年; ○ for 〇
 * too), with its month and day when they follow (二〇二四年三月十五日).
 */
const CN_DATE =
  /((?:一九|二[〇○零])[〇○零一二三四五六七八九]{2})(\s*年)(?:([一二三四五六七八九十]{1,2})(\s*月)(?:([一二三四五六七八九十]{1,3})(\s*日))?)?/g;

/** The text with dates in Chinese digits written in ASCII ones (二〇二四年三月十五日 → 2024年3月15日). */
export function digitYears(text: string): string {
  if (!/[〇○零]/.test(text) && !text.includes('一九')) return text;
  const small = (n: string | undefined): string => {
    const v = n === undefined ? undefined : parseChineseNumeral(n);
    return v === undefined ? (n ?? '') : String(v);
  };
  return text.replace(
    CN_DATE,
    (_m, y: string, nian: string, mo?: string, yue?: string, d?: string, ri?: string) =>
      `${[...y].map((c) => CN_DIGIT.get(c) ?? c).join('')}${nian}` +
      (mo ? `${small(mo)}${yue ?? ''}` : '') +
      (d ? `${small(d)}${ri ?? ''}` : ''),
  );
}

/**
 * A clause that is nothing but a year ("2022年", "2022年度", "2022年全年"): a time adverbial
 * stating when the sentence's facts hold.
 */
const YEAR_CLAUSE = /^(?:在|于)?(\d{4})\s*年(?:度)?(?:全年|内|中)?$/;
/**
 * A clause that opens with a year and goes on, with no comma, to who did the work and what they
 * did ("2023年全区新建供水管网86.4公里", "2023年我局完成…", a city or county: "2023年某某市共投入…"):
 * the year dates the work as firmly.
 */
const YEAR_AT_WORK =
  /^(?:在|于)?(\d{4})\s*年(?:度)?(?:全年)?(?:全(?:区|市|县|旗|州|盟|镇|乡|省|局|院|校)|我(?:局|办|委|院|校|镇|乡|中心|站|所|队|单位|部门|街道)|[\u4e00-\u9fff]{2,4}(?:市|县|区|旗|镇|乡))共?(?:新建|建成|完成|改造|实施|开展|发放|培训|救助|接种|筛查|处置|破获|养护|治理|修建|新增|组织|举办|投入)/;
/**
 * A clause anywhere in its sentence that dates the work by a whole year and says it was done
 * ("年度目标120场以上，2023年全年共开展送戏下乡演出126场"): 全年 leaves no other reading.
 */
const WHOLE_YEAR_AT_WORK =
  /^(\d{4})\s*年(?:度)?全年(?:累计)?共?(?:新建|建成|完成|改造|实施|开展|发放|培训|救助|接种|筛查|处置|破获|养护|治理|修建|新增|组织|举办|更新|接待|服务)/;
/**
 * A date that is a statement's whole opening clause ("2023年10月，11座水库完成主体工程施工"): it
 * dates the work as firmly as a year alone when the next clause says the work was done.
 */
const DATE_CLAUSE = /^(?:在|于)?(\d{4})\s*年\d{1,2}月(?:\d{1,2}日)?(?:底|末|初|上旬|中旬|下旬)?$/;
const DONE_NEXT = /^[^，,。]{0,20}?(?:完成|建成|竣工|通过[^，,。]{0,4}验收)/;
/** Words of a plan, money handed down or a start: what an earlier date may legitimately open. */
const NOT_DONE = /计划|预算|资金|下达|拨付|招标|设计|申报|前期|谋划|将|拟/;
/**
 * Numbered headings run on before a year, each its number and a title of words ("(一)资金保障",
 * "1. 市县履行支出责任情况"), as a text joined by nothing gives them.
 */
const HEADINGS_BEFORE =
  /^(?:(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、．])\s?[^\d，。；,;:：、（()）]{2,24}?)+(?=\d{4}\s*年)/;
/** Four ASCII digits and 年, as every YEAR_CLAUSE holds. */
const YEAR_DIGITS = /\d{4}\s*年/;

/**
 * The earlier years a sentence is dated in by a clause of its own ("2022年，我办完成…" in a 2023
 * report), unless it compares, recounts history or accounts for earlier money (LEGITIMATE_CONTEXT).
 */
export function staleYearClauses(written: string, year: number): number[] {
  const sentence = digitYears(written);
  // A year clause needs four digits before 年; most sentences have none, told before the long
  // list of legitimate contexts (a title in 《》 is taken out below, which may join digits).
  if (!sentence.includes('年') || (!YEAR_DIGITS.test(sentence) && !sentence.includes('《')))
    return [];
  if (LEGITIMATE_CONTEXT.test(sentence) && !/[；;]/.test(sentence)) return [];
  // Law titles (《…2021年修订》) are not statements about the year.
  const bare = sentence.replace(/《[^》]*》/g, '');
  const out: number[] = [];
  // Each part of a list parted by ；is a statement of its own ("…建档率91.6%；2023年，为辖区内
  // 老年人提供健康体检…"): a comparison in one part excuses no other.
  for (const part of bare.split(/[；;]/)) {
    if (LEGITIMATE_CONTEXT.test(part)) continue;
    const clauses = part.split(/[，,：:]/);
    for (const [k, clause] of clauses.entries()) {
      // A year that runs on into its clause dates the work only where it opens the statement.
      // Headings a text joined by nothing runs into its first sentence open no statement:
      // "(一)资金保障1. 市县履行支出责任情况2022年巩义市共投入…" opens on its year.
      const opening = k === 0 ? clause.trim().replace(HEADINGS_BEFORE, '') : '';
      const m =
        YEAR_CLAUSE.exec(clause.trim()) ??
        (k === 0 ? (YEAR_AT_WORK.exec(opening) ?? YEAR_CLAUSE.exec(opening)) : null) ??
        WHOLE_YEAR_AT_WORK.exec(clause.trim()) ??
        (k === 0 && DONE_NEXT.test(clauses[1]?.trim() ?? '') && !NOT_DONE.test(part)
          ? DATE_CLAUSE.exec(clause.trim())
          : null);
      if (!m) continue;
      const stated = Number(m[1]);
      if (stated < year && stated >= 1990) out.push(stated);
    }
  }
  return out;
}

/**
 * year: a sentence about the state of things dated in an earlier year than the one evaluated
 * ("2022年，我办所有固定资产…" in a 2023 report); a title naming another year; a 填报日期 before
 * the year it reports on; a deadline target in an earlier year. Later years (publication and
 * plans), comparisons with earlier years, law titles and document numbers are legitimate. A
 * deadline's actual date in an earlier year than the one evaluated is a year miswritten.
 */
export function checkYears(evaluation: Evaluation): Finding[] {
  const out: Finding[] = [];
  const year = evaluation.meta.year;
  const title = evaluation.meta.title;
  const titleYear = title
    ? /(\d{4})\s*年/.exec(digitYears(normalizeDigits(title)))?.[1]
    : undefined;
  if (title && titleYear !== undefined && Number(titleYear) !== year)
    out.push(
      makeFinding({
        code: 'YEAR_CONTRADICTION',
        severity: 'warning',
        path: 'meta.title',
        stated: `${titleYear}年`,
        expected: `${year}年`,
        excerpt: title,
        params: { place: '报告标题', reportYear: year, sentence: title },
      }),
    );
  const date = evaluation.meta.reportDate;
  const dateYear = date ? Number(/^(\d{4})/.exec(date)?.[1]) : undefined;
  if (date && dateYear !== undefined && (dateYear < year || dateYear > year + 1))
    out.push(
      makeFinding({
        code: 'YEAR_REPORT_DATE',
        severity: 'warning',
        path: 'meta.reportDate',
        stated: date,
        params: { place: '填报日期', reportYear: year },
      }),
    );
  for (const item of evaluationTexts(evaluation)) {
    if (item.section !== 'chapters' && item.section !== 'indicators') continue;
    // No year named (a 年 and four digits, full-width, ASCII or Chinese): nothing to compare.
    if (!item.text.includes('年')) continue;
    const text = digitYears(item.text);
    if (!FOUR_DIGITS.test(text)) continue;
    for (const sentence of sentences(normalizeDigits(text))) {
      for (const stated of staleYearClauses(sentence, year)) {
        out.push(
          makeFinding({
            code: 'YEAR_CONTRADICTION',
            severity: 'warning',
            path: item.path,
            stated: `${stated}年`,
            expected: `${year}年`,
            excerpt: sentence,
            line: item.line,
            params: { place: item.place, reportYear: year, sentence },
          }),
        );
      }
    }
  }
  for (const { node, path } of walkIndicators(evaluation.indicators)) {
    const t = node.target;
    const a = node.actual;
    // A deadline met on a date before the year evaluated ("2024年9月底前" done "2023年9月20日"):
    // the year evaluated cannot have done it then; the actual's year was miswritten.
    if (
      isLeaf(node) &&
      t?.kind === 'deadline' &&
      (t.date === undefined || Number(t.date.slice(0, 4)) >= year) &&
      a?.kind === 'deadline' &&
      a.date !== undefined &&
      Number(a.date.slice(0, 4)) < year
    )
      out.push(
        makeFinding({
          code: 'YEAR_CONTRADICTION',
          severity: 'warning',
          path: `${path}.actual`,
          stated: a.text,
          expected: `${year}年`,
          source: node.source,
          params: { place: `指标“${node.name}”的实际完成值`, reportYear: year, sentence: a.text },
        }),
      );
    if (!isLeaf(node) || t?.kind !== 'deadline' || t.date === undefined) continue;
    const deadlineYear = Number(t.date.slice(0, 4));
    if (deadlineYear < year)
      out.push(
        makeFinding({
          code: 'YEAR_CONTRADICTION',
          severity: 'warning',
          path: `${path}.target`,
          stated: t.text,
          expected: `${year}年`,
          source: node.source,
          params: { place: `指标“${node.name}”的年度指标值`, reportYear: year, sentence: t.text },
        }),
      );
  }
  return out;
}
