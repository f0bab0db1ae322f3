import { z } from 'zod';
import { Rulebook, type RuleNode } from '../rulebook.ts';
import { formatPoints, sumPoints, samePoints } from '../points.ts';

/** A problem in a rulebook file: where (JSON-path-like) and a Chinese message. */
export type RulebookIssue = { path: string; message: string };

export type ParseRulebookResult =
  { ok: true; rulebook: Rulebook } | { ok: false; issues: RulebookIssue[] };

const zhCN = z.locales.zhCN();

/**
 * Validates a rulebook read from JSON: the schema first (Chinese messages), then the structure
 * (unique ids, fixed child weights adding up to their parent, a top level of 100, a weight
 * reallocation target that exists). Pure: the caller reads the file.
 */
export function parseRulebook(json: unknown): ParseRulebookResult {
  const parsed = Rulebook.safeParse(json, { error: zhCN.localeError });
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })),
    };
  }
  const issues = validateRulebookStructure(parsed.data);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, rulebook: parsed.data };
}

/** Structural checks on a schema-valid rulebook; empty when sound. */
export function validateRulebookStructure(book: Rulebook): RulebookIssue[] {
  const issues: RulebookIssue[] = [];
  const seen = new Map<string, string>();

  const visit = (nodes: readonly RuleNode[], path: string): void => {
    nodes.forEach((node, i) => {
      const here = `${path}[${i}]`;
      const first = seen.get(node.id);
      if (first !== undefined) {
        issues.push({
          path: `${here}.id`,
          message: `节点 id “${node.id}”重复（首次出现于 ${first}）`,
        });
      } else {
        seen.set(node.id, here);
      }
      const children = node.children ?? [];
      if (children.length > 0) {
        checkWeights(node.weight, children, `${here}.children`, `“${node.name}”`, issues);
        visit(children, `${here}.children`);
      }
    });
  };
  visit(book.tree, 'tree');

  const top = book.tree.map((n) => n.weight);
  if (top.every((w): w is number => w !== undefined)) {
    const sum = sumPoints(top);
    if (!samePoints(sum, 100)) {
      issues.push({
        path: 'tree',
        message: `一级指标分值之和为 ${formatPoints(sum)} 分，应为 100 分`,
      });
    }
  } else if (top.some((w) => w !== undefined)) {
    // A framework that leaves every 分值 to the region (财预〔2013〕53号) gives none; a book that
    // gives some must give all.
    issues.push({ path: 'tree', message: '一级指标必须都规定分值，或都不规定（分值由报告填报）' });
  }

  const na = book.options.notApplicable;
  if (na.mode === 'move' && na.to !== undefined && !seen.has(na.to)) {
    issues.push({
      path: 'options.notApplicable.to',
      message: `不考核指标的分值调整目标“${na.to}”不是本指标体系中的节点 id`,
    });
  }
  return issues;
}

/** When every child has a fixed weight, they must add up to the parent's fixed weight. */
function checkWeights(
  parentWeight: number | undefined,
  children: readonly RuleNode[],
  path: string,
  label: string,
  issues: RulebookIssue[],
): void {
  const weights = children.map((c) => c.weight);
  if (parentWeight === undefined) return;
  if (!weights.every((w): w is number => w !== undefined)) return;
  const sum = sumPoints(weights);
  if (!samePoints(sum, parentWeight)) {
    issues.push({
      path,
      message: `${label}的下级指标分值之和为 ${formatPoints(sum)} 分，与其分值 ${formatPoints(parentWeight)} 分不一致`,
    });
  }
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(根)' : out;
}
