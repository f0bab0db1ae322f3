import type { ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import type { FileAudit } from '@jixiao/documents/audit-core';
import type { DocumentAudit } from './audit-document.ts';
import { failedAudit, failedDocumentAudit } from './failed-audit.ts';
import { needsTools } from './needs-tools.ts';
import {
  acquireWorker,
  collectionFor,
  failedToLoad,
  markLoaded,
  batchThreads,
  pendingPrestart,
  releaseWorker,
  stopWorker,
  useSources,
} from './audit-pool.ts';
import type { Collection } from './audit-pool.ts';

export {
  auditProcesses,
  batchThreads,
  auditProcessFlags,
  auditWorkerScript,
  closeAuditWorkers,
  collectionFor,
  prestartAuditWorkers,
} from './audit-pool.ts';
export type { Collection, WorkerScript } from './audit-pool.ts';

/**
 * Loads a file's bytes (`index`: its place in the batch, for names that repeat); an Error, thrown
 * or returned, becomes that file's read failure, and the batch goes on.
 */
export type LoadFile = (file: string, index: number) => Promise<Uint8Array | Error>;

export interface BatchOptions {
  /** Audit processes, started at once; 0 audits in this thread. Default: `batchThreads(files)`. */
  workers?: number;
  /** Longest time one file may take before its process is stopped and the file reported. */
  timeoutMs?: number;
  /**
   * Never audit in this thread, even a small batch: at least one audit process (for a server,
   * whose event loop must not run a document's audit, nor die of one).
   */
  offThread?: boolean;
  /** Each file's result as soon as it is known, in the order they finish. */
  onResult?: (index: number, result: FileAudit) => void;
  onProgress?: (done: number, total: number, file: string) => void;
}

/**
 * Files sent to a process ahead of its results: while this thread handles one result (and reads
 * the next file), the process already audits the next one instead of waiting.
 */
const QUEUE_DEPTH = 2;

async function auditOne(file: string, bytes: Uint8Array): Promise<FileAudit> {
  try {
    // The audit itself is loaded only when a batch runs in this thread: a command that sends its
    // files to audit processes does not load it.
    const { auditReport, toFileAudit } = await import('./audit-document.ts');
    return toFileAudit(await auditReport(bytes, file));
  } catch (error) {
    return failedAudit(
      file,
      `审核时发生内部错误：${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** A send to a process that has gone: its 'exit' replaces it, the callback has nothing to add. */
const noop = (): void => undefined;

interface Job {
  index: number;
  file: string;
  bytes: Uint8Array;
}

type WorkerMessage =
  { ready: true } | { id: number; result?: FileAudit; detail?: DocumentAudit; crash?: string };

/** Why a file failed when its process was stopped: it ran out of time, or the process died. */
/**
 * A file's time limit: PDFs, pictures and legacy files may need OCR or LibreOffice, which take
 * seconds a page; they get five minutes at least.
 */
export function timeoutFor(file: string, timeoutMs: number): number {
  return needsTools(file) ? Math.max(timeoutMs, 300_000) : timeoutMs;
}

function stoppedMessage(why: 'timeout' | 'crash', timeoutMs: number): string {
  return why === 'timeout'
    ? `审核超时（超过 ${timeoutMs / 1000} 秒），已跳过`
    : '审核进程异常退出，已跳过';
}

/**
 * `auditDocument` in an audit process from the pool, for a server that must not run a document's
 * audit in its event loop (a 20 MB text report takes about 9 s): the same result, everything the
 * audit learnt included. A process that crashes or takes longer than `timeoutMs` is stopped and
 * the file reported as not audited; a bundle that cannot be loaded sends this file, and every
 * later one, to processes that load the sources.
 */
export async function auditOffThread(
  bytes: Uint8Array,
  file: string,
  timeoutMs = 60_000,
): Promise<DocumentAudit> {
  // At most one such audit per core at a time: a burst of uploads waits its turn instead of
  // starting a process (about 115 MB) for each.
  while (offThreadRunning >= availableParallelism()) {
    await new Promise<void>((resolve) => offThreadWaiting.push(resolve));
  }
  offThreadRunning++;
  try {
    return await auditInOneProcess(bytes, file, timeoutFor(file, timeoutMs));
  } finally {
    offThreadRunning--;
    offThreadWaiting.shift()?.();
  }
}

let offThreadRunning = 0;
const offThreadWaiting: (() => void)[] = [];

async function auditInOneProcess(
  bytes: Uint8Array,
  file: string,
  timeoutMs: number,
): Promise<DocumentAudit> {
  for (let attempt = 0; ; attempt++) {
    let worker: ChildProcess;
    try {
      worker = await acquireWorker(collectionFor(1));
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      return failedDocumentAudit(file, `审核进程无法启动：${why}`);
    }
    const outcome = await new Promise<DocumentAudit | 'crash' | 'timeout'>((resolve) => {
      const onMessage = (m: WorkerMessage): void => {
        if ('ready' in m) markLoaded(worker);
        else if (m.id === 0) {
          end();
          resolve(
            m.detail ?? failedDocumentAudit(file, `审核时发生内部错误：${m.crash ?? '没有结果'}`),
          );
        }
      };
      const onCrash = (): void => {
        end();
        resolve('crash');
      };
      const timer = setTimeout(() => {
        end();
        resolve('timeout');
      }, timeoutMs);
      const end = (): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onCrash);
        worker.off('exit', onCrash);
      };
      worker.on('message', onMessage);
      worker.on('error', onCrash);
      worker.on('exit', onCrash);
      worker.send({ id: 0, file, bytes, detail: true }, undefined, undefined, noop);
    });
    if (typeof outcome !== 'string') {
      releaseWorker(worker);
      return outcome;
    }
    await stopWorker(worker);
    // A bundled process that failed to load: once more, from the sources.
    if (outcome === 'crash' && failedToLoad(worker) && attempt === 0) {
      useSources();
      continue;
    }
    return failedDocumentAudit(file, stoppedMessage(outcome, timeoutMs));
  }
}

/**
 * Audits many files, in parallel in audit processes (child processes, see `Collection`),
 * reusing the processes of the previous batch when they are still idle. Results come back in the
 * order of `files`. A file that cannot be loaded, crashes its process or exceeds the time limit
 * gets an `ok: false` result; the batch always finishes.
 *
 * How many: `batchThreads(files)`, all started at once (see there why the machine's other load
 * does not lower it). The processes are started before the first file is read; each has up to QUEUE_DEPTH files
 * sent ahead, audited in the order sent, so the time limit of a file runs from the result before
 * it.
 */
export async function auditBatch(
  files: readonly string[],
  load: LoadFile,
  options: BatchOptions = {},
): Promise<FileAudit[]> {
  const results: FileAudit[] = new Array<FileAudit>(files.length);
  const total = files.length;
  let done = 0;
  /** The first exception of onResult or onProgress: the batch finishes, then rejects with it. */
  let progressError: { error: unknown } | undefined;
  const finish = (index: number, result: FileAudit): void => {
    results[index] = result;
    done++;
    try {
      options.onResult?.(index, result);
      options.onProgress?.(done, total, result.file);
    } catch (error) {
      progressError ??= { error };
    }
  };
  /** A file's bytes; a loader that throws instead of returning an Error fails its file. */
  const read = (index: number): Promise<Uint8Array | Error> =>
    load(files[index] ?? '', index).catch((error: unknown) =>
      error instanceof Error ? error : new Error(String(error)),
    );
  const least = options.offThread ? 1 : 0;
  const workers = Math.min(
    options.workers ?? Math.max(least, batchThreads(files.length)),
    files.length,
  );
  if (workers <= 0 || (files.length <= 1 && least === 0)) {
    for (const [i, file] of files.entries()) {
      const bytes = await read(i);
      finish(
        i,
        bytes instanceof Error ? failedAudit(file, bytes.message) : await auditOne(file, bytes),
      );
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
      const bytes = await read(index);
      if (!(bytes instanceof Error)) return { index, file, bytes };
      finish(index, failedAudit(file, bytes.message));
    }
    return null;
  };
  const stopping: Promise<void>[] = [];
  const lanes: Promise<void>[] = [];
  const startLane = (collection: Collection): void => {
    lanes.push(new Promise<void>((laneDone) => runLane(laneDone, collection)));
  };
  // Every process starts at once, the ones started ahead for this batch
  // (`prestartAuditWorkers`) taken first.
  await pendingPrestart();
  for (let i = workers; i > 0; i--) startLane(collectionFor(workers));

  /** One audit process fed from `take`, replaced when it crashes or runs out of time. */
  function runLane(laneDone: () => void, collection: Collection): void {
    /** Sent, oldest first: the process audits them in this order. */
    const sent: Job[] = [];
    /** Read but not (or no longer) sent: the files a replaced process had not audited. */
    const waiting: Job[] = [];
    let worker: Promise<ChildProcess> | undefined;
    let current: ChildProcess | undefined;
    let timer: NodeJS.Timeout | undefined;
    let reading = false;
    let exhausted = false;

    const onMessage = (m: WorkerMessage): void => {
      if ('ready' in m) {
        if (current) markLoaded(current);
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
    const detach = (w: ChildProcess): void => {
      w.off('message', onMessage);
      w.off('error', onCrash);
      w.off('exit', onCrash);
    };
    const armTimer = (): void => {
      clearTimeout(timer);
      const first = sent[0];
      timer = first
        ? setTimeout(() => replace('timeout'), timeoutFor(first.file, timeoutMs))
        : undefined;
    };
    const acquire = (): Promise<ChildProcess> => {
      worker = acquireWorker(collection).then((w) => {
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
      stopping.push(stopWorker(w));
      const unsent = sent.splice(0);
      // A bundled process that failed to load: every later one starts from the sources,
      // and no file is blamed.
      if (why === 'crash' && failedToLoad(w)) {
        useSources();
        waiting.unshift(...unsent);
      } else {
        const [first, ...rest] = unsent;
        waiting.unshift(...rest);
        if (first) {
          finish(
            first.index,
            failedAudit(first.file, stoppedMessage(why, timeoutFor(first.file, timeoutMs))),
          );
        }
      }
      void fill();
    };
    /** Sends files until QUEUE_DEPTH are out (one when few are left for the other processes). */
    const fill = async (): Promise<void> => {
      if (reading) return;
      reading = true;
      try {
        for (;;) {
          const ahead =
            sent.length === 0 || waiting.length > 0 || files.length - next >= lanes.length;
          if (sent.length >= QUEUE_DEPTH || !ahead) break;
          let job = waiting.shift();
          if (!job && !exhausted) job = (await take()) ?? undefined;
          if (!job) {
            exhausted = true;
            break;
          }
          let w: ChildProcess;
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
          w.send({ id: job.index, file: job.file, bytes: job.bytes }, undefined, undefined, noop);
        }
      } finally {
        reading = false;
      }
      if (sent.length === 0 && waiting.length === 0 && exhausted) {
        clearTimeout(timer);
        // The process may still be starting when no file was left for it.
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
    // The process starts (or comes from the pool) while the first file is read.
    void acquire().catch(() => undefined);
    void fill();
  }

  // A lane joins only while another runs: awaited in order, the last one awaited is the last.
  for (let i = 0; i < lanes.length; i++) await lanes[i];
  await Promise.all(stopping);
  if (progressError) throw progressError.error;
  return results;
}
