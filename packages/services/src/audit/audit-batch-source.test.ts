import { readFileSync } from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import { DepartmentEvaluation } from '@jixiao/domain';
import { renderReportDocx } from '@jixiao/documents';
import { auditBatch, auditWorkerScript, closeAuditWorkers } from './audit-batch.ts';
import { auditDocument, toFileAudit } from './audit-document.ts';

// The fallback when no bundle can be built: audit processes load the TypeScript sources through tsx.
// (Its own test file: the choice is made once per process, and vitest isolates each file.)
process.env.JIXIAO_AUDIT_WORKER = 'source';
afterAll(async () => {
  delete process.env.JIXIAO_AUDIT_WORKER;
  await closeAuditWorkers();
});

it('audits in processes that load the sources through tsx, with the same results', async () => {
  expect(await auditWorkerScript()).toEqual({ kind: 'source' });
  const clean = DepartmentEvaluation.parse(
    JSON.parse(
      readFileSync(
        new URL('../../../../fixtures/evaluations/clean-hunan-department.json', import.meta.url),
        'utf8',
      ),
    ),
  );
  const report = await renderReportDocx(clean, undefined, { figures: 'stated' });
  const expected = toFileAudit(auditDocument(report, 'a.docx'));
  const results = await auditBatch(['a.docx', 'a.docx', 'a.docx'], () => Promise.resolve(report), {
    workers: 2,
  });
  expect(results).toEqual([expected, expected, expected]);
}, 60_000);
