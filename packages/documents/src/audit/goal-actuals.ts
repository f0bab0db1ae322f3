import type { Finding, IndicatorNode } from '@jixiao/domain';
import { normalizeDigits } from '@jixiao/domain';
import { commonRun } from './figure-match.ts';
import { str } from './message-params.ts';
import type { Params } from './message-params.ts';

/** A leaf whose 实际完成值 is a plain figure with a unit ("3260人次", "64%"). */
interface Measured {
  name: string;
  value: number;
  text: string;
  unit: string;
  line?: number;
}

function measuredLeaves(nodes: readonly IndicatorNode[]): Measured[] {
  return nodes.flatMap((n): Measured[] => {
    if (n.children && n.children.length > 0) return measuredLeaves(n.children);
    const a = n.actual;
    if (a?.kind !== 'quantity' || a.comparator !== undefined || a.approximate) return [];
    const unit = a.unit.replace(/％/g, '%');
    if (unit === '') return [];
    return [
      {
        name: n.name.replace(/[\s\u3000]+/g, ''),
        value: a.value,
        text: a.text,
        unit,
        ...(n.source?.line !== undefined ? { line: n.source.line } : {}),
      },
    ];
  });
}

/** Decimal places of a figure as written. */
const places = (figure: string): number => figure.split('.')[1]?.length ?? 0;

/** The fewest characters a goal's words and an indicator's name must share to be one quantity. */
const SHARED_NAME = 4;

/**
 * cross-section: the 年度总体目标's 实际完成情况 restating an indicator's 实际完成值 with another
 * figure ("完成农牧民职业技能培训3050人次" beside 职业技能培训人次 | 3260人次). A figure is taken as
 * the indicator's when the words right before it share at least four characters with the
 * indicator's name, no other indicator's name shares as many, and its unit is the actual's own.
 * A warning: which figure is right the table cannot say.
 */
export function checkGoalActuals(
  tables: readonly {
    goals?: readonly { expected?: string; actual?: string; line: number }[];
    indicators: IndicatorNode[];
  }[],
): Finding[] {
  const out: Finding[] = [];
  for (const t of tables) {
    const leaves = measuredLeaves(t.indicators);
    if (leaves.length === 0) continue;
    for (const g of t.goals ?? []) {
      if (g.actual === undefined) continue;
      const text = normalizeDigits(g.actual).replace(/％/g, '%');
      // Words, then a figure, then its unit and a mark closing the clause: a figure at a cell's
      // end without one may be a line of a wrapped cell, a figure before 以上 a target.
      const mention =
        /([\p{Script=Han}]{2,14})(\d+(?:\.\d+)?)(%|[\p{Script=Han}]{1,3})(?=[，,。；;、）)])/gu;
      const expected = normalizeDigits(g.expected ?? '').replace(/％/g, '%');
      for (const m of text.matchAll(mention)) {
        const [whole, words = '', figure = '', unit = ''] = m;
        // "高血压、糖尿病患者规范管理率分别为63.5%、64.1%": figures shared out over a list of names;
        // a clause the 预期目标 also holds is the goal restated.
        if (words.includes('分别') || expected.includes(whole)) continue;
        const fits = leaves
          .filter((l) => l.unit === unit)
          .map((l) => ({ l, shared: commonRun(words, l.name) }))
          .filter((x) => x.shared >= SHARED_NAME)
          .sort((a, b) => b.shared - a.shared);
        const best = fits[0];
        if (!best || (fits[1] !== undefined && fits[1].shared === best.shared)) continue;
        const stated = Number(figure);
        // Within half a unit of the coarser of the two figures ("64" and "64.0" agree).
        const step = 10 ** -Math.min(places(figure), places(String(best.l.value)));
        if (Math.abs(stated - best.l.value) * 2 < step) continue;
        const params: Params = {
          label: best.l.name,
          stated: `${figure}${unit}`,
          expected: best.l.text,
        };
        out.push({
          code: 'DOC_GOAL_ACTUAL_DIFFERS',
          category: 'cross-section',
          severity: 'warning',
          message: goalActualMessage(params),
          path: 'goals',
          params,
          stated: `${figure}${unit}`,
          expected: best.l.text,
          line: g.line,
          excerpt: `${words}${figure}${unit}`,
        });
      }
    }
  }
  return out;
}

