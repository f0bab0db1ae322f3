import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as documents from '@jixiao/documents';
import { TEST_DIALECTS } from '@jixiao/db/testing';
import { openStore } from '@jixiao/db';
import { createContext, getEvaluation, getEvaluationRecord, loadActor } from '@jixiao/services';
import { buildApp } from '../app.ts';
import { Client, createWorld, fixtureBody, login } from '../testing/harness.ts';
import type { World } from '../testing/harness.ts';

// The writer lands in @jixiao/documents; until it does, the export test waits for it.
const writerReady =
  typeof (documents as Record<string, unknown>)['renderReportDocx'] === 'function';

describe.each(TEST_DIALECTS)('evaluations on %s', (dialect) => {
  let world: World;
  let filer: Client;
  let head: Client;
  let reviewer: Client;
  beforeAll(async () => {
    world = await createWorld(dialect);
    [filer, head, reviewer] = await Promise.all([
      login(world.app, 'filer-a'),
      login(world.app, 'head-a'),
      login(world.app, 'reviewer'),
    ]);
  });
  afterAll(async () => world.close());

  it('reports health with the dialect', async () => {
    const res = await new Client(world.app).get('/api/health');
    expect(res.json()).toEqual({ status: 'ok', db: dialect });
  });

  it('answers GET with the record and the body exactly as the schema reads them, after every save', async () => {
    const id = world.evaluations.b;
    const filerB = await login(world.app, 'filer-b');
    const actor = await loadActor(
      world.ctx,
      (
        await world.ctx.db
          .selectFrom('users')
          .select('id')
          .where('username', '=', 'filer-b')
          .executeTakeFirstOrThrow()
      ).id,
    );
    if (actor === null) throw new Error('filer-b missing');
    const first = await filerB.get(`/api/evaluations/${id}`);
    expect(first.headers['content-type']).toMatch(/^application\/json/);
    expect(first.json()).toEqual(
      JSON.parse(JSON.stringify(await getEvaluation(world.ctx, actor, id))),
    );
    const body = first.json().body;
    const saved = await filerB.put(`/api/evaluations/${id}`, {
      version: first.json().version,
      body: { ...body, meta: { ...body.meta, phone: '0731-1234567' } },
    });
    expect(saved.statusCode).toBe(200);
    const second = await filerB.get(`/api/evaluations/${id}`);
    expect(second.json().version).toBe(first.json().version + 1);
    expect(second.json().body.meta.phone).toBe('0731-1234567');
    expect(second.json()).toEqual(
      JSON.parse(JSON.stringify(await getEvaluation(world.ctx, actor, id))),
    );
    expect(saved.json()).toEqual(
      JSON.parse(JSON.stringify(await getEvaluationRecord(world.ctx, id))),
    );
  });

  it('creates a blank draft, a copy and one from a body, each version 1 with a revision', async () => {
    const blank = await filer.post('/api/evaluations', {
      departmentId: world.departments.a,
      year: 2025,
      kind: 'department',
      rulebookId: 'hunan-department',
    });
    expect(blank.statusCode).toBe(201);
    expect(blank.json()).toMatchObject({
      status: 'draft',
      version: 1,
      year: 2025,
      departmentName: '甲单位',
      findingCounts: expect.any(Object),
    });
    const copy = await filer.post('/api/evaluations', {
      departmentId: world.departments.a,
      year: 2026,
      kind: 'department',
      rulebookId: 'hunan-department',
      copyFromEvaluationId: world.evaluations.a,
    });
    expect(copy.statusCode).toBe(201);
    const copied = await filer.get(`/api/evaluations/${copy.json().id}`);
    expect(copied.json().body.meta.year).toBe(2026);
    expect(copied.json().body.indicators.length).toBeGreaterThan(0);
    const revisions = await filer.get(`/api/evaluations/${copy.json().id}/revisions`);
    expect(revisions.json().items).toEqual([
      {
        version: 1,
        savedBy: 'filer-a',
        savedByName: expect.any(String),
        savedAt: expect.any(String),
      },
    ]);
    // The copy starts the new year without last year's results, and from an earlier year only.
    expect(copied.json().body.stated).toEqual({});
    expect(copied.json().body.chapters).toEqual([]);
    const backwards = await filer.post('/api/evaluations', {
      departmentId: world.departments.a,
      year: 2020,
      kind: 'department',
      rulebookId: 'hunan-department',
      copyFromEvaluationId: copy.json().id,
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.message).toMatch(/只能复制更早年度/);
  });

  it('names a blank project evaluation as the unit named it when creating it', async () => {
    const named = await filer.post('/api/evaluations', {
      departmentId: world.departments.a,
      year: 2025,
      kind: 'project',
      rulebookId: 'central-project',
      projectName: ' 基层医疗设备更新 ',
    });
    expect(named.statusCode).toBe(201);
    expect(named.json().title).toBe('2025年度甲单位基层医疗设备更新项目支出绩效自评报告');
    const body = (await filer.get(`/api/evaluations/${named.json().id}`)).json().body;
    expect(body.projectName).toBe('基层医疗设备更新');
    const unnamed = await filer.post('/api/evaluations', {
      departmentId: world.departments.a,
      year: 2025,
      kind: 'project',
      rulebookId: 'central-project',
    });
    expect((await filer.get(`/api/evaluations/${unnamed.json().id}`)).json().body.projectName).toBe(
      '未命名项目',
    );
  });

  it('keeps one 部门整体 evaluation per unit and year', async () => {
    const first = await filer.post('/api/evaluations', {
      departmentId: world.departments.a,
      year: 2019,
      kind: 'department',
      rulebookId: 'hunan-department',
    });
    expect(first.statusCode).toBe(201);
    const again = await filer.post('/api/evaluations', {
      departmentId: world.departments.a,
      year: 2019,
      kind: 'department',
      rulebookId: 'hunan-department',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: 'ALREADY_EXISTS',
      details: { evaluationId: first.json().id },
    });
  });

  it('refuses a body that breaks the schema, with paths, and an unknown rulebook', async () => {
    const bad = await filer.post('/api/evaluations', {
      departmentId: world.departments.a,
      year: 2024,
      kind: 'department',
      rulebookId: 'hunan-department',
      body: { kind: 'department', rulebookId: 'hunan-department', meta: { year: 'x' } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('EVALUATION_INVALID');
    expect(bad.json().error.details.issues.length).toBeGreaterThan(0);
    const unknown = await filer.post('/api/evaluations', {
      departmentId: world.departments.a,
      year: 2024,
      kind: 'department',
      rulebookId: 'no-such-book',
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toMatch(/评价指标体系/);
  });

  it('sends GET gzip-compressed to a client that accepts it, where the response is cacheable', async () => {
    const id = world.evaluations.a;
    const plain = await filer.get(`/api/evaluations/${id}`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['vary']).toMatch(/accept-encoding/i);
    for (const header of ['gzip', 'br;q=1, gzip;q=0.5', '*']) {
      const res = await filer.get(`/api/evaluations/${id}`, { 'accept-encoding': header });
      expect(res.statusCode).toBe(200);
      if (dialect === 'sqlite') {
        expect(res.headers['content-encoding']).toBe('gzip');
        expect(res.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
        expect(JSON.parse(gunzipSync(res.rawPayload).toString('utf8'))).toEqual(plain.json());
      } else {
        // PostgreSQL cannot stamp its changes, so nothing is cached and nothing compressed.
        expect(res.headers['content-encoding']).toBeUndefined();
        expect(res.json()).toEqual(plain.json());
      }
    }
    for (const header of ['gzip;q=0', 'identity', 'br']) {
      const res = await filer.get(`/api/evaluations/${id}`, { 'accept-encoding': header });
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.json()).toEqual(plain.json());
    }
    const other = await login(world.app, 'filer-c');
    const refused = await other.get(`/api/evaluations/${id}`, { 'accept-encoding': 'gzip' });
    expect(refused.statusCode).toBe(403);
  });

  it('saves with the version, keeps every revision, and answers a stale version with 409 and the current state', async () => {
    const id = world.evaluations.a;
    const before = (await filer.get(`/api/evaluations/${id}`)).json();
    const body = { ...before.body, meta: { ...before.body.meta, phone: '0734-1234567' } };
    const saved = await filer.put(`/api/evaluations/${id}`, { version: before.version, body });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().version).toBe(before.version + 1);
    const stale = await head.put(`/api/evaluations/${id}`, {
      version: before.version,
      body: before.body,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    expect(stale.json().error.details.current.version).toBe(before.version + 1);
    expect(stale.json().error.details.current.body.meta.phone).toBe('0734-1234567');
    const revisions: { version: number }[] = (
      await filer.get(`/api/evaluations/${id}/revisions`)
    ).json().items;
    expect(revisions.map((r: { version: number }) => r.version)).toEqual([
      before.version + 1,
      before.version,
    ]);
    const old = await filer.get(`/api/evaluations/${id}/revisions/${before.version}`);
    expect(old.json().body.meta.phone).toBe(before.body.meta.phone);
    expect((await filer.get(`/api/evaluations/${id}/revisions/999`)).statusCode).toBe(404);
  });

  it('stores the computed total and finding counts with each save', async () => {
    const id = world.evaluations.a;
    const current = (await filer.get(`/api/evaluations/${id}`)).json();
    const body = structuredClone(current.body);
    body.stated.total = 55;
    const saved = await filer.put(`/api/evaluations/${id}`, { version: current.version, body });
    expect(saved.json().statedTotal).toBe(55);
    const {
      scoreSheet,
      findings,
    }: { scoreSheet: { total: number }; findings: { severity: string }[] } = (
      await filer.get(`/api/evaluations/${id}/findings`)
    ).json();
    expect(saved.json().computedTotal).toBe(scoreSheet.total);
    const errors = findings.filter((f: { severity: string }) => f.severity === 'error').length;
    expect(saved.json().findingCounts.error).toBe(errors);
    const listedItems: { id: string; statedTotal: number }[] = (
      await filer.get('/api/evaluations?year=2024')
    ).json().items;
    const listed = listedItems.find((e: { id: string }) => e.id === id);
    expect(listed?.statedTotal).toBe(55);
  });

  it('a save racing a submit either lands whole before it or is refused as locked', async () => {
    const id = world.evaluations.a;
    const outcomes = new Set<number>();
    for (let round = 0; round < 8; round += 1) {
      const before = (await filer.get(`/api/evaluations/${id}`)).json();
      const phone = `0734-555000${round}`;
      const body = { ...before.body, meta: { ...before.body.meta, phone } };
      const [save, submit] = await Promise.all([
        filer.put(`/api/evaluations/${id}`, { version: before.version, body }),
        head.post(`/api/evaluations/${id}/transitions`, { action: 'submit' }),
      ]);
      outcomes.add(save.statusCode);
      expect(submit.statusCode).toBe(200);
      const after = (await filer.get(`/api/evaluations/${id}`)).json();
      expect(after.status).toBe('submitted');
      if (save.statusCode === 200) {
        expect(after.version).toBe(before.version + 1);
        expect(after.body.meta.phone).toBe(phone);
      } else {
        expect(save.json().error.code).toBe('EVALUATION_LOCKED');
        expect(after.version).toBe(before.version);
        expect(after.body.meta.phone).toBe(before.body.meta.phone);
      }
      const revisions: { version: number }[] = (
        await filer.get(`/api/evaluations/${id}/revisions`)
      ).json().items;
      expect(revisions[0]?.version).toBe(after.version);
      const back = await reviewer.post(`/api/evaluations/${id}/transitions`, {
        action: 'return',
        comment: '请再核对',
      });
      expect(back.json().status).toBe('returned');
    }
    expect([...outcomes].every((code) => code === 200 || code === 409)).toBe(true);
  });

  it('a second server on the same database: GET on the first shows what the second changed', async () => {
    const id = world.evaluations.c;
    const store2 = await openStore(world.target);
    const app2 = await buildApp({ ctx: createContext(store2), worker: false });
    try {
      const filerC = await login(world.app, 'filer-c');
      const filerC2 = await login(app2, 'filer-c');
      const reviewer2 = await login(world.app, 'reviewer-2');
      const first = (await filerC.get(`/api/evaluations/${id}`)).json();
      expect((await filerC.get(`/api/evaluations/${id}`)).json()).toEqual(first);
      expect((await filer.get(`/api/evaluations/${id}`)).statusCode).toBe(403);
      const phone = '0745-7654321';
      const saved = await filerC2.put(`/api/evaluations/${id}`, {
        version: first.version,
        body: { ...first.body, meta: { ...first.body.meta, phone } },
      });
      expect(saved.statusCode).toBe(200);
      const after = (await filerC.get(`/api/evaluations/${id}`)).json();
      expect(after.version).toBe(first.version + 1);
      expect(after.body.meta.phone).toBe(phone);
      // The department moves to the other region behind the first server's back: its reviewers
      // lose sight of it at once, the other region's reviewer gains it.
      expect((await reviewer2.get(`/api/evaluations/${id}`)).statusCode).toBe(200);
      expect((await reviewer.get(`/api/evaluations/${id}`)).statusCode).toBe(403);
      await store2.db
        .updateTable('departments')
        .set({ region_id: world.regions.r1 })
        .where('id', '=', world.departments.c)
        .execute();
      expect((await reviewer2.get(`/api/evaluations/${id}`)).statusCode).toBe(403);
      expect((await reviewer.get(`/api/evaluations/${id}`)).statusCode).toBe(200);
      await store2.db
        .updateTable('departments')
        .set({ region_id: world.regions.r2 })
        .where('id', '=', world.departments.c)
        .execute();
      expect((await reviewer2.get(`/api/evaluations/${id}`)).statusCode).toBe(200);
    } finally {
      await app2.close();
      await store2.close();
    }
  });

  it('scores and checks a body on the fly without storing it', async () => {
    const res = await filer.post('/api/evaluate', { body: fixtureBody() });
    expect(res.statusCode).toBe(200);
    expect(res.json().scoreSheet.rulebookId).toBe('hunan-department');
    expect(Array.isArray(res.json().findings)).toBe(true);
    const bad = await filer.post('/api/evaluate', { body: { kind: 'nonsense' } });
    expect(bad.statusCode).toBe(400);
  });

  it('walks the workflow: head submits, reviewer returns with comments, approves, publishes; illegal moves are refused', async () => {
    const id = world.evaluations.b;
    const headB = await login(world.app, 'head-b');
    const filerB = await login(world.app, 'filer-b');
    const byFiler = await filerB.post(`/api/evaluations/${id}/transitions`, { action: 'submit' });
    expect(byFiler.statusCode).toBe(403);
    const early = await reviewer.post(`/api/evaluations/${id}/transitions`, { action: 'approve' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('ILLEGAL_TRANSITION');
    expect(early.json().error.message).toMatch(/草稿/);
    expect(
      (await headB.post(`/api/evaluations/${id}/transitions`, { action: 'submit' })).json().status,
    ).toBe('submitted');
    const locked = (await filerB.get(`/api/evaluations/${id}`)).json();
    const edit = await filerB.put(`/api/evaluations/${id}`, {
      version: locked.version,
      body: locked.body,
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('EVALUATION_LOCKED');
    const noComment = await reviewer.post(`/api/evaluations/${id}/transitions`, {
      action: 'return',
    });
    expect(noComment.statusCode).toBe(400);
    const returned = await reviewer.post(`/api/evaluations/${id}/transitions`, {
      action: 'return',
      comment: '请补充偏差原因',
      comments: [
        { path: 'indicators[0]', findingCode: 'EXECUTION_SCORE', text: '执行率扣分无说明' },
      ],
    });
    expect(returned.json().status).toBe('returned');
    await headB.post(`/api/evaluations/${id}/transitions`, { action: 'submit' });
    expect(
      (await reviewer.post(`/api/evaluations/${id}/transitions`, { action: 'approve' })).json()
        .status,
    ).toBe('approved');
    expect(
      (await reviewer.post(`/api/evaluations/${id}/transitions`, { action: 'publish' })).json()
        .status,
    ).toBe('published');
    const again = await reviewer.post(`/api/evaluations/${id}/transitions`, { action: 'publish' });
    expect(again.statusCode).toBe(409);
    const events: { action: string; comments: unknown[] }[] = (
      await filerB.get(`/api/evaluations/${id}/events`)
    ).json().items;
    expect(events.map((e: { action: string }) => e.action)).toEqual([
      'submit',
      'return',
      'submit',
      'approve',
      'publish',
    ]);
    expect(events[1]).toMatchObject({
      fromStatus: 'submitted',
      toStatus: 'returned',
      actor: 'reviewer',
      actorName: expect.any(String),
      comment: '请补充偏差原因',
    });
    expect(events[1]?.comments[0]).toMatchObject({
      findingCode: 'EXECUTION_SCORE',
      text: '执行率扣分无说明',
    });
    const published: { id: string }[] = (
      await new Client(world.app).get('/api/public/reports?q=乙单位')
    ).json().items;
    expect(published.map((r: { id: string }) => r.id)).toContain(id);
  });

  it('reopens review when content changes after approval', async () => {
    const created = await filer.post('/api/evaluations', {
      departmentId: world.departments.a,
      year: 2023,
      kind: 'department',
      rulebookId: 'hunan-department',
      body: fixtureBody(),
    });
    const id = created.json().id;
    await head.post(`/api/evaluations/${id}/transitions`, { action: 'submit' });
    await reviewer.post(`/api/evaluations/${id}/transitions`, { action: 'approve' });
    const current = (await filer.get(`/api/evaluations/${id}`)).json();
    const saved = await filer.put(`/api/evaluations/${id}`, {
      version: current.version,
      body: current.body,
    });
    expect(saved.json().status).toBe('draft');
    const events: { action: string }[] = (await filer.get(`/api/evaluations/${id}/events`)).json()
      .items;
    expect(events.at(-1)).toMatchObject({
      action: 'reopen',
      fromStatus: 'approved',
      toStatus: 'draft',
      actor: 'filer-a',
    });
  });

  it('lists with filters', async () => {
    const all = (await reviewer.get('/api/evaluations')).json().items;
    const drafts: { status: string }[] = (
      await reviewer.get('/api/evaluations?status=draft')
    ).json().items;
    expect(drafts.length).toBeGreaterThan(0);
    expect(drafts.every((e: { status: string }) => e.status === 'draft')).toBe(true);
    expect(drafts.length).toBeLessThan(all.length);
    const byDept: { departmentId: string }[] = (
      await reviewer.get(`/api/evaluations?departmentId=${world.departments.b}`)
    ).json().items;
    expect(
      byDept.every((e: { departmentId: string }) => e.departmentId === world.departments.b),
    ).toBe(true);
    expect((await reviewer.get('/api/evaluations?year=1989')).statusCode).toBe(400);
  });

  it.runIf(writerReady)(
    'exports the report and the tables as downloads, logged in the audit log',
    async () => {
      for (const format of ['docx', 'xlsx']) {
        const res = await filer.get(`/api/evaluations/${world.evaluations.a}/export.${format}`);
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-disposition']).toMatch(new RegExp(`\\.${format}`));
        expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
      }
      const logged = await world.ctx.db
        .selectFrom('audit_log')
        .select('action')
        .where('action', '=', 'export')
        .execute();
      expect(logged.length).toBeGreaterThanOrEqual(2);
    },
  );
});
