import type { Comparator, Expression, QualitativeGrade } from './expression.ts';
import { normalizeDigits } from './money.ts';

/**
 * Reads a target (年度指标值) or actual (实际完成值) as real reports write it into an Expression,
 * keeping the original text. Anything that is not recognisably a number, range, date, grade or
 * done/not-done becomes `kind: 'text'`.
 */
export function parseExpression(text: string): Expression {
  const t = normalizeExpressionText(text);
  if (t === '') return { kind: 'text', text };
  return (
    parseQualitative(t, text) ??
    parseDeadline(t, text) ??
    parseDone(t, text) ??
    parseRange(t, text) ??
    parseQuantity(t, text) ?? { kind: 'text', text }
  );
}

/** Full-width digits and signs to ASCII, ≧/≦ to ≥/≤, whitespace and closing punctuation dropped. */
function normalizeExpressionText(text: string): string {
  return normalizeDigits(text)
    .replace(/[％]/g, '%')
    .replace(/[＞]/g, '>')
    .replace(/[＜]/g, '<')
    .replace(/[＝]/g, '=')
    .replace(/[≧]/g, '≥')
    .replace(/[≦]/g, '≤')
    .replace(/>=/g, '≥')
    .replace(/<=/g, '≤')
    .replace(/[\s\u3000]+/g, '')
    .replace(/[。；;，,]+$/, '');
}

const QUALITATIVE_LABELS: readonly (readonly [string, QualitativeGrade])[] = [
  // Longest labels first: 部分达成 and 未达成 both contain 达成年度指标.
  ['未达成年度指标且效果较差', 'not-achieved'],
  ['部分达成年度指标并具有一定效果', 'partial'],
  ['未达成年度指标', 'not-achieved'],
  ['部分达成年度指标', 'partial'],
  ['达成年度指标', 'achieved'],
];

/** How a table writes a qualitative grade the unit chose (the words `parseExpression` reads back). */
export function qualitativeGradeText(grade: QualitativeGrade): string {
  switch (grade) {
    case 'achieved':
      return '达成年度指标';
    case 'partial':
      return '部分达成年度指标';
    case 'not-achieved':
      return '未达成年度指标';
  }
}

/**
 * A 实际完成值 cell as tables write it: the actual, and the qualitative grade the unit chose when
 * it follows the actual in brackets ("群众反映较好（部分达成年度指标）", as `actualCellText` writes
 * it); a cell that is only the grade is a qualitative actual, as `parseExpression` reads it.
 */
export function parseActualCell(text: string): { actual: Expression; grade?: QualitativeGrade } {
  const graded = /^\s*(.*?)\s*[（(]\s*([^（()）]+?)\s*[)）]\s*$/.exec(text);
  const words = graded?.[2] ? normalizeExpressionText(graded[2]) : '';
  const grade = QUALITATIVE_LABELS.find(([label]) => label === words)?.[1];
  if (graded?.[1] === undefined || grade === undefined) return { actual: parseExpression(text) };
  // The grade alone, in brackets: the actual is the grade.
  if (graded[1] === '') return { actual: { kind: 'qualitative', text, grade } };
  const actual = parseExpression(graded[1]);
  // "达成年度指标（部分达成年度指标）" states two grades: the cell is kept as it is written.
  if (actual.kind === 'qualitative') return { actual: parseExpression(text) };
  return { actual, grade };
}

function parseQualitative(t: string, text: string): Expression | undefined {
  for (const [label, grade] of QUALITATIVE_LABELS) {
    if (t.startsWith(label)) return { kind: 'qualitative', text, grade };
  }
  return undefined;
}

// A standard met or not is done or not too: 达标 / 未达标, 合格 / 不合格.
const DONE_TRUE =
  /^(?:(?:已|已经|全部|均已|按时|按期|如期|按要求|按计划|圆满)?完成|(?:已|均已|全部)?(?:达标|合格))$/;
const DONE_FALSE = /^(?:(?:未|没有|尚未|未能)完成|(?:未|不|没有|尚未|未能)(?:达标|合格))$/;

function parseDone(t: string, text: string): Expression | undefined {
  if (DONE_FALSE.test(t)) return { kind: 'done', text, done: false };
  if (DONE_TRUE.test(t)) return { kind: 'done', text, done: true };
  return undefined;
}

// What may follow a date: 前 / 之前 / 以前 / 底前, then 完成 / 办结 / 到位 ...
const DEADLINE_TAIL = '(前|之前|以前)?(?:完成|办结|完工|到位|实施|支付)?(?:任务)?';
const FULL_DATE = new RegExp(
  `^(\\d{4})(?:年|-|/|\\.|、)(\\d{1,2})(?:月|-|/|\\.|、)(\\d{1,2})日?${DEADLINE_TAIL}$`,
);
const MONTH_DATE = new RegExp(`^(?:(\\d{4})年)?(\\d{1,2})月(?:底|末|份)?${DEADLINE_TAIL}$`);
const YEAR_END = new RegExp(`^(?:(\\d{4})年)?(?:年底|年末)${DEADLINE_TAIL}$`);

