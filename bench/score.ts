// Benchmark: score + check per evaluation against schema parsing alone (the baseline), on
// 1,000 generated evaluations of 100 indicators each; then a keystroke in the editor of a
// 200-indicator evaluation (parse the typed text, copy along the path, re-score, re-check: the
// web app's own code) against a schema parse of that evaluation. Run: npx tsx bench/score.ts
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { checkEvaluation, Evaluation, parseRulebook, scoreEvaluation } from '@jixiao/domain';
import type { EvaluationInput, Expression, Rulebook, RuleNode } from '@jixiao/domain';
import { benchEvaluation } from '../apps/web/src/lib/bench-evaluation.ts';
import { runBench } from '../apps/web/src/lib/keystroke-bench.ts';
import { seeded } from '../packages/services/src/audit/testing/seeded.ts';

const EVALUATIONS = 1000;
const INDICATORS = 100;
const SEED = 20240601;
const RULEBOOK_ID = 'hunan-department';
const ROUNDS = 5;
const TARGET_MS = 1;

type Node = NonNullable<EvaluationInput['indicators']>[number];

/** Splits `total` points into `n` weights in hundredths that add up exactly. */
function split(total: number, n: number): number[] {
  const hundredths = Math.round(total * 100);
  const base = Math.floor(hundredths / n);
  return Array.from({ length: n }, (_, i) => (base + (i < hundredths - base * n ? 1 : 0)) / 100);
}

function quantity(text: string, value: number, unit: string, comparator?: '>=' | '<='): Expression {
  return comparator === undefined
    ? { kind: 'quantity', text, value, unit }
    : { kind: 'quantity', text, value, unit, comparator };
}

function leaf(rand: () => number, name: string, weight: number): Node {
  const pick = rand();
  let target: Expression;
  let actual: Expression;
  if (pick < 0.45) {
    const a = 10 + Math.floor(rand() * 500);
    const b = Math.round(a * (0.8 + rand() * 0.4));
    target = quantity(`≥${a}件`, a, '件', '>=');
    actual = quantity(`${b}件`, b, '件');
  } else if (pick < 0.65) {
    const a = 90 + Math.floor(rand() * 10);
    const b = Math.min(100, a + Math.floor(rand() * 6) - 2);
    target = quantity(`≥${a}%`, a, '%', '>=');
    actual = quantity(`${b}%`, b, '%');
  } else if (pick < 0.8) {
    const a = 5 + Math.floor(rand() * 20);
    const b = Math.round(a * (0.7 + rand() * 0.5));
    target = quantity(`≤${a}万元`, a, '万元', '<=');
    actual = quantity(`${b}万元`, b, '万元');
  } else if (pick < 0.9) {
    target = { kind: 'deadline', text: '12月底前', month: 12, comparator: 'by' };
    actual = { kind: 'done', text: '按时完成', done: rand() < 0.9 };
  } else {
    target = { kind: 'qualitative', text: '达成年度指标', grade: 'achieved' };
    actual = { kind: 'qualitative', text: '部分达成年度指标并具有一定效果', grade: 'partial' };
  }
  const full = rand() < 0.8;
  const score = full ? weight : Math.round(weight * (0.5 + rand() * 0.5) * 100) / 100;
  const node: Node = { name, weight, score, target, actual };
  if (!full && rand() < 0.7) node.deviationReason = '受年中任务调整影响，部分工作顺延至下一年度。';
  return node;
}

/** A node's weight when the book fixes it, or its children's fixed weights add up to it. */
function fixedWeight(node: RuleNode): number | undefined {
  if (node.weight !== undefined) return node.weight;
  const children = node.children ?? [];
  if (children.length === 0) return undefined;
  const weights = children.map(fixedWeight);
  return weights.every((w): w is number => w !== undefined)
    ? weights.reduce((a, b) => a + b, 0)
    : undefined;
}

