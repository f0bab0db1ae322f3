import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SEVERITY_RANK, withoutDismissed } from '@jixiao/domain';
import type { DecisionsFile, Severity } from '@jixiao/domain';
import {
  auditHtml,
  formatOf,
  MAX_INPUT_BYTES,
  readErrorMessage,
} from '@jixiao/documents/audit-core';
import type { FileAudit } from '@jixiao/documents/audit-core';
import { auditBatch, formatAuditText, summaryTable } from '@jixiao/services/audit';
import type { CliIo } from '../cli-io.ts';
import { InputFileError, readRegularFile } from '../cli-io.ts';
import type { Command } from '../command.ts';
import { readDecisionsFile } from '../input/read-decisions.ts';
import { pagePictures } from '../output/page-pictures.ts';
import { printProblems } from '../input/read-evaluation.ts';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, parseCommandArgs } from '../command.ts';

const USAGE = `用法：jixiao audit 路径... [--format text|json|xlsx|html] [-o 输出文件] [--fail-on error|warning] [--decisions 认定记录.json]

审核已有的绩效自评报告（.docx、.doc、.wps、.pdf、.txt、.html、.png、.jpg）：读取报告、提取自评数据、
计算得分并列出每一处不一致，注明所在行和原文（PDF 另注页码和位置）。路径可以是文件夹（递归查找）。
html 格式为每处 PDF 中的发现附上原页面截图（需安装 pdftoppm，即 poppler-utils），问题所在处以红框标出。
文件较多时在多个 CPU 核心上并行审核。扫描版 PDF 和图片用文字识别（需安装 tesseract-ocr 和
tesseract-ocr-chi-sim），.doc/.wps 用 LibreOffice 转换（需安装 soffice）。

选项：
  --format text|json|xlsx|html  输出格式，默认 text；json 输出 { "files": [...] }；
                                xlsx 每个文件一行、每个问题一行；html 为单个自包含网页
  -o, --output FILE             写入文件（xlsx 必须指定）
  --fail-on error|warning       出现该级别（或更严重）的问题或无法读取的文件时以退出码 1 结束，默认 error
  --workers N                   并行审核进程数；默认按文件数与 CPU 核心数自动选择；0 表示在本进程内审核
  --decisions FILE              平台导出的认定记录（审查认定记录.json）：同一单位已认定为“不是问题”的
                                发现不再列出，也不计入 --fail-on
  -h, --help                    显示本说明

退出码：0 未达到 --fail-on 级别；1 达到；2 参数有误。`;

/** Files under a path: the path itself, or every readable report below a folder, sorted. */
async function expand(given: string, cwd: string): Promise<string[]> {
  const absolute = path.resolve(cwd, given);
  let info;
  try {
    info = await stat(absolute);
  } catch {
    return [given];
  }
  if (!info.isDirectory()) return [given];
  const entries = await readdir(absolute, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && formatOf(e.name) !== undefined)
    .map((e) => path.join(given, path.relative(absolute, path.join(e.parentPath, e.name))))
    .sort((a, b) => a.localeCompare(b));
}

const PROGRESS_MS = 50;

function progressBar(done: number, total: number, file: string): string {
  const width = 24;
  const filled = Math.round((done / total) * width);
  const name = file.length > 40 ? `…${file.slice(-39)}` : file;
  return `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${name}\u001b[K`;
}

export const auditCommand: Command = {
  name: 'audit',
  summary: '审核已有报告（.docx/.doc/.pdf/.txt/.html/图片），列出不一致之处',
  async run(args: string[], io: CliIo): Promise<number> {
    const parsed = parseCommandArgs(
      args,
      {
        usage: USAGE,
        options: {
          format: { type: 'string', choices: ['text', 'json', 'xlsx', 'html'], default: 'text' },
          output: { type: 'string', short: 'o' },
          'fail-on': { type: 'string', choices: ['error', 'warning'], default: 'error' },
          workers: { type: 'string' },
          decisions: { type: 'string' },
        },
        positionals: { min: 1, max: Number.MAX_SAFE_INTEGER },
      },
      io,
    );
    if (typeof parsed === 'number') return parsed;
    const format = String(parsed.values.format);
    const output = typeof parsed.values.output === 'string' ? parsed.values.output : undefined;
    if (format === 'xlsx' && output === undefined) {
      io.stderr(`xlsx 格式须用 -o 指定输出文件。\n\n${USAGE}\n`);
      return EXIT_USAGE;
    }
    const workersText = parsed.values.workers;
    const workers = typeof workersText === 'string' ? Number(workersText) : undefined;
    if (workers !== undefined && (!Number.isInteger(workers) || workers < 0)) {
      io.stderr(`选项 --workers 须为非负整数：${String(workersText)}\n`);
      return EXIT_USAGE;
    }

    const decisionsPath = parsed.values.decisions;
    let decisions: DecisionsFile['decisions'] = [];
    if (typeof decisionsPath === 'string') {
      const read = await readDecisionsFile(io, decisionsPath);
      if (!read.ok) {
        printProblems(io, decisionsPath, read.problems);
        return EXIT_USAGE;
      }
      decisions = read.decisions.decisions;
    }

    const files = (await Promise.all(parsed.positionals.map((p) => expand(p, io.cwd)))).flat();
    if (files.length === 0) {
      io.stderr('没有找到可审核的文件（.docx、.doc、.wps、.pdf、.txt、.html、.png、.jpg）。\n');
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
    const results: FileAudit[] = audited.map((r) => {
      const { kept, dismissed } = withoutDismissed(
        r.file,
        r.summary.department,
        r.findings,
        decisions,
      );
      left += dismissed;
      return dismissed === 0 ? r : { ...r, findings: kept };
    });

    let body: string | Uint8Array;
    if (format === 'json') body = `${JSON.stringify({ files: results }, null, 2)}\n`;
    // The html page shows the original page around each finding of a PDF.
    else if (format === 'html')
      body = auditHtml(results, undefined, await pagePictures(results, load));
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
    return exitCode(results, parsed.values['fail-on'] === 'warning' ? 'warning' : 'error');
  },
};

function exitCode(results: readonly FileAudit[], failOn: Severity): number {
  const failed = results.some(
    (r) => !r.ok || r.findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn]),
  );
  return failed ? EXIT_FINDINGS : EXIT_OK;
}
