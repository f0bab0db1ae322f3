import type { IndicatorNode } from '../evaluation.ts';
import type { LeafRule, RuleNode } from '../rulebook.ts';
import { normalizeDigits } from '../money.ts';

/** An indicator of the evaluation with the rulebook node it was bound to. */
export interface BoundIndicator {
  node: IndicatorNode;
  /** "indicators[1].children[0]" */
  path: string;
  level: number;
  parent: BoundIndicator | undefined;
  children: BoundIndicator[];
  /** The rulebook node, when binding found one. */
  rule: RuleNode | undefined;
  /** The nearest ancestor's `leafRule`, for the department's own leaves. */
  inheritedLeafRule: LeafRule | undefined;
}

/** Lookups built once per rulebook. */
export interface BookIndex {
  byId: Map<string, RuleNode>;
  /** Normalised name or alias → nodes carrying it anywhere in the book. */
  byName: Map<string, RuleNode[]>;
  /** Normalised names and aliases per node. */
  namesOf: Map<RuleNode, string[]>;
}

const NUMBERING =
  /^(?:[（(][一二三四五六七八九十百\d]+[)）]|[一二三四五六七八九十百]+[、.．]|\d+(?:\.\d+)*[、.．]|[⑴-⒇①-⑳])+/;

/**
 * The name as binding compares it: without heading numbers, "(分值10分)" notes, the word 指标,
 * spaces and punctuation ("⑴数量指标" and "数量" compare equal).
 */
export function normalizeIndicatorName(name: string): string {
  return normalizeDigits(name)
    .replace(/[\s\u3000]+/g, '')
    .replace(NUMBERING, '')
    .replace(/[（(][^）)]*分[^）)]*[）)]/g, '')
    .replace(/指标/g, '')
    .replace(/[。：:，,、；;“”"'‘’《》]/g, '');
}

const indexes = new WeakMap<readonly RuleNode[], BookIndex>();

/**
 * indexRulebook once per rulebook tree. A rulebook is a value: parseRulebook makes a new one for
 * every change, so the tree's identity stands for its content.
 */
export function bookIndex(tree: readonly RuleNode[]): BookIndex {
  let index = indexes.get(tree);
  if (index === undefined) indexes.set(tree, (index = indexRulebook(tree)));
  return index;
}

export function indexRulebook(tree: readonly RuleNode[]): BookIndex {
  const byId = new Map<string, RuleNode>();
  const byName = new Map<string, RuleNode[]>();
  const namesOf = new Map<RuleNode, string[]>();
  const visit = (nodes: readonly RuleNode[]): void => {
    for (const n of nodes) {
      byId.set(n.id, n);
      const names = [...new Set([n.name, ...n.aliases].map(normalizeIndicatorName))];
      namesOf.set(n, names);
      for (const name of names) {
        const list = byName.get(name);
        if (list) list.push(n);
        else byName.set(name, [n]);
      }
      visit(n.children ?? []);
    }
  };
  visit(tree);
  return { byId, byName, namesOf };
}

/**
 * Binds the evaluation's indicator tree to the rulebook: by `ruleRef`, else by name or alias at
 * the same level, else (when the report lost a level) by a name unique in the whole book, else by
 * position when the level has as many indicators as the book has nodes, the weights agree and the
 * book node has no specific rule of its own.
 */
export function bindIndicators(
  indicators: readonly IndicatorNode[],
  tree: readonly RuleNode[],
  index: BookIndex,
): BoundIndicator[] {
  const claimed = new Set<RuleNode>();
  const bindLevel = (
    nodes: readonly IndicatorNode[],
    candidates: readonly RuleNode[],
    parent: BoundIndicator | undefined,
    pathPrefix: string,
    level: number,
  ): BoundIndicator[] => {
    const rules: (RuleNode | undefined)[] = nodes.map((n) => {
      const byRef = n.ruleRef === undefined ? undefined : index.byId.get(n.ruleRef);
      if (byRef) return claim(byRef);
      // The department's own leaves under a book leaf: nothing to match, skip the normalising.
      if (candidates.length === 0 && level > 1 && parent?.rule !== undefined) return undefined;
      const name = normalizeIndicatorName(n.name);
      const sameLevel = candidates.find(
        (c) => !claimed.has(c) && (index.namesOf.get(c) ?? []).includes(name),
      );
      if (sameLevel) return claim(sameLevel);
      if (level === 1 || parent?.rule === undefined) {
        const anywhere = (index.byName.get(name) ?? []).filter((c) => !claimed.has(c));
        if (anywhere.length === 1 && anywhere[0]) return claim(anywhere[0]);
      }
      return undefined;
    });
    if (nodes.length === candidates.length) {
      nodes.forEach((n, i) => {
        const c = candidates[i];
        if (rules[i] !== undefined || c === undefined || claimed.has(c)) return;
        if (n.weight !== undefined && c.weight !== undefined && n.weight !== c.weight) return;
        // A node with a rule of its own (step bands, per-point…) is never bound by position alone.
        if (c.rule && c.rule.kind !== 'manual' && c.rule.kind !== 'auto') return;
        rules[i] = claim(c);
      });
    }
    return nodes.map((node, i) => {
      const rule = rules[i];
      const bound: BoundIndicator = {
        node,
        path: `${pathPrefix}[${i}]`,
        level,
        parent,
        children: [],
        rule,
        inheritedLeafRule: nearestLeafRule(parent),
      };
      bound.children = bindLevel(
        node.children ?? [],
        rule?.children ?? [],
        bound,
        `${bound.path}.children`,
        level + 1,
      );
      return bound;
    });
  };
  const claim = (r: RuleNode): RuleNode => {
    claimed.add(r);
    return r;
  };
  return bindLevel(indicators, tree, undefined, 'indicators', 1);
}

function nearestLeafRule(b: BoundIndicator | undefined): LeafRule | undefined {
  for (let at = b; at; at = at.parent) {
    if (at.rule?.leafRule) return at.rule.leafRule;
    if (at.inheritedLeafRule) return at.inheritedLeafRule;
  }
  return undefined;
}

/** Every bound indicator in pre-order (parents before their children). */
export function flattenBound(nodes: readonly BoundIndicator[]): BoundIndicator[] {
  const out: BoundIndicator[] = [];
  const visit = (list: readonly BoundIndicator[]): void => {
    for (const n of list) {
      out.push(n);
      visit(n.children);
    }
  };
  visit(nodes);
  return out;
}