/** Mirrors the rulebook tree; its open slots get the department's own leaves. */
function indicatorTree(rand: () => number, book: readonly RuleNode[], leaves: number): Node[] {
  const slots: RuleNode[] = [];
  let fixed = 0;
  const walk = (nodes: readonly RuleNode[]): void => {
    for (const n of nodes) {
      if (n.children && n.children.length > 0) walk(n.children);
      else if (n.rule) fixed += 1;
      else slots.push(n);
    }
  };
  walk(book);
  const open = Math.max(slots.length, leaves - fixed);
  const perSlot = slots.map(
    (_, i) => Math.floor(open / slots.length) + (i < open % slots.length ? 1 : 0),
  );
  let counter = 0;
  const build = (nodes: readonly RuleNode[], parentWeight: number): Node[] => {
    // Weights the book fixes stay; the department shares the rest among the others.
    const fixedWeights = nodes.map(fixedWeight);
    const free = fixedWeights.filter((w) => w === undefined).length;
    const rest = parentWeight - fixedWeights.reduce<number>((sum, w) => sum + (w ?? 0), 0);
    const shares = split(Math.max(0, rest), Math.max(1, free));
    let next = 0;
    const weights = fixedWeights.map((w) => w ?? shares[next++] ?? 0);
    return nodes.map((n, i): Node => {
      const weight = weights[i] ?? 0;
      if (n.children && n.children.length > 0) {
        return { name: n.name, ruleRef: n.id, weight, children: build(n.children, weight) };
      }
      if (n.rule) return { ...leaf(rand, n.name, weight), ruleRef: n.id };
      const k = Math.max(1, perSlot[slots.indexOf(n)] ?? 1);
      const children = split(weight, k).map((w) => leaf(rand, `${n.name}指标${++counter}`, w));
      return { name: n.name, ruleRef: n.id, weight, children };
    });
  };
  return build(book, 100);
}

function amountInput(fenValue: number): { fen: number; unit: '万元' } {
  return { fen: fenValue, unit: '万元' };
}

function generate(count: number, book: readonly RuleNode[], rulebookId: string): unknown[] {
  const rand = seeded(SEED);
  return Array.from({ length: count }, (_, i) => {
    const budget = 1_000_000 * (500 + Math.floor(rand() * 5000));
    const executed = Math.round(budget * (0.85 + rand() * 0.15));
    const basic = Math.round(executed * (0.6 + rand() * 0.2));
    const input: EvaluationInput = {
      kind: 'department',
      rulebookId,
      meta: { unitName: `示例单位${i + 1}`, year: 2024 },
      funds: {
        total: { budget: amountInput(budget), executed: amountInput(executed), weight: 10 },
        basic: { executed: amountInput(basic) },
        project: { executed: amountInput(executed - basic) },
      },
      staffing: { authorized: 40, actual: 38 + Math.floor(rand() * 5), categories: [] },
      baseData: {
        basicBudgetAdjustment: {
          budget: amountInput(basic),
          actual: amountInput(Math.round(basic * (1 + rand() * 0.2))),
        },
      },
      indicators: indicatorTree(rand, book, INDICATORS),
      stated: { total: 90 + Math.floor(rand() * 10), grade: '优' },
    };
    return JSON.parse(JSON.stringify(input)) as unknown;
  });
}

