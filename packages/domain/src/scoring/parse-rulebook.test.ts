import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseRulebook } from './parse-rulebook.ts';
import type { RuleNode } from '../rulebook.ts';

const dir = fileURLToPath(new URL('../../../../rulebooks/', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
const read = (file: string): unknown => JSON.parse(readFileSync(dir + file, 'utf8'));

function ids(nodes: readonly RuleNode[]): string[] {
  return nodes.flatMap((n) => [n.id, ...ids(n.children ?? [])]);
}

describe('the rulebooks in rulebooks/', () => {
  it('are the seven books the product ships', () => {
    expect(files.sort()).toEqual([
      'central-project.json',
      'finance-2013-department.json',
      'guangdong-department.json',
      'huaihua-department.json',
      'hubei-project.json',
      'hunan-department.json',
      'sichuan-project.json',
    ]);
  });

  it.each(files)('%s parses, validates and is named after its id', (file) => {
    const result = parseRulebook(read(file));
    if (!result.ok) expect(result.issues).toEqual([]);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(`${result.rulebook.id}.json`).toBe(file);
      expect(result.rulebook.sources.length).toBeGreaterThan(0);
    }
  });

  it('marks the Guangdong book unconfirmed and moves not-assessed weight to 部门预算资金支出率', () => {
    const result = parseRulebook(read('guangdong-department.json'));
    if (!result.ok) throw new Error('guangdong-department.json should parse');
    const book = result.rulebook;
    expect(book.confirmed).toBe(false);
    expect(book.options.notApplicable).toEqual({
      mode: 'move',
      to: 'budget-execution.funds.spending-rate',
    });
    expect(book.options.totalCap).toBe(100);
    expect(ids(book.tree)).toContain('budget-execution.funds.transfer-legality');
  });

  it('gives Hubei inverse negatives, 80/50/0 bands and no grade', () => {
    const result = parseRulebook(read('hubei-project.json'));
    if (!result.ok) throw new Error('hubei-project.json should parse');
    expect(result.rulebook.options.grades).toBeNull();
    expect(result.rulebook.options.negativeMode).toBe('inverse');
    expect(result.rulebook.options.qualitativeBands).toEqual({
      achieved: 0.8,
      partial: 0.5,
      notAchieved: 0,
    });
    expect(result.rulebook.tree.map((n) => n.weight)).toEqual([20, 40, 40]);
  });

  it('carries the Yueyang step-band and per-point examples in the Hunan book', () => {
    const result = parseRulebook(read('hunan-department.json'));
    if (!result.ok) throw new Error('hunan-department.json should parse');
    const kinds = JSON.stringify(result.rulebook.tree);
    expect(kinds).toContain('"kind":"step-bands"');
    expect(kinds).toContain('"kind":"per-point"');
    expect(result.rulebook.tree.map((n) => [n.id, n.weight])).toEqual([
      ['execution', 10],
      ['output', 50],
      ['effect', 30],
      ['satisfaction', 10],
    ]);
  });
});

describe('parseRulebook reports problems in Chinese', () => {
  const base = {
    id: 'test-book',
    name: '测试',
    version: '1',
    kind: 'project',
    jurisdiction: '测试',
    confirmed: false,
    sources: [{ title: '测试' }],
    tree: [
      { id: 'a', name: '甲', weight: 60, children: [{ id: 'a.1', name: '甲一', weight: 50 }] },
      { id: 'b', name: '乙', weight: 40 },
    ],
  };

  it('accepts a sound book and fills the default options', () => {
    const ok = parseRulebook({
      ...base,
      tree: [
        { id: 'a', name: '甲', weight: 60 },
        { id: 'b', name: '乙', weight: 40 },
      ],
    });
    expect(ok.ok).toBe(true);
    if (ok.ok) expect(ok.rulebook.options.notApplicable).toEqual({ mode: 'rescale' });
  });

  it('flags child weights that do not add up to the parent', () => {
    const r = parseRulebook(base);
    expect(r).toEqual({
      ok: false,
      issues: [
        {
          path: 'tree[0].children',
          message: '“甲”的下级指标分值之和为 50 分，与其分值 60 分不一致',
        },
      ],
    });
  });

  it('flags a top level that is not 100, duplicate ids and a missing move target', () => {
    const r = parseRulebook({
      ...base,
      options: { notApplicable: { mode: 'move', to: 'nowhere' } },
      tree: [
        { id: 'a', name: '甲', weight: 60 },
        { id: 'a', name: '乙', weight: 30 },
      ],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.path)).toEqual(['tree[1].id', 'tree', 'options.notApplicable.to']);
    expect(r.issues[1]?.message).toBe('一级指标分值之和为 90 分，应为 100 分');
  });

  it('maps schema errors to paths with Chinese messages', () => {
    const r = parseRulebook({ ...base, id: 'Bad Id', tree: [{ id: 'a', name: '', weight: 100 }] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.path)).toEqual(['id', 'tree[0].name']);
    expect(r.issues[0]?.message).toBe('id 只能包含小写字母、数字和连字符');
    expect(r.issues[1]?.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('rejects something that is not a rulebook at all', () => {
    const r = parseRulebook('hello');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.path).toBe('(根)');
  });
});
