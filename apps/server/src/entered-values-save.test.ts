// What the editor saves is what comes back: generated evaluations (awkward but valid values) are
// saved through the API and read back unchanged, on SQLite and PostgreSQL; two saves on the same
// version keep the winner's values exactly, hand the loser the winner's body with the 409, and the
// loser's values, saved again on the new version, come back as they were typed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '@jixiao/db/testing';
import { enteredEvaluation } from '@jixiao/documents/testing';
import type { Evaluation } from '@jixiao/domain';
import { createWorld, login } from './testing/harness.ts';
import type { Client, World } from './testing/harness.ts';

/** Generated evaluations of one kind, from consecutive seeds. */
function bodies(kind: Evaluation['kind'], count: number, from: number): Evaluation[] {
  const out: Evaluation[] = [];
  for (let seed = from; out.length < count; seed++) {
    const e = enteredEvaluation(seed);
    if (e.kind === kind) out.push(e);
  }
  return out;
}

/** The body as JSON carries it (what the editor sends). */
const json = (e: Evaluation): Record<string, unknown> =>
  JSON.parse(JSON.stringify(e)) as Record<string, unknown>;

interface Stored {
  version: number;
  body: unknown;
}

describe.each(TEST_DIALECTS)('entered values saved and read back on %s', (dialect) => {
  let world: World;
  let filer: Client;
  let head: Client;
  beforeAll(async () => {
    world = await createWorld(dialect, { worker: false });
    [filer, head] = await Promise.all([login(world.app, 'filer-a'), login(world.app, 'head-a')]);
  }, 60_000);
  afterAll(async () => world.close());

  it('gives back every department body exactly as saved', async () => {
    const id = world.evaluations.a;
    for (const e of bodies('department', 10, 2000)) {
      const { version } = (await filer.get(`/api/evaluations/${id}`)).json<Stored>();
      const saved = await filer.put(`/api/evaluations/${id}`, { version, body: json(e) });
      expect(saved.statusCode, saved.body).toBe(200);
      const back = (await filer.get(`/api/evaluations/${id}`)).json<Stored>();
      expect(back.version).toBe(version + 1);
      expect(back.body).toEqual(json(e));
    }
  }, 120_000);

  it('gives back every project body exactly as created and saved', async () => {
    for (const [i, e] of bodies('project', 4, 3000).entries()) {
      if (e.kind !== 'project') throw new Error('not a project');
      const created = await filer.post('/api/evaluations', {
        departmentId: world.departments.a,
        year: 2000 + i,
        kind: 'project',
        rulebookId: e.rulebookId,
        body: json(e),
      });
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json<{ id: string }>().id;
      const first = (await filer.get(`/api/evaluations/${id}`)).json<Stored>();
      expect(first.body).toEqual(json(e));
      const edited = {
        ...e,
        chapters: [{ key: 'other' as const, paragraphs: ['补充说明：\n另起一行 & <b>'] }],
      };
      const saved = await filer.put(`/api/evaluations/${id}`, {
        version: first.version,
        body: json(edited),
      });
      expect(saved.statusCode, saved.body).toBe(200);
      expect((await filer.get(`/api/evaluations/${id}`)).json<Stored>().body).toEqual(json(edited));
    }
  }, 120_000);

  it('keeps the winner of two saves on one version, returns its body with the 409, and then the loser’s', async () => {
    const id = world.evaluations.a;
    const [mine, theirs] = bodies('department', 2, 4000);
    if (!mine || !theirs) throw new Error('no bodies');
    const { version } = (await filer.get(`/api/evaluations/${id}`)).json<Stored>();
    const answers = await Promise.all([
      filer.put(`/api/evaluations/${id}`, { version, body: json(mine) }),
      head.put(`/api/evaluations/${id}`, { version, body: json(theirs) }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const wonBy = answers.findIndex((a) => a.statusCode === 200);
    const [winner, loser] = wonBy === 0 ? [mine, theirs] : [theirs, mine];
    const conflict = answers[1 - wonBy]?.json<{
      error: { code: string; details: { current: Stored } };
    }>().error;
    expect(conflict?.code).toBe('VERSION_CONFLICT');
    // The loser is shown exactly what the winner saved, to choose from.
    expect(conflict?.details.current.version).toBe(version + 1);
    expect(conflict?.details.current.body).toEqual(json(winner));
    expect((await filer.get(`/api/evaluations/${id}`)).json<Stored>().body).toEqual(json(winner));

    // The loser overwrites on the new version: its values come back whole, the winner's stay
    // in the history.
    const client = wonBy === 0 ? head : filer;
    const again = await client.put(`/api/evaluations/${id}`, {
      version: version + 1,
      body: json(loser),
    });
    expect(again.statusCode, again.body).toBe(200);
    expect((await filer.get(`/api/evaluations/${id}`)).json<Stored>().body).toEqual(json(loser));
    const kept = await filer.get(`/api/evaluations/${id}/revisions/${version + 1}`);
    expect(kept.json<Stored>().body).toEqual(json(winner));
  }, 60_000);
});
