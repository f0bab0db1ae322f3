import { parentPort } from 'node:worker_threads';
import { auditDocument, toFileAudit } from './audit-document.ts';

/** Worker side of the batch audit: audits each file it is sent and posts the result back. */
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
