import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { DepartmentEvaluation } from '@jixiao/domain';
import { renderReportDocx } from '@jixiao/documents';
import { auditBatch, batchThreads, closeAuditWorkers } from './audit-batch.ts';
import { auditDocument, toFileAudit } from './audit-document.ts';

const clean = DepartmentEvaluation.parse(
  JSON.parse(
    readFileSync(
      new URL('../../../../fixtures/evaluations/clean-hunan-department.json', import.meta.url),
      'utf8',
    ),
  ),
);

afterAll(closeAuditWorkers);

describe('batchThreads', () => {
  it('keeps a small batch in this thread', () => {
    expect(batchThreads(1, 8)).toBe(0);
    expect(batchThreads(15, 8)).toBe(0);
  });
  it('adds a thread per dozen files, never more than the cores', () => {
    expect(batchThreads(16, 8)).toBe(1);
    expect(batchThreads(24, 8)).toBe(2);
    expect(batchThreads(200, 2)).toBe(2);
    expect(batchThreads(200, 1)).toBe(1);
  });
});

describe('auditBatch on worker threads', () => {
  it('gives every file the result of auditing it alone, in order, and reuses idle workers', async () => {
    const report = await renderReportDocx(clean, undefined, { figures: 'stated' });
    const expected = toFileAudit(auditDocument(report, 'a.docx'));
    const files = ['a.docx', 'missing.docx', 'a.docx', 'a.docx'];
    const load = (f: string): Promise<Uint8Array | Error> =>
      Promise.resolve(f === 'missing.docx' ? new Error('找不到文件') : report);
    const first = await auditBatch(files, load, { workers: 2 });
    expect(first.map((r) => r.ok)).toEqual([true, false, true, true]);
    expect(first[1]?.error).toBe('找不到文件');
    expect(first[0]).toEqual(expected);
    expect(first[3]).toEqual(expected);
    // The second batch finds the workers started: far quicker than a cold start.
    const t0 = performance.now();
    const second = await auditBatch(files, load, { workers: 2 });
    expect(second).toEqual(first);
    expect(performance.now() - t0).toBeLessThan(400);
  }, 60_000);
});
