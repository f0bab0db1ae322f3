import { parseExpression, type Evaluation, type Rulebook } from '@jixiao/domain';
import { benchEvaluation, countLeaves } from './bench-evaluation.ts';
import { evaluateLocally } from './core.ts';
import { setAt } from './paths.ts';

export interface BenchResult {
  leaves: number;
  keystrokes: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  findings: number;
  total: number | null;
}

const quantile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

/**
 * Per keystroke in the editor: the typed text is parsed, the body copied along the path, then
 * the whole evaluation re-scored and re-checked. This measures exactly that, in the engine that
 * runs it: the browser (#/bench) or Node (bench/score.ts). Deterministic apart from the times.
 */
export function runBench(rulebook: Rulebook, keystrokes = 200): BenchResult {
  let body: Evaluation = benchEvaluation(rulebook.id);
  for (let i = 0; i < 10; i++) evaluateLocally(body, rulebook); // warm-up (JIT)
  const times: number[] = [];
  let last = evaluateLocally(body, rulebook);
  for (let i = 0; i < keystrokes; i++) {
    const g = 1 + (i % 3);
    const path = `indicators[${g}].children[0].children[${i % 15}].actual`;
    const text = `${90 + (i % 10)}.${i % 10}%`;
    const t0 = performance.now();
    body = setAt(body, path, { ...parseExpression(text), text });
    last = evaluateLocally(body, rulebook);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const r2 = (n: number) => Math.round(n * 100) / 100;
  return {
    leaves: countLeaves(body.indicators),
    keystrokes,
    medianMs: r2(quantile(times, 0.5)),
    p95Ms: r2(quantile(times, 0.95)),
    maxMs: r2(times[times.length - 1] ?? 0),
    findings: last.findings.length,
    total: last.sheet?.total ?? null,
  };
}
