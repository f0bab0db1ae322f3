import type { Evaluation, IndicatorNode, OutlineHeading } from '../evaluation.ts';
import type { Finding } from '../finding.ts';
import { normalizeDigits } from '../money.ts';
import { makeFinding } from './make-finding.ts';
import { walkIndicators } from './walk.ts';

/** Heading number styles as reports write them. */
export type NumberStyle =
  | 'cn-dun' // 一、
  | 'cn-paren' // （一）
  | 'ordinal' // 第一部分
  | 'arabic-dun' // 1、
  | 'arabic-dot' // 1.
  | 'arabic-paren' // （1）
  | 'circled' // ①
  | 'paren-unicode'; // ⑴

const STYLE_LABELS: Record<NumberStyle, string> = {
  'cn-dun': '“一、”式',
  'cn-paren': '“（一）”式',
  ordinal: '“第一部分”式',
  'arabic-dun': '“1、”式',
  'arabic-dot': '“1.”式',
  'arabic-paren': '“（1）”式',
  circled: '“①”式',
  'paren-unicode': '“⑴”式',
};

const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 一 → 1, 十一 → 11, 二十 → 20, 二十三 → 23, 一百零五 → 105. */
export function parseChineseNumeral(text: string): number | undefined {
  if (text === '' || !/^[零〇一二两三四五六七八九十百]+$/.test(text)) return undefined;
  let total = 0;
  let digit = 0;
  for (const ch of text) {
    if (ch === '百') {
      total += (digit || 1) * 100;
      digit = 0;
    } else if (ch === '十') {
      total += (digit || 1) * 10;
      digit = 0;
    } else {
      const d = CN_DIGITS[ch];
      if (d === undefined) return undefined;
      digit = d;
    }
  }
  return total + digit;
}

const CN_NAMES = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

export function toChineseNumeral(n: number): string {
  if (n < 10) return CN_NAMES[n] ?? String(n);
  if (n < 20) return `十${n % 10 === 0 ? '' : (CN_NAMES[n % 10] ?? '')}`;
  if (n < 100)
    return `${CN_NAMES[Math.floor(n / 10)] ?? ''}十${n % 10 === 0 ? '' : (CN_NAMES[n % 10] ?? '')}`;
  return String(n);
}

/** A heading number: its style and value ("（三）" → cn-paren 3); undefined when not one. */
export function parseNumberText(raw: string): { style: NumberStyle; value: number } | undefined {
  const trimmed = normalizeDigits(raw).trim();
  // Most numbers ("一、", "1.") have no full-width bracket, point or inner space to rewrite.
  const t = !/[（）．\s]/.test(trimmed)
    ? trimmed
    : trimmed.replace(/（/g, '(').replace(/）/g, ')').replace(/．/g, '.').replace(/\s+/g, '');
  const cp = t.codePointAt(0) ?? 0;
  if (t.length === 1 && cp >= 0x2460 && cp <= 0x2473)
    return { style: 'circled', value: cp - 0x245f };
  if (t.length === 1 && cp >= 0x2474 && cp <= 0x2487)
    return { style: 'paren-unicode', value: cp - 0x2473 };
  // ⒈ ⒉ … (digit full stop) read as "1."
  if (t.length === 1 && cp >= 0x2488 && cp <= 0x249b)
    return { style: 'arabic-dot', value: cp - 0x2487 };
  let m = /^第([零〇一二两三四五六七八九十百]+)(?:部分|章|节|条)?[、.]?$/.exec(t);
  if (m?.[1]) {
    const value = parseChineseNumeral(m[1]);
    return value === undefined ? undefined : { style: 'ordinal', value };
  }
  m = /^\(([零〇一二两三四五六七八九十百]+)\)[、.]?$/.exec(t);
  if (m?.[1]) {
    const value = parseChineseNumeral(m[1]);
    return value === undefined ? undefined : { style: 'cn-paren', value };
  }
  m = /^\((\d+)\)[、.]?$/.exec(t);
  if (m?.[1]) return { style: 'arabic-paren', value: Number(m[1]) };
  m = /^([零〇一二两三四五六七八九十百]+)[、.,，]?$/.exec(t);
  if (m?.[1]) {
    const value = parseChineseNumeral(m[1]);
    return value === undefined ? undefined : { style: 'cn-dun', value };
  }
  m = /^(\d+)[、,，]$/.exec(t);
  if (m?.[1]) return { style: 'arabic-dun', value: Number(m[1]) };
  m = /^(\d+)\.?$/.exec(t);
  if (m?.[1]) return { style: 'arabic-dot', value: Number(m[1]) };
  return undefined;
}

