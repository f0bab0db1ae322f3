import { type ChildProcess, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundledScript, defaultCacheDirs } from './worker-bundle.ts';

// The audit processes: how they are started (the prebuilt worker bundle, else its sources through
// tsx), with which V8 options, and the pool of idle ones that the next batch reuses. This module
// imports nothing of the audit itself, so a command can start processes before it loads the rest.

/**
 * How long an idle process waits for the next batch before it is stopped: a server's next audit
 * job within two minutes finds it warm (a warm process holds about 115 MB); a command-line run
 * ends with its batch all the same, since idle processes keep no program alive.
 */
const IDLE_MS = 120_000;

/**
 * Below this many files the batch stays in this thread: a process takes ~0.1 s to start and runs
 * slowly until its JIT has warmed up.
 */
export const SMALL_BATCH = 16;
/** Files each extra process must have to itself before starting it pays for its start-up. */
const FILES_PER_WORKER = 12;
/**
 * Processes for a batch of `files` files: none for a small batch, then one per FILES_PER_WORKER
 * files, never more than the cores. The other programs' load does not lower it: the scheduler
 * shares the cores among runnable processes alike, so beside others that keep L cores' worth busy
 * a batch of k processes gets about k/(k+L) of the machine, and a second process takes turns
 * with the others, not only with the first. Measured on two cores at a load average of 13–14
 * (200 20-page reports, cold): one process 5.8–6.4 files a second, two 7.1–7.8 (1.11–1.34×);
 * counting only the spare cores, the batch chose one. One per core at most bounds what it adds.
 */
export function batchThreads(files: number, cores = availableParallelism()): number {
  if (files < SMALL_BATCH) return 0;
  return Math.max(1, Math.min(cores, Math.floor(files / FILES_PER_WORKER)));
}

/**
 * What audit processes run: the bundled worker (one CommonJS script, run with a V8 code cache by
 * lib/cached-script.cjs) or its TypeScript sources.
 */
export type WorkerScript = { kind: 'bundle'; file: string } | { kind: 'source' };

let script: Promise<WorkerScript> | undefined;

/**
 * The worker script for this process, decided once: the bundle of audit-worker.ts and its
 * imports (see worker-bundle.ts; built on first use after any source change, about 0.3 s) as a
 * CommonJS script, which Node 20 can run with a code cache where it has none for ES modules, or
 * the sources through tsx when the bundle cannot be built or JIXIAO_AUDIT_WORKER=source.
 */
export function auditWorkerScript(): Promise<WorkerScript> {
  script ??= (async (): Promise<WorkerScript> => {
    if (process.env.JIXIAO_AUDIT_WORKER === 'source') return { kind: 'source' };
    const built = await bundledScript({
      entry: fileURLToPath(new URL('./audit-worker.ts', import.meta.url)),
      name: 'audit-worker',
      cacheDirs: defaultCacheDirs(tmpdir()),
      format: 'cjs',
    });
    return built instanceof Error ? { kind: 'source' } : { kind: 'bundle', file: built };
  })();
  return script;
}

