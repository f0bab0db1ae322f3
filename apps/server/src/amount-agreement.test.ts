// An amount sent both as its written text and as integer 分 must say one figure: a body whose
// text and value disagree ("1013.19" with 101 318 分, "97.06%" with 95) is refused with a 400 in
// Chinese naming the figure, on create, on save and on a scoring preview, and nothing stored
// changes (the version, the body, the revisions). Measured before the fix: every such body was
// stored (201/200) with two figures for one amount; after: all refused, the stored body unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '@jixiao/db/testing';
import { createWorld, login } from './testing/harness.ts';
import type { Client, World } from './testing/harness.ts';

interface Stored {
  version: number;
  body: Record<string, unknown> & { funds: Record<string, Record<string, unknown>> };
}
interface Refusal {
  error: { code: string; message: string; details?: { mismatches?: { path: string }[] } };
}

const han = /[\u4e00-\u9fff]/;

describe.each(TEST_DIALECTS)('amounts whose text and value disagree, on %s', (dialect) => {
  let world: World;
  let filer: Client;
  beforeAll(async () => {
    world = await createWorld(dialect, { worker: false });
    filer = await login(world.app, 'filer-a');
  }, 60_000);
  afterAll(async () => world.close());

  /** The stored body with `funds.total` set to the given row. */
  async function withTotal(
    row: Record<string, unknown>,
  ): Promise<{ version: number; body: Stored['body'] }> {
    const { version, body } = (
      await filer.get(`/api/evaluations/${world.evaluations.a}`)
    ).json<Stored>();
    return { version, body: { ...body, funds: { ...body.funds, total: row } } };
  }

  const bad: [string, Record<string, unknown>, string][] = [
    [
      'text more than the value',
      { budget: { fen: 101_318, unit: '元', text: '1013.19' } },
      'funds.total.budget',
    ],
    [
      'text in 万元 read as 元',
      {
        budget: { fen: 1_013_190_000, unit: '万元', text: '1,013.19' },
        executed: { fen: 100, unit: '万元', text: '100' },
      },
      'funds.total.executed',
    ],
    [
      'a rate stated otherwise',
      { statedRate: { value: 95, decimals: 2, text: '97.06%' } },
      'funds.total.statedRate',
    ],
  ];

  it.each(bad)('refuses a save with %s, and keeps what was stored', async (_, row, path) => {
    const id = world.evaluations.a;
    const before = (await filer.get(`/api/evaluations/${id}`)).json<Stored>();
    const { version, body } = await withTotal(row);
    const res = await filer.put(`/api/evaluations/${id}`, { version, body });
    expect(res.statusCode, res.body).toBe(400);
    const { error } = res.json<Refusal>();
    expect(error.code).toBe('EVALUATION_INVALID');
    expect(error.message).toMatch(han);
    expect(error.message).toContain('不一致');
    expect(error.details?.mismatches?.map((m) => m.path)).toEqual([path]);
    const after = (await filer.get(`/api/evaluations/${id}`)).json<Stored>();
    expect(after).toEqual(before);
    const revisions = await filer.get(`/api/evaluations/${id}/revisions/${before.version + 1}`);
    expect(revisions.statusCode).toBe(404);
  });

  it('refuses a new evaluation whose amount disagrees, and creates none', async () => {
    const { body } = await withTotal({ executed: { fen: 5, unit: '万元', text: '0.06' } });
    const listed = async () => (await filer.get('/api/evaluations')).body;
    const before = await listed();
    const res = await filer.post('/api/evaluations', {
      departmentId: world.departments.a,
      year: 2031,
      kind: 'department',
      rulebookId: body.rulebookId,
      body: { ...body, meta: { ...(body.meta as object), year: 2031 } },
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json<Refusal>().error.message).toMatch(han);
    expect(await listed()).toBe(before);
  });

  it('refuses a scoring preview whose amount disagrees', async () => {
    const { body } = await withTotal({ budget: { fen: 1, unit: '元', text: '1.00' } });
    const res = await filer.post('/api/evaluate', { body });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json<Refusal>().error.message).toContain('不一致');
  });

  it('saves amounts whose text and value agree, in any unit, with thousands commas or rounded', async () => {
    const id = world.evaluations.a;
    const row = {
      budget: { fen: 1_013_190_000_000, unit: '万元', text: '1,013,190.00' },
      executed: { fen: 98_765, unit: '元', text: '987.65' },
      // A text showing the value rounded to its own decimals (the demo's 2088.401234 万元).
      initialBudget: { fen: 2_088_401_234, unit: '万元', text: '2088.40' },
      statedRate: { value: 97.06, decimals: 2, text: '97.06%' },
    };
    const { version, body } = await withTotal(row);
    const res = await filer.put(`/api/evaluations/${id}`, { version, body });
    expect(res.statusCode, res.body).toBe(200);
    const back = (await filer.get(`/api/evaluations/${id}`)).json<Stored>();
    expect(back.body.funds.total).toEqual(row);
  });
});
