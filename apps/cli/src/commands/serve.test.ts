import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../cli-io.ts';
import { runCli } from '../main.ts';
import { repoRoot } from '../repo-root.ts';
import { webBuildStale } from './start.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'jixiao-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]) {
  const io = memoryIo(dir);
  const code = await runCli(args, io);
  return { code, out: io.out(), err: io.err() };
}

describe('jixiao user add', () => {
  it('creates the first administrator, and refuses weak passwords and duplicates in Chinese', async () => {
    const env = process.env['DATABASE_URL'];
    delete process.env['DATABASE_URL'];
    try {
      const db = path.join(dir, 'users.db');
      const ok = await run(
        'user',
        'add',
        '--username',
        'boss',
        '--role',
        'admin',
        '--password',
        'Str0ng-enough',
        '--db',
        db,
      );
      expect(ok).toMatchObject({
        code: 0,
        out: expect.stringContaining('已创建账号 boss') as unknown,
      });
      const weak = await run(
        'user',
        'add',
        '--username',
        'weak',
        '--role',
        'admin',
        '--password',
        'short',
        '--db',
        db,
      );
      expect(weak.code).toBe(2);
      expect(weak.err).toContain('密码至少10位');
      const again = await run(
        'user',
        'add',
        '--username',
        'boss',
        '--role',
        'admin',
        '--password',
        'Str0ng-enough',
        '--db',
        db,
      );
      expect(again.err).toContain('已存在');
      const filer = await run(
        'user',
        'add',
        '--username',
        'f1',
        '--role',
        'filer',
        '--password',
        'Str0ng-enough',
        '--db',
        db,
      );
      expect(filer.err).toContain('必须绑定单位');
      const unknownDept = await run(
        'user',
        'add',
        '--username',
        'f2',
        '--role',
        'filer',
        '--password',
        'Str0ng-enough',
        '--department',
        'NOPE',
        '--db',
        db,
      );
      expect(unknownDept.err).toContain('单位编码 NOPE 不存在');
      const badRole = await run(
        'user',
        'add',
        '--username',
        'x',
        '--role',
        'king',
        '--password',
        'Str0ng-enough',
        '--db',
        db,
      );
      expect(badRole.code).toBe(2);
    } finally {
      if (env !== undefined) process.env['DATABASE_URL'] = env;
    }
  });
});

describe('jixiao serve', () => {
  it('serves the API with demo data and lists the demo accounts, then stops on SIGTERM', async () => {
    const bin = path.join(repoRoot(), 'apps', 'cli', 'bin', 'jixiao.js');
    const env = { ...process.env };
    delete env['DATABASE_URL'];
    const child = spawn(
      process.execPath,
      [
        bin,
        'serve',
        '--port',
        '0',
        '--db',
        path.join(dir, 'demo.db'),
        '--demo',
        '--demo-password',
        'demo-pass-1',
      ],
      {
        cwd: dir,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start: ${out}`)), 60_000);
      child.stdout.on('data', () => {
        const match = /演示账号[\s\S]*head-d16/.test(out)
          ? /http:\/\/127\.0\.0\.1:\d+/.exec(out)
          : null;
        if (match !== null) {
          clearTimeout(timer);
          resolve(match[0]);
        }
      });
      child.on('exit', () => reject(new Error(`exited: ${out}`)));
    });
    expect(out).toContain('reviewer');
    expect(out).toContain('filer-c01');
    expect(await (await fetch(`${url}/api/health`)).json()).toEqual({ status: 'ok', db: 'sqlite' });
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'demo-pass-1' }),
    });
    expect(login.status).toBe(200);
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 120_000);

  it('listens where PORT says; a port already taken is a Chinese message and exit 2, not a hang', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port) };
      delete env['DATABASE_URL'];
      const child = spawn(
        process.execPath,
        [path.join(repoRoot(), 'apps', 'cli', 'bin', 'jixiao.js'), 'serve', '--db', 'taken.db'],
        { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let err = '';
      child.stderr.on('data', (chunk: Buffer) => {
        err += chunk.toString();
      });
      const code = await new Promise<number | null>((resolve, reject) => {
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          reject(new Error(`still running after the listen failed: ${err}`));
        }, 60_000);
        child.on('exit', (c) => {
          clearTimeout(timer);
          resolve(c);
        });
      });
      expect(code).toBe(2);
      expect(err).toContain(`端口 ${port} 已被占用`);
    } finally {
      blocker.close();
    }
  }, 90_000);
});

describe('jixiao start', () => {
  it('rebuilds the web app only when dist is missing or older than its sources', () => {
    expect(webBuildStale(path.join(dir, 'no-such-repo'))).toBe(true);
  });

  it('explains itself', async () => {
    const { code, out } = await run('start', '--help');
    expect(code).toBe(0);
    expect(out).toContain('演示');
  });
});
