import type { IndicatorNode } from '@jixiao/domain';

/** The 分值 a group's children add up to, a child group counted by its own or its children's. */
function childrenWeight(group: IndicatorNode): number {
  const weightOf = (n: IndicatorNode): number =>
    n.weight ?? (n.children ?? []).reduce((sum, c) => sum + weightOf(c), 0);
  return (group.children ?? []).reduce((sum, c) => sum + weightOf(c), 0);
}

/**
 * The open group a 小计 row that names none closes: the innermost, unless its 分值 is what the
 * 一级 group's children add up to and not what the 二级's do (a 小计 after each 一级 group, the
 * last 二级 of it still open: 产出 … 成本指标 | 5 | 小计 | 50).
 */
export function subtotalGroup(
  weight: number | undefined,
  level2: IndicatorNode | undefined,
  level1: IndicatorNode | undefined,
): IndicatorNode | undefined {
  if (level2 !== undefined && level1 !== undefined && level2 !== level1 && weight !== undefined) {
    const near = (x: number): boolean => Math.abs(x - weight) < 0.005;
    if (near(childrenWeight(level1)) && !near(childrenWeight(level2))) return level1;
  }
  return level2 ?? level1;
}
