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
  prestartAuditWorkers,
  TIER_UP_FLAGS,
} from './audit-pool.ts';

const clean = DepartmentEvaluation.parse(
  JSON.parse(
    readFileSync(
      new URL('../../../../fixtures/evaluations/clean-hunan-department.json', import.meta.url),
      'utf8',
    ),
  ),
);

afterAll(closeAuditWorkers);

describe('prestartAuditWorkers', () => {
  it('starts processes ahead that the next batch takes first, and none for a small batch', async () => {
    await closeAuditWorkers();
    // The number of processes may come later, when the files are listed: 0 for a small batch.
    expect(await prestartAuditWorkers(Promise.resolve(0))).toBe(0);
    expect(auditProcesses()).toEqual([]);
    const started = await prestartAuditWorkers(Promise.resolve(availableParallelism()));
    // As many as asked, however busy the machine is (see batchThreads).
    expect(started).toBe(availableParallelism());
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
    // The batch (20 files: one process) took one started ahead and started none in its place;
    // it went back to the pool warm, the others wait fresh.
    expect([...used].sort()).toEqual(ahead);
    expect(idleProcesses()).toEqual({ warm: 1, fresh: started - 1 });
  }, 60_000);
});
