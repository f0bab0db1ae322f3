// Benchmark: ms per report for renderReportDocx on every department fixture and a generated
// 1,000-indicator report, against two floors measured in the same run:
// - the docx floor: the report's texts as bare paragraphs laid out by the docx library (what the
//   writer used before it had its own emitter), archived with the same zip writer;
// - the own floor, stricter: the same texts as bare paragraphs through the writer's own emitter
//   (one section, the default styles only, no footers), archived the same way: the same zip
//   writer, zlib's default level 6, each option set's fixed parts deflated once per process. The
//   floors are given the texts; the report also builds them (figures, sentences, tables) from
//   the evaluation, then pays for its structure: a style named per body paragraph, tables with
//   merges, sections, footers. A large report is mostly table cells, so its document.xml has
//   about 1.8 times the floor's bytes and deflating it costs about as much more.
// The report and the own floor are timed alternately, round by round (their ratio is the median
// of the rounds' ratios: a pair run back to back shares the load of the moment), after at least
// ten warm-up rounds and 300 ms each (the report's code takes longer to be optimised than the
// floor's loop; a server rendering reports runs it warm); then the docx floor and the .xlsx
// writer, alternately with each other: they leave hundreds of megabytes of garbage, which the
// report would otherwise pay for in the collections it happens to trigger.
// Target: the report within 2× of the own-emitter floor (and far below the docx floor).
// Scaling: a generated report four times as large (1,000 indicators and 200 projects against 250
// and 50), timed alternately with the smaller one; target: at most 6× its time (linear is 4×, a
// quadratic step would show as 16×).
// Run: npm run bench:render
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Document, Paragraph, TextRun } from 'docx';
import { Evaluation, scoreEvaluation } from '@jixiao/domain';
import type { DepartmentEvaluation, ScoreSheet } from '@jixiao/domain';
import {
  packDocx,
  blockTexts,
  departmentReportBlocks,
  renderReportDocx,
  renderTablesXlsx,
  resolveOptions,
} from '@jixiao/documents';
import { findRulebook } from '@jixiao/services';
import { plainTextDocx } from '../packages/documents/src/write/docx-writer.ts';
import { generatedEvaluation } from '../packages/documents/src/write/test-support.ts';

const ROUNDS = 21;
const TARGET_RATIO = 2;
const root = fileURLToPath(new URL('../', import.meta.url));
const fixtureDir = path.join(root, 'fixtures', 'evaluations');

interface Case {
  name: string;
  evaluation: DepartmentEvaluation;
  sheet: ScoreSheet | undefined;
}

const cases: Case[] = [];
for (const file of readdirSync(fixtureDir)
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  const parsed = Evaluation.safeParse(
    JSON.parse(readFileSync(path.join(fixtureDir, file), 'utf8')),
  );
  if (!parsed.success || parsed.data.kind !== 'department') continue;
  const rulebook = findRulebook(parsed.data.rulebookId);
  cases.push({
    name: file.replace(/\.json$/, ''),
    evaluation: parsed.data,
    sheet: rulebook ? scoreEvaluation(parsed.data, rulebook) : undefined,
  });
}
const large = generatedEvaluation(1000, 200);
cases.push({
  name: 'generated 1000 indicators, 200 projects',
  evaluation: large,
  sheet: undefined,
});

/**
 * The docx floor: every text of the report as one bare paragraph each, one section, laid out by the
 * same library and archived the same way as the report (packDocx), so the ratio measures what
 * the report's structure costs, not a difference in compression.
 */
async function docxFloor(texts: readonly string[]): Promise<Uint8Array> {
  const doc = new Document({
    sections: [{ children: texts.map((t) => new Paragraph({ children: [new TextRun(t)] })) }],
  });
  return packDocx(doc);
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/**
 * Each function timed alternately, round by round, so both see the same load, after
 * `warmRounds` rounds and at least `warmMs` of warm-up (JIT, heap sizes): the median ms of each,
 * and the median of each round's ratio of the first to the second (a pair run back to back
 * shares the machine's load of the moment, which drifts on a shared machine).
 */
async function timeAlternating(
  fns: [() => Promise<unknown>, () => Promise<unknown>],
  rounds: number,
  warmRounds: number,
  warmMs: number,
): Promise<{ first: number; second: number; ratio: number }> {
  const warmStart = performance.now();
  for (let i = 0; i < warmRounds || performance.now() - warmStart < warmMs; i++)
    for (const fn of fns) await fn();
  const first: number[] = [];
  const second: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    await fns[0]();
    const t1 = performance.now();
    await fns[1]();
    const t2 = performance.now();
    first.push(t1 - t0);
    second.push(t2 - t1);
    ratios.push((t1 - t0) / (t2 - t1));
  }
  return { first: median(first), second: median(second), ratio: median(ratios) };
}

const options = resolveOptions();
console.log(
  `render benchmark: ms per report, median of ${ROUNDS} rounds (at most 5 for the docx floor and .xlsx); ratio to the own floor: median of the rounds' ratios; sizes of the .docx in KB (Node ${process.version})`,
);
console.log(
  'case'.padEnd(42),
  'texts'.padStart(6),
  'report'.padStart(8),
  'own fl.'.padStart(8),
  'ratio'.padStart(7),
  'docx fl.'.padStart(9),
  'ratio'.padStart(7),
  'xlsx'.padStart(8),
  'KB rep.'.padStart(8),
  'own fl.'.padStart(8),
);
let worstOwn = 0;
let worstDocx = 0;
for (const c of cases) {
  const texts = blockTexts(departmentReportBlocks(c.evaluation, c.sheet, options));
  const own = await timeAlternating(
    [() => renderReportDocx(c.evaluation, c.sheet), () => Promise.resolve(plainTextDocx(texts))],
    ROUNDS,
    10,
    300,
  );
  const docx = await timeAlternating(
    [() => docxFloor(texts), () => renderTablesXlsx(c.evaluation, c.sheet)],
    c.evaluation.indicators.length > 20 ? 3 : 5,
    3,
    0,
  );
  const report = own.first;
  const reportKb = (await renderReportDocx(c.evaluation, c.sheet)).length / 1024;
  const ownKb = plainTextDocx(texts).length / 1024;
  worstOwn = Math.max(worstOwn, own.ratio);
  worstDocx = Math.max(worstDocx, report / docx.first);
  console.log(
    c.name.padEnd(42),
    String(texts.length).padStart(6),
    report.toFixed(1).padStart(8),
    own.second.toFixed(1).padStart(8),
    `${own.ratio.toFixed(2)}×`.padStart(7),
    docx.first.toFixed(1).padStart(9),
    `${(report / docx.first).toFixed(2)}×`.padStart(7),
    docx.second.toFixed(1).padStart(8),
    reportKb.toFixed(1).padStart(8),
    ownKb.toFixed(1).padStart(8),
  );
}
console.log(`worst ratio to the docx floor: ${worstDocx.toFixed(2)}×`);
console.log(
  `worst ratio to the own-emitter floor: ${worstOwn.toFixed(2)}× (target ≤ ${TARGET_RATIO}× the own-emitter floor)`,
);

const small = generatedEvaluation(250, 50);
const scaling = await timeAlternating(
  [() => renderReportDocx(large, undefined), () => renderReportDocx(small, undefined)],
  7,
  3,
  0,
);
console.log(
  `scaling: 4× the size took ${scaling.ratio.toFixed(2)}× the time (${scaling.first.toFixed(0)} ms against ${scaling.second.toFixed(0)} ms; target ≤ 6×)`,
);
