import { parentPort } from 'node:worker_threads';
import { auditDocument, toFileAudit } from './audit-document.ts';

/**
 * Worker side of the batch audit: audits each file it is sent, in the order sent, and posts the
 * result back. It says `{ ready: true }` once loaded, so that a thread that fails to load is told
 * apart from one that fails on a file.
 */
interface Job {
  id: number;
  file: string;
  bytes: Uint8Array;
}

parentPort?.on('message', (job: Job) => {
  try {
    parentPort?.postMessage({
      id: job.id,
      result: toFileAudit(auditDocument(job.bytes, job.file)),
    });
  } catch (error) {
    parentPort?.postMessage({
      id: job.id,
      crash: error instanceof Error ? error.message : String(error),
    });
  }
});
parentPort?.postMessage({ ready: true });