function countLeaves(nodes: readonly Node[]): number {
  return nodes.reduce((n, node) => n + (node.children ? countLeaves(node.children) : 1), 0);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function loadRulebook(id: string): Rulebook {
  const file = new URL(`../rulebooks/${id}.json`, import.meta.url);
  const result = parseRulebook(JSON.parse(readFileSync(file, 'utf8')));
  if (!result.ok) throw new Error(`rulebooks/${id}.json is invalid`);
  return result.rulebook;
}

/**
 * The same evaluations as a diligent filler would state them: every score as the rule computes
 * it, a reason wherever points are lost, the total and grade as the book gives them. The checks
 * then find nothing, which is the common case while a form is being filled in.
 */
function clean(raws: readonly unknown[], book: Rulebook): unknown[] {
  return raws.map((r) => {
    const input = JSON.parse(JSON.stringify(r)) as EvaluationInput;
    const sheet = scoreEvaluation(Evaluation.parse(input), book);
    let at = 0;
    const visit = (nodes: readonly Node[]): void => {
      for (const node of nodes) {
        const scored = sheet.nodes[at++];
        const score = scored?.computedScore ?? scored?.statedScore;
        if (score !== undefined) node.score = score;
        const lost = scored?.weight !== undefined && score !== undefined && score < scored.weight;
        if (lost && !node.children && node.deviationReason === undefined)
          node.deviationReason = '受年中任务调整影响，部分工作顺延至下一年度。';
        if (node.children) visit(node.children);
      }
    };
    visit(input.indicators ?? []);
    input.stated = { total: sheet.total, ...(sheet.grade === null ? {} : { grade: sheet.grade }) };
    return input;
  });
}

interface Figures {
  score: number;
  check: number;
  findings: number;
}

const rulebook = loadRulebook(RULEBOOK_ID);
const raw = generate(EVALUATIONS, rulebook.tree, rulebook.id);
const evaluations = raw.map((r) => Evaluation.parse(r));
const cleanEvaluations = clean(raw, rulebook).map((r) => Evaluation.parse(r));
const leaves = countLeaves(evaluations[0]?.indicators ?? []);

// Warm up the JIT on a tenth of the data before measuring.
for (const e of [...evaluations.slice(0, EVALUATIONS / 10), ...cleanEvaluations.slice(0, 50)]) {
  checkEvaluation(e, rulebook);
  scoreEvaluation(e, rulebook);
}

let sink = 0;

/** Scores, then checks with the score sheet (as the CLI and the services do); ms / evaluation. */
function measure(set: readonly Evaluation[]): Figures {
  let t = performance.now();
  const sheets = set.map((e) => scoreEvaluation(e, rulebook));
  const score = (performance.now() - t) / set.length;
  let findings = 0;
  t = performance.now();
  set.forEach((e, i) => {
    const sheet = sheets[i];
    if (!sheet) return;
    const found = checkEvaluation(e, rulebook, sheet).length;
    findings += found;
    sink += found + sheet.total;
  });
  return { score, check: (performance.now() - t) / set.length, findings: findings / set.length };
}

const parseMs: number[] = [];
const noisy: Figures[] = [];
const tidy: Figures[] = [];
for (let round = 0; round < ROUNDS; round += 1) {
  const t = performance.now();
  for (const r of raw) sink += Evaluation.parse(r).indicators.length;
  parseMs.push((performance.now() - t) / EVALUATIONS);
  noisy.push(measure(evaluations));
  tidy.push(measure(cleanEvaluations));
}

const parse = median(parseMs);
const f = (ms: number): string => ms.toFixed(3).padStart(7);
console.log(
  `bench:score — ${EVALUATIONS} evaluations × ${leaves} leaf indicators, rulebook ${rulebook.id}, seed ${SEED}, median of ${ROUNDS} rounds`,
);
console.log(`  baseline: schema parse (Evaluation.parse)    ${f(parse)} ms / evaluation`);
const verdicts: string[] = [];
for (const [label, runs] of [
  ['noisy data (random scores against the rules)', noisy],
  ['clean data (scores follow the rules)', tidy],
] as const) {
  const score = median(runs.map((r) => r.score));
  const check = median(runs.map((r) => r.check));
  const both = score + check;
  const findings = runs[0]?.findings ?? 0;
  console.log(`  ${label}, ${findings.toFixed(1)} findings / evaluation`);
  console.log(`    score (scoreEvaluation)                  ${f(score)} ms / evaluation`);
  console.log(`    check (checkEvaluation, given the sheet) ${f(check)} ms / evaluation`);
  console.log(`    score + check                            ${f(both)} ms / evaluation`);
  console.log(
    `    ratio score+check / parse                ${(both / parse).toFixed(2).padStart(7)}×`,
  );
  verdicts.push(`${label.split(' ')[0] ?? ''} ${both < TARGET_MS ? 'met' : 'NOT met'}`);
}
console.log(
  `  target < ${TARGET_MS} ms per evaluation: ${verdicts.join(', ')}  (checksum ${Math.round(sink)})`,
);

// A keystroke in the editor of a 200-indicator evaluation, as the web app runs it (#/bench runs
// the same function in the browser), against a schema parse of that evaluation (the baseline).
const KEYSTROKE_TARGET_MS = 16;
const typed = JSON.parse(JSON.stringify(benchEvaluation(rulebook.id))) as unknown;
const keystroke: number[] = [];
const typedParse: number[] = [];
let keystrokeRun = runBench(rulebook);
for (let round = 0; round < ROUNDS; round += 1) {
  keystrokeRun = runBench(rulebook);
  keystroke.push(keystrokeRun.medianMs);
  const t = performance.now();
  for (let i = 0; i < 200; i++) sink += Evaluation.parse(typed).indicators.length;
  typedParse.push((performance.now() - t) / 200);
}
const perKey = median(keystroke);
const typedBase = median(typedParse);
console.log(
  `  keystroke, ${keystrokeRun.leaves} leaf indicators, ${keystrokeRun.keystrokes} keystrokes, ${keystrokeRun.findings} findings (median of ${ROUNDS} rounds' medians)`,
);
console.log(`    baseline: schema parse of the evaluation  ${f(typedBase)} ms`);
console.log(`    parse text + copy + score + check        ${f(perKey)} ms / keystroke`);
console.log(
  `    ratio keystroke / parse                  ${(perKey / typedBase).toFixed(2).padStart(7)}×`,
);
console.log(
  `  target < ${KEYSTROKE_TARGET_MS} ms per keystroke: ${perKey < KEYSTROKE_TARGET_MS ? 'met' : 'NOT met'}  (checksum ${Math.round(sink)})`,
);
