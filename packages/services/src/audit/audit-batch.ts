import { type ChildProcess, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FileAudit } from '@jixiao/documents/audit-core';
import {
  auditReport,
  failedAudit,
  failedDocumentAudit,
  needsTools,
  toFileAudit,
} from './audit-document.ts';
import type { DocumentAudit } from './audit-document.ts';
import { bundledScript, defaultCacheDirs } from './worker-bundle.ts';

/**
 * Loads a file's bytes (`index`: its place in the batch, for names that repeat); an Error, thrown
 * or returned, becomes that file's read failure, and the batch goes on.
 */
export type LoadFile = (file: string, index: number) => Promise<Uint8Array | Error>;

export interface BatchOptions {
  /**
   * Audit processes; 0 audits in this thread. Given, that many start at once. Default: up to
   * `batchThreads(files)`, started as `initialLanes` and `addLane` decide (see `auditBatch`).
   */
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
 * Below this many files the batch stays in this thread: a process takes ~0.1 s to start and runs
 * slowly until its JIT has warmed up.
 */
const SMALL_BATCH = 16;
/** Files each extra process must have to itself before starting it pays for its start-up. */
const FILES_PER_WORKER = 12;
/**
 * How long an idle process waits for the next batch before it is stopped: a server's next audit
 * job within two minutes finds it warm (a warm process holds about 115 MB); a command-line run
 * ends with its batch all the same, since idle processes keep no program alive.
 */
const IDLE_MS = 120_000;
/**
 * Files sent to a process ahead of its results: while this thread handles one result (and reads
 * the next file), the process already audits the next one instead of waiting.
 */
const QUEUE_DEPTH = 2;
/**
 * Cores a newly started audit process keeps busy while its JIT warms up: its own thread, plus
 * V8's optimizing compiler on another. Measured on the 20-page report over its first 250 files:
 * 7.7 ms of CPU per 4.8 ms of wall time. A warmed-up process keeps one core busy.
 */
const CORES_PER_COLD_PROCESS = 1.6;
/**
 * A cold process joins a running batch only when the rest of the batch, shared with it, would
 * still take each process at least this long, as estimated from the CPU time of the latest files
 * (each process measures its own, so a busy machine does not make files look slower). Its
 * warm-up (about 1.5 s of CPU, the compiler's included) costs the batch more than a smaller share
 * saves. Measured on two cores with the 20-page report: two cold processes finish 200 files no
 * sooner than one, 500 a tenth sooner, 1,000 a fifth. The estimate comes from the first files,
 * which a cold process audits at about a third of its later speed, so the break-even of about
 * 350 files (350 × ~9 ms shared by two) sets it.
 */
const COLD_SHARE_MS = 1500;
/** How many of the latest files' CPU times estimate the time of the rest. */
const RECENT_FILES = 8;

/** The median of a few numbers (the upper one of an even count). */
function middle(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
}

/**
 * Cores this batch can count on: the machine's, less the load of the last minute that is not the
 * batch's own `own` processes (at least one). On a machine that other programs keep busy, a second
 * cold process gets no core of its own: it only takes turns with the first while paying its own
 * warm-up. Measured with 250 rendered fixture reports at a load average of 15 on two cores: one
 * process 15.8–21.7 s, two 22.7–25.5 s, the count chosen from the cores alone 40.9 s.
 */
export function spareCores(
  own = 0,
  cores = availableParallelism(),
  load = loadavg()[0] ?? 0,
): number {
  return Math.max(1, Math.min(cores, cores - Math.max(0, load - own)));
}

/**
 * Most processes for a batch of `files` files: none for a small batch, then one per
 * FILES_PER_WORKER files, never more than the cores.
 */
export function batchThreads(files: number, cores = availableParallelism()): number {
  if (files < SMALL_BATCH) return 0;
  return Math.max(1, Math.min(cores, Math.floor(files / FILES_PER_WORKER)));
}

/**
 * Processes to start at once, out of at most `cap`, with `warm` started ones waiting in the pool:
 * as many as the cores can run side by side, a warm one counting one core, a cold one
 * CORES_PER_COLD_PROCESS; always one.
 */
export function initialLanes(cap: number, warm: number, cores = spareCores()): number {
  let lanes = 0;
  let busy = 0;
  while (lanes < cap) {
    const cost = lanes < warm ? 1 : CORES_PER_COLD_PROCESS;
    if (lanes > 0 && busy + cost > cores) break;
    busy += cost;
    lanes++;
  }
  return lanes;
}

/**
 * Whether one more process should join a batch that runs `lanes` of them, with `remaining` files
 * not yet finished that take one process `msPerFile` of CPU each: at once when a warm process
 * waits in the pool; a cold one when a core is spare for it (`spare`, see `spareCores`) and its
 * warm-up pays (COLD_SHARE_MS).
 */
export function addLane(
  remaining: number,
  msPerFile: number,
  lanes: number,
  warm: number,
  spare = spareCores(lanes),
): boolean {
  if (remaining <= lanes) return false;
  if (warm > 0) return true;
  return lanes + 1 <= spare && (remaining * msPerFile) / (lanes + 1) >= COLD_SHARE_MS;
}

async function auditOne(file: string, bytes: Uint8Array): Promise<FileAudit> {
  try {
    return toFileAudit(await auditReport(bytes, file));
  } catch (error) {
    return failedAudit(
      file,
      `审核时发生内部错误：${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** What audit processes run: the bundled worker (plain JavaScript) or its TypeScript sources. */
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

/**
 * How an audit process collects its garbage. `single` (`--single-threaded-gc`): on its own
 * thread, instead of handing parallel scavenges and marking to helper threads. With as many audits
 * as cores, those helpers only compete with the other audits' main threads, and a collector
 * waiting for a descheduled helper stalls: warm, on two cores, two audit threads with parallel
 * collection did 550 20-page reports a second, with single-threaded collection 605. `parallel`
 * (V8's default) is for a process that runs alone on a machine with a core to spare, where the
 * helpers run beside it: one process alone audits about 8% more files a second with them. Node
 * refuses V8 options for worker threads and applies them to a whole process, which is why audits
 * run in child processes of their own.
 */
export type Collection = 'parallel' | 'single';

/**
 * V8 options of an audit process: its collection, and a memory ceiling
 * (`--max-old-space-size`), so a pathological document fails alone.
 */
export function auditProcessFlags(collection: Collection): string[] {
  return [
    ...(collection === 'single' ? ['--single-threaded-gc'] : []),
    '--max-old-space-size=1024',
  ];
}

/**
 * The collection for a process of a batch that runs `lanes` processes side by side on `cores`
 * cores: parallel only for one process with a core to spare.
 */
export function collectionFor(lanes: number, cores = availableParallelism()): Collection {
  return lanes === 1 && cores > 1 ? 'parallel' : 'single';
}

/** Each started process's collection, for choosing from the pool. */
const collectionOf = new WeakMap<ChildProcess, Collection>();

/** Processes started from the bundle: if one cannot load it, the batch goes back to sources. */
const fromBundle = new WeakSet<ChildProcess>();
/** Processes that said they are loaded: a later crash is the file's doing. */
const loaded = new WeakSet<ChildProcess>();

function startWorker(from: WorkerScript, collection: Collection): ChildProcess {
  const execArgv = auditProcessFlags(collection);
  const options = {
    // Only the IPC channel: nothing the process prints reaches the progress bar or the output.
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'] as ('ignore' | 'ipc')[],
    // Structured clone over the channel: file bytes go as a Uint8Array, not as JSON numbers.
    serialization: 'advanced' as const,
  };
  // A bundle removed since (an old one pruned by another process): back to the sources.
  if (from.kind === 'bundle' && existsSync(from.file)) {
    const child = fork(from.file, [], { ...options, execArgv });
    fromBundle.add(child);
    return track(child, collection);
  }
  // The sources, through the tsx loader resolved from this package (as bin/jixiao.js does).
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return track(
    fork(fileURLToPath(new URL('./audit-worker.ts', import.meta.url)), [], {
      ...options,
      execArgv: ['--import', tsx, ...execArgv],
    }),
    collection,
  );
}

/** Every audit process started and not yet exited, busy or idle. */
const live = new Set<ChildProcess>();

/** The process ids of the audit processes alive now, busy or idle in the pool. */
export function auditProcesses(): number[] {
  return [...live].flatMap((child) => (child.pid === undefined ? [] : [child.pid]));
}

function track(child: ChildProcess, collection: Collection): ChildProcess {
  live.add(child);
  collectionOf.set(child, collection);
  child.once('exit', () => live.delete(child));
  // A process that could not be started never exits.
  child.once('error', () => {
    if (child.pid === undefined) live.delete(child);
  });
  return child;
}

/** Ends a process at once; resolves when it is gone. */
function stopWorker(child: ChildProcess): Promise<void> {
  // Gone already, or never started (a failed spawn reports 'error' and may never exit).
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) {
    return Promise.resolve();
  }
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // An idle process is unreferenced: referenced again, its exit keeps this process waiting for it.
  child.ref();
  child.kill('SIGKILL');
  return gone;
}

interface Pooled {
  worker: ChildProcess;
  timer: NodeJS.Timeout;
  /** Takes it out of the pool when it exits while waiting there. */
  onExit: () => void;
}
/** Started processes waiting for the next batch: a second batch does not pay the start-up again. */
const idle: Pooled[] = [];

/**
 * An idle process of the pool, one of `collection` if there is one (a warm process of the other
 * kind still beats starting one: its warm-up costs far more than the collection saves), else a
 * new one.
 */
async function acquireWorker(collection: Collection): Promise<ChildProcess> {
  const same = idle.findLastIndex((p) => collectionOf.get(p.worker) === collection);
  const [pooled] = idle.splice(same >= 0 ? same : idle.length - 1, 1);
  if (!pooled) return startWorker(await auditWorkerScript(), collection);
  clearTimeout(pooled.timer);
  pooled.worker.off('exit', pooled.onExit);
  pooled.worker.ref();
  pooled.worker.channel?.ref();
  return pooled.worker;
}

/** Back to the pool, unreferenced (an idle process keeps no program alive); stops after IDLE_MS. */
function releaseWorker(worker: ChildProcess): void {
  worker.unref();
  worker.channel?.unref();
  const entry: Pooled = {
    worker,
    timer: setTimeout(() => {
      const i = idle.indexOf(entry);
      if (i >= 0) idle.splice(i, 1);
      void stopWorker(worker);
    }, IDLE_MS).unref(),
    onExit: () => {
      clearTimeout(entry.timer);
      const i = idle.indexOf(entry);
      if (i >= 0) idle.splice(i, 1);
    },
  };
  worker.once('exit', entry.onExit);
  idle.push(entry);
}

/** Stops the idle processes now (they would stop by themselves after IDLE_MS). */
export async function closeAuditWorkers(): Promise<void> {
  const all = idle.splice(0);
  for (const p of all) clearTimeout(p.timer);
  await Promise.all(all.map((p) => stopWorker(p.worker)));
}

/** A send to a process that has gone: its 'exit' replaces it, the callback has nothing to add. */
const noop = (): void => undefined;

interface Job {
  index: number;
  file: string;
  bytes: Uint8Array;
}

type WorkerMessage =
  | { ready: true }
  | { id: number; result?: FileAudit; detail?: DocumentAudit; crash?: string; cpuMs?: number };

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
        if ('ready' in m) loaded.add(worker);
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
    if (outcome === 'crash' && !loaded.has(worker) && fromBundle.has(worker) && attempt === 0) {
      script = Promise.resolve({ kind: 'source' });
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
 * How many: at most `batchThreads(files)`; at first as many as the cores run side by side
 * (`initialLanes`: a warm process from the pool takes one core, a cold one more while its JIT
 * warms up), then one more whenever the rest of the batch pays for its warm-up (`addLane`). The
 * first processes are started before the first file is read; each has up to QUEUE_DEPTH files
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
  // Given a number, that many; else as many as the cores run side by side, and more later when
  // the rest of the batch pays for their warm-up (`grow`, after each audited file).
  const cap = workers;
  const fixed = options.workers !== undefined;
  const planned = fixed ? cap : initialLanes(cap, idle.length);
  for (let i = planned; i > 0; i--) startLane(collectionFor(planned));
  /** When the first audited file came back, and how many have come back since. */
  let firstAt = 0;
  let audited = 0;
  /** The CPU time of the latest files, as their processes measured it (see audit-worker.ts). */
  const recentCpu: number[] = [];
  const grow = (cpuMs: number | undefined): void => {
    audited++;
    if (audited === 1) firstAt = performance.now();
    if (cpuMs !== undefined && Number.isFinite(cpuMs)) {
      recentCpu.push(cpuMs);
      if (recentCpu.length > RECENT_FILES) recentCpu.shift();
    }
    if (fixed || lanes.length >= cap || next >= files.length || audited < 4) return;
    // A file's CPU time, which the machine's other load does not stretch; the wall time between
    // results only from a process that does not report it.
    const msPerFile =
      recentCpu.length >= 4
        ? middle(recentCpu)
        : ((performance.now() - firstAt) / (audited - 1)) * lanes.length;
    if (addLane(files.length - done, msPerFile, lanes.length, idle.length)) {
      startLane(collectionFor(lanes.length + 1));
    }
  };

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
        if (current) loaded.add(current);
        return;
      }
      const job = sent[0];
      if (!job || m.id !== job.index) return;
      sent.shift();
      armTimer();
      finish(job.index, m.result ?? failedAudit(job.file, `审核时发生内部错误：${m.crash ?? ''}`));
      grow(m.cpuMs);
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
      if (why === 'crash' && !loaded.has(w) && fromBundle.has(w)) {
        script = Promise.resolve({ kind: 'source' });
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
