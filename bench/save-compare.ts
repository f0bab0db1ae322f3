// Shared by the save benchmarks (bench:decisions, bench:targets): a SQLite file with one region,
// two units (甲 for what is measured, 乙 for the baseline), an admin and a reviewer; and the timer
// that saves into two evaluations in alternating blocks, so that drift on a shared machine falls
// on both sides, and compares the medians of the blocks.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openStore } from '@jixiao/db';
import {
  createContext,
  createDepartment,
  createRegion,
  createUser,
  loadActor,
  updateEvaluation,
} from '@jixiao/services';
import type { Actor, ServiceContext } from '@jixiao/services';

/** A numeric command-line option (`--saves 40`), else the fallback. */
export function benchOption(name: string, fallback: number): number {
  const args = process.argv.slice(2);
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) || fallback : fallback;
}

const PASSWORD = 'Bench-passw0rd';

async function actor(ctx: ServiceContext, id: string): Promise<Actor> {
  const a = await loadActor(ctx, id);
  if (a === null) throw new Error('no actor');
  return a;
}

export interface SaveBench {
  ctx: ServiceContext;
  /** 甲 (the unit measured) and 乙 (the baseline's unit). */
  measured: string;
  baseline: string;
  admin: Actor;
  reviewer: Actor;
}

/** Runs `body` on a fresh SQLite file with the bench's region, units and users; removes it after. */
export async function withSaveBench(
  name: string,
  body: (bench: SaveBench) => Promise<void>,
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), `jixiao-bench-${name}-`));
  const store = await openStore({ sqliteFile: join(dir, 'bench.db') });
  try {
    const ctx = createContext(store);
    const region = await createRegion(ctx, { name: '示范市', financeBureau: '示范市财政局' });
    const unit = async (code: string, unitName: string) =>
      (await createDepartment(ctx, null, { code, name: unitName, regionId: region.id })).id;
    const user = async (username: string, role: 'admin' | 'reviewer') =>
      actor(
        ctx,
        (
          await createUser(ctx, null, {
            username,
            password: PASSWORD,
            role,
            ...(role === 'reviewer' ? { regionId: region.id } : {}),
          })
        ).id,
      );
    await body({
      ctx,
      measured: await unit('A', '甲单位'),
      baseline: await unit('B', '乙单位'),
      admin: await user('admin', 'admin'),
      reviewer: await user('reviewer', 'reviewer'),
    });
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface SaveComparison {
  /** Median wall and CPU milliseconds per save of the baseline (a) and the measured side (b). */
  a: number;
  b: number;
  aCpu: number;
  bCpu: number;
  /** b / a by wall time. */
  ratio: number;
}

/**
 * Saves `body` into the measured and the baseline evaluation: 100 warm-up saves each, then
 * `rounds` blocks of `saves` saves per side, alternating which side goes first.
 */
export async function compareSaves(
  ctx: ServiceContext,
  admin: Actor,
  ids: { measured: string; baseline: string },
  body: unknown,
  rounds: number,
  saves: number,
): Promise<SaveComparison> {
  const versions = new Map([
    [ids.measured, 1],
    [ids.baseline, 1],
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
  // Warm-up: the statements compile, the JIT settles.
  await save(ids.baseline, 100);
  await save(ids.measured, 100);
  const measured: { wall: number; cpu: number }[] = [];
  const baseline: { wall: number; cpu: number }[] = [];
  // Many short blocks, alternating which goes first: a burst of load from elsewhere on the
  // machine falls on both sides, and the medians leave it out.
  for (let r = 0; r < rounds; r += 1) {
    if (r % 2 === 0) {
      baseline.push(await save(ids.baseline, saves));
      measured.push(await save(ids.measured, saves));
    } else {
      measured.push(await save(ids.measured, saves));
      baseline.push(await save(ids.baseline, saves));
    }
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? 0;
  const a = median(baseline.map((m) => m.wall));
  const b = median(measured.map((m) => m.wall));
  return {
    a,
    b,
    aCpu: median(baseline.map((m) => m.cpu)),
    bCpu: median(measured.map((m) => m.cpu)),
    ratio: b / a,
  };
}

/** The closing line: the ratio by time and by CPU against the 110% target. */
export function ratioLine(c: SaveComparison): string {
  return `ratio ${(100 * c.ratio).toFixed(1)}% of the baseline by time, ${((100 * c.bCpu) / c.aCpu).toFixed(1)}% by CPU (target ≤ 110%): ${c.ratio <= 1.1 ? 'met' : 'NOT met'}`;
}
