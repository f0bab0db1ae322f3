// Test helper run as its own process: starts a batch on two audit processes, prints their
// process ids once the first file is done, then waits to be killed.
import { auditBatch, auditProcesses } from '../audit-batch.ts';

const bytes = new TextEncoder().encode(
  Array.from({ length: 400 }, (_, i) => `第${i + 1}段：预算安排${i}万元，实际支出${i}万元。`).join(
    '\n',
  ),
);
const files = Array.from({ length: 100_000 }, (_, i) => `r${i}.txt`);
void auditBatch(files, () => Promise.resolve(bytes), {
  workers: 2,
  onProgress: (done) => {
    if (done === 1) process.stdout.write(`${JSON.stringify(auditProcesses())}\n`);
  },
});
