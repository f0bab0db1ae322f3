// Two people saving the same thing at the same moment, on the same version: one save wins, the
// other gets a 409 with a Chinese message and the current record, never a 500 or a silent
// overwrite; what is stored is exactly the winner's figures. The same for things created or
// moved at once: one evaluation of a unit and year, one unit code, one 绩效目标, one rulebook
// version, one submission or decision, each logged once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '@jixiao/db/testing';
import { createWorld, fixtureBody, login, targetBody } from './testing/harness.ts';
import type { Client, Response, World } from './testing/harness.ts';

const wan = (text: string) => ({ fen: Math.round(Number(text) * 1_000_000), unit: '万元', text });

/** Which of the two answers won; the other must be a Chinese 409. */
function winnerAndConflict(answers: Response[]): number {
  const statuses = answers.map((a) => a.statusCode).sort();
  expect(statuses).toEqual([200, 409]);
  const loser = answers.find((a) => a.statusCode === 409);
  expect(loser?.json<{ error: { message: string } }>().error.message).toMatch(/[\u4e00-\u9fff]/);
  return answers.findIndex((a) => a.statusCode === 200);
}

/** The same request's answers, sent at once: exactly one `ok`, every other a Chinese 409. */
function oneSucceeds(answers: Response[], ok: number): void {
  const statuses = answers.map((a) => a.statusCode).sort();
  expect(statuses).toEqual([ok, ...answers.slice(1).map(() => 409)].sort());
  for (const a of answers.filter((x) => x.statusCode === 409))
    expect(a.json<{ error: { message: string } }>().error.message).toMatch(/[\u4e00-\u9fff]/);
}

const AT_ONCE = 5;
const atOnce = (send: (i: number) => Promise<Response>) =>
  Promise.all(Array.from({ length: AT_ONCE }, (_, i) => send(i)));

