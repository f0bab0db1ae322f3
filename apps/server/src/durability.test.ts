import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, sql } from '@jixiao/db';
import { SESSION_CACHE_MS } from '@jixiao/services';
import { TEST_DIALECTS } from '@jixiao/db/testing';
import { createWorld } from './testing/harness.ts';
import type { World } from './testing/harness.ts';

const CHILD = fileURLToPath(new URL('./testing/child.ts', import.meta.url));

function startChild(args: string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/** Resolves when the child's stdout satisfies `done`; rejects if it exits first. */
function waitFor(
  child: ChildProcessWithoutNullStreams,
  done: (out: string) => boolean,
  ms = 60_000,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`timeout: ${out} ${err}`)), ms);
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (done(out)) {
        clearTimeout(timer);
        resolve(out);
      }
    });
    child.on('exit', () => {
      clearTimeout(timer);
      reject(new Error(`child exited: ${out} ${err}`));
    });
  });
}

describe.each(TEST_DIALECTS)('durability on %s', (dialect) => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld(dialect, { worker: false });
  });
  afterAll(async () => world.close());

  it('keeps every acknowledged save of a process killed in the middle of a burst', async () => {
    const child = startChild([
      'save-burst',
      JSON.stringify(world.target),
      world.evaluations.a,
      'filer-a',
    ]);
    const out = await waitFor(child, (text) => (text.match(/^saved /gm) ?? []).length >= 40);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const acknowledged = [...out.matchAll(/^saved (\d+) (burst-\d+)$/gm)].map((m) => ({
      version: Number(m[1]),
      phone: m[2],
    }));
    const last = acknowledged.at(-1);
    expect(last).toBeDefined();

    const reopened = await openStore(world.target);
    try {
      if (dialect === 'sqlite') {
        const check = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(
          reopened.db,
        );
        expect(check.rows[0]?.integrity_check).toBe('ok');
      }
      const row = await reopened.db
        .selectFrom('evaluations')
        .select(['version'])
        .where('id', '=', world.evaluations.a)
        .executeTakeFirstOrThrow();
      expect(row.version).toBeGreaterThanOrEqual(last?.version ?? Infinity);
      const revisions = await reopened.db
        .selectFrom('revisions')
        .select(['version', 'body'])
        .where('evaluation_id', '=', world.evaluations.a)
        .execute();
      const stored = new Map(
        revisions.map((r) => [
          r.version,
          (JSON.parse(r.body) as { meta: { phone?: string } }).meta.phone,
        ]),
      );
      for (const ack of acknowledged) expect(stored.get(ack.version)).toBe(ack.phone);
      // Versions are contiguous: no save half-written, none lost in between.
      const versions = [...stored.keys()].sort((a, b) => a - b);
      expect(versions).toEqual(Array.from({ length: versions.length }, (_, i) => i + 1));
      expect(versions.at(-1)).toBe(row.version);
    } finally {
      await reopened.close();
    }
  }, 120_000);

  it.runIf(dialect === 'postgres')(
    'lets two server processes share sessions and jobs: log in on one, work on the other',
    async () => {
      const one = startChild(['serve', JSON.stringify(world.target)]);
      const two = startChild(['serve', JSON.stringify(world.target)]);
      try {
        const [outOne, outTwo] = await Promise.all([
          waitFor(one, (t) => t.includes('listening')),
          waitFor(two, (t) => t.includes('listening')),
        ]);
        const urlOne = /listening (\S+)/.exec(outOne)?.[1] ?? '';
        const urlTwo = /listening (\S+)/.exec(outTwo)?.[1] ?? '';
        expect(urlOne).not.toBe(urlTwo);
        const login = await fetch(`${urlOne}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'filer-a', password: 'Passw0rd-test' }),
        });
        const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
        const { csrfToken } = (await login.json()) as { csrfToken: string };
        const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
        const current = (await (
          await fetch(`${urlTwo}/api/evaluations/${world.evaluations.a}`, { headers })
        ).json()) as {
          version: number;
          body: { meta: Record<string, unknown> };
        };
        const saved = await fetch(`${urlTwo}/api/evaluations/${world.evaluations.a}`, {
          method: 'PUT',
          headers,
          body: JSON.stringify({
            version: current.version,
            body: { ...current.body, meta: { ...current.body.meta, phone: 'two' } },
          }),
        });
        expect(saved.status).toBe(200);
        const seenOnOne = (await (
          await fetch(`${urlOne}/api/evaluations/${world.evaluations.a}`, { headers })
        ).json()) as { version: number };
        expect(seenOnOne.version).toBe(current.version + 1);
        const stale = await fetch(`${urlOne}/api/evaluations/${world.evaluations.a}`, {
          method: 'PUT',
          headers,
          body: JSON.stringify({ version: current.version, body: current.body }),
        });
        expect(stale.status).toBe(409);
        // A batch audit queued through one process is processed by a worker and read through the other.
        const form = new FormData();
        form.append(
          'file',
          new Blob(['2024年度某单位部门整体支出绩效自评报告\n一、基本情况']),
          'a.txt',
        );
        const queued = await fetch(`${urlOne}/api/audit-jobs`, {
          method: 'POST',
          headers: { cookie, 'x-csrf-token': csrfToken },
          body: form,
        });
        expect(queued.status).toBe(202);
        const { jobId } = (await queued.json()) as { jobId: string };
        let job = { status: 'queued', done: 0 };
        for (let i = 0; i < 100 && job.status !== 'done'; i += 1) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          job = (await (
            await fetch(`${urlTwo}/api/audit-jobs/${jobId}`, { headers })
          ).json()) as typeof job;
        }
        expect(job).toMatchObject({ status: 'done', done: 1 });
        await fetch(`${urlTwo}/api/auth/logout`, { method: 'POST', headers });
        // Logout is immediate on the process that served it; the other forgets its cached session
        // within SESSION_CACHE_MS.
        expect((await fetch(`${urlTwo}/api/me`, { headers })).status).toBe(401);
        await new Promise((resolve) => setTimeout(resolve, SESSION_CACHE_MS + 100));
        expect((await fetch(`${urlOne}/api/me`, { headers })).status).toBe(401);
      } finally {
        one.kill('SIGKILL');
        two.kill('SIGKILL');
      }
    },
    120_000,
  );
});
