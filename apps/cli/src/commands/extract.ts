import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatOf, MAX_INPUT_BYTES, readErrorMessage } from '@jixiao/documents/audit-core';
import { auditReport } from '@jixiao/services/audit';
import type { CliIo } from '../cli-io.ts';
import type { Command } from '../command.ts';
import { EXIT_OK, EXIT_USAGE, parseCommandArgs } from '../command.ts';

const USAGE = `用法：jixiao extract <报告文件> [-o 自评文件.json]

从已有报告（.docx、.doc、.wps、.pdf、.txt、.html、.xlsx、.xls、.et、.png、.jpg）中提取自评数据，输出为自评文件（JSON），
可再用 jixiao score、check、render 处理。未指定 -o 时输出到标准输出；提取时的提示写到标准错误。

选项：
  -o, --output FILE  写入文件
  -h, --help         显示本说明

退出码：0 成功；2 参数有误或文件无法读取。`;

export const extractCommand: Command = {
  name: 'extract',
  summary: '从已有报告提取自评数据（JSON）',
  async run(args: string[], io: CliIo): Promise<number> {
    const parsed = parseCommandArgs(
      args,
      {
        usage: USAGE,
        options: { output: { type: 'string', short: 'o' } },
        positionals: { min: 1, max: 1 },
      },
      io,
    );
    if (typeof parsed === 'number') return parsed;
    const file = parsed.positionals[0] ?? '';
    if (formatOf(file) === undefined) {
      io.stderr(`${file}：${readErrorMessage('unsupported-format')}\n`);
      return EXIT_USAGE;
    }
    let bytes: Uint8Array;
    try {
      const read = await readFile(path.resolve(io.cwd, file));
      if (read.length > MAX_INPUT_BYTES) {
        io.stderr(
          `${file}：${readErrorMessage('too-large', `${(read.length / 1048576).toFixed(1)} MB`)}\n`,
        );
        return EXIT_USAGE;
      }
      bytes = new Uint8Array(read.buffer, read.byteOffset, read.byteLength);
    } catch {
      io.stderr(`${file}：文件不存在或无法打开\n`);
      return EXIT_USAGE;
    }
    const audit = await auditReport(bytes, path.basename(file));
    if (!audit.ok || !audit.evaluation) {
      io.stderr(`${file}：${audit.error ?? '无法提取'}\n`);
      return EXIT_USAGE;
    }
    for (const w of audit.warnings) io.stderr(`提示：${w.message}\n`);
    const json = `${JSON.stringify(audit.evaluation, null, 2)}\n`;
    const output = typeof parsed.values.output === 'string' ? parsed.values.output : undefined;
    if (output === undefined) {
      io.stdout(json);
      return EXIT_OK;
    }
    const target = path.resolve(io.cwd, output);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, json);
    const s = audit.summary;
    io.stderr(
      `已提取：${s.title ?? file}（${s.rulebook ?? '未识别规则'}，报告总分 ${s.claimedTotal ?? '—'}），写入 ${output}\n`,
    );
    return EXIT_OK;
  },
};
