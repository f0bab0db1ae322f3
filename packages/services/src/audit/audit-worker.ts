import { auditReport, toFileAudit } from './audit-document.ts';

/**
 * Child-process side of the batch audit: audits each file it is sent over the IPC channel, in the
 * order sent, and sends the result back. It says `{ ready: true }` once loaded, so that a process
 * that fails to load is told apart from one that fails on a file, and it exits when the channel
 * closes (the parent finished, or died), so no audit process outlives its batch's owner.
 */
interface Job {
  id: number;
  file: string;
  bytes: Uint8Array;
  /** Send back everything the audit learnt (`detail`), not only the wire shape (`result`). */
  detail?: boolean;
}

const send = (message: unknown): void => {
  // A parent gone between two files: 'disconnect' below ends this process.
  process.send?.(message, undefined, undefined, () => undefined);
};

/**
 * Set when this process runs its bundle without a usable code cache (lib/cached-script.cjs):
 * saves one for the next processes, with the code of every function compiled so far.
 */
const saveCodeCache = (): void => {
  const save: unknown = Reflect.get(globalThis, Symbol.for('jixiao.saveCodeCache'));
  if (typeof save === 'function') (save as () => void)();
};
/**
 * Files audited before the code cache is saved: by then the functions an audit runs have been
 * compiled, and the cache holds them (a process that audits fewer saves it when its parent goes).
 */
const CODE_CACHE_AFTER = 20;
let audited = 0;

async function audit(job: Job): Promise<void> {
  try {
    const audit = await auditReport(job.bytes, job.file);
    send(job.detail ? { id: job.id, detail: audit } : { id: job.id, result: toFileAudit(audit) });
  } catch (error) {
    send({ id: job.id, crash: error instanceof Error ? error.message : String(error) });
  }
  if (++audited === CODE_CACHE_AFTER) saveCodeCache();
}

// Files are audited one after the other, in the order sent (a PDF's reading is asynchronous).
let queue: Promise<void> = Promise.resolve();
process.on('message', (job: Job) => {
  queue = queue.then(() => audit(job));
});
process.on('disconnect', () => {
  if (audited > 0) saveCodeCache();
  process.exit(0);
});
send({ ready: true });
