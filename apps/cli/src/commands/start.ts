import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { CliIo } from '../cli-io.ts';
import type { Command } from '../command.ts';
import { EXIT_USAGE, parseCommandArgs } from '../command.ts';
import { repoRoot } from '../repo-root.ts';
import { listenAddress, serve } from './serve.ts';

const USAGE = `用法：jixiao start [--port 3000] [--host 127.0.0.1]

一键运行：网页未构建或已过期时先构建（apps/web/dist），然后以演示模式启动平台，
数据库为 data/jixiao.db（为空时写入演示数据），并列出演示账号。

选项：
  --port N     监听端口，默认取环境变量 PORT，未设置时为 3000
  --host H     监听地址，默认取环境变量 HOST，未设置时为 127.0.0.1
  -h, --help   显示本说明`;

/** The newest modification time under a path (files only). */
function newest(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(target))
    latest = Math.max(latest, newest(path.join(target, entry)));
  return latest;
}

/** True when apps/web/dist is missing or older than the web app's sources. */
export function webBuildStale(root: string): boolean {
  const web = path.join(root, 'apps', 'web');
  const built = path.join(web, 'dist', 'index.html');
  if (!existsSync(built)) return true;
  const sources = Math.max(
    newest(path.join(web, 'src')),
    newest(path.join(web, 'index.html')),
    newest(path.join(web, 'vite.config.ts')),
    newest(path.join(root, 'packages', 'domain', 'src')),
  );
  return sources > statSync(built).mtimeMs;
}

export const startCommand: Command = {
  name: 'start',
  summary: '一键运行平台：构建网页（如需要），以演示数据启动（默认 3000 端口，可用 PORT 指定）',
  async run(args: string[], io: CliIo): Promise<number> {
    const parsed = parseCommandArgs(
      args,
      {
        usage: USAGE,
        options: { port: { type: 'string' }, host: { type: 'string' } },
        positionals: { min: 0, max: 0 },
      },
      io,
    );
    if (typeof parsed === 'number') return parsed;
    const listen = listenAddress(parsed.values, process.env);
    if (typeof listen === 'string') {
      io.stderr(`${listen}\n`);
      return EXIT_USAGE;
    }
    const root = repoRoot();
    if (webBuildStale(root)) {
      io.stdout('正在构建网页（apps/web）……\n');
      const build = spawnSync('npx', ['vite', 'build'], {
        cwd: path.join(root, 'apps', 'web'),
        stdio: 'inherit',
      });
      if (build.status !== 0) io.stderr('网页构建失败：仅提供 API 服务。\n');
    }
    return serve(
      { ...io, cwd: root },
      {
        ...listen,
        db: path.join('data', 'jixiao.db'),
        demo: true,
        demoPassword: 'jixiao-demo',
      },
    );
  },
};
