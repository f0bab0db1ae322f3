import { parseExpression } from '@jixiao/domain';
import type { Expression } from '@jixiao/domain';
import type { Sentence } from '../extract/text.ts';

/** Where a clause states an indicator's target ("年度目标8,000户", "年度指标值：≥95%"). */
const TARGET_WORD =
  /(?:年度指标值|年度目标值?|目标值|指标值|预期目标值?|计划目标值?)(?:为|是)?[：:]?/;
/** Where a clause states what was done ("实际完成值8,650万户", "完成值：96%"). */
const ACTUAL_WORD = /(?:实际完成值|实际完成|完成值|实际值)(?:为|是|了)?[：:]?/g;
/** The figure that ends a clause ("增收户数8,650户"), with the name before it. */
const TRAILING_FIGURE = /^(.*?)((?:\d[\d,，]*(?:\.\d+)?)\s*[^\d，,；;。：:（()）]{0,5})$/;
/** A comma between clauses, not one between thousands ("8,650户"). */
const CLAUSE_COMMA = /，|,(?!\d{3})/;
/** A label before a colon that opens the clause ("（1）社会效益指标：", "数量指标："). */
const LABEL = /^[^，,：:]{0,16}[：:]/;
const MAGNITUDE: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8, 千: 1e3 };
const MONEY: Readonly<Record<string, number>> = { 元: 1, 万元: 1e4, 亿元: 1e8 };

/** One clause of prose that states an indicator's target, with what was done beside it. */
export interface TargetClause {
  sentence: Sentence;
  /** The indicator's name as the clause gives it ("带动脱贫户和监测户增收户数"). */
  name: string;
  /** The heading the clause opens with before a colon, if any ("社会效益指标"). */
  label: string;
  target: Expression;
  /** Figures of what was done: the one before the target, and any after 完成值 or 实际完成. */
  actuals: { text: string; named: boolean }[];
}

/**
 * Every clause (between ；, 。) of the narrative that states a target after an indicator's
 * figure or name: "数量指标：新建道路126公里，年度目标120公里，完成率105%".
 */
export function targetClauses(sentences: readonly Sentence[]): TargetClause[] {
  const out: TargetClause[] = [];
  for (const sentence of sentences) {
    if (!TARGET_WORD.test(sentence.text)) continue;
    for (const whole of sentence.text.split(/[；;。]/)) {
      const labelled = LABEL.exec(whole);
      const label = labelled
        ? labelled[0].slice(0, -1).replace(/^[\d⑴-⒇（）()、.．一二三四五六七八九十]+/, '')
        : '';
      const group = labelled ? whole.slice(labelled[0].length) : whole;
      const t = TARGET_WORD.exec(group);
      if (!t) continue;
      const targetText = group.slice(t.index + t[0].length).split(CLAUSE_COMMA)[0] ?? '';
      const target = parseExpression(targetText);
      const pieces = group
        .slice(0, t.index)
        .replace(/[，,]$/, '')
        .split(CLAUSE_COMMA);
      const last = pieces.at(-1) ?? '';
      const lead = TRAILING_FIGURE.exec(last);
      const name = (lead ? (lead[1] ?? '') : last).replace(/^[\d⑴-⒇（）()、.．]+/, '');
      const actuals: TargetClause['actuals'] = [];
      if (lead?.[2]) actuals.push({ text: lead[2], named: false });
      for (const m of group.matchAll(ACTUAL_WORD)) {
        if (m.index >= t.index && m.index < t.index + t[0].length + targetText.length) continue;
        const text = group.slice(m.index + m[0].length).split(CLAUSE_COMMA)[0] ?? '';
        actuals.push({ text, named: true });
      }
      out.push({ sentence, name, label, target, actuals });
    }
  }
  return out;
}

/**
 * Units that differ by a magnitude prefix only ("户" and "万户"): 'agrees' when the values agree
 * once the prefix is applied, 'slip' when they agree as written and not once it is applied,
 * undefined when the units differ otherwise or nothing can be said.
 */
export function magnitudeSlip(
  target: Expression,
  actual: Expression & { kind: 'quantity' },
): 'agrees' | 'slip' | undefined {
  const tu = target.kind === 'quantity' || target.kind === 'range' ? target.unit : '';
  const tv =
    target.kind === 'quantity' ? target.value : target.kind === 'range' ? target.lower : undefined;
  if (tv === undefined || tv <= 0 || actual.value <= 0) return undefined;
  const factorOf = (longer: string, shorter: string): number | undefined =>
    longer.length === shorter.length + 1 && longer.endsWith(shorter)
      ? MAGNITUDE[longer[0] ?? '']
      : undefined;
  const up = factorOf(actual.unit, tu);
  const down = factorOf(tu, actual.unit);
  // Sums of money in two of 元, 万元 and 亿元 ("1.2亿元" against "12000万元").
  const money =
    MONEY[actual.unit] !== undefined && MONEY[tu] !== undefined
      ? (MONEY[actual.unit] ?? 1) / (MONEY[tu] ?? 1)
      : undefined;
  const factor = money ?? up ?? (down ? 1 / down : undefined);
  if (factor === undefined) return undefined;
  const near = (r: number): boolean => r >= 0.2 && r <= 5;
  if (near((actual.value * factor) / tv)) return 'agrees';
  return near(actual.value / tv) ? 'slip' : undefined;
}
