import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '@jixiao/db/testing';
import { createWorld, login } from '../testing/harness.ts';
import type { Client, World } from '../testing/harness.ts';
import { REPO_ROOT } from '../start-server.ts';

interface Mark {
  fingerprint: string;
  status: string;
  reason: string | null;
}
interface FileView {
  findings: { code: string; stated?: string }[];
  marks: Mark[];
}

const REPORT = readFileSync(
  join(REPO_ROOT, '..', 'shared', 'corpus', '000_1b4dc649ed6af86d.txt'),
  'utf8',
);

async function audited(client: Client, text: string): Promise<{ id: string; file: FileView }> {
  const res = await client.upload('/api/audit-jobs', [{ name: '2024年度报告.txt', bytes: text }]);
  expect(res.statusCode).toBe(202);
  const id = res.json<{ jobId: string }>().jobId;
  for (let i = 0; i < 200; i += 1) {
    const job = (await client.get(`/api/audit-jobs/${id}`)).json<{
      status: string;
      files: FileView[];
    }>();
    const file = job.files[0];
    if (job.status === 'done' && file !== undefined) return { id, file };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('job did not finish');
}

const shareMark = (file: FileView) => {
  const i = file.findings.findIndex((f) => f.code === 'RATIO_SHARE' && f.stated?.includes('12'));
  return file.marks[i];
};

describe.each(TEST_DIALECTS)('decisions on batch-audited documents on %s', (dialect) => {
  let w: World;
  let reviewer: Client;
  beforeAll(async () => {
    w = await createWorld(dialect);
    reviewer = await login(w.app, 'reviewer');
  });
  afterAll(async () => w.close());

  it('carry a dismissal to next year’s audit of the same text, not to a changed figure', async () => {
    const first = await audited(reviewer, REPORT);
    const mark = shareMark(first.file);
    if (mark === undefined) throw new Error('the corpus finding on 12% is missing');
    expect(mark.status).toBe('open');
    const index = 0;
    const filer = await login(w.app, 'filer-a');
    const body = { fingerprint: mark.fingerprint, state: 'dismissed', reason: '按调整后口径计算' };
    expect(
      (await filer.put(`/api/audit-jobs/${first.id}/files/${index}/decisions`, body)).statusCode,
    ).toBe(403);
    const decided = await reviewer.put(
      `/api/audit-jobs/${first.id}/files/${index}/decisions`,
      body,
    );
    expect(decided.statusCode).toBe(200);
    expect(shareMark(decided.json<FileView>())).toMatchObject({
      status: 'dismissed',
      reason: '按调整后口径计算',
    });

    // The same report again, with lines added at the top: the same finding, still dismissed.
    const again = await audited(reviewer, `（再次公开）\n\n${REPORT}`);
    expect(shareMark(again.file)).toMatchObject({ status: 'dismissed' });

    // Its stated figure changed: it comes back.
    const changed = await audited(reviewer, REPORT.replace('占项目支出的12%', '占项目支出的12.5%'));
    const i = changed.file.findings.findIndex(
      (f) => f.code === 'RATIO_SHARE' && f.stated?.includes('12.5'),
    );
    expect(changed.file.marks[i]?.status).toBe('reopened');

    // The exported decisions file carries it for `jixiao audit --decisions`.
    const exported = await reviewer.get('/api/decisions/export');
    expect(
      exported.json<{ decisions: { state: string; fingerprint: string }[] }>().decisions,
    ).toEqual([expect.objectContaining({ state: 'dismissed', fingerprint: mark.fingerprint })]);
    expect((await filer.get('/api/decisions/export')).statusCode).toBe(403);
  });
});
