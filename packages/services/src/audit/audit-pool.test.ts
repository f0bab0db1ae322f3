import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { DepartmentEvaluation } from '@jixiao/domain';
import { renderReportDocx } from '@jixiao/documents';
import { auditBatch } from './audit-batch.ts';
import { auditDocument, toFileAudit } from './audit-document.ts';
import {
  auditProcesses,
  closeAuditWorkers,
  idleProcesses,
  measuredLoad,
  prestartAuditWorkers,
  TIER_UP_FLAGS,
} from './audit-pool.ts';
import type { CpuSample } from './audit-pool.ts';

const clean = DepartmentEvaluation.parse(
  JSON.parse(
    readFileSync(
      new URL('../../../../fixtures/evaluations/clean-hunan-department.json', import.meta.url),
      'utf8',
    ),
  ),
);

afterAll(closeAuditWorkers);

describe('measuredLoad', () => {
  const cores = availableParallelism();
  const sample = (at: number, busy: number, idle: number, own: number): CpuSample => ({
    at,
    busy,
    idle,
    own,
  });
  it("counts the cores the others kept busy, this process's own time left out", () => {
    // 100 ms on every core: half of it busy, 30 ms of which this process's.
    const from = sample(0, 0, 0, 0);
    const to = sample(100, 50 * cores, 50 * cores, 30);
    expect(measuredLoad(from, to)).toBeCloseTo((50 * cores - 30) / 100);
    // Everything busy was this process: nobody else.
    expect(measuredLoad(from, sample(100, 40, 100 * cores - 40, 40))).toBe(0);
  });
  it('says nothing from samples too close to tell', () => {
    expect(measuredLoad(sample(0, 0, 0, 0), sample(10, 5, 10 * cores - 5, 0))).toBeUndefined();
  });
});

describe('prestartAuditWorkers', () => {
  it('starts processes ahead that the next batch takes first, and none for a small batch', async () => {
    await closeAuditWorkers();
    // The number of processes may come later, when the files are listed: 0 for a small batch.
    expect(await prestartAuditWorkers(Promise.resolve(0))).toBe(0);
    expect(auditProcesses()).toEqual([]);
    const started = await prestartAuditWorkers(Promise.resolve(availableParallelism()));
    expect(started).toBeGreaterThanOrEqual(1);
    expect(started).toBeLessThanOrEqual(availableParallelism());
    const ahead = auditProcesses().sort();
    expect(ahead.length).toBe(started);
    expect(idleProcesses()).toEqual({ warm: 0, fresh: started });
    if (existsSync('/proc/self/cmdline')) {
      for (const pid of ahead) {
        const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
        for (const flag of TIER_UP_FLAGS) expect(argv).toContain(flag);
      }
    }

    const report = await renderReportDocx(clean, undefined, { figures: 'stated' });
    const expected = toFileAudit(auditDocument(report, 'a.docx'));
    const files = Array.from({ length: 20 }, () => 'a.docx');
    const used = new Set<number>();
    const results = await auditBatch(files, () => Promise.resolve(report), {
      onProgress: () => {
        for (const pid of auditProcesses()) used.add(pid);
      },
    });
    expect(results).toEqual(files.map(() => expected));
    // The processes started ahead were the batch's (no other was started in their place), and
    // went back to the pool: warm when they audited. On a machine other programs keep busy the
    // batch runs fewer lanes than were started ahead, and a process left without a file waits fresh.
    for (const pid of ahead) expect(used).toContain(pid);
    const idle = idleProcesses();
    expect(idle.warm).toBeGreaterThanOrEqual(1);
    expect(idle.warm + idle.fresh).toBeGreaterThanOrEqual(started);
  }, 60_000);
});
