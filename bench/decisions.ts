// Benchmark: what decisions on findings add to a save. The same report (fixture 004, a real
// report with its findings) is saved over and over into two evaluations in the same SQLite file:
// one whose every finding a reviewer has decided (half confirmed, half dismissed, so each save
// computes every identity, leaves the dismissed ones out of the counts and checks which confirmed
// ones it fixed), and, as the baseline, one without any decision. Saves alternate between the two
// in rounds, so drift on a shared machine falls on both. Target: ≤ 110% of the baseline.
// Run: npm run bench:decisions [-- --saves 40 --rounds 40] (--no-decisions: both sides undecided,
// which shows the noise of the measurement itself).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { findingIdentity } from '@jixiao/domain';
import type { Evaluation } from '@jixiao/domain';
import { openStore } from '@jixiao/db';
import {
  createContext,
  createDepartment,
  createEvaluation,
  createRegion,
  createUser,
  decideFinding,
  evaluationFindings,
  getEvaluation,
  loadActor,
  updateEvaluation,
} from '@jixiao/services';
import type { Actor, ServiceContext } from '@jixiao/services';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) || fallback : fallback;
};
const SAVES = option('--saves', 40);
const ROUNDS = option('--rounds', 40);
const BODY = JSON.parse(
  readFileSync(
    new URL('../fixtures/evaluations/004_66e78293cd0851a8.json', import.meta.url),
    'utf8',
  ),
) as Record<string, unknown>;
const PASSWORD = 'Bench-passw0rd';

async function actor(ctx: ServiceContext, id: string): Promise<Actor> {
  const a = await loadActor(ctx, id);
  if (a === null) throw new Error('no actor');
  return a;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-bench-decisions-'));
  const store = await openStore({ sqliteFile: join(dir, 'bench.db') });
  try {
    const ctx = createContext(store);
    const region = await createRegion(ctx, { name: '示范市', financeBureau: '示范市财政局' });
    const decided = await createDepartment(ctx, null, {
      code: 'A',
      name: '甲单位',
      regionId: region.id,
    });
    const plain = await createDepartment(ctx, null, {
      code: 'B',
      name: '乙单位',
      regionId: region.id,
    });
    const admin = await actor(
      ctx,
      (await createUser(ctx, null, { username: 'admin', password: PASSWORD, role: 'admin' })).id,
    );
    const reviewer = await actor(
      ctx,
      (
        await createUser(ctx, null, {
          username: 'reviewer',
          password: PASSWORD,
          role: 'reviewer',
          regionId: region.id,
        })
      ).id,
    );
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
    const withDecisions = await make(decided.id);
    const baseline = await make(plain.id);

    // Every finding of the report decided: half confirmed, half dismissed with a reason.
    const { findings } = await evaluationFindings(ctx, admin, withDecisions);
    const body: Evaluation = (await getEvaluation(ctx, admin, withDecisions)).body;
    const fingerprints = [...new Set(findings.map((f) => findingIdentity(f, body).fingerprint))];
    const toDecide = args.includes('--no-decisions') ? [] : fingerprints;
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

    const versions = new Map([
      [withDecisions, 1],
      [baseline, 1],
    ]);
    /** Saves `n` times; wall and CPU milliseconds per save. */
    const save = async (id: string, n: number): Promise<{ wall: number; cpu: number }> => {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      for (let i = 0; i < n; i += 1) {
        const record = await updateEvaluation(ctx, admin, id, {
          version: versions.get(id) ?? 1,
          body: BODY,
        });
        versions.set(id, record.version);
      }
      const cpu = process.cpuUsage(c0);
      return { wall: (performance.now() - t0) / n, cpu: (cpu.user + cpu.system) / 1000 / n };
    };
    // Warm-up: the statements compile, the JIT settles.
    await save(baseline, 100);
    await save(withDecisions, 100);
    const withMs: { wall: number; cpu: number }[] = [];
    const withoutMs: { wall: number; cpu: number }[] = [];
    // Many short blocks, alternating which goes first: a burst of load from elsewhere on the
    // machine falls on both sides, and the medians leave it out.
    for (let r = 0; r < ROUNDS; r += 1) {
      if (r % 2 === 0) {
        withoutMs.push(await save(baseline, SAVES));
        withMs.push(await save(withDecisions, SAVES));
      } else {
        withMs.push(await save(withDecisions, SAVES));
        withoutMs.push(await save(baseline, SAVES));
      }
    }
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? 0;
    const a = median(withoutMs.map((m) => m.wall));
    const b = median(withMs.map((m) => m.wall));
    const aCpu = median(withoutMs.map((m) => m.cpu));
    const bCpu = median(withMs.map((m) => m.cpu));
    const ratio = b / a;
    process.stdout.write(
      [
        `jixiao decisions benchmark (SQLite, ${ROUNDS} blocks × ${SAVES} saves each side, medians of the blocks)`,
        `save without decisions (baseline)   ${a.toFixed(3)} ms/save, CPU ${aCpu.toFixed(3)} ms  (${findings.length} findings)`,
        `save with every finding decided     ${b.toFixed(3)} ms/save, CPU ${bCpu.toFixed(3)} ms  (${fingerprints.length} decisions)`,
        `ratio ${(100 * ratio).toFixed(1)}% of the baseline by time, ${((100 * bCpu) / aCpu).toFixed(1)}% by CPU (target ≤ 110%): ${ratio <= 1.1 ? 'met' : 'NOT met'}`,
        '',
      ].join('\n'),
    );
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
