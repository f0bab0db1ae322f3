import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FileAudit } from '@jixiao/documents/audit-core';
import { auditDocument, toFileAudit } from './audit-document.ts';

/** Loads a file's bytes; an Error becomes that file's read failure, the batch goes on. */
export type LoadFile = (file: string) => Promise<Uint8Array | Error>;

export interface BatchOptions {
  /**
   * Worker threads; 0 audits in this thread. Default: `batchThreads(files)`, none for a small
   * batch, at most one per core.
   */
  workers?: number;
  /** Longest time one file may take before its worker is stopped and the file reported. */
  timeoutMs?: number;
  onProgress?: (done: number, total: number, file: string) => void;
}

/** Below this many files the batch stays in this thread: a worker takes about a second to start. */
const SMALL_BATCH = 16;
/** Files each extra worker must have to itself before starting it pays for its start-up. */
const FILES_PER_WORKER = 12;
/** How long an idle worker waits for the next batch before it is stopped. */
const IDLE_MS = 10_000;

/**
 * Threads for a batch of `files` files: none for a small batch, then one per
 * FILES_PER_WORKER files, never more than the cores.
 */
export function batchThreads(files: number, cores = availableParallelism()): number {
  if (files < SMALL_BATCH) return 0;
  return Math.max(1, Math.min(cores, Math.floor(files / FILES_PER_WORKER)));
}

const emptySummary = {
  title: null,
  department: null,
  year: null,
  rulebook: null,
  claimedTotal: null,
  computedTotal: null,
};

export function failedAudit(file: string, error: string): FileAudit {
  return { file, ok: false, error, summary: { ...emptySummary }, findings: [] };
}

function auditOne(file: string, bytes: Uint8Array): FileAudit {
  try {
    return toFileAudit(auditDocument(bytes, file));
  } catch (error) {
    return failedAudit(
      file,
      `审核时发生内部错误：${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/**
 * The worker runs TypeScript source, so it first registers the tsx loader (resolved from this
 * package, as bin/jixiao.js does) and then imports the worker module. `--import tsx` in execArgv
 * does not reach a worker's entry module on Node 20, hence the small bootstrap.
 */
function startWorker(): Worker {
  // tsx/esm/api resolves to its CommonJS build under require; the ESM build sits beside it.
  const api = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const entry = new URL('./audit-worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  // A memory ceiling per worker: a pathological document fails alone instead of the machine.
  return new Worker(boot, { eval: true, resourceLimits: { maxOldGenerationSizeMb: 1024 } });
}

interface Pooled {
  worker: Worker;
  timer: NodeJS.Timeout;
}
/** Started workers waiting for the next batch: a second batch does not pay the start-up again. */
const idle: Pooled[] = [];

function acquireWorker(): Worker {
  const pooled = idle.pop();
  if (!pooled) return startWorker();
  clearTimeout(pooled.timer);
  pooled.worker.removeAllListeners('exit');
  pooled.worker.ref();
  return pooled.worker;
}

/** Back to the pool; an idle worker keeps no process alive and stops after IDLE_MS. */
function releaseWorker(worker: Worker): void {
  worker.unref();
  const entry: Pooled = {
    worker,
    timer: setTimeout(() => {
      const i = idle.indexOf(entry);
      if (i >= 0) idle.splice(i, 1);
      void worker.terminate();
    }, IDLE_MS).unref(),
  };
  worker.once('exit', () => {
    clearTimeout(entry.timer);
    const i = idle.indexOf(entry);
    if (i >= 0) idle.splice(i, 1);
  });
  idle.push(entry);
}

/** Stops the idle workers now (they would stop by themselves after IDLE_MS). */
export async function closeAuditWorkers(): Promise<void> {
  const all = idle.splice(0);
  for (const p of all) clearTimeout(p.timer);
  await Promise.all(all.map((p) => p.worker.terminate()));
}

/**
 * Audits many files, in parallel on worker threads (see `batchThreads`), reusing the workers
 * of the previous batch when they are still idle. Results come back in the
 * order of `files`. A file that cannot be loaded, crashes its worker or exceeds the time limit
 * gets an `ok: false` result; the batch always finishes.
 */
export async function auditBatch(
  files: readonly string[],
  load: LoadFile,
  options: BatchOptions = {},
): Promise<FileAudit[]> {
  const results: FileAudit[] = new Array<FileAudit>(files.length);
  const total = files.length;
  let done = 0;
  const finish = (index: number, result: FileAudit): void => {
    results[index] = result;
    done++;
    options.onProgress?.(done, total, result.file);
  };
  // Starting a worker costs about a second (it compiles the sources): small batches stay here.
  const workers = Math.min(options.workers ?? batchThreads(files.length), files.length);
  if (workers <= 0 || files.length <= 1) {
    for (const [i, file] of files.entries()) {
      const bytes = await load(file);
      finish(i, bytes instanceof Error ? failedAudit(file, bytes.message) : auditOne(file, bytes));
    }
    return results;
  }
  const timeoutMs = options.timeoutMs ?? 60_000;
  let next = 0;
  const runLane = async (): Promise<void> => {
    let worker: Worker | undefined;
    try {
      while (next < files.length) {
        const index = next++;
        const file = files[index] ?? '';
        const bytes = await load(file);
        if (bytes instanceof Error) {
          finish(index, failedAudit(file, bytes.message));
          continue;
        }
        worker ??= acquireWorker();
        const current = worker;
        const outcome = await new Promise<FileAudit | 'timeout' | 'crash'>((resolve) => {
          const timer = setTimeout(() => resolve('timeout'), timeoutMs);
          const onMessage = (m: { id: number; result?: FileAudit; crash?: string }): void => {
            if (m.id !== index) return;
            cleanup();
            resolve(m.result ?? failedAudit(file, `审核时发生内部错误：${m.crash ?? ''}`));
          };
          const onError = (): void => {
            cleanup();
            resolve('crash');
          };
          const cleanup = (): void => {
            clearTimeout(timer);
            current.off('message', onMessage);
            current.off('error', onError);
            current.off('exit', onError);
          };
          current.on('message', onMessage);
          current.on('error', onError);
          current.on('exit', onError);
          current.postMessage({ id: index, file, bytes });
        });
        if (outcome === 'timeout' || outcome === 'crash') {
          await current.terminate();
          worker = undefined;
          finish(
            index,
            failedAudit(
              file,
              outcome === 'timeout'
                ? `审核超时（超过 ${timeoutMs / 1000} 秒），已跳过`
                : '审核进程异常退出，已跳过',
            ),
          );
        } else finish(index, outcome);
      }
    } finally {
      if (worker) releaseWorker(worker);
    }
  };
  await Promise.all(Array.from({ length: workers }, runLane));
  return results;
}
