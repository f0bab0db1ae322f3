// Benchmark: what the tie to approved targets adds to a save. The clean Hunan evaluation (year
// 2025) is saved over and over into two evaluations in one SQLite file: one of a unit with
// approved 2025 targets and a monitoring report (each save looks the targets up, reads the last
// round and checks the body against both), and, as the baseline, one of a unit without targets
// (each save only finds that there are none). Saves alternate between the two in blocks, so
// drift on a shared machine falls on both. Target: ≤ 110% of the baseline.
// Run: npm run bench:targets [-- --saves 40 --rounds 30]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DepartmentEvaluation, targetTree } from '@jixiao/domain';
import { openStore } from '@jixiao/db';
import {
  createContext,
  createDepartment,
  createEvaluation,
  createMonitoringRound,
  createRegion,
  createTargetForm,
  createUser,
  evaluationFindings,
  loadActor,
  saveMonitoringReport,
  transitionTargets,
  updateEvaluation,
} from '@jixiao/services';
import type { Actor, ServiceContext } from '@jixiao/services';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) || fallback : fallback;
};
const SAVES = option('--saves', 40);
const ROUNDS = option('--rounds', 30);
const FIXTURE = JSON.parse(
  readFileSync(
    new URL('../fixtures/evaluations/clean-hunan-department.json', import.meta.url),
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
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-bench-targets-'));
  const store = await openStore({ sqliteFile: join(dir, 'bench.db') });
  try {
    const ctx = createContext(store);
    const region = await createRegion(ctx, { name: '示范市', financeBureau: '示范市财政局' });
    const tied = await createDepartment(ctx, null, {
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
    const parsed = DepartmentEvaluation.parse(FIXTURE);
    const body = { ...FIXTURE, meta: { ...parsed.meta, year: 2025 } };
    const form = await createTargetForm(ctx, admin, {
      departmentId: tied.id,
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
    const withTargets = await make(tied.id);
    const baseline = await make(plain.id);
    const tiedFindings = (await evaluationFindings(ctx, admin, withTargets)).findings.filter(
      (f) => f.category === 'target',
    );

    const versions = new Map([
      [withTargets, 1],
      [baseline, 1],
    ]);
    const save = async (id: string, n: number): Promise<{ wall: number; cpu: number }> => {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      for (let i = 0; i < n; i += 1) {
        const record = await updateEvaluation(ctx, admin, id, {
          version: versions.get(id) ?? 1,
          body,
        });
        versions.set(id, record.version);
      }
      const cpu = process.cpuUsage(c0);
      return { wall: (performance.now() - t0) / n, cpu: (cpu.user + cpu.system) / 1000 / n };
    };
    await save(baseline, 100);
    await save(withTargets, 100);
    const tiedMs: { wall: number; cpu: number }[] = [];
    const plainMs: { wall: number; cpu: number }[] = [];
    for (let r = 0; r < ROUNDS; r += 1) {
      if (r % 2 === 0) {
        plainMs.push(await save(baseline, SAVES));
        tiedMs.push(await save(withTargets, SAVES));
      } else {
        tiedMs.push(await save(withTargets, SAVES));
        plainMs.push(await save(baseline, SAVES));
      }
    }
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? 0;
    const a = median(plainMs.map((m) => m.wall));
    const b = median(tiedMs.map((m) => m.wall));
    const aCpu = median(plainMs.map((m) => m.cpu));
    const bCpu = median(tiedMs.map((m) => m.cpu));
    const ratio = b / a;
    process.stdout.write(
      [
        `jixiao targets benchmark (SQLite, ${ROUNDS} blocks × ${SAVES} saves each side, medians of the blocks)`,
        `save of a unit without targets (baseline)        ${a.toFixed(3)} ms/save, CPU ${aCpu.toFixed(3)} ms`,
        `save tied to approved targets and a monitoring   ${b.toFixed(3)} ms/save, CPU ${bCpu.toFixed(3)} ms  (${tiedFindings.length} findings against the targets)`,
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
