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

/** CPU time this process spent since `from` (all its threads: the JIT's compiler included), ms. */
const cpuSince = (from: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
};

async function audit(job: Job): Promise<void> {
  try {
    const start = process.cpuUsage();
    const audit = await auditReport(job.bytes, job.file);
    // The CPU the file took, which the machine's other load does not stretch as it does the wall
    // time: the batch judges from it whether one more process would pay for its warm-up.
    const cpuMs = cpuSince(start);
    send(
      job.detail
        ? { id: job.id, detail: audit, cpuMs }
        : { id: job.id, result: toFileAudit(audit), cpuMs },
    );
  } catch (error) {
    send({ id: job.id, crash: error instanceof Error ? error.message : String(error) });
  }
}

// Files are audited one after the other, in the order sent (a PDF's reading is asynchronous).
let queue: Promise<void> = Promise.resolve();
process.on('message', (job: Job) => {
  queue = queue.then(() => audit(job));
});
process.on('disconnect', () => process.exit(0));
send({ ready: true });