describe.each(TEST_DIALECTS)('saves made at the same moment on %s', (dialect) => {
  let world: World;
  let filer: Client;
  let head: Client;
  let reviewer: Client;
  let admin: Client;
  beforeAll(async () => {
    world = await createWorld(dialect, { worker: false });
    [filer, head, reviewer, admin] = await Promise.all([
      login(world.app, 'filer-a'),
      login(world.app, 'head-a'),
      login(world.app, 'reviewer'),
      login(world.app, 'admin'),
    ]);
  }, 60_000);
  afterAll(async () => world.close());

  it('keep one of two evaluation edits and refuse the other', async () => {
    const id = world.evaluations.a;
    for (let round = 0; round < 3; round++) {
      const { version } = (await filer.get(`/api/evaluations/${id}`)).json<{ version: number }>();
      const edit = (title: string) => ({
        version,
        body: { ...fixtureBody(), meta: { ...(fixtureBody()['meta'] as object), title } },
      });
      const titles = [`填报人的标题${round}`, `负责人的标题${round}`];
      const answers = await Promise.all([
        filer.put(`/api/evaluations/${id}`, edit(titles[0] ?? '')),
        head.put(`/api/evaluations/${id}`, edit(titles[1] ?? '')),
      ]);
      const winner = winnerAndConflict(answers);
      const stored = (await filer.get(`/api/evaluations/${id}`)).json<{
        version: number;
        body: { meta: { title: string } };
      }>();
      expect(stored.version).toBe(version + 1);
      expect(stored.body.meta.title).toBe(titles[winner]);
    }
  });

  it('keep one of two 绩效目标 edits and refuse the other', async () => {
    const created = await filer.post('/api/targets', {
      departmentId: world.departments.a,
      year: 2026,
      kind: 'department',
      rulebookId: 'hunan-department',
      body: { ...targetBody(), year: 2026 },
    });
    const id = created.json<{ id: string }>().id;
    const { version } = (await filer.get(`/api/targets/${id}`)).json<{ version: number }>();
    const goals = ['填报人写的总体目标。', '负责人写的总体目标。'];
    const answers = await Promise.all(
      [filer, head].map((client, i) =>
        client.put(`/api/targets/${id}`, {
          version,
          body: { ...targetBody(), year: 2026, overallGoal: goals[i] },
        }),
      ),
    );
    const stored = (await filer.get(`/api/targets/${id}`)).json<{
      version: number;
      body: { overallGoal: string };
    }>();
    expect(stored.version).toBe(version + 1);
    expect(stored.body.overallGoal).toBe(goals[winnerAndConflict(answers)]);
  });

  it('keep one of two first monitoring reports and refuse the other', async () => {
    const created = await filer.post('/api/targets', {
      departmentId: world.departments.a,
      year: 2025,
      kind: 'department',
      rulebookId: 'hunan-department',
      body: targetBody(),
    });
    const formId = created.json<{ id: string }>().id;
    await head.post(`/api/targets/${formId}/transitions`, { action: 'submit' });
    await reviewer.post(`/api/targets/${formId}/transitions`, { action: 'approve' });
    const round = await reviewer.post('/api/monitoring/rounds', {
      year: 2025,
      asOf: '2025-07-31',
      deadline: '2025-08-15',
    });
    const roundId = round.json<{ id: string }>().id;
    const url = `/api/monitoring/rounds/${roundId}/forms/${formId}`;
    const amounts = [wan('300.00'), wan('450.00')];
    const answers = await Promise.all([
      filer.put(url, { version: 0, figures: { executed: amounts[0] } }),
      head.put(url, { version: 0, figures: { executed: amounts[1] } }),
    ]);
    const winner = winnerAndConflict(answers);
    const stored = (await filer.get(url)).json<{
      version: number;
      figures: { executed: { fen: number } };
    }>();
    expect(stored.version).toBe(1);
    expect(stored.figures.executed.fen).toBe(amounts[winner]?.fen);

    // Decisions on the same light at once (a reviewer's double click, two reviewers): each is
    // taken in turn, the last one stands, and none is a 500 of the one decision per light.
    const decisions = await atOnce((i) =>
      (i % 2 === 0 ? reviewer : admin).post(`${url}/decisions`, {
        subject: 'execution',
        state: 'confirmed',
        correction: `整改要求${i}`,
      }),
    );
    expect(decisions.map((d) => d.statusCode)).toEqual(decisions.map(() => 200));
    const decided = (await filer.get(url)).json<{
      decisions: { subject: string; correction: string }[];
    }>().decisions;
    expect(decided.filter((d) => d.subject === 'execution')).toHaveLength(1);
    expect(decided[0]?.correction).toMatch(/^整改要求[0-4]$/);
  });

  it('create one of each thing asked for several times at once, and refuse the rest', async () => {
    const evaluation = {
      departmentId: world.departments.a,
      year: 2030,
      kind: 'department',
      rulebookId: 'hunan-department',
    };
    oneSucceeds(await atOnce(() => filer.post('/api/evaluations', evaluation)), 201);
    const listed = await filer.get('/api/evaluations?year=2030');
    expect(listed.json<{ items: unknown[] }>().items).toHaveLength(1);

    const unit = { code: 'SAME', name: '同时新增的单位', regionId: world.regions.r1 };
    oneSucceeds(await atOnce(() => admin.post('/api/departments', unit)), 201);

    const form = { ...evaluation, year: 2031, body: { ...targetBody(), year: 2031 } };
    oneSucceeds(await atOnce(() => filer.post('/api/targets', form)), 201);

    const book = (await admin.get('/api/rulebooks/hunan-department')).json<object>();
    oneSucceeds(
      await atOnce(() => admin.post('/api/rulebooks', { ...book, version: 'same-moment' })),
      201,
    );
  });

  it('move an evaluation and a 绩效目标 once when transitions arrive at once, and log it once', async () => {
    const id = world.evaluations.a;
    oneSucceeds(
      await atOnce(() => head.post(`/api/evaluations/${id}/transitions`, { action: 'submit' })),
      200,
    );
    const decisions = await atOnce((i) =>
      reviewer.post(`/api/evaluations/${id}/transitions`, {
        action: i % 2 === 0 ? 'approve' : 'return',
        comment: '请补充说明',
      }),
    );
    oneSucceeds(decisions, 200);
    const status = decisions.find((d) => d.statusCode === 200)?.json<{ status: string }>().status;
    expect((await filer.get(`/api/evaluations/${id}`)).json<{ status: string }>().status).toBe(
      status,
    );
    const events = (await filer.get(`/api/evaluations/${id}/events`)).json<{
      items: { action: string }[];
    }>();
    expect(events.items.map((e) => e.action).filter((a) => a !== 'create')).toEqual([
      'submit',
      status === 'approved' ? 'approve' : 'return',
    ]);

    const created = await filer.post('/api/targets', {
      departmentId: world.departments.a,
      year: 2032,
      kind: 'department',
      rulebookId: 'hunan-department',
      body: { ...targetBody(), year: 2032 },
    });
    const formId = created.json<{ id: string }>().id;
    oneSucceeds(
      await atOnce(() => head.post(`/api/targets/${formId}/transitions`, { action: 'submit' })),
      200,
    );
    const formEvents = (await filer.get(`/api/targets/${formId}/events`)).json<{
      items: { action: string }[];
    }>();
    expect(formEvents.items.filter((e) => e.action === 'submit')).toHaveLength(1);
  });
});
