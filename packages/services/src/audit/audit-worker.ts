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

async function audit(job: Job): Promise<void> {
  try {
    const audit = await auditReport(job.bytes, job.file);
    send(job.detail ? { id: job.id, detail: audit } : { id: job.id, result: toFileAudit(audit) });
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
