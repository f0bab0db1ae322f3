import type { IndicatorNode } from '../evaluation.ts';

export interface VisitedNode {
  node: IndicatorNode;
  /** "indicators[1].children[0]" — the same paths the score sheet uses. */
  path: string;
  /** Ancestors, outermost first. */
  ancestors: readonly IndicatorNode[];
}

/** Every node of an indicator tree, depth first, with its path. */
export function walkIndicators(
  nodes: readonly IndicatorNode[],
  base = 'indicators',
): VisitedNode[] {
  const out: VisitedNode[] = [];
  const visit = (list: readonly IndicatorNode[], prefix: string, ancestors: IndicatorNode[]) => {
    list.forEach((node, i) => {
      const path = `${prefix}[${i}]`;
      out.push({ node, path, ancestors });
      if (node.children && node.children.length > 0)
        visit(node.children, `${path}.children`, [...ancestors, node]);
    });
  };
  visit(nodes, base, []);
  return out;
}

export function isLeaf(node: IndicatorNode): boolean {
  return !node.children || node.children.length === 0;
}
