// Benchmark: what the tie to approved targets adds to a save. The clean Hunan evaluation (year
// 2025) is saved over and over into two evaluations in one SQLite file: one of a unit with
// approved 2025 targets and a monitoring report (each save looks the targets up, reads the last
// round and checks the body against both), and, as the baseline, one of a unit without targets
// (each save only finds that there are none). Saves alternate between the two in blocks, so
// drift on a shared machine falls on both. Target: ≤ 110% of the baseline.
// Run: npm run bench:targets [-- --saves 40 --rounds 30]
import { readFileSync } from 'node:fs';
import { DepartmentEvaluation, targetTree } from '@jixiao/domain';
import {
  createEvaluation,
  createMonitoringRound,
  createTargetForm,
  evaluationFindings,
  saveMonitoringReport,
  transitionTargets,
} from '@jixiao/services';
import { benchOption, compareSaves, ratioLine, withSaveBench } from './save-compare.ts';

const SAVES = benchOption('--saves', 40);
const ROUNDS = benchOption('--rounds', 30);
const FIXTURE = JSON.parse(
  readFileSync(
    new URL('../fixtures/evaluations/clean-hunan-department.json', import.meta.url),
    'utf8',
  ),
) as Record<string, unknown>;

await withSaveBench('targets', async ({ ctx, measured, baseline, admin, reviewer }) => {
  const parsed = DepartmentEvaluation.parse(FIXTURE);
  const body = { ...FIXTURE, meta: { ...parsed.meta, year: 2025 } };
  const form = await createTargetForm(ctx, admin, {
    departmentId: measured,
    year: 2025,
    kind: 'department',
    rulebookId: 'hunan-department',
    body: {
      overallGoal: '按时完成各项统计调查。',
      budget: { total: { fen: 1_000_000_000, unit: '万元' } },
      indicators: targetTree(parsed.indicators),
    },
  });
  await transitionTargets(ctx, admin, form.id, { action: 'submit' });
  await transitionTargets(ctx, reviewer, form.id, { action: 'approve' });
  const round = await createMonitoringRound(ctx, reviewer, {
    year: 2025,
    asOf: '2025-07-31',
    deadline: '2025-08-15',
  });
  await saveMonitoringReport(ctx, admin, round.id, form.id, {
    version: 0,
    figures: {
      executed: { fen: 300_000_000, unit: '万元' },
      forecastExecuted: { fen: 950_000_000, unit: '万元' },
      indicators: [{ path: 'indicators[1].children[0].children[0]', progress: '3项' }],
    },
  });
  const make = async (departmentId: string) =>
    (
      await createEvaluation(ctx, admin, {
        departmentId,
        year: 2025,
        kind: 'department',
        rulebookId: 'hunan-department',
        body,
      })
    ).id;
  const withTargets = await make(measured);
  const plain = await make(baseline);
  const tiedFindings = (await evaluationFindings(ctx, admin, withTargets)).findings.filter(
    (f) => f.category === 'target',
  );

  const c = await compareSaves(
    ctx,
    admin,
    { measured: withTargets, baseline: plain },
    body,
    ROUNDS,
    SAVES,
  );
  process.stdout.write(
    [
      `jixiao targets benchmark (SQLite, ${ROUNDS} blocks × ${SAVES} saves each side, medians of the blocks)`,
      `save of a unit without targets (baseline)        ${c.a.toFixed(3)} ms/save, CPU ${c.aCpu.toFixed(3)} ms`,
      `save tied to approved targets and a monitoring   ${c.b.toFixed(3)} ms/save, CPU ${c.bCpu.toFixed(3)} ms  (${tiedFindings.length} findings against the targets)`,
      ratioLine(c),
      '',
    ].join('\n'),
  );
});
