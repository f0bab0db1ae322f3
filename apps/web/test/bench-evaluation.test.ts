import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Evaluation, parseRulebook, scoreEvaluation, sumPoints } from '@jixiao/domain';
import { benchEvaluation, countLeaves } from '../src/lib/bench-evaluation.ts';
import { runBench } from '../src/lib/keystroke-bench.ts';

describe('benchEvaluation', () => {
  it('has 200 indicator leaves besides the execution rate, weights adding to 100', () => {
    const e = benchEvaluation('hunan-department');
    expect(Evaluation.safeParse(e).success).toBe(true);
    expect(countLeaves(e.indicators)).toBe(201);
    expect(sumPoints(e.indicators.map((n) => n.weight ?? 0))).toBe(100);
  });

  it('scores with the Hunan rulebook', () => {
    const json: unknown = JSON.parse(
      readFileSync(new URL('../../../rulebooks/hunan-department.json', import.meta.url), 'utf8'),
    );
    const parsed = parseRulebook(json);
    if (!parsed.ok) throw new Error('rulebook invalid');
    const sheet = scoreEvaluation(benchEvaluation(parsed.rulebook.id), parsed.rulebook);
    expect(sheet.total).toBeGreaterThan(90);
    expect(sheet.total).toBeLessThanOrEqual(100);
  });

  it('re-scores after each keystroke: the typed values change the computed total', () => {
    const json: unknown = JSON.parse(
      readFileSync(new URL('../../../rulebooks/hunan-department.json', import.meta.url), 'utf8'),
    );
    const parsed = parseRulebook(json);
    if (!parsed.ok) throw new Error('rulebook invalid');
    const untouched = runBench(parsed.rulebook, 0);
    const typed = runBench(parsed.rulebook, 200);
    expect(typed.keystrokes).toBe(200);
    expect(typed.leaves).toBe(201);
    // 90.0%–99.9% typed against targets of ≥95%: the computed total follows them.
    expect(typed.total).not.toBeNull();
    expect(typed.total).not.toBe(untouched.total);
  });
});