function parseDeadline(t: string, text: string): Expression | undefined {
  const full = FULL_DATE.exec(t);
  if (full) {
    const [, y, m, d, before] = full;
    const date = isoDate(Number(y), Number(m), Number(d));
    if (!date) return undefined;
    return before
      ? { kind: 'deadline', text, date, comparator: 'by' }
      : { kind: 'deadline', text, date };
  }
  const month = MONTH_DATE.exec(t) ?? monthFromYearEnd(t);
  if (month) {
    const [, y, m, before] = month;
    const monthNumber = Number(m);
    if (monthNumber < 1 || monthNumber > 12) return undefined;
    const out: Extract<Expression, { kind: 'deadline' }> = {
      kind: 'deadline',
      text,
      month: monthNumber,
    };
    // "12月底" and "12月前" both mean "by the end of December"; a bare "12月" is the month itself.
    if (before || /[底末]/.test(t)) out.comparator = 'by';
    if (y) {
      const date = isoDate(Number(y), monthNumber, daysInMonth(Number(y), monthNumber));
      if (date) out.date = date;
    }
    return out;
  }
  return undefined;
}

/** "2024年年底前完成" / "年底前" read as month 12. */
function monthFromYearEnd(t: string): (string | undefined)[] | undefined {
  const m = YEAR_END.exec(t);
  return m ? [m[0], m[1], '12', m[2] ?? '前'] : undefined;
}

/** Days in a month of the Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isoDate(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const NUM = '(\\d+(?:,\\d{3})*(?:\\.\\d+)?|\\.\\d+)';
// A unit is a short run of non-digit, non-comparison characters: %, 件, 万元, 篇、条, 人次.
const UNIT = '([^\\d<>≥≤=~～至到\\-]{0,6}?)';
const LT = '(<|≤|>|≥)';
const RANGE_CHAINED = new RegExp(
  `^${NUM}${UNIT}${LT}[A-Za-z\\u4e00-\\u9fa5]{0,6}${LT}${NUM}${UNIT}$`,
);
const RANGE_SPAN = new RegExp(`^${NUM}${UNIT}(?:-|~|～|至|到)${NUM}${UNIT}$`);

function toNumber(s: string | undefined): number {
  return Number((s ?? '').replace(/,/g, ''));
}

function parseRange(t: string, text: string): Expression | undefined {
  const c = RANGE_CHAINED.exec(t);
  if (c) {
    const [, aText, aUnit, op1, op2, bText, bUnit] = c;
    const a = toNumber(aText);
    const b = toNumber(bText);
    const unit = bUnit || aUnit || '';
    // "40>Q≥25": a > Q ≥ b, the upper bound first; "25≤Q<40": the lower bound first.
    const descending = (op1 === '>' || op1 === '≥') && (op2 === '>' || op2 === '≥');
    const ascending = (op1 === '<' || op1 === '≤') && (op2 === '<' || op2 === '≤');
    if (descending && a >= b) {
      return {
        kind: 'range',
        text,
        lower: b,
        lowerInclusive: op2 === '≥',
        upper: a,
        upperInclusive: op1 === '≥',
        unit,
      };
    }
    if (ascending && a <= b) {
      return {
        kind: 'range',
        text,
        lower: a,
        lowerInclusive: op1 === '≤',
        upper: b,
        upperInclusive: op2 === '≤',
        unit,
      };
    }
    return undefined;
  }
  const s = RANGE_SPAN.exec(t);
  if (s) {
    const [, aText, aUnit, bText, bUnit] = s;
    const a = toNumber(aText);
    const b = toNumber(bText);
    if (a > b || (aUnit && bUnit && aUnit !== bUnit)) return undefined;
    return {
      kind: 'range',
      text,
      lower: a,
      lowerInclusive: true,
      upper: b,
      upperInclusive: true,
      unit: bUnit || aUnit || '',
    };
  }
  return undefined;
}

const PREFIX_COMPARATORS: readonly (readonly [string, Comparator])[] = [
  ['≥', '>='],
  ['≤', '<='],
  ['>', '>'],
  ['<', '<'],
  ['=', '='],
  ['不少于', '>='],
  ['不低于', '>='],
  ['不小于', '>='],
  ['大于等于', '>='],
  ['达到', '>='],
  ['不超过', '<='],
  ['不高于', '<='],
  ['不多于', '<='],
  ['不大于', '<='],
  ['小于等于', '<='],
  ['控制在', '<='],
  ['大于', '>'],
  ['高于', '>'],
  ['小于', '<'],
  ['低于', '<'],
  ['等于', '='],
];
const SUFFIX_COMPARATORS: readonly (readonly [string, Comparator])[] = [
  ['及以上', '>='],
  ['以上', '>='],
  ['及以下', '<='],
  ['以下', '<='],
  ['以内', '<='],
];
const QUANTITY = new RegExp(`^${NUM}(余|多)?([^\\d<>≥≤=]{0,6})$`);

function parseQuantity(t: string, text: string): Expression | undefined {
  let rest = t;
  let comparator: Comparator | undefined;
  let approximate = false;
  // A variable name before the comparator: "Q≥25".
  rest = rest.replace(/^[A-Za-z](?=[<>≥≤=])/, '');
  for (const [word, cmp] of PREFIX_COMPARATORS) {
    if (rest.startsWith(word)) {
      comparator = cmp;
      rest = rest.slice(word.length);
      break;
    }
  }
  for (const word of ['大约', '约', '近']) {
    if (rest.startsWith(word)) {
      approximate = true;
      rest = rest.slice(word.length);
      break;
    }
  }
  for (const word of ['左右', '余']) {
    if (rest.endsWith(word)) {
      approximate = true;
      rest = rest.slice(0, -word.length);
      break;
    }
  }
  for (const [word, cmp] of SUFFIX_COMPARATORS) {
    if (rest.endsWith(word) && comparator === undefined) {
      comparator = cmp;
      rest = rest.slice(0, -word.length);
      break;
    }
  }
  const sign = /^-(?=[\d.])/.test(rest) ? -1 : 1;
  if (sign < 0) rest = rest.slice(1);
  const m = QUANTITY.exec(rest);
  if (!m) return undefined;
  const [, numberText, hedge, unitText] = m;
  if (hedge) approximate = true;
  const value = sign * toNumber(numberText);
  if (!Number.isFinite(value)) return undefined;
  const out: Extract<Expression, { kind: 'quantity' }> = {
    kind: 'quantity',
    text,
    value,
    unit: unitText ?? '',
  };
  if (comparator) out.comparator = comparator;
  if (approximate) out.approximate = true;
  return out;
}

/** What normalizeUnit changes: full-width digits and signs, ％, spaces, 百分比. */
const UNIT_TO_NORMALIZE = /[０-９．－％\s\u3000]|^百分比$/;

