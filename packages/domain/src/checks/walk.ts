import type { IndicatorNode } from '../evaluation.ts';

export interface VisitedNode {
  node: IndicatorNode;
  /** "indicators[1].children[0]" — the same paths the score sheet uses. */
  path: string;
  /** Ancestors, outermost first. */
  ancestors: readonly IndicatorNode[];
}

let spanMemo: WeakMap<object, Map<string, unknown>> | undefined;

/**
 * Runs `fn` with per-evaluation derivations (walks, text lists) memoised by object identity,
 * only for the span of one synchronous check run: a caller that mutates an evaluation between
 * two runs never sees a stale result.
 */
export function withCheckMemo<T>(fn: () => T): T {
  const outer = spanMemo;
  spanMemo = new WeakMap();
  try {
    return fn();
  } finally {
    spanMemo = outer;
  }
}

/** `compute()` once per key and slot inside withCheckMemo; every time outside it. */
export function memoInCheck<V>(key: object, slot: string, compute: () => V): V {
  const memo = spanMemo;
  if (memo === undefined) return compute();
  let slots = memo.get(key);
  if (slots === undefined) memo.set(key, (slots = new Map<string, unknown>()));
  if (slots.has(slot)) return slots.get(slot) as V;
  const fresh = compute();
  slots.set(slot, fresh);
  return fresh;
}

/** Every node of an indicator tree, depth first, with its path. */
export function walkIndicators(
  nodes: readonly IndicatorNode[],
  base = 'indicators',
): VisitedNode[] {
  return memoInCheck(nodes, `walk:${base}`, () => walk(nodes, base));
}

function walk(nodes: readonly IndicatorNode[], base: string): VisitedNode[] {
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
