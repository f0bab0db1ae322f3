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
  visit(out, nodes, base, []);
  return out;
}

function visit(
  out: VisitedNode[],
  list: readonly IndicatorNode[],
  prefix: string,
  ancestors: readonly IndicatorNode[],
): void {
  for (let i = 0; i < list.length; i += 1) {
    const node = list[i];
    if (node === undefined) continue;
    const path = `${prefix}[${i}]`;
    out.push({ node, path, ancestors });
    const children = node.children;
    if (children && children.length > 0)
      visit(out, children, `${path}.children`, [...ancestors, node]);
  }
}

export function isLeaf(node: IndicatorNode): boolean {
  return !node.children || node.children.length === 0;
}
