import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Evaluation, MAX_INDICATOR_DEPTH } from './evaluation.ts';
import { Rulebook } from './rulebook.ts';
import { scoreEvaluation } from './scoring/index.ts';
import { checkEvaluation } from './checks/index.ts';

const fixture = JSON.parse(
  readFileSync(
    new URL('../../../fixtures/evaluations/clean-hunan-department.json', import.meta.url),
    'utf8',
  ),
) as Record<string, unknown>;

const rulebook = Rulebook.parse(
  JSON.parse(
    readFileSync(new URL('../../../rulebooks/hunan-department.json', import.meta.url), 'utf8'),
  ),
);

/** A chain of `depth` indicator nodes, each the only child of the one above. */
function indicatorChain(depth: number): Record<string, unknown> {
  let node: Record<string, unknown> = { name: `第${depth}层`, weight: 1 };
  for (let level = depth - 1; level >= 1; level -= 1)
    node = { name: `第${level}层`, weight: 1, children: [node] };
  return node;
}

describe('indicator tree depth', () => {
  it('accepts a tree of the documented maximum depth, and scores and checks it', () => {
    const parsed = Evaluation.safeParse({
      ...fixture,
      indicators: [indicatorChain(MAX_INDICATOR_DEPTH)],
    });
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    const sheet = scoreEvaluation(parsed.data, rulebook);
    expect(Number.isFinite(sheet.total)).toBe(true);
    expect(Array.isArray(checkEvaluation(parsed.data, rulebook, sheet))).toBe(true);
  });

  it('refuses one level more with a Chinese message at the place it goes too deep', () => {
    const parsed = Evaluation.safeParse({
      ...fixture,
      indicators: [indicatorChain(MAX_INDICATOR_DEPTH + 1)],
    });
    expect(parsed.success).toBe(false);
    const issue = parsed.error?.issues[0];
    expect(issue?.message).toBe(`指标层级过深：指标树最多 ${MAX_INDICATOR_DEPTH} 层`);
    expect(issue?.path.filter((p) => p === 'children')).toHaveLength(MAX_INDICATOR_DEPTH);
  });

  it('refuses trees 1,400 and 100,000 levels deep as values, without overflowing the stack', () => {
    for (const depth of [1_400, 100_000]) {
      const parsed = Evaluation.safeParse({ ...fixture, indicators: [indicatorChain(depth)] });
      expect(parsed.success).toBe(false);
    }
  });

  it('bounds a rulebook tree the same way', () => {
    const book = {
      id: 'deep-book',
      name: '深层指标体系',
      version: '1',
      kind: 'department',
      jurisdiction: '示范市',
      confirmed: false,
      sources: [{ title: '示例' }],
      tree: [ruleChain(MAX_INDICATOR_DEPTH)],
    };
    expect(Rulebook.safeParse(book).success).toBe(true);
    for (const depth of [MAX_INDICATOR_DEPTH + 1, 1_400]) {
      const deep = Rulebook.safeParse({ ...book, tree: [ruleChain(depth)] });
      expect(deep.success).toBe(false);
      expect(deep.error?.issues[0]?.message).toBe(
        `指标层级过深：指标体系最多 ${MAX_INDICATOR_DEPTH} 层`,
      );
    }
  });
});

function ruleChain(depth: number): Record<string, unknown> {
  let node: Record<string, unknown> = { id: `n${depth}`, name: `第${depth}层`, weight: 100 };
  for (let level = depth - 1; level >= 1; level -= 1)
    node = { id: `n${level}`, name: `第${level}层`, weight: 100, children: [node] };
  return node;
}
