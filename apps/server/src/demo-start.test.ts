import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openStore } from '@jixiao/db';
import { TEST_DIALECTS, createTestDatabase } from '@jixiao/db/testing';

const CHILD = fileURLToPath(new URL('./testing/child.ts', import.meta.url));

/** Resolves with the child's address once it listens; rejects with its output if it exits first. */
function listening(child: ChildProcessWithoutNullStreams): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`timeout: ${out} ${err}`)), 90_000);
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening (\S+)/.exec(out);
      if (m?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${String(code)}: ${out} ${err}`));
    });
  });
}

describe.each(TEST_DIALECTS)('two servers starting with --demo at once on %s', (dialect) => {
  it('both start, and the database holds one demo', async () => {
    const database = await createTestDatabase(dialect);
    const start = () =>
      spawn(process.execPath, ['--import', 'tsx', CHILD, 'demo', JSON.stringify(database.target)], {
        stdio: ['pipe', 'pipe', 'pipe'],
      });
    const children = [start(), start()];
    try {
      const urls = await Promise.all(children.map(listening));
      for (const url of urls) {
        const health = await fetch(`${url}/api/health`);
        expect(health.status).toBe(200);
      }
      const store = await openStore(database.target);
      try {
        const regions = await store.db
          .selectFrom('regions')
          .select('id')
          .where('name', '=', '示范市')
          .execute();
        expect(regions).toHaveLength(1);
        const users = await store.db.selectFrom('users').select('username').execute();
        expect(users).toHaveLength(42);
        const evaluations = await store.db.selectFrom('evaluations').select('id').execute();
        expect(evaluations).toHaveLength(54);
        // The whole of 2025 for six bureaus: targets in every state, one adjusted after approval,
        // a project form; a monitoring round with red, yellow and green lights; two year-end
        // self-evaluations from the targets, one with a rewritten target among its errors.
        const forms = await store.db
          .selectFrom('target_forms')
          .select(['status', 'approved_version', 'kind'])
          .orderBy('status')
          .execute();
        expect(forms.map((f) => f.status).sort()).toEqual([
          'approved',
          'approved',
          'approved',
          'approved',
          'approved',
          'returned',
          'submitted',
        ]);
        expect(forms.some((f) => f.approved_version === 2)).toBe(true);
        const adjusted = await store.db
          .selectFrom('target_revisions')
          .select('reason')
          .where('reason', 'is not', null)
          .execute();
        expect(adjusted).toHaveLength(1);
        expect(forms.filter((f) => f.kind === 'project')).toHaveLength(1);
        const lights = await store.db.selectFrom('monitoring_reports').select('light').execute();
        expect(lights.map((l) => l.light).sort()).toEqual(['green', 'red', 'red', 'yellow']);
        const tied = await store.db
          .selectFrom('evaluation_findings')
          .select(['count'])
          .where('category', '=', 'target')
          .execute();
        // The rewritten target, and full marks on indicators monitoring showed red, unexplained.
        expect(tied.map((t) => t.count)).toEqual([4]);
      } finally {
        await store.close();
      }
    } finally {
      for (const child of children) child.kill('SIGTERM');
      await Promise.all(
        children.map((c) =>
          c.exitCode === null ? new Promise((r) => c.once('exit', r)) : Promise.resolve(),
        ),
      );
      database.dispose();
    }
  }, 120_000);
});
