import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '@jixiao/db';
import { TEST_DIALECTS } from '@jixiao/db/testing';
import { PASSWORD, createWorld, login } from './testing/harness.ts';
import type { World } from './testing/harness.ts';

const CHILD = fileURLToPath(new URL('./testing/child.ts', import.meta.url));
const MB = 1024 * 1024;

/** A server in a child process, so that its memory is its own. */
async function startServer(
  world: World,
): Promise<{ child: ChildProcessWithoutNullStreams; url: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', CHILD, 'serve', JSON.stringify(world.target)],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no server: ${out}`)), 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening (\S+)/.exec(out);
      if (m?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', () => reject(new Error(`server exited: ${out}`)));
  });
  return { child, url };
}

/** Resident and peak resident memory of a process, in bytes (Linux). */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') * 1024, peak: kb('VmHWM') * 1024 };
}

/**
 * A zip of one stored part (`name`) about `size` bytes long, given as the bytes before its data,
 * the length of the data, and the bytes after it (its central directory): streamed, the data is
 * never held whole. Its checksum is left at zero.
 */
function storedZip(name: string, size: number): { head: Buffer; data: number; tail: Buffer } {
  const file = Buffer.from(name, 'latin1');
  const data = Math.max(0, size - 30 - 46 - 22 - 2 * file.length);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(data, 18);
  local.writeUInt32LE(data, 22);
  local.writeUInt16LE(file.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(data, 20);
  central.writeUInt32LE(data, 24);
  central.writeUInt16LE(file.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + file.length, 12);
  end.writeUInt32LE(30 + file.length + data, 16);
  return {
    head: Buffer.concat([local, file]),
    data,
    tail: Buffer.concat([central, file, end]),
  };
}

/** Streams a multipart upload of `count` files of `size` random-looking bytes (never held whole). */
function uploadBatch(
  url: string,
  headers: Record<string, string>,
  count: number,
  size: number,
): Promise<{ status: number; body: string }> {
  const boundary = `----jixiao-batch-${Date.now()}`;
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${url}/api/audit-jobs`,
      {
        method: 'POST',
        headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
      },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    const chunk = Buffer.alloc(256 * 1024);
    for (let i = 0; i < chunk.length; i += 1) chunk[i] = (i * 131 + 7) & 0xff;
    void (async () => {
      for (let f = 0; f < count; f += 1) {
        req.write(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="报告${f}.docx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
        );
        // Each file is a Word package by its zip directory (the upload's content check reads
        // that) whose one part, word/document.xml, is no document: the audit refuses it, file
        // by file.
        const { head, tail, data } = storedZip('word/document.xml', size);
        req.write(head);
        for (let sent = 0; sent < data; sent += chunk.length) {
          if (!req.write(chunk.subarray(0, Math.min(chunk.length, data - sent))))
            await new Promise((r) => req.once('drain', r));
        }
        req.write(tail);
        req.write('\r\n');
      }
      req.end(`--${boundary}--\r\n`);
    })();
  });
}

describe.each(TEST_DIALECTS)('batch audits with bounded memory on %s', (dialect) => {
  let world: World;
  let server: { child: ChildProcessWithoutNullStreams; url: string };
  beforeAll(async () => {
    world = await createWorld(dialect, { worker: false });
    server = await startServer(world);
  });
  afterAll(async () => {
    server.child.kill('SIGTERM');
    await world.close();
  });

  it('takes 200 MB of uploads with its memory and /api/health within bounds, and keeps no originals', async () => {
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'reviewer', password: PASSWORD }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const headers = { cookie, 'x-csrf-token': csrfToken };
    const before = memoryOf(server.child.pid ?? 0);

    let slowest = 0;
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const started = performance.now();
        await fetch(`${server.url}/api/health`);
        slowest = Math.max(slowest, performance.now() - started);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();

    const upload = await uploadBatch(server.url, headers, 20, 10 * MB);
    expect(upload.status).toBe(202);
    const { jobId } = JSON.parse(upload.body) as { jobId: string };
    let status = 'queued';
    for (let i = 0; i < 600 && (status === 'queued' || status === 'running'); i += 1) {
      await new Promise((r) => setTimeout(r, 100));
      const job = (await (
        await fetch(`${server.url}/api/audit-jobs/${jobId}`, { headers })
      ).json()) as {
        status: string;
      };
      status = job.status;
    }
    polling = false;
    await poller;
    const after = memoryOf(server.child.pid ?? 0);
    const growth = after.peak - before.rss;
    console.log(
      `${dialect}: RSS ${Math.round(before.rss / MB)} MB before, peak ${Math.round(after.peak / MB)} MB, ${Math.round(after.rss / MB)} MB after; slowest /api/health ${Math.round(slowest)} ms`,
    );
    expect(status).toBe('done');
    // 200 MB uploaded. Buffered whole, read back whole and copied, a batch raised the peak by 2–3
    // times its size and stalled /api/health for seconds; streamed to disk, stored and read back a
    // file at a time, the peak stays below the batch's size.
    expect(growth).toBeLessThan(200 * MB);
    expect(slowest).toBeLessThan(2500);
    const kept = await sql<{ bytes: string | number | null }>`
      select sum(length(bytes)) as bytes from job_files where job_id = ${jobId}`.execute(
      world.ctx.db,
    );
    expect(Number(kept.rows[0]?.bytes ?? 0)).toBe(0);
  }, 120_000);
});

describe('bytes per batch request and per user in flight', () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld('sqlite', {
      worker: false,
      batchLimit: 1 * MB,
      userBatchLimit: 1.5 * MB,
    });
  });
  afterAll(async () => world.close());

  const file = (name: string, size: number) => ({ name, bytes: new Uint8Array(size).fill(65) });

  it('refuses a batch over the per-request bound with 413 in Chinese, creating no job', async () => {
    const filer = await login(world.app, 'filer-a');
    const res = await filer.upload('/api/audit-jobs', [
      file('a.txt', 600 * 1024),
      file('b.txt', 600 * 1024),
    ]);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toBe('一次批量审查的文件合计不能超过 1 MB');
    expect(await world.ctx.db.selectFrom('jobs').select('id').execute()).toEqual([]);
  });

  it('refuses a user whose uploads still waiting for audit would pass the per-user bound', async () => {
    const head = await login(world.app, 'head-a');
    expect((await head.upload('/api/audit-jobs', [file('a.txt', 900 * 1024)])).statusCode).toBe(
      202,
    );
    const second = await head.upload('/api/audit-jobs', [file('b.txt', 900 * 1024)]);
    expect(second.statusCode).toBe(413);
    expect(second.json().error.message).toContain('待审查的文件合计不能超过 2 MB');
    // Another user is not held up by it.
    const other = await login(world.app, 'head-b');
    expect((await other.upload('/api/audit-jobs', [file('c.txt', 900 * 1024)])).statusCode).toBe(
      202,
    );
  });
});
