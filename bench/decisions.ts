// Benchmark: what decisions on findings add to a save. The same report (fixture 004, a real
// report with its findings) is saved over and over into two evaluations in the same SQLite file:
// one whose every finding a reviewer has decided (half confirmed, half dismissed, so each save
// computes every identity, leaves the dismissed ones out of the counts and checks which confirmed
// ones it fixed), and, as the baseline, one without any decision. Saves alternate between the two
// in rounds, so drift on a shared machine falls on both. Target: ≤ 110% of the baseline.
// Run: npm run bench:decisions [-- --saves 40 --rounds 40] (--no-decisions: both sides undecided,
// which shows the noise of the measurement itself).
import { readFileSync } from 'node:fs';
import { findingIdentity } from '@jixiao/domain';
import type { Evaluation } from '@jixiao/domain';
import {
  createEvaluation,
  decideFinding,
  evaluationFindings,
  getEvaluation,
} from '@jixiao/services';
import { benchOption, compareSaves, ratioLine, withSaveBench } from './save-compare.ts';

const SAVES = benchOption('--saves', 40);
const ROUNDS = benchOption('--rounds', 40);
const BODY = JSON.parse(
  readFileSync(
    new URL('../fixtures/evaluations/004_66e78293cd0851a8.json', import.meta.url),
    'utf8',
  ),
) as Record<string, unknown>;

await withSaveBench('decisions', async ({ ctx, measured, baseline, admin, reviewer }) => {
  const make = async (departmentId: string) =>
    (
      await createEvaluation(ctx, admin, {
        departmentId,
        year: 2024,
        kind: 'department',
        rulebookId: 'hunan-department',
        body: BODY,
      })
    ).id;
  const withDecisions = await make(measured);
  const plain = await make(baseline);

  // Every finding of the report decided: half confirmed, half dismissed with a reason.
  const { findings } = await evaluationFindings(ctx, admin, withDecisions);
  const body: Evaluation = (await getEvaluation(ctx, admin, withDecisions)).body;
  const fingerprints = [...new Set(findings.map((f) => findingIdentity(f, body).fingerprint))];
  const toDecide = process.argv.includes('--no-decisions') ? [] : fingerprints;
  for (const [i, fingerprint] of toDecide.entries()) {
    await decideFinding(
      ctx,
      reviewer,
      withDecisions,
      i % 2 === 0
        ? { fingerprint, state: 'confirmed' }
        : { fingerprint, state: 'dismissed', reason: '基准测试' },
    );
  }

  const c = await compareSaves(
    ctx,
    admin,
    { measured: withDecisions, baseline: plain },
    BODY,
    ROUNDS,
    SAVES,
  );
  process.stdout.write(
    [
      `jixiao decisions benchmark (SQLite, ${ROUNDS} blocks × ${SAVES} saves each side, medians of the blocks)`,
      `save without decisions (baseline)   ${c.a.toFixed(3)} ms/save, CPU ${c.aCpu.toFixed(3)} ms  (${findings.length} findings)`,
      `save with every finding decided     ${c.b.toFixed(3)} ms/save, CPU ${c.bCpu.toFixed(3)} ms  (${toDecide.length} decisions)`,
      ratioLine(c),
      '',
    ].join('\n'),
  );
});
