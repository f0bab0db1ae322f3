import type { IndicatorNode, RuleNode } from '@jixiao/domain';

/**
 * The indicator tree a new evaluation starts from: the rulebook's groups with their fixed
 * weights, bound by `ruleRef`. Nodes the book scores itself (a `rule`) become leaves; groups
 * whose leaves the department chooses start empty.
 */
export function skeletonFromRulebook(tree: readonly RuleNode[]): IndicatorNode[] {
  return tree.map((n) => {
    const base: IndicatorNode = { name: n.name, ruleRef: n.id };
    if (n.weight !== undefined) base.weight = n.weight;
    if (n.children && n.children.length > 0) base.children = skeletonFromRulebook(n.children);
    else if (!n.rule) base.children = [];
    return base;
  });
}
