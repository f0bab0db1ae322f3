import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DecisionsFile, Severity } from '@jixiao/domain';
import { formatOf, MAX_INPUT_BYTES, readErrorMessage } from '@jixiao/documents/formats';
import type { FileAudit } from '@jixiao/documents/audit-core';
import { auditBatch, formatAuditText, summaryTable } from '@jixiao/services/audit-batch';
import type { CliIo } from '../cli-io.ts';
import { InputFileError, readRegularFile } from '../cli-io.ts';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from '../command.ts';

// What the text and json output need is imported here; the domain (decisions), the html page and
// the workbook writer are loaded only when asked for, so that a batch sent to audit processes
// does not load the audit in this process too.

/** What `jixiao audit` was asked, its arguments parsed and its paths listed (audit.ts). */
export interface AuditRequest {
  files: string[];
  format: string;
  output: string | undefined;
  workers: number | undefined;
  decisions: string | undefined;
  failOn: Severity;
}

const PROGRESS_MS = 50;

function progressBar(done: number, total: number, file: string): string {
  const width = 24;
  const filled = Math.round((done / total) * width);
  const name = file.length > 40 ? `…${file.slice(-39)}` : file;
  return `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${name}\u001b[K`;
}

/** Audits the listed files and writes the results in the format asked; returns the exit code. */
export async function runAudit(io: CliIo, request: AuditRequest): Promise<number> {
  const decisionsPath = request.decisions;
  let decisions: DecisionsFile['decisions'] = [];
  if (typeof decisionsPath === 'string') {
    const [{ readDecisionsFile }, { printProblems }] = await Promise.all([
      import('../input/read-decisions.ts'),
      import('../input/read-evaluation.ts'),
    ]);
    const read = await readDecisionsFile(io, decisionsPath);
    if (!read.ok) {
      printProblems(io, decisionsPath, read.problems);
      return EXIT_USAGE;
    }
    decisions = read.decisions.decisions;
  }

  const { files, format, output, workers } = request;
  if (files.length === 0) {
    io.stderr(
      '没有找到可审核的文件（.docx、.doc、.wps、.pdf、.txt、.html、.xlsx、.xls、.et、.png、.jpg）。\n',
    );
    return EXIT_USAGE;
  }
  const load = async (file: string): Promise<Uint8Array | Error> => {
    const absolute = path.resolve(io.cwd, file);
    if (formatOf(file) === undefined) return new Error(readErrorMessage('unsupported-format'));
    try {
      return await readRegularFile(absolute, MAX_INPUT_BYTES);
    } catch (error) {
      if (!(error instanceof InputFileError)) return new Error('文件不存在或无法打开');
      if (error.code === 'EISDIR') return new Error('这是一个文件夹');
      if (error.code === 'ENOTREGULAR') return new Error('不是普通文件（设备、管道等不予读取）');
      return new Error(readErrorMessage('too-large', `${(error.size / 1048576).toFixed(1)} MB`));
    }
  };
  const tty = process.stderr.isTTY && files.length > 1;
  // The bar is redrawn at most every PROGRESS_MS and at the end, not for each of the hundreds
  // of files a second that the audit processes finish.
  let drawn = 0;
  const audited = await auditBatch(files, load, {
    ...(workers !== undefined ? { workers } : {}),
    ...(tty
      ? {
          onProgress: (done: number, total: number, file: string) => {
            const now = performance.now();
            if (done < total && now - drawn < PROGRESS_MS) return;
            drawn = now;
            io.stderr(progressBar(done, total, file));
          },
        }
      : {}),
  });
  if (tty) io.stderr('\n');
  // The bureau's judgement carries into the batch: what it dismissed for a unit is left out.
  let left = 0;
  let results: FileAudit[] = audited;
  if (decisions.length > 0) {
    const { withoutDismissed } = await import('@jixiao/domain');
    results = audited.map((r) => {
      const { kept, dismissed } = withoutDismissed(
        r.file,
        r.summary.department,
        r.findings,
        decisions,
      );
      left += dismissed;
      return dismissed === 0 ? r : { ...r, findings: kept };
    });
  }

  let body: string | Uint8Array;
  if (format === 'json') body = `${JSON.stringify({ files: results }, null, 2)}\n`;
  // The html page shows the original page around each finding of a PDF.
  else if (format === 'html') {
    const [{ auditHtml }, { pagePictures }] = await Promise.all([
      import('@jixiao/documents/audit-core'),
      import('../output/page-pictures.ts'),
    ]);
    body = auditHtml(results, undefined, await pagePictures(results, load));
  }
  // The workbook writer (exceljs) is loaded only when a workbook is asked for.
  else if (format === 'xlsx')
    body = await (await import('@jixiao/documents')).auditWorkbook(results);
  else body = formatAuditText(results);
  if (output !== undefined) {
    const target = path.resolve(io.cwd, output);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, body);
  } else io.stdout(typeof body === 'string' ? body : Buffer.from(body).toString('binary'));
  // The summary table ends every run; it goes to stderr when stdout carries the data.
  if (format !== 'text' || output !== undefined) io.stderr(`${summaryTable(results)}\n`);
  if (output !== undefined) io.stderr(`已写入：${output}\n`);
  if (decisions.length > 0) io.stderr(`按认定记录略去 ${left} 条已认定为“不是问题”的发现\n`);
  return exitCode(results, request.failOn);
}

/** 1 when a file was not read or a finding is at `failOn` or above (an error is above a warning). */
function exitCode(results: readonly FileAudit[], failOn: Severity): number {
  const counts = (s: Severity): boolean =>
    s === 'error' || (failOn === 'warning' && s === 'warning');
  const failed = results.some((r) => !r.ok || r.findings.some((f) => counts(f.severity)));
  return failed ? EXIT_FINDINGS : EXIT_OK;
}
