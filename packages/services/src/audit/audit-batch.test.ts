import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { DepartmentEvaluation } from '@jixiao/domain';
import { departmentReportBlocks, renderReportDocx, resolveOptions } from '@jixiao/documents';
import {
  auditBatch,
  auditOffThread,
  auditProcessFlags,
  auditProcesses,
  collectionFor,
  auditWorkerScript,
  batchThreads,
  closeAuditWorkers,
} from './audit-batch.ts';
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
  it('adds a process per dozen files, never more than the cores', () => {
    expect(batchThreads(16, 8)).toBe(1);
    expect(batchThreads(24, 8)).toBe(2);
    expect(batchThreads(200, 2)).toBe(2);
    expect(batchThreads(200, 1)).toBe(1);
    expect(batchThreads(100_000, 2)).toBe(2);
    expect(batchThreads(100_000, 64)).toBe(64);
  });
});

describe('collectionFor', () => {
  it('collects in parallel only for a process alone with a core to spare', () => {
    expect(collectionFor(1, 2)).toBe('parallel');
    expect(collectionFor(2, 2)).toBe('single');
    expect(collectionFor(1, 1)).toBe('single');
    expect(collectionFor(5, 8)).toBe('single');
    expect(auditProcessFlags('single')).toEqual([
      '--single-threaded-gc',
      '--max-old-space-size=1024',
    ]);
    expect(auditProcessFlags('parallel')).toEqual(['--max-old-space-size=1024']);
  });
});