/** The Chinese message of DOC_GOAL_ACTUAL_DIFFERS. */
export function goalActualMessage(p: Params): string {
  return `年度总体目标的实际完成情况写“${str(p, 'stated')}”，而指标“${str(p, 'label')}”的实际完成值为${str(p, 'expected')}，前后不一致`;
}

/** Words of a goal, a plan or a comparison before a figure: not a restatement of what was done. */
const NOT_DONE_WORDS =
  /目标|计划|预期|指标值|年初|上年|去年|同比|较|比上|分别|以上|以内|不低于|不超过/;
/** Quotation marks a name may carry or drop ("“三公经费”控制率", "“三公”经费控制率"). */
const QUOTES = /[“”"'‘’「」]/g;

/**
 * cross-section: an indicator written as prose ("⑶“三公经费”控制率，年度指标值：≤100%，实际完成值：
 * 71.58%，分值2分，得分2分。") whose own paragraph goes on to restate what was done with another
 * figure ("…“三公”经费控制率72.58%。"). A figure is the indicator's when the words right before it
 * share four characters with the indicator's name, no other indicator of the paragraph shares as
 * many, its unit is the actual's own and no word of a goal or comparison stands before it. A
 * warning: which figure is right the text cannot say.
 */
export function checkIndicatorParagraphs(
  indicators: readonly IndicatorNode[],
  blocks: readonly { kind: string; text: string; line: number }[],
): Finding[] {
  const leaves = measuredLeaves(indicators).filter((l) => l.line !== undefined);
  if (leaves.length === 0) return [];
  const paragraphs = new Map<number, string>();
  for (const b of blocks) if (b.kind !== 'table') paragraphs.set(b.line, b.text);
  const out: Finding[] = [];
  for (const leaf of leaves) {
    const raw = paragraphs.get(leaf.line ?? -1);
    if (raw === undefined) continue;
    const text = normalizeDigits(raw).replace(/％/g, '%');
    // The paragraph after the indicator's own sentence, which states its actual.
    const at = text.indexOf(leaf.text.replace(/％/g, '%'));
    const stop = at < 0 ? -1 : text.indexOf('。', at);
    if (stop < 0) continue;
    const rest = text.slice(stop + 1);
    const name = leaf.name.replace(QUOTES, '');
    const others = leaves.filter((l) => l !== leaf && l.line === leaf.line);
    for (const m of rest.matchAll(MENTION)) {
      const [, words = '', figure = '', unit = ''] = m;
      if (unit !== leaf.unit || NOT_DONE_WORDS.test(words)) continue;
      const bare = words.replace(QUOTES, '');
      const shared = commonRun(bare, name);
      if (shared < SHARED_NAME) continue;
      if (others.some((o) => commonRun(bare, o.name.replace(QUOTES, '')) >= shared)) continue;
      const stated = Number(figure);
      const step = 10 ** -Math.min(places(figure), places(String(leaf.value)));
      if (Math.abs(stated - leaf.value) * 2 < step) continue;
      const params: Params = { label: leaf.name, stated: `${figure}${unit}`, expected: leaf.text };
      out.push({
        code: 'DOC_INDICATOR_PARAGRAPH',
        category: 'cross-section',
        severity: 'warning',
        message: indicatorParagraphMessage(params),
        path: 'indicators',
        params,
        stated: `${figure}${unit}`,
        expected: leaf.text,
        line: leaf.line ?? 0,
        excerpt: `${words}${figure}${unit}`,
      });
    }
  }
  return out;
}

/** Words, then a figure, then its unit and a mark closing the clause (a figure before 以上 is a target). */
const MENTION =
  /([\p{Script=Han}“”"「」]{2,16})(\d+(?:\.\d+)?)(%|[\p{Script=Han}]{1,3})(?=[，,。；;、）)]|$)/gu;

/** The Chinese message of DOC_INDICATOR_PARAGRAPH. */
export function indicatorParagraphMessage(p: Params): string {
  return `指标“${str(p, 'label')}”的实际完成值为${str(p, 'expected')}，同段文字写“${str(p, 'stated')}”，前后不一致`;
}