/** Writes a number in a style: (cn-paren, 2) → "（二）". */
export function renderNumber(style: NumberStyle, n: number): string {
  switch (style) {
    case 'cn-dun':
      return `${toChineseNumeral(n)}、`;
    case 'cn-paren':
      return `（${toChineseNumeral(n)}）`;
    case 'ordinal':
      return `第${toChineseNumeral(n)}部分`;
    case 'arabic-dun':
      return `${n}、`;
    case 'arabic-dot':
      return `${n}.`;
    case 'arabic-paren':
      return `（${n}）`;
    case 'circled':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x245f + n) : `${n}`;
    case 'paren-unicode':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2473 + n) : `(${n})`;
    default: {
      const _never: never = style;
      return _never;
    }
  }
}

interface Numbered {
  numberText: string;
  path: string;
  line?: number | undefined;
  excerpt?: string | undefined;
}

/**
 * Checks one list of sibling numbers: styles against the dominant one, values for gaps,
 * repeats and reversals. All warnings: a wrong number misleads but changes no figure. One slip
 * gives one finding: a heading gets at most one; a run of headings in another style is reported
 * at its first; a single wrong number that the next heading corrects (一 二 五 四, 一 二 二 四) is
 * that heading's mistake, not a gap, a reversal and a repeat.
 */
export function checkSiblingNumbers(
  items: readonly Numbered[],
  options: { restarts?: boolean } = {},
): Finding[] {
  const parsed = items
    .map((item) => ({ item, n: parseNumberText(item.numberText) }))
    .filter((x): x is { item: Numbered; n: { style: NumberStyle; value: number } } => !!x.n);
  if (parsed.length === 0) return [];
  const counts = new Map<NumberStyle, number>();
  for (const { n } of parsed) counts.set(n.style, (counts.get(n.style) ?? 0) + 1);
  let dominant = parsed[0]?.n.style ?? 'cn-dun';
  for (const [style, count] of counts) if (count > (counts.get(dominant) ?? 0)) dominant = style;
  const out: Finding[] = [];
  let prev: { value: number; text: string } | undefined;
  parsed.forEach(({ item, n }, position) => {
    const base = {
      path: item.path,
      stated: item.numberText,
      line: item.line,
      excerpt: item.excerpt,
    };
    const previousValue = prev?.value ?? 0;
    // No previous heading: the message says "第一个序号" instead of naming one.
    const previousText = prev?.text ?? '';
    const expectedValue = previousValue + 1;
    const before = parsed[position - 1];
    const next = parsed[position + 1];
    const advance = () => {
      if (!prev || n.value > prev.value) prev = { value: n.value, text: item.numberText };
      else if (n.value === prev.value) prev = { value: n.value, text: item.numberText };
    };
    if (n.style !== dominant) {
      // The rest of a run in the same other style was reported at its first heading.
      if (before?.n.style === n.style) {
        // Counting on from the run's own last number (六、 then 七、) is in order, whatever the
        // count of the dominant style stands at.
        if (n.value === before.n.value + 1) prev = { value: n.value, text: item.numberText };
        else {
          if (n.value !== expectedValue) valueFinding();
          advance();
        }
        return;
      }
      let run = 1;
      while (parsed[position + run]?.n.style === n.style) run += 1;
      out.push(
        makeFinding({
          ...base,
          code: 'NUMBERING_MIXED',
          severity: 'warning',
          // Where it stands, the heading should carry its number in the dominant style.
          expected: renderNumber(dominant, expectedValue),
          params: {
            style: STYLE_LABELS[n.style],
            expectedStyle: STYLE_LABELS[dominant],
            run: run > 1 ? run : undefined,
          },
        }),
      );
      // Its number, right or wrong, is given by the expected one above: counting goes on from it.
      prev = { value: expectedValue, text: item.numberText };
      return;
    }
    // Headings read from a document: a list that starts again at 1 and goes on (1. 2. … 1. 2.)
    // is the next section's, under a parent heading that was not recognised (its number lost in
    // conversion, "< >", or run into a paragraph), not a number out of order.
    if (
      options.restarts === true &&
      n.value === 1 &&
      prev !== undefined &&
      prev.value >= 2 &&
      (next === undefined || next.n.value === 2)
    ) {
      prev = { value: 1, text: item.numberText };
      return;
    }
    if (n.value !== expectedValue) {
      // A single wrong number: the next heading carries on as if this one had been right.
      if (prev !== undefined && next !== undefined && next.n.value === expectedValue + 1) {
        out.push(
          makeFinding({
            ...base,
            code: 'NUMBERING_WRONG',
            severity: 'warning',
            expected: renderNumber(dominant, expectedValue),
            params: { previous: previousText },
          }),
        );
        prev = { value: expectedValue, text: item.numberText };
        return;
      }
      valueFinding();
    }
    advance();

    function valueFinding(): void {
      if (n.value > expectedValue) {
        const missing: string[] = [];
        for (let v = expectedValue; v < n.value && missing.length < 10; v++)
          missing.push(renderNumber(dominant, v));
        out.push(
          makeFinding({
            ...base,
            code: 'NUMBERING_GAP',
            severity: 'warning',
            expected: renderNumber(dominant, expectedValue),
            params: { previous: previousText, missing: missing.join('') },
          }),
        );
      } else
        out.push(
          makeFinding({
            ...base,
            code: n.value === previousValue ? 'NUMBERING_REPEAT' : 'NUMBERING_ORDER',
            severity: 'warning',
            expected: renderNumber(dominant, expectedValue),
            params: { previous: previousText },
          }),
        );
    }
  });
  return out;
}

