import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '@jixiao/db/testing';
import { Client, PASSWORD, createWorld, fixtureBody, login } from '../testing/harness.ts';
import type { World } from '../testing/harness.ts';

describe.each(TEST_DIALECTS)('rulebooks, rounds, dashboard and public reports on %s', (dialect) => {
  let world: World;
  let admin: Client;
  let reviewer: Client;
  beforeAll(async () => {
    world = await createWorld(dialect);
    [admin, reviewer] = await Promise.all([
      login(world.app, 'admin'),
      login(world.app, 'reviewer'),
    ]);
  });
  afterAll(async () => world.close());

  it('lists the built-in rulebooks and returns one', async () => {
    const items: { id: string; kind: string }[] = (await reviewer.get('/api/rulebooks')).json()
      .items;
    expect(items.map((i) => i.id)).toContain('hunan-department');
    const book = (await reviewer.get('/api/rulebooks/hunan-department')).json();
    expect(book.tree.length).toBeGreaterThan(0);
    expect((await reviewer.get('/api/rulebooks/none')).statusCode).toBe(404);
  });

  it('validates a new rulebook version with paths and Chinese messages, then serves it', async () => {
    const bad = await admin.post('/api/rulebooks', { id: 'Bad Id', name: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('RULEBOOK_INVALID');
    expect(bad.json().error.details.issues.length).toBeGreaterThan(0);
    expect(bad.json().error.details.issues[0]).toMatchObject({
      path: expect.any(String),
      message: expect.any(String),
    });
    const book = (await admin.get('/api/rulebooks/hunan-department')).json();
    const next = { ...book, version: `${book.version}-local`, name: `${book.name}（本地修订）` };
    const added = await admin.post('/api/rulebooks', next);
    expect(added.statusCode).toBe(201);
    expect((await admin.get('/api/rulebooks/hunan-department')).json().version).toBe(next.version);
    expect((await admin.post('/api/rulebooks', next)).statusCode).toBe(409);
  });

  it('opens a round, shows its progress per department and reminds the late ones', async () => {
    const round = await reviewer.post('/api/rounds', {
      year: 2024,
      kind: 'department',
      rulebookId: 'hunan-department',
      deadline: '2025-06-30',
    });
    expect(round.statusCode).toBe(201);
    const id = round.json().id;
    const progress: {
      departmentName: string;
      status: string | null;
      evaluationId: string | null;
    }[] = (await reviewer.get(`/api/rounds/${id}/progress`)).json().items;
    expect(progress.map((p) => p.departmentName)).toEqual(['甲单位', '乙单位']);
    expect(progress.every((p) => p.status === 'draft')).toBe(true);
    // Two departments, a filer and a head each.
    expect((await reviewer.post(`/api/rounds/${id}/remind`)).json()).toEqual({
      reminded: 2,
      notified: 4,
    });
    const listed = (await reviewer.get('/api/evaluations?year=2024')).json().items;
    expect(listed[0].roundId).toBe(id);
    expect(listed[0].deadline).toBe('2025-06-30');
    const rounds: { id: string }[] = (await reviewer.get('/api/rounds')).json().items;
    expect(rounds.map((r) => r.id)).toContain(id);
  });

  it('a round reminder notifies the filers and heads of each late unit, started or not', async () => {
    const round = await reviewer.post('/api/rounds', {
      year: 2031,
      kind: 'department',
      rulebookId: 'hunan-department',
      deadline: '2032-05-31',
    });
    const roundId: string = round.json().id;
    const filerA = await login(world.app, 'filer-a');
    const started = await filerA.post('/api/evaluations', {
      departmentId: world.departments.a,
      year: 2031,
      kind: 'department',
      rulebookId: 'hunan-department',
      roundId,
    });
    expect(started.statusCode).toBe(201);
    const evaluationId: string = started.json().id;
    type Notice = { kind: string; evaluationId: string | null; comment: string | null };
    const newest = async (username: string): Promise<Notice | undefined> => {
      const client = username === 'filer-a' ? filerA : await login(world.app, username);
      return (await client.get('/api/notifications')).json<{ items: Notice[] }>().items[0];
    };
    expect((await reviewer.post(`/api/rounds/${roundId}/remind`)).json()).toEqual({
      reminded: 2,
      notified: 4,
    });
    for (const username of ['filer-a', 'head-a']) {
      const notice = await newest(username);
      expect(notice).toMatchObject({ kind: 'remind', evaluationId });
      expect(notice?.comment).toBe(
        '2031年度部门整体支出绩效自评填报截止2032-05-31。自评尚未提交，请尽快完成填报，由单位负责人提交审核。',
      );
    }
    for (const username of ['filer-b', 'head-b']) {
      const notice = await newest(username);
      expect(notice).toMatchObject({ kind: 'remind', evaluationId: null });
      expect(notice?.comment).toMatch(
        /^2031年度部门整体支出绩效自评填报截止2032-05-31。本单位尚未开始填报/,
      );
    }
    // The started evaluation's timeline shows the reminder.
    const events = (await filerA.get(`/api/evaluations/${evaluationId}/events`)).json<{
      items: { action: string }[];
    }>().items;
    expect(events.map((e) => e.action)).toContain('remind');
  });

  it('files an evaluation for a named round, checking its year, kind and departments', async () => {
    const round = await reviewer.post('/api/rounds', {
      year: 2025,
      kind: 'department',
      rulebookId: 'hunan-department',
      deadline: '2026-06-30',
      departmentIds: [world.departments.a],
    });
    expect(round.statusCode).toBe(201);
    const roundId: string = round.json().id;
    const filerA = await login(world.app, 'filer-a');
    const create = (client: Client, departmentId: string, year: number) =>
      client.post('/api/evaluations', {
        departmentId,
        year,
        kind: 'department',
        rulebookId: 'hunan-department',
        roundId,
      });
    const wrongYear = await create(filerA, world.departments.a, 2026);
    expect(wrongYear.statusCode).toBe(400);
    expect(wrongYear.json().error.message).toMatch(/年度或类型/);
    const filerB = await login(world.app, 'filer-b');
    const outOfScope = await create(filerB, world.departments.b, 2025);
    expect(outOfScope.statusCode).toBe(400);
    expect(outOfScope.json().error.message).toMatch(/不在此自评任务的范围内/);
    const unknown = await filerA.post('/api/evaluations', {
      departmentId: world.departments.a,
      year: 2025,
      kind: 'department',
      rulebookId: 'hunan-department',
      roundId: 'no-such-round',
    });
    expect(unknown.statusCode).toBe(404);

    const created = await create(filerA, world.departments.a, 2025);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ roundId, deadline: '2026-06-30', year: 2025 });
    const shown = (await filerA.get(`/api/evaluations/${created.json().id}`)).json();
    expect(shown).toMatchObject({ roundId, deadline: '2026-06-30' });
    const progress: { departmentId: string; status: string | null; evaluationId: string | null }[] =
      (await reviewer.get(`/api/rounds/${roundId}/progress`)).json().items;
    expect(progress).toEqual([
      {
        departmentId: world.departments.a,
        departmentName: '甲单位',
        status: 'draft',
        evaluationId: created.json().id,
      },
    ]);
  });

  it('aggregates the dashboard for the region and year', async () => {
    // Evaluations a (region 1) and c (region 2) are saved with a wrong stated total, so both
    // have findings; the dashboard's categories must add up exactly what each evaluation reports.
    const clients = {
      a: await login(world.app, 'filer-a'),
      b: await login(world.app, 'filer-b'),
      c: await login(world.app, 'filer-c'),
    };
    for (const key of ['a', 'c'] as const) {
      const current = (await clients[key].get(`/api/evaluations/${world.evaluations[key]}`)).json();
      const body = structuredClone(current.body);
      body.stated.total = 61.5;
      const saved = await clients[key].put(`/api/evaluations/${world.evaluations[key]}`, {
        version: current.version,
        body,
      });
      expect(saved.statusCode).toBe(200);
    }
    const expectedCategories = async (keys: readonly ('a' | 'b' | 'c')[]) => {
      const counts = new Map<string, number>();
      for (const key of keys) {
        const found: { category: string }[] = (
          await clients[key].get(`/api/evaluations/${world.evaluations[key]}/findings`)
        ).json().findings;
        for (const f of found) counts.set(f.category, (counts.get(f.category) ?? 0) + 1);
      }
      return [...counts]
        .map(([category, count]) => ({ category, count }))
        .sort((x, y) => y.count - x.count || (x.category < y.category ? -1 : 1))
        .slice(0, 10);
    };
    const headA = await login(world.app, 'head-a');
    await headA.post(`/api/evaluations/${world.evaluations.a}/transitions`, { action: 'submit' });
    const dash = (await reviewer.get('/api/dashboard?year=2024')).json();
    expect(dash.year).toBe(2024);
    expect(dash.statusCounts).toEqual({
      draft: 1,
      submitted: 1,
      returned: 0,
      approved: 0,
      published: 0,
    });
    const histogram: { count: number }[] = dash.scoreHistogram;
    const histogramTotal = histogram.reduce((s, b) => s + b.count, 0);
    expect(histogramTotal).toBe(2);
    expect(dash.totals).toHaveLength(2);
    // The largest gap between stated and computed total comes first.
    expect(dash.totals[0]).toMatchObject({
      departmentName: '甲单位',
      stated: 61.5,
      computed: expect.any(Number),
    });
    expect(dash.totals[1]).toMatchObject({ departmentName: '乙单位', stated: 100 });
    expect(dash.executionRates).toHaveLength(2);
    const regionCategories = await expectedCategories(['a', 'b']);
    expect(regionCategories.length).toBeGreaterThan(0);
    expect(dash.findingCategories).toEqual(regionCategories);
    const years: { departmentName: string }[] = dash.yearsByDepartment;
    expect(years.map((d) => d.departmentName).sort()).toEqual(['乙单位', '甲单位']);
    const all = (await admin.get('/api/dashboard?year=2024')).json();
    expect(
      Object.values(all.statusCounts as Record<string, number>).reduce((a, b) => a + b, 0),
    ).toBe(3);
    expect(all.findingCategories).toEqual(await expectedCategories(['a', 'b', 'c']));
    expect(all.findingCategories).not.toEqual(regionCategories);
    // A head sees the own unit only.
    const own = (await headA.get('/api/dashboard?year=2024')).json<{
      statusCounts: Record<string, number>;
      totals: { departmentName: string }[];
      findingCategories: unknown;
      yearsByDepartment: { departmentName: string }[];
    }>();
    expect(own.statusCounts).toMatchObject({ draft: 0, submitted: 1 });
    expect(own.totals.map((t) => t.departmentName)).toEqual(['甲单位']);
    expect(own.findingCategories).toEqual(await expectedCategories(['a']));
    expect(own.yearsByDepartment.map((d) => d.departmentName)).toEqual(['甲单位']);
    const filerA = await login(world.app, 'filer-a');
    expect((await filerA.get('/api/dashboard')).statusCode).toBe(403);
  });

  it('shows the public only published reports, with their score sheet and the .docx', async () => {
    const anonymous = new Client(world.app);
    expect((await anonymous.get('/api/public/reports')).json().items).toEqual([]);
    expect((await anonymous.get(`/api/public/reports/${world.evaluations.b}`)).statusCode).toBe(
      404,
    );
    const headB = await login(world.app, 'head-b');
    await headB.post(`/api/evaluations/${world.evaluations.b}/transitions`, { action: 'submit' });
    await reviewer.post(`/api/evaluations/${world.evaluations.b}/transitions`, {
      action: 'approve',
    });
    await reviewer.post(`/api/evaluations/${world.evaluations.b}/transitions`, {
      action: 'publish',
    });
    const items: { id: string; departmentName: string; publishedAt: string }[] = (
      await anonymous.get('/api/public/reports?year=2024')
    ).json().items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      id: world.evaluations.b,
      departmentName: '乙单位',
      publishedAt: expect.any(String),
    });
    expect((await anonymous.get('/api/public/reports?q=甲单位')).json().items).toEqual([]);
    const report = (await anonymous.get(`/api/public/reports/${world.evaluations.b}`)).json();
    expect(report.body.meta.unitName).toBe(
      fixtureBody().meta instanceof Object
        ? (fixtureBody().meta as { unitName: string }).unitName
        : '',
    );
    expect(report.scoreSheet.total).toEqual(expect.any(Number));
    const docx = await anonymous.get(`/api/public/reports/${world.evaluations.b}/report.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    await reviewer.post(`/api/evaluations/${world.evaluations.b}/transitions`, {
      action: 'reopen',
      comment: '发现问题，撤回公开',
    });
    expect((await anonymous.get(`/api/public/reports/${world.evaluations.b}`)).statusCode).toBe(
      404,
    );
  });

  it('manages regions and departments', async () => {
    const region = await admin.post('/api/regions', { name: '新区', financeBureau: '新区财政局' });
    expect(region.statusCode).toBe(201);
    const dept = await admin.post('/api/departments', {
      code: 'N1',
      name: '新区教育局',
      regionId: region.json().id,
    });
    expect(dept.statusCode).toBe(201);
    expect(
      (
        await admin.post('/api/departments', {
          code: 'N1',
          name: '重复',
          regionId: region.json().id,
        })
      ).statusCode,
    ).toBe(409);
    const seen: { code: string }[] = (await reviewer.get('/api/departments')).json().items;
    expect(seen.map((d) => d.code)).toEqual(['A', 'B']);
  });

  it('lets an administrator end a lock-out after failed logins', async () => {
    const attempt = (password: string) =>
      world.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'filer-b', password },
        remoteAddress: '10.0.0.77',
      });
    let status = 0;
    for (let i = 0; i < 12 && status !== 429; i += 1)
      status = (await attempt('wrong-pass-1')).statusCode;
    expect(status).toBe(429);
    expect((await attempt(PASSWORD)).statusCode).toBe(429);
    const users: { id: string; username: string }[] = (await admin.get('/api/users')).json().items;
    const filerB = users.find((u) => u.username === 'filer-b');
    if (!filerB) throw new Error('no filer-b');
    expect((await reviewer.patch(`/api/users/${filerB.id}`, { unlock: true })).statusCode).toBe(
      403,
    );
    expect((await admin.patch(`/api/users/${filerB.id}`, { unlock: true })).statusCode).toBe(200);
    expect((await attempt(PASSWORD)).statusCode).toBe(200);
  });

  it('serves the OpenAPI document and UI, and one error shape for unknown routes', async () => {
    const doc = (await reviewer.get('/api/docs/json')).json();
    expect(doc.openapi).toMatch(/^3/);
    expect(Object.keys(doc.paths)).toContain('/api/evaluations/{id}');
    expect((await reviewer.get('/api/docs')).statusCode).toBeLessThan(400);
    const missing = await reviewer.get('/api/nothing-here');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/不存在/),
    });
    const invalid = await reviewer.request('POST', '/api/evaluate', '{not json', {
      'content-type': 'application/json',
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.message).toMatch(/JSON/);
  });
});
