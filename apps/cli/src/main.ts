import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CliIo } from './cli-io.ts';
import { processIo } from './cli-io.ts';
import type { Command } from './command.ts';
import { EXIT_OK, EXIT_USAGE } from './command.ts';
import { auditCommand } from './commands/audit.ts';
import { checkCommand } from './commands/check.ts';
import { previewCommand } from './commands/preview.ts';
import { renderCommand } from './commands/render.ts';
import { rulebooksCommand } from './commands/rulebooks.ts';
import { scoreCommand } from './commands/score.ts';
import { serveCommand } from './commands/serve.ts';
import { startCommand } from './commands/start.ts';
import { userCommand } from './commands/user.ts';

/** The command table: one entry per command, each in commands/<name>.ts. */
export const COMMANDS: readonly Command[] = [
  startCommand,
  scoreCommand,
  checkCommand,
  auditCommand,
  renderCommand,
  previewCommand,
  rulebooksCommand,
  serveCommand,
  userCommand,
];

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  const rows = COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`);
  return [
    'jixiao — 预算绩效自评平台',
    '',
    '用法：jixiao <命令> [参数] [选项]',
    '',
    '命令：',
    ...rows,
    '',
    '运行 jixiao <命令> --help 查看各命令的说明。',
    '退出码：0 成功；1 检查发现达到 --fail-on 级别的问题；2 参数或输入有误。',
    '',
  ].join('\n');
}

/**
 * Runs the CLI in process: dispatches argv (without node and the script) to a command, writing
 * to the injected io. Returns the exit code; never throws for user errors.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(help());
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    const what = name.startsWith('-') ? `未知选项：${name}` : `未知命令：${name}`;
    io.stderr(`${what}\n\n${help()}`);
    return EXIT_USAGE;
  }
  return command.run(rest, io);
}

/** True when this process was started as the jixiao command (bin/jixiao.js or this file). */
function startedAsCommand(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  const real = (p: string): string => {
    try {
      return realpathSync(p);
    } catch {
      return p;
    }
  };
  const started = real(script);
  return (
    started === real(fileURLToPath(new URL('../bin/jixiao.js', import.meta.url))) ||
    started === real(fileURLToPath(import.meta.url))
  );
}

if (startedAsCommand()) {
  process.exitCode = await runCli(process.argv.slice(2), processIo());
}
