import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { formatOf } from '@jixiao/documents/formats';
import { batchThreads, prestartAuditWorkers } from '@jixiao/services/audit-pool';
import type { CliIo } from '../cli-io.ts';
import type { Command } from '../command.ts';
import { EXIT_USAGE, parseCommandArgs } from '../command.ts';

// This module loads only what parsing the arguments, listing the files and starting the audit
// processes need: the audit processes start first, and load while this process lists the files
// and loads the rest of the command (audit-run.ts).

const USAGE = `用法：jixiao audit 路径... [--format text|json|xlsx|html] [-o 输出文件] [--fail-on error|warning] [--decisions 认定记录.json]

审核已有的绩效自评报告（.docx、.doc、.wps、.pdf、.txt、.html、.xlsx、.xls、.et、.png、.jpg）：读取报告、提取自评数据、
计算得分并列出每一处不一致，注明所在行和原文（PDF 另注页码和位置）。路径可以是文件夹（递归查找）。
html 格式为每处 PDF 中的发现附上原页面截图（需安装 pdftoppm，即 poppler-utils），问题所在处以红框标出。
文件较多时在多个 CPU 核心上并行审核。扫描版 PDF 和图片用文字识别（需安装 tesseract-ocr 和
tesseract-ocr-chi-sim），.doc/.wps/.xls/.et 用 LibreOffice 转换（需安装 soffice）。

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

    const listed = Promise.all(parsed.positionals.map((p) => expand(p, io.cwd))).then((found) =>
      found.flat(),
    );
    // With the process count left to the batch, its processes start now, as many as the files
    // listed need (`batchThreads`), while this process lists the files and loads the rest.
    if (workers === undefined)
      void prestartAuditWorkers(listed.then((f) => batchThreads(f.length)));
    const [{ runAudit }, files] = await Promise.all([import('./audit-run.ts'), listed]);
    return runAudit(io, {
      files,
      format,
      output,
      workers,
      decisions: typeof parsed.values.decisions === 'string' ? parsed.values.decisions : undefined,
      failOn: parsed.values['fail-on'] === 'warning' ? 'warning' : 'error',
    });
  },
};
