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
  --port N             监听端口，默认取环境变量 PORT，未设置时为 3000
  --host H             监听地址，默认取环境变量 HOST，未设置时为 127.0.0.1（对外服务用 0.0.0.0）
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

/**
 * Where to listen: `--port`/`--host` when given, else the PORT/HOST environment variables (as
 * hosting platforms and containers set them), else 3000 on 127.0.0.1. A bad value gives a Chinese
 * message naming where it came from.
 */
export function listenAddress(
  values: { port?: unknown; host?: unknown },
  env: Readonly<Record<string, string | undefined>>,
): { port: number; host: string } | string {
  const fromEnv = (name: string): string | undefined => {
    const v = env[name]?.trim();
    return v === undefined || v === '' ? undefined : v;
  };
  const portGiven = typeof values.port === 'string' ? values.port : undefined;
  const portText = portGiven ?? fromEnv('PORT') ?? '3000';
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
  if (!Number.isInteger(port) || port > 65535) {
    const where = portGiven !== undefined ? '--port' : '环境变量 PORT';
    return `端口无效（${where}）：${portText}，应为 0–65535 的整数`;
  }
  const hostGiven = typeof values.host === 'string' ? values.host.trim() : undefined;
  const host = hostGiven || fromEnv('HOST') || '127.0.0.1';
  if (/\s/.test(host)) {
    const where = hostGiven ? '--host' : '环境变量 HOST';
    return `监听地址无效（${where}）：${host}`;
  }
  return { port, host };
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
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer({
      target,
      port: options.port,
      host: options.host,
      demo: options.demo,
      demoPassword: options.demoPassword,
      trustProxy: options.trustProxy,
    });
  } catch (error) {
    const message = listenFailure(error, options);
    if (message === null) throw error;
    io.stderr(`${message}\n`);
    return EXIT_USAGE;
  }
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

/** A Chinese message for a listen that failed for a reason the user can fix; null otherwise. */
export function listenFailure(
  error: unknown,
  where: { port: number; host: string },
): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EADDRINUSE')
    return `端口 ${where.port} 已被占用：请先停止占用它的程序，或用 --port（或环境变量 PORT）换一个端口。`;
  if (code === 'EACCES')
    return `无权监听端口 ${where.port}：1024 以下的端口需要管理员权限，请换一个端口（--port 或环境变量 PORT）。`;
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
    return `无法在地址 ${where.host} 上监听：本机没有这个地址，请检查 --host（或环境变量 HOST）。`;
  return null;
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
          port: { type: 'string' },
          host: { type: 'string' },
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
    const listen = listenAddress(parsed.values, process.env);
    if (typeof listen === 'string') {
      io.stderr(`${listen}\n\n${USAGE}\n`);
      return EXIT_USAGE;
    }
    const trust = parseTrustProxy(parsed.values['trust-proxy']);
    if (trust === null) {
      io.stderr(`--trust-proxy 须为代理层数（正整数）或代理地址（逗号分隔）\n\n${USAGE}\n`);
      return EXIT_USAGE;
    }
    return serve(io, {
      ...listen,
      db: String(parsed.values['db']),
      demo: parsed.values['demo'] === true,
      demoPassword: String(parsed.values['demo-password']),
      trustProxy: trust,
    });
  },
};
