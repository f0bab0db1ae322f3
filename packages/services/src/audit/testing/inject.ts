import type { FindingCategory } from '@jixiao/domain';

/** One injected error: a unique piece of the report replaced, and the category it must raise. */
export interface Injection {
  kind: string;
  category: FindingCategory;
  find: string;
  replace: string;
}

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const fmt2 = (n: number): string => n.toFixed(2);

/** Replaces the first occurrence only (every injection names a unique enough piece). */
export function applyInjection(text: string, i: Injection): string | undefined {
  const at = text.indexOf(i.find);
  if (at < 0) return undefined;
  return text.slice(0, at) + i.replace + text.slice(at + i.find.length);
}

/**
 * Errors to inject into a clean report's text, one at a time: wrong percentages, subtotals,
 * weights, totals, unit and year slips, skipped or repeated heading numbers, and a text figure
 * that contradicts the attachment table.
 */
export function injectionsFor(text: string, year: number): Injection[] {
  const out: Injection[] = [];
  // A wrong percentage: shares of 基本支出 / 项目支出 and completion rates.
  for (const m of text.matchAll(/占(基本支出|项目支出)的(\d+\.\d{2})%/g)) {
    const value = Number(m[2]);
    for (const delta of [1.37, -2.11, 6.5]) {
      const wrong = value + delta;
      if (wrong <= 0 || wrong >= 100) continue;
      out.push({
        kind: 'ratio',
        category: 'ratio',
        find: m[0],
        replace: `占${m[1]}的${fmt2(wrong)}%`,
      });
    }
  }
  for (const m of text.matchAll(/实际支出(\d+\.\d{2})万元，完成预算安排的100\.00%/g)) {
    out.push({
      kind: 'ratio',
      category: 'ratio',
      find: m[0],
      replace: `实际支出${m[1]}万元，完成预算安排的96.40%`,
    });
  }
  // A wrong subtotal: a group's score one point off (its deduction kept consistent).
  for (const m of text.matchAll(
    /该项指标分值(\d+)分，得分(\d+(?:\.\d+)?)分，(未扣分|扣(\d+(?:\.\d+)?)分)/g,
  )) {
    const score = Number(m[2]);
    const deduction = Number(m[4] ?? 0);
    if (score >= 1) {
      out.push({
        kind: 'score-subtotal',
        category: 'score-subtotal',
        find: m[0],
        replace: `该项指标分值${m[1]}分，得分${score - 1}分，扣${deduction + 1}分`,
      });
    }
    // A wrong weight: the group claims two more points than its children carry.
    out.push({
      kind: 'weight-subtotal',
      category: 'weight-subtotal',
      find: m[0],
      replace: `该项指标分值${Number(m[1]) + 2}分，得分${score + 2}分，${m[3]}`,
    });
  }
  // A wrong total.
  for (const m of text.matchAll(/整体支出绩效自评得分(\d+(?:\.\d+)?)分/g)) {
    for (const delta of [-3, -0.5]) {
      out.push({
        kind: 'total',
        category: 'total',
        find: m[0],
        replace: `整体支出绩效自评得分${Number(m[1]) + delta}分`,
      });
    }
  }
  // A unit slip: the actual written in 万 of the target's unit.
  for (const m of text.matchAll(/实际完成值：(\d+(?:\.\d+)?)(件|篇|次|个|人|项|家|份|场|户)/g)) {
    out.push({
      kind: 'unit',
      category: 'unit',
      find: m[0],
      replace: `实际完成值：${m[1]}万${m[2]}`,
    });
  }
  // A year slip: a chapter paragraph dated in the year before the one evaluated.
  const paragraphs = text
    .split('\n')
    .filter((l) => /^[一二三]是|^按要求完成|^各项绩效指标/.test(l));
  for (const p of [...new Set(paragraphs)].slice(0, 4)) {
    out.push({ kind: 'year', category: 'year', find: p, replace: `${year - 1}年，${p}` });
  }
  // A skipped or repeated chapter number.
  for (const m of text.matchAll(/^([二三四五六七])、(.+)$/gm)) {
    const n = CN.indexOf(m[1] ?? '');
    out.push({
      kind: 'numbering-skip',
      category: 'numbering',
      find: m[0],
      replace: `${CN[n + 1] ?? ''}、${m[2] ?? ''}`,
    });
    out.push({
      kind: 'numbering-repeat',
      category: 'numbering',
      find: m[0],
      replace: `${CN[n - 1] ?? ''}、${m[2] ?? ''}`,
    });
  }
  for (const m of text.matchAll(/^（([二三四])）(.+)$/gm)) {
    const n = CN.indexOf(m[1] ?? '');
    out.push({
      kind: 'numbering-skip',
      category: 'numbering',
      find: m[0],
      replace: `（${CN[n + 1] ?? ''}）${m[2] ?? ''}`,
    });
  }
  // A text figure that contradicts its table: 公用经费 against the 基础数据表.
  const publicFunds = /公用经费支出(\d+\.\d{2})万元/.exec(text);
  if (publicFunds?.[1] && /\t公用经费/.test(text)) {
    for (const delta of [12.34, -8.5]) {
      out.push({
        kind: 'cross-section',
        category: 'cross-section',
        find: publicFunds[0],
        replace: `公用经费支出${fmt2(Number(publicFunds[1]) + delta)}万元`,
      });
    }
  }
  // Claims of the prose: a 其中 part that no longer adds up to its whole (more and less).
  const part = /其中：人员经费支出(\d+\.\d{2})万元/.exec(text);
  if (part?.[1]) {
    for (const delta of [15, -15]) {
      out.push({
        kind: 'claim-part',
        category: 'sum',
        find: part[0],
        replace: `其中：人员经费支出${fmt2(Number(part[1]) + delta)}万元`,
      });
    }
  }
  // A count that disagrees with its list, and a list that names one item twice.
  const list = /内设机构(\d+)个，分别是([^、。]+)、([^。]+)。/.exec(text);
  if (list?.[1] && list[2] && list[3]) {
    out.push({
      kind: 'claim-count',
      category: 'duplicate',
      find: list[0],
      replace: `内设机构${Number(list[1]) + 1}个，分别是${list[2]}、${list[3]}。`,
    });
    out.push({
      kind: 'claim-duplicate',
      category: 'duplicate',
      find: list[0],
      replace: `内设机构${list[1]}个，分别是${list[2]}、${list[3]}、${list[2]}。`,
    });
  }
  // The same quantity restated differently further on.
  const restated = /内设机构(\d+)个，无下属/.exec(text);
  if (restated?.[1]) {
    out.push({
      kind: 'claim-restated',
      category: 'cross-section',
      find: restated[0],
      replace: `内设机构${Number(restated[1]) + 2}个，无下属`,
    });
  }
  // The 全年执行数 in the text against the 自评表's 年度资金总额 row.
  const executed = /全年执行数(\d+\.\d{2})万元/.exec(text);
  if (executed?.[1] && /\t年度资金总额/.test(text)) {
    out.push({
      kind: 'cross-section',
      category: 'cross-section',
      find: executed[0],
      replace: `全年执行数${fmt2(Number(executed[1]) + 20)}万元`,
    });
  }
  return out;
}