/** Normalises a unit for comparison: full-width forms, spaces, 百分比 → %. */
export function normalizeUnit(unit: string): string {
  // Most units ("件", "万元", "%") have nothing to normalise.
  if (!UNIT_TO_NORMALIZE.test(unit)) return unit;
  return normalizeDigits(unit)
    .replace(/[％]/g, '%')
    .replace(/[\s\u3000]+/g, '')
    .replace(/^百分比$/, '%');
}

/**
 * Whether two units (or the units of two quantity/range expressions) agree. An empty unit is
 * compatible with anything (the report left it out); a unit list ("篇、条") accepts each of its
 * members. A magnitude prefix makes units differ: "件" and "万件" are not compatible.
 */
export function unitsCompatible(a: string | Expression, b: string | Expression): boolean {
  const ua = unitOf(a);
  const ub = unitOf(b);
  if (ua === undefined || ub === undefined || ua === ub) return true;
  const na = normalizeUnit(ua);
  const nb = normalizeUnit(ub);
  if (na === '' || nb === '' || na === nb) return true;
  const la = na.split(/[、/，,]/).filter((u) => u !== '');
  const lb = nb.split(/[、/，,]/).filter((u) => u !== '');
  return lb.every((u) => la.includes(u)) || la.every((u) => lb.includes(u));
}

function unitOf(x: string | Expression): string | undefined {
  if (typeof x === 'string') return x;
  if (x.kind === 'quantity' || x.kind === 'range') return x.unit;
  return undefined;
}

const MONEY_FACTOR: Readonly<Record<string, number>> = { 元: 1, 万元: 10_000, 亿元: 100_000_000 };

/**
 * The actual's value in the target's unit when both are sums of money in different units
 * ("4980000元" against "≤520万元" is 498), else the actual's own value; undefined when the
 * actual is not a quantity.
 */
export function actualInTargetUnit(
  target: Expression | undefined,
  actual: Expression | undefined,
): number | undefined {
  if (actual?.kind !== 'quantity') return undefined;
  const tu = target && (target.kind === 'quantity' || target.kind === 'range') ? target.unit : '';
  const from = MONEY_FACTOR[normalizeUnit(actual.unit)];
  const to = MONEY_FACTOR[normalizeUnit(tu)];
  return from !== undefined && to !== undefined && from !== to
    ? (actual.value * from) / to
    : actual.value;
}