/** Processes started from now on load the sources: a bundled one could not load its bundle. */
export function useSources(): void {
  script = Promise.resolve({ kind: 'source' });
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

/**
 * When V8 optimizes a function: after eight times its default budget of interpreted work
 * (`--interrupt-budget`, 67,584 by default in Node 20's V8). With the default, a new audit process
 * sends some 290 functions to the optimizing compiler over its first 250 fixture reports, on a
 * thread of its own: it keeps about 1.6 cores busy while it warms up, and two of them on two cores
 * finished 250 reports no sooner than one (2.9–3.3 s against 2.8–3.0 s). Optimizing only what
 * stays hot, a new process keeps about one core busy, and two finish in 2.1–2.3 s; the speed of a
 * warm process is the same.
 */
export const TIER_UP_FLAGS: readonly string[] = ['--interrupt-budget=540672'];

/** Each started process's collection, for choosing from the pool. */
const collectionOf = new WeakMap<ChildProcess, Collection>();

/** Processes started from the bundle: if one cannot load it, the batch goes back to sources. */
const fromBundle = new WeakSet<ChildProcess>();
/** Processes that said they are loaded: a later crash is the file's doing. */
const loaded = new WeakSet<ChildProcess>();
/** Processes started ahead of a batch (`prestartAuditWorkers`) and not yet given a file. */
const fresh = new WeakSet<ChildProcess>();

/** Records that a process has loaded its script (it said `{ ready: true }`). */
export function markLoaded(child: ChildProcess): void {
  loaded.add(child);
}

/** Whether a process that ended was a bundled one that never loaded: the bundle is at fault. */
export function failedToLoad(child: ChildProcess): boolean {
  return !loaded.has(child) && fromBundle.has(child);
}

/** The entry that runs a bundle with its code cache (plain JavaScript, no TypeScript loader). */
const RUN_CACHED_SCRIPT = fileURLToPath(new URL('../../lib/cached-script.cjs', import.meta.url));

function startWorker(from: WorkerScript, collection: Collection): ChildProcess {
  const execArgv = [...auditProcessFlags(collection), ...TIER_UP_FLAGS];
  const options = {
    // Only the IPC channel: nothing the process prints reaches the progress bar or the output.
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'] as ('ignore' | 'ipc')[],
    // Structured clone over the channel: file bytes go as a Uint8Array, not as JSON numbers.
    serialization: 'advanced' as const,
  };
  // A bundle removed since (an old one pruned by another process): back to the sources.
  if (from.kind === 'bundle' && existsSync(from.file)) {
    const child = fork(RUN_CACHED_SCRIPT, [from.file], { ...options, execArgv });
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
  // Heard here too, for a process that loads while it waits in the pool.
  const onReady = (m: unknown): void => {
    if (typeof m !== 'object' || m === null || !('ready' in m)) return;
    loaded.add(child);
    child.off('message', onReady);
  };
  child.on('message', onReady);
  child.once('exit', () => live.delete(child));
  // A process that could not be started never exits.
  child.once('error', () => {
    if (child.pid === undefined) live.delete(child);
  });
  return child;
}

/** Ends a process at once; resolves when it is gone. */
export function stopWorker(child: ChildProcess): Promise<void> {
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
export async function acquireWorker(collection: Collection): Promise<ChildProcess> {
  // One started ahead for this batch first; else the warm one used last.
  const ahead = idle.findIndex((p) => fresh.has(p.worker));
  const same = idle.findLastIndex((p) => collectionOf.get(p.worker) === collection);
  const at = ahead >= 0 ? ahead : same >= 0 ? same : idle.length - 1;
  const [pooled] = idle.splice(at, 1);
  if (!pooled) return startWorker(await auditWorkerScript(), collection);
  fresh.delete(pooled.worker);
  clearTimeout(pooled.timer);
  pooled.worker.off('exit', pooled.onExit);
  pooled.worker.ref();
  pooled.worker.channel?.ref();
  return pooled.worker;
}

/** Back to the pool, unreferenced (an idle process keeps no program alive); stops after IDLE_MS. */
export function releaseWorker(worker: ChildProcess): void {
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

/** The idle processes of the pool: `warm` ones have audited before, `fresh` ones were started ahead. */
export function idleProcesses(): { warm: number; fresh: number } {
  const started = idle.filter((p) => fresh.has(p.worker)).length;
  return { warm: idle.length - started, fresh: started };
}

/**
 * Starts audit processes for a batch about to come and leaves them idle in the pool, where the
 * batch takes them first: a command starts them before it lists and reads the files, so they load
 * while it does. How many: `most` (the batch's `batchThreads`, which may come when its files are
 * listed) less the warm ones idle in the pool. Each keeps no program alive and stops after
 * IDLE_MS unused, like any idle process. Resolves with the number started.
 */
export function prestartAuditWorkers(most: number | Promise<number>): Promise<number> {
  const started = prestart(most).catch(() => 0);
  prestarting = started;
  return started;
}

/** The processes `prestartAuditWorkers` is starting, if it is: a batch waits for them. */
let prestarting: Promise<number> | undefined;

/** Resolves when the processes being started ahead (if any) are in the pool. */
export async function pendingPrestart(): Promise<void> {
  await prestarting;
}

async function prestart(most: number | Promise<number>): Promise<number> {
  const [from, wanted] = await Promise.all([auditWorkerScript(), most]);
  const warm = idleProcesses().warm;
  const count = Math.max(0, wanted - warm);
  const collection = collectionFor(count + warm);
  for (let i = 0; i < count; i++) {
    const child = startWorker(from, collection);
    fresh.add(child);
    releaseWorker(child);
  }
  return count;
}