/** Groups outline headings into sibling lists: same level, same parent heading. */
function outlineGroups(outline: readonly OutlineHeading[]): Numbered[][] {
  const groups = new Map<string, Numbered[]>();
  outline.forEach((h, i) => {
    let parent = -1;
    for (let j = i - 1; j >= 0; j--) {
      const o = outline[j];
      if (o && o.level < h.level) {
        parent = j;
        break;
      }
    }
    const key = `${parent}:${h.level}`;
    const list = groups.get(key) ?? [];
    list.push({
      numberText: h.numberText,
      path: `outline[${i}].numberText`,
      line: h.line,
      excerpt: `${h.numberText}${h.title}`,
    });
    groups.set(key, list);
  });
  return [...groups.values()];
}

function indicatorGroups(evaluation: Evaluation): Numbered[][] {
  const lists: { nodes: readonly IndicatorNode[]; base: string }[] = [
    { nodes: evaluation.indicators, base: 'indicators' },
  ];
  for (const { node, path } of walkIndicators(evaluation.indicators))
    if (node.children && node.children.length > 0)
      lists.push({ nodes: node.children, base: `${path}.children` });
  return lists.map(({ nodes, base }) => {
    const out: Numbered[] = [];
    nodes.forEach((n, i) => {
      if (n.numberText === undefined) return;
      out.push({
        numberText: n.numberText,
        path: `${base}[${i}].numberText`,
        line: n.source?.line,
        excerpt: n.source?.excerpt ?? `${n.numberText}${n.name}`,
      });
    });
    return out;
  });
}

/** numbering: the outline's headings and the indicators' numbers, per list of siblings. */
export function checkNumbering(evaluation: Evaluation): Finding[] {
  const findings = [
    ...outlineGroups(evaluation.outline).flatMap((g) => checkSiblingNumbers(g, { restarts: true })),
    ...indicatorGroups(evaluation).flatMap((g) => checkSiblingNumbers(g)),
  ];
  // A text whose first heading is its title, or that has no title, begins mid-way (a chapter
  // published on its own, an excerpt): its first number says nothing of what came before.
  const first = evaluation.outline[0];
  const title = (evaluation.meta.title ?? '').replace(/\s+/g, '');
  const midway = first !== undefined && (title === '' || title.endsWith(first.title));
  return midway
    ? findings.filter((f) => !(f.code === 'NUMBERING_GAP' && f.path === 'outline[0].numberText'))
    : findings;
}
