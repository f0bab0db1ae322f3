import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CliIo } from './cli-io.ts';
import { processIo } from './cli-io.ts';
import type { Command } from './command.ts';
import { EXIT_OK, EXIT_USAGE } from './command.ts';
/**
 * A command of the table: its name and summary here, for the help, and its module loaded only
 * when it runs, so that `jixiao audit` does not load the database, the server and the writers
 * (about 0.8 s through the TypeScript loader). main.test.ts checks each entry against its module.
 */
function lazy(name: string, summary: string, load: () => Promise<Command>): LazyCommand {
  return { name, summary, load, run: async (args, io) => (await load()).run(args, io) };
}

export interface LazyCommand extends Command {
  /** The command's own module. */
  load(): Promise<Command>;
}

/** The command table: one entry per command, each in commands/<name>.ts. */
export const COMMANDS: readonly LazyCommand[] = [
  lazy(
    'start',
    '一键运行平台：构建网页（如需要），以演示数据启动（默认 3000 端口，可用 PORT 指定）',
    () => import('./commands/start.ts').then((m) => m.startCommand),
  ),
  lazy('score', '计算自评得分，输出评分表', () =>
    import('./commands/score.ts').then((m) => m.scoreCommand),
  ),
  lazy('check', '检查自评材料的一致性问题', () =>
    import('./commands/check.ts').then((m) => m.checkCommand),
  ),
  lazy('audit', '审核已有报告（.docx/.doc/.pdf/.txt/.html/图片），列出不一致之处', () =>
    import('./commands/audit.ts').then((m) => m.auditCommand),
  ),
  lazy('extract', '从已有报告提取自评数据（JSON）', () =>
    import('./commands/extract.ts').then((m) => m.extractCommand),
  ),
  lazy('render', '生成自评报告（.docx）和附件表格（.xlsx）', () =>
    import('./commands/render.ts').then((m) => m.renderCommand),
  ),
  lazy('preview', '生成报告并转为 PDF 和 PNG 预览', () =>
    import('./commands/preview.ts').then((m) => m.previewCommand),
  ),
  lazy('rulebooks', '列出内置的评价规则', () =>
    import('./commands/rulebooks.ts').then((m) => m.rulebooksCommand),
  ),
  lazy('serve', '启动平台服务（SQLite 或 PostgreSQL）', () =>
    import('./commands/serve.ts').then((m) => m.serveCommand),
  ),
  lazy('user', '管理账号：jixiao user add 新建账号', () =>
    import('./commands/user.ts').then((m) => m.userCommand),
  ),
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
  if ((globalThis as Record<symbol, unknown>)[Symbol.for('jixiao.command')] === true) return true;
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
