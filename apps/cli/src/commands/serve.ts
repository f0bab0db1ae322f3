import path from 'node:path';
import { targetFromEnv } from '@jixiao/db';
import type { DemoAccount } from '@jixiao/services';
import type { TrustProxy } from '@jixiao/server';
import { startServer } from '@jixiao/server';
import type { CliIo } from '../cli-io.ts';
import type { Command } from '../command.ts';
import { EXIT_OK, EXIT_USAGE, parseCommandArgs } from '../command.ts';
import { formatTable } from '../output/text-width.ts';

const USAGE = `用法：jixiao serve [--port 3000] [--host 127.0.0.1] [--db FILE] [--demo] [--demo-password P] [--trust-proxy]

启动平台服务（网页与 API，API 文档在 /api/docs）。设置了环境变量 DATABASE_URL 时使用 PostgreSQL，
否则使用 SQLite 文件（默认 data/jixiao.db）。

选项：
  --port N             监听端口，默认 3000
  --host H             监听地址，默认 127.0.0.1（对外服务用 0.0.0.0）
  --db FILE            SQLite 数据库文件，默认 data/jixiao.db
  --demo               数据库为空时写入演示数据（示范市及其单位、三年的自评、演示账号）
  --demo-password P    演示账号的密码，默认 jixiao-demo
  --trust-proxy N|地址  在反向代理之后运行：只信任最近 N 层代理（或逗号分隔的代理地址、网段）
                       写入的 X-Forwarded-* 头，用于客户端地址与 https（Cookie 加 Secure）
  -h, --help           显示本说明`;

const ROLE_ZH = {
  admin: '管理员',
  reviewer: '审核人',
  head: '单位负责人',
  filer: '填报人',
} as const;

export function formatAccounts(accounts: readonly DemoAccount[], password: string): string {
  const rows = accounts.map((a) => [a.username, ROLE_ZH[a.role], a.departmentName ?? '—']);
  return `演示账号（密码均为 ${password}）：\n${formatTable(['用户名', '角色', '单位'], rows)}`;
}

/** Starts the server and waits for SIGINT/SIGTERM. */
export async function serve(
  io: CliIo,
  options: {
    port: number;
    host: string;
    db: string;
    demo: boolean;
    demoPassword: string;
    trustProxy?: TrustProxy | undefined;
  },
): Promise<number> {
  const target = targetFromEnv(path.resolve(io.cwd, options.db), process.env);
  const where = 'postgresUrl' in target ? 'PostgreSQL（DATABASE_URL）' : `SQLite ${options.db}`;
  const server = await startServer({
    target,
    port: options.port,
    host: options.host,
    demo: options.demo,
    demoPassword: options.demoPassword,
    trustProxy: options.trustProxy,
  });
  io.stdout(
    `jixiao 平台已启动：${server.url}  （数据库：${where}）\nAPI 文档：${server.url}/api/docs\n`,
  );
  if (server.demoAccounts !== null)
    io.stdout(`${formatAccounts(server.demoAccounts, options.demoPassword)}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  io.stdout('正在停止……\n');
  await server.close();
  return EXIT_OK;
}

/** `--trust-proxy`: a number of hops or a list of addresses; undefined when absent, null when bad. */
export function parseTrustProxy(value: unknown): TrustProxy | undefined | null {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') return null;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return hops >= 1 && hops <= 10 ? hops : null;
  }
  const addresses = value
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '');
  return addresses.length > 0 && addresses.every((a) => /^[0-9a-fA-F.:/]+$/.test(a))
    ? addresses
    : null;
}

export const serveCommand: Command = {
  name: 'serve',
  summary: '启动平台服务（SQLite 或 PostgreSQL）',
  async run(args: string[], io: CliIo): Promise<number> {
    const parsed = parseCommandArgs(
      args,
      {
        usage: USAGE,
        options: {
          port: { type: 'string', default: '3000' },
          host: { type: 'string', default: '127.0.0.1' },
          db: { type: 'string', default: path.join('data', 'jixiao.db') },
          demo: { type: 'boolean' },
          'demo-password': { type: 'string', default: 'jixiao-demo' },
          'trust-proxy': { type: 'string' },
        },
        positionals: { min: 0, max: 0 },
      },
      io,
    );
    if (typeof parsed === 'number') return parsed;
    const port = Number(parsed.values['port']);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      io.stderr(`端口无效：${String(parsed.values['port'])}\n\n${USAGE}\n`);
      return EXIT_USAGE;
    }
    const trust = parseTrustProxy(parsed.values['trust-proxy']);
    if (trust === null) {
      io.stderr(`--trust-proxy 须为代理层数（正整数）或代理地址（逗号分隔）\n\n${USAGE}\n`);
      return EXIT_USAGE;
    }
    return serve(io, {
      port,
      host: String(parsed.values['host']),
      db: String(parsed.values['db']),
      demo: parsed.values['demo'] === true,
      demoPassword: String(parsed.values['demo-password']),
      trustProxy: trust,
    });
  },
};