describe('auditBatch in audit processes', () => {
  it('gives every file the result of auditing it alone, in order, and reuses idle processes', async () => {
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
    // The second batch finds the processes started and uses them: no process is started anew.
    const warm = auditProcesses().sort();
    expect(warm.length).toBeGreaterThan(0);
    const second = await auditBatch(files, load, { workers: 2 });
    expect(second).toEqual(first);
    expect(auditProcesses().sort()).toEqual(warm);
  }, 60_000);

  it('runs the precompiled bundle, which finds what this thread finds in every format', async () => {
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

  it('reports a file over the time limit, replaces its process and finishes the others', async () => {
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

  it.runIf(existsSync('/proc/self/cmdline') && availableParallelism() >= 2)(
    'runs side-by-side processes with single-threaded collection, one alone with parallel; all with a memory ceiling',
    async () => {
      const report = await renderReportDocx(clean, undefined, { figures: 'stated' });
      const argvs = async (workers: number): Promise<string[][]> => {
        await closeAuditWorkers();
        const seen: string[][] = [];
        const files = ['a.docx', 'b.docx', 'c.docx', 'd.docx'];
        await auditBatch(files, () => Promise.resolve(report), {
          workers,
          onProgress: (done) => {
            if (done !== 1) return;
            for (const pid of auditProcesses()) {
              seen.push(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0'));
            }
          },
        });
        return seen;
      };
      const two = await argvs(2);
      expect(two.length).toBe(2);
      for (const argv of two) {
        expect(argv).toContain('--single-threaded-gc');
        expect(argv).toContain('--max-old-space-size=1024');
      }
      // A warm process of the other kind is reused rather than a new one started.
      const before = auditProcesses().sort();
      await auditBatch(['a.docx', 'b.docx'], () => Promise.resolve(report), { workers: 1 });
      expect(auditProcesses().sort()).toEqual(before);
      const one = await argvs(1);
      expect(one.length).toBe(1);
      expect(one[0]).not.toContain('--single-threaded-gc');
      expect(one[0]).toContain('--max-old-space-size=1024');
    },
    60_000,
  );

  it('fails only the file in flight of a process killed mid-batch, and audits the rest in a new one', async () => {
    const report = await renderReportDocx(clean, undefined, { figures: 'stated' });
    const expected = toFileAudit(auditDocument(report, 'a.docx'));
    await closeAuditWorkers();
    const files = Array.from({ length: 12 }, () => 'a.docx');
    let killed: number[] = [];
    const results = await auditBatch(files, () => Promise.resolve(report), {
      workers: 1,
      onProgress: (done) => {
        if (done !== 1) return;
        killed = auditProcesses();
        for (const pid of killed) process.kill(pid, 'SIGKILL');
      },
    });
    expect(killed.length).toBe(1);
    const failed = results.filter((r) => !r.ok);
    // The file it was auditing fails (none when its result was already on the way).
    expect(failed.length).toBeLessThanOrEqual(1);
    for (const r of failed) expect(r.error).toBe('审核进程异常退出，已跳过');
    for (const r of results.filter((x) => x.ok)) expect(r).toEqual(expected);
    expect(results.filter((r) => r.ok).length).toBeGreaterThanOrEqual(11);
    // The rest went to a new process, which now waits in the pool.
    const now = auditProcesses();
    expect(now.length).toBe(1);
    expect(now).not.toContain(killed[0]);
  }, 60_000);

  it.runIf(availableParallelism() >= 2)(
    'starts a process per dozen files at once, whatever the load, and takes the warm ones of the pool',
    async () => {
      const report = await renderReportDocx(clean, undefined, { figures: 'stated' });
      const files = Array.from({ length: 24 }, () => 'a.docx');
      const seen = new Set<number>();
      const most = async (): Promise<number> => {
        let n = 0;
        await auditBatch(files, () => Promise.resolve(report), {
          onProgress: () => {
            const now = auditProcesses();
            for (const pid of now) seen.add(pid);
            n = Math.max(n, now.length);
          },
        });
        return n;
      };
      await closeAuditWorkers();
      // 24 files: two processes, both cold, started together however busy the machine is.
      expect(await most()).toBe(batchThreads(files.length));
      expect(await most()).toBe(2);
      // The second batch took the two warm processes of the first.
      expect(seen.size).toBe(2);
    },
    60_000,
  );

  it('leaves no audit process behind when the process that started them is killed', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', new URL('./testing/hold-batch.ts', import.meta.url).pathname],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('\n')) resolve(out.slice(0, out.indexOf('\n')));
      });
      child.once('exit', () => reject(new Error(`exited before printing: ${out}`)));
    });
    const pids = JSON.parse(line) as number[];
    expect(pids.length).toBe(2);
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await gone;
    const alive = (pid: number): boolean => {
      try {
        process.kill(pid, 0);
      } catch {
        return false;
      }
      // A zombie waiting for a parent that does not reap it has exited all the same.
      const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
      return !/\) Z /.test(stat);
    };
    const deadline = Date.now() + 10_000;
    while (pids.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(pids.filter(alive)).toEqual([]);
  }, 60_000);

  it('with offThread audits even one file in an audit process, and tells each result as it comes', async () => {
    const report = await renderReportDocx(clean, undefined, { figures: 'stated' });
    const expected = toFileAudit(auditDocument(report, 'a.docx'));
    await closeAuditWorkers();
    const told: [number, unknown][] = [];
    let processes = 0;
    const results = await auditBatch(['a.docx'], () => Promise.resolve(report), {
      offThread: true,
      onResult: (index, result) => told.push([index, result]),
      onProgress: () => {
        processes = auditProcesses().length;
      },
    });
    expect(results).toEqual([expected]);
    expect(processes).toBe(1);
    expect(told).toEqual([[0, expected]]);
    // Without it, one file stays in this thread; the loader is told each file's index.
    await closeAuditWorkers();
    const indexes: number[] = [];
    const inThread = await auditBatch(['a.docx', 'a.docx'], (_f, i) => {
      indexes.push(i);
      return i === 1 ? Promise.reject(new Error('读不到')) : Promise.resolve(report);
    });
    expect(auditProcesses()).toEqual([]);
    expect(indexes).toEqual([0, 1]);
    expect(inThread.map((r) => [r.ok, r.error])).toEqual([
      [true, undefined],
      [false, '读不到'],
    ]);
  }, 60_000);

  it('sends a large file to its process whole and gets its own error back; the batch goes on', async () => {
    const report = await renderReportDocx(clean, undefined, { figures: 'stated' });
    // 25 MB that only look like a zip at the start.
    const big = new Uint8Array(25 * 1024 * 1024);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    for (let i = 4; i < big.length; i += 4096) big[i] = i % 251;
    const bytes: Record<string, Uint8Array> = { 'big.docx': big, 'a.docx': report };
    const results = await auditBatch(
      ['big.docx', 'a.docx', 'big.docx'],
      (f) => Promise.resolve(bytes[f] ?? new Error('?')),
      { workers: 2 },
    );
    expect(results.map((r) => r.ok)).toEqual([false, true, false]);
    const alone = toFileAudit(auditDocument(big, 'big.docx'));
    expect(alone.ok).toBe(false);
    expect(results[0]).toEqual(alone);
    expect(results[0]?.error).toMatch(/[\u4e00-\u9fff]/);
    expect(results[1]).toEqual(toFileAudit(auditDocument(report, 'a.docx')));
  }, 60_000);

  it('auditOffThread gives what auditDocument gives, one process per core at the most', async () => {
    const report = await renderReportDocx(clean, undefined, { figures: 'stated' });
    const alone = auditDocument(report, 'a.docx');
    await closeAuditWorkers();
    let most = 0;
    const watch = setInterval(() => {
      most = Math.max(most, auditProcesses().length);
    }, 1);
    const results = await Promise.all(
      Array.from({ length: 6 }, () => auditOffThread(report, 'a.docx')),
    );
    clearInterval(watch);
    for (const r of results) expect(r).toEqual(alone);
    expect(results[0]?.evaluation?.meta.unitName).toBe(clean.meta.unitName);
    expect(most).toBeGreaterThan(0);
    expect(most).toBeLessThanOrEqual(availableParallelism());
    // Unreadable: its read error comes back; out of time: reported, the process replaced.
    const garbage = await auditOffThread(new TextEncoder().encode('not a zip'), 'g.docx');
    expect(garbage.readError?.code).toBe(
      auditDocument(new TextEncoder().encode('not a zip'), 'g.docx').readError?.code,
    );
    const late = await auditOffThread(report, 'a.docx', 1);
    expect([late.ok, late.evaluation]).toEqual([false, null]);
    expect(late.error).toMatch(/审核超时/);
    expect((await auditOffThread(report, 'a.docx')).ok).toBe(true);
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
