import type { IndicatorNode } from '@jixiao/domain';

/** The 分值 a group's children add up to, a child group counted by its own or its children's. */
function childrenWeight(group: IndicatorNode): number {
  const weightOf = (n: IndicatorNode): number =>
    n.weight ?? (n.children ?? []).reduce((sum, c) => sum + weightOf(c), 0);
  return (group.children ?? []).reduce((sum, c) => sum + weightOf(c), 0);
}

/** The 得分 a group's children add up to, a child group counted by its own or its children's. */
function childrenScore(group: IndicatorNode): number {
  const scoreOf = (n: IndicatorNode): number =>
    n.score ?? (n.children ?? []).reduce((sum, c) => sum + scoreOf(c), 0);
  return (group.children ?? []).reduce((sum, c) => sum + scoreOf(c), 0);
}

/**
 * The open group a 小计 row that names none closes: the innermost, unless its 分值 is what the
 * 一级 group's children add up to and not what the 二级's do (a 小计 after each 一级 group, the
 * last 二级 of it still open: 产出 … 成本指标 | 5 | 小计 | 50). Where its 分值 is neither's (a
 * subtotal written wrong), its 得分 tells the same way; and a 分值 nearer the 一级's children than
 * the 二级's, by more than the 二级's own, is the 一级's (15 after 3 + 3 + 3 + 2 + 3 of a 一级
 * whose last 二级 holds one 3).
 */
export function subtotalGroup(
  weight: number | undefined,
  level2: IndicatorNode | undefined,
  level1: IndicatorNode | undefined,
  score?: number,
): IndicatorNode | undefined {
  if (level2 !== undefined && level1 !== undefined && level2 !== level1 && weight !== undefined) {
    const near = (x: number, y: number): boolean => Math.abs(x - y) < 0.005;
    const w1 = childrenWeight(level1);
    const w2 = childrenWeight(level2);
    if (near(w1, weight) && !near(w2, weight)) return level1;
    if (near(w2, weight)) return level2;
    if (score !== undefined) {
      const s1 = childrenScore(level1);
      const s2 = childrenScore(level2);
      if (near(s1, score) && !near(s2, score)) return level1;
      if (near(s2, score)) return level2;
    }
    if (w2 > 0 && weight - w2 > w2 && Math.abs(weight - w1) < weight - w2) return level1;
  }
  return level2 ?? level1;
}
