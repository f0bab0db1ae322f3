import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { DepartmentEvaluation } from '@jixiao/domain';
import { departmentReportBlocks, renderReportDocx, resolveOptions } from '@jixiao/documents';
import { auditBatch, auditWorkerScript, batchThreads, closeAuditWorkers } from './audit-batch.ts';
import { auditDocument, toFileAudit } from './audit-document.ts';
import { blocksToHtml, blocksToText } from './testing/render-text.ts';

const fixture = (name: string): DepartmentEvaluation =>
  DepartmentEvaluation.parse(
    JSON.parse(
      readFileSync(
        new URL(`../../../../fixtures/evaluations/${name}.json`, import.meta.url),
        'utf8',
      ),
    ),
  );
const clean = fixture('clean-hunan-department');

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

  it('runs the precompiled worker, which finds what this thread finds in every format', async () => {
    expect((await auditWorkerScript()).kind).toBe('bundle');
    // Reports with mistakes (the corpus transcriptions) as .docx, .txt and .html.
    const bytes = new Map<string, Uint8Array>();
    for (const name of ['000_1b4dc649ed6af86d', '003_673b39950d73d57f', '004_66e78293cd0851a8']) {
      const evaluation = fixture(name);
      const blocks = departmentReportBlocks(evaluation, undefined, resolveOptions({}));
      bytes.set(`${name}.docx`, await renderReportDocx(evaluation, undefined, {}));
      bytes.set(`${name}.txt`, new TextEncoder().encode(blocksToText(blocks)));
      bytes.set(`${name}.html`, new TextEncoder().encode(blocksToHtml(blocks)));
    }
    bytes.set('empty.docx', new Uint8Array());
    bytes.set('garbage.docx', new TextEncoder().encode('not a zip file at all'));
    const files = [...bytes.keys()];
    const progress: number[] = [];
    const results = await auditBatch(
      files,
      (f) => Promise.resolve(bytes.get(f) ?? new Error('?')),
      { workers: 2, onProgress: (done) => progress.push(done) },
    );
    const alone = files.map((f) => toFileAudit(auditDocument(bytes.get(f) ?? new Uint8Array(), f)));
    expect(results).toEqual(alone);
    expect(results.filter((r) => r.findings.length > 0).length).toBeGreaterThanOrEqual(6);
    expect(results.filter((r) => !r.ok).map((r) => r.file)).toEqual(['empty.docx', 'garbage.docx']);
    expect(progress).toEqual(files.map((_, i) => i + 1));
  }, 60_000);

  it('reports a file over the time limit, replaces its worker and finishes the others', async () => {
    const report = await renderReportDocx(clean, undefined, { figures: 'stated' });
    const files = ['a.docx', 'b.docx', 'c.docx'];
    const finished: string[] = [];
    // No audit of a 10-page report takes a millisecond: each file in turn runs out of time,
    // including the one sent ahead to the same worker, which must not be reported twice.
    const results = await auditBatch(files, () => Promise.resolve(report), {
      workers: 1,
      timeoutMs: 1,
      onProgress: (_done, _total, file) => finished.push(file),
    });
    expect(results.map((r) => [r.file, r.ok])).toEqual([
      ['a.docx', false],
      ['b.docx', false],
      ['c.docx', false],
    ]);
    for (const r of results) expect(r.error).toMatch(/审核超时/);
    expect(finished.sort()).toEqual(files);
    // The pool still serves the next batch.
    const again = await auditBatch(files, () => Promise.resolve(report), { workers: 1 });
    expect(again.every((r) => r.ok)).toBe(true);
  }, 60_000);

  it('fails a file whose loader throws, and rejects once the batch is done when progress throws', async () => {
    const report = await renderReportDocx(clean, undefined, { figures: 'stated' });
    const load = (f: string): Promise<Uint8Array | Error> =>
      f === 'bad.docx' ? Promise.reject(new Error('磁盘错误')) : Promise.resolve(report);
    const results = await auditBatch(['a.docx', 'bad.docx', 'c.docx'], load, { workers: 2 });
    expect(results.map((r) => [r.ok, r.error])).toEqual([
      [true, undefined],
      [false, '磁盘错误'],
      [true, undefined],
    ]);
    let calls = 0;
    await expect(
      auditBatch(['a.docx', 'b.docx', 'c.docx'], load, {
        workers: 2,
        onProgress: () => {
          calls++;
          throw new Error('progress broke');
        },
      }),
    ).rejects.toThrow('progress broke');
    expect(calls).toBe(3);
  }, 60_000);
});
