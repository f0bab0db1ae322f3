import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FileAudit } from '@jixiao/documents/audit-core';
import { auditDocument, failedAudit, toFileAudit } from './audit-document.ts';
import { bundledScript, defaultCacheDirs } from './worker-bundle.ts';

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

/**
 * Below this many files the batch stays in this thread: a worker takes ~0.1 s to start and runs
 * slowly until its JIT has warmed up.
 */
const SMALL_BATCH = 16;
/** Files each extra worker must have to itself before starting it pays for its start-up. */
const FILES_PER_WORKER = 12;
/** How long an idle worker waits for the next batch before it is stopped. */
const IDLE_MS = 10_000;
/**
 * Files sent to a worker ahead of its results: while this thread handles one result (and reads
 * the next file), the worker already audits the next one instead of waiting.
 */
const QUEUE_DEPTH = 2;

/**
 * Threads for a batch of `files` files: none for a small batch, then one per
 * FILES_PER_WORKER files, never more than the cores.
 */
export function batchThreads(files: number, cores = availableParallelism()): number {
  if (files < SMALL_BATCH) return 0;
  return Math.max(1, Math.min(cores, Math.floor(files / FILES_PER_WORKER)));
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

/** What worker threads run: the bundled worker (plain JavaScript) or its TypeScript sources. */
export type WorkerScript = { kind: 'bundle'; file: string } | { kind: 'source' };

let script: Promise<WorkerScript> | undefined;

/**
 * The worker script for this process, decided once: the bundle of audit-worker.ts and its
 * imports (see worker-bundle.ts; built on first use after any source change, about 0.3 s), or
 * the sources through tsx when the bundle cannot be built or JIXIAO_AUDIT_WORKER=source.
 */
export function auditWorkerScript(): Promise<WorkerScript> {
  script ??= (async (): Promise<WorkerScript> => {
    if (process.env.JIXIAO_AUDIT_WORKER === 'source') return { kind: 'source' };
    const built = await bundledScript({
      entry: fileURLToPath(new URL('./audit-worker.ts', import.meta.url)),
      name: 'audit-worker',
      cacheDirs: defaultCacheDirs(tmpdir()),
    });
    return built instanceof Error ? { kind: 'source' } : { kind: 'bundle', file: built };
  })();
  return script;
}

/** Threads started from the bundle: if one cannot load it, the process goes back to sources. */
const fromBundle = new WeakSet<Worker>();
/** Threads that said they are loaded: a later crash is the file's doing. */
const loaded = new WeakSet<Worker>();

function startWorker(from: WorkerScript): Worker {
  // A memory ceiling per worker: a pathological document fails alone instead of the machine.
  const options = { resourceLimits: { maxOldGenerationSizeMb: 1024 } };
  // A bundle removed since (an old one pruned by another process): back to the sources.
  if (from.kind === 'bundle' && existsSync(from.file)) {
    const worker = new Worker(from.file, options);
    fromBundle.add(worker);
    return worker;
  }
  // The sources need the tsx loader first (resolved from this package, as bin/jixiao.js does);
  // `--import tsx` in execArgv does not reach a worker's entry module on Node 20, hence the
  // small bootstrap. tsx/esm/api resolves to its CommonJS build under require; the ESM build
  // sits beside it.
  const api = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const entry = new URL('./audit-worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { ...options, eval: true });
}

interface Pooled {
  worker: Worker;
  timer: NodeJS.Timeout;
}
/** Started workers waiting for the next batch: a second batch does not pay the start-up again. */
const idle: Pooled[] = [];

async function acquireWorker(): Promise<Worker> {
  const pooled = idle.pop();
  if (!pooled) return startWorker(await auditWorkerScript());
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

interface Job {
  index: number;
  file: string;
  bytes: Uint8Array;
}

type WorkerMessage = { ready: true } | { id: number; result?: FileAudit; crash?: string };

/**
 * Audits many files, in parallel on worker threads (see `batchThreads`), reusing the workers
 * of the previous batch when they are still idle. Results come back in the
 * order of `files`. A file that cannot be loaded, crashes its worker or exceeds the time limit
 * gets an `ok: false` result; the batch always finishes.
 *
 * The threads are started before the first file is read; each has up to QUEUE_DEPTH files sent
 * ahead, audited in the order sent, so the time limit of a file runs from the result before it.
 */
export async function auditBatch(
  files: readonly string[],
  load: LoadFile,
  options: BatchOptions = {},
): Promise<FileAudit[]> {
  const results: FileAudit[] = new Array<FileAudit>(files.length);
  const total = files.length;
  let done = 0;
  /** The first exception of onProgress: the batch finishes, then rejects with it. */
  let progressError: { error: unknown } | undefined;
  const finish = (index: number, result: FileAudit): void => {
    results[index] = result;
    done++;
    try {
      options.onProgress?.(done, total, result.file);
    } catch (error) {
      progressError ??= { error };
    }
  };
  const workers = Math.min(options.workers ?? batchThreads(files.length), files.length);
  if (workers <= 0 || files.length <= 1) {
    for (const [i, file] of files.entries()) {
      const bytes = await load(file);
      finish(i, bytes instanceof Error ? failedAudit(file, bytes.message) : auditOne(file, bytes));
      if (progressError) throw progressError.error;
    }
    return results;
  }
  const timeoutMs = options.timeoutMs ?? 60_000;
  let next = 0;
  /** The next file, read; files that cannot be read are finished on the way. */
  const take = async (): Promise<Job | null> => {
    while (next < files.length) {
      const index = next++;
      const file = files[index] ?? '';
      // A loader that throws instead of returning an Error fails its file, not the batch.
      const bytes = await load(file).catch((error: unknown) =>
        error instanceof Error ? error : new Error(String(error)),
      );
      if (!(bytes instanceof Error)) return { index, file, bytes };
      finish(index, failedAudit(file, bytes.message));
    }
    return null;
  };
  const stopping: Promise<number>[] = [];
  const lanes = Array.from(
    { length: workers },
    () => new Promise<void>((laneDone) => runLane(laneDone)),
  );

  /** One worker thread fed from `take`, replaced when it crashes or runs out of time. */
  function runLane(laneDone: () => void): void {
    /** Sent, oldest first: the worker audits them in this order. */
    const sent: Job[] = [];
    /** Read but not (or no longer) sent: the files a replaced worker had not audited. */
    const waiting: Job[] = [];
    let worker: Promise<Worker> | undefined;
    let current: Worker | undefined;
    let timer: NodeJS.Timeout | undefined;
    let reading = false;
    let exhausted = false;

    const onMessage = (m: WorkerMessage): void => {
      if ('ready' in m) {
        if (current) loaded.add(current);
        return;
      }
      const job = sent[0];
      if (!job || m.id !== job.index) return;
      sent.shift();
      armTimer();
      finish(job.index, m.result ?? failedAudit(job.file, `审核时发生内部错误：${m.crash ?? ''}`));
      void fill();
    };
    const onCrash = (): void => replace('crash');
    const detach = (w: Worker): void => {
      w.off('message', onMessage);
      w.off('error', onCrash);
      w.off('exit', onCrash);
    };
    const armTimer = (): void => {
      clearTimeout(timer);
      timer = sent.length > 0 ? setTimeout(() => replace('timeout'), timeoutMs) : undefined;
    };
    const acquire = (): Promise<Worker> => {
      worker = acquireWorker().then((w) => {
        current = w;
        w.on('message', onMessage);
        w.on('error', onCrash);
        w.on('exit', onCrash);
        return w;
      });
      return worker;
    };
    /** Stops the worker; its first file fails, the others go to the next worker. */
    const replace = (why: 'timeout' | 'crash'): void => {
      const w = current;
      if (!w) return;
      detach(w);
      current = undefined;
      worker = undefined;
      clearTimeout(timer);
      stopping.push(w.terminate());
      const unsent = sent.splice(0);
      // A bundled thread that failed to load: every later thread starts from the sources,
      // and no file is blamed.
      if (why === 'crash' && !loaded.has(w) && fromBundle.has(w)) {
        script = Promise.resolve({ kind: 'source' });
        waiting.unshift(...unsent);
      } else {
        const [first, ...rest] = unsent;
        waiting.unshift(...rest);
        if (first) {
          finish(
            first.index,
            failedAudit(
              first.file,
              why === 'timeout'
                ? `审核超时（超过 ${timeoutMs / 1000} 秒），已跳过`
                : '审核进程异常退出，已跳过',
            ),
          );
        }
      }
      void fill();
    };
    /** Sends files until QUEUE_DEPTH are out (one when few are left for the other threads). */
    const fill = async (): Promise<void> => {
      if (reading) return;
      reading = true;
      try {
        for (;;) {
          const ahead = sent.length === 0 || waiting.length > 0 || files.length - next >= workers;
          if (sent.length >= QUEUE_DEPTH || !ahead) break;
          let job = waiting.shift();
          if (!job && !exhausted) job = (await take()) ?? undefined;
          if (!job) {
            exhausted = true;
            break;
          }
          let w: Worker;
          try {
            w = await (worker ?? acquire());
          } catch (error) {
            worker = undefined;
            finish(
              job.index,
              failedAudit(
                job.file,
                `审核进程无法启动：${error instanceof Error ? error.message : String(error)}`,
              ),
            );
            continue;
          }
          if (w !== current) {
            // Replaced while this file was read: send it to the next worker.
            waiting.unshift(job);
            continue;
          }
          sent.push(job);
          if (sent.length === 1) armTimer();
          w.postMessage({ id: job.index, file: job.file, bytes: job.bytes });
        }
      } finally {
        reading = false;
      }
      if (sent.length === 0 && waiting.length === 0 && exhausted) {
        clearTimeout(timer);
        // The worker may still be starting when no file was left for it.
        const last = worker;
        worker = undefined;
        current = undefined;
        if (last) {
          void last.then(
            (w) => {
              detach(w);
              releaseWorker(w);
            },
            () => undefined,
          );
        }
        laneDone();
      }
    };
    // The thread starts (or comes from the pool) while the first file is read.
    void acquire().catch(() => undefined);
    void fill();
  }

  await Promise.all(lanes);
  await Promise.all(stopping);
  if (progressError) throw progressError.error;
  return results;
}
