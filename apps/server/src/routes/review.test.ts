// 审核's bulk actions (approve, publish, remind), the export of the review list, and the
// notifications a unit receives for the reviewer's decisions — on SQLite and PostgreSQL.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '@jixiao/db/testing';
import { sql } from '@jixiao/db';
import { beijingTime, createEvaluation, loadActor, transition } from '@jixiao/services';
import type { Actor } from '@jixiao/services';
import { createWorld, fixtureBody, login } from '../testing/harness.ts';
import type { Client, World } from '../testing/harness.ts';

interface Notice {
  id: string;
  kind: string;
  summary: string;
  actorName: string;
  comment: string | null;
  evaluationId: string;
  title: string;
  departmentName: string;
  at: string;
  read: boolean;
}

interface Outcome {
  id: string;
  ok: boolean;
  status: string | null;
  code: string | null;
  message: string;
}

async function actorNamed(world: World, username: string): Promise<Actor> {
  const row = await world.ctx.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  const actor = await loadActor(world.ctx, row.id);
  if (actor === null) throw new Error(`${username} missing`);
  return actor;
}

async function notices(client: Client): Promise<{ items: Notice[]; unread: number }> {
  const res = await client.get('/api/notifications');
  expect(res.statusCode).toBe(200);
  return res.json();
}

describe.each(TEST_DIALECTS)('review: notifications, bulk actions, export on %s', (dialect) => {
  let world: World;
  let filerA: Client;
  let headA: Client;
  let filerB: Client;
  let headB: Client;
  let reviewer: Client;
  let admin: Actor;
  let reviewerName = '';
  beforeAll(async () => {
    world = await createWorld(dialect);
    [filerA, headA, filerB, headB, reviewer] = await Promise.all([
      login(world.app, 'filer-a'),
      login(world.app, 'head-a'),
      login(world.app, 'filer-b'),
      login(world.app, 'head-b'),
      login(world.app, 'reviewer'),
    ]);
    admin = await actorNamed(world, 'admin');
    reviewerName = (await actorNamed(world, 'reviewer')).displayName;
  });
  afterAll(async () => world.close());

  const move = (client: Client, id: string, action: string, comment?: string) =>
    client.post(`/api/evaluations/${id}/transitions`, {
      action,
      ...(comment !== undefined ? { comment } : {}),
    });

  it('tells the filers and the head of the unit of 退回, 通过, 公开 and 撤回公开, with the comment; nobody else', async () => {
    const id = world.evaluations.a;
    expect((await move(headA, id, 'submit')).statusCode).toBe(200);
    expect((await notices(filerA)).unread).toBe(0);
    expect((await move(reviewer, id, 'return', '请补充偏差原因')).statusCode).toBe(200);
    const afterReturn = await notices(filerA);
    expect(afterReturn.unread).toBe(1);
    expect(afterReturn.items[0]).toMatchObject({
      kind: 'return',
      actorName: reviewerName,
      comment: '请补充偏差原因',
      evaluationId: id,
      read: false,
    });
    expect(afterReturn.items[0]?.summary).toBe(
      `${reviewerName} 退回了本单位的自评，请按审核意见修改后重新提交`,
    );
    expect(afterReturn.items[0]?.departmentName).toBe('甲单位');
    expect(afterReturn.items[0]?.title).toMatch(/自评报告/);
    expect((await notices(headA)).unread).toBe(1);
    // Another unit's people and the reviewer hear nothing.
    expect((await notices(filerB)).unread).toBe(0);
    expect((await notices(reviewer)).items).toEqual([]);

    await move(headA, id, 'submit');
    await move(reviewer, id, 'approve');
    await move(reviewer, id, 'publish', '同意公开');
    expect((await move(reviewer, id, 'reopen', '数据有误，撤回')).statusCode).toBe(200);
    const all = await notices(headA);
    expect(all.items.map((n) => n.kind)).toEqual(['withdraw', 'publish', 'approve', 'return']);
    expect(all.items[0]).toMatchObject({ comment: '数据有误，撤回' });
    expect(all.items[0]?.summary).toMatch(/撤回了本单位已公开的自评报告/);
    expect(all.unread).toBe(4);
  });

  it('a refused decision notifies nobody; a decision whose notification cannot be written does not happen', async () => {
    const id = world.evaluations.a; // returned by the withdrawal above
    const before = (await notices(filerA)).items.length;
    expect((await move(reviewer, id, 'approve')).statusCode).toBe(409);
    expect((await notices(filerA)).items.length).toBe(before);

    await move(headA, id, 'submit');
    const events = async () =>
      (
        await world.ctx.db
          .selectFrom('review_events')
          .select('id')
          .where('evaluation_id', '=', id)
          .execute()
      ).length;
    const eventsBefore = await events();
    // Take the table away: the decision's transaction must fail as a whole.
    await sql`ALTER TABLE notifications RENAME TO notifications_away`.execute(world.ctx.db);
    try {
      await expect(transition(world.ctx, admin, id, { action: 'approve' })).rejects.toThrow();
    } finally {
      await sql`ALTER TABLE notifications_away RENAME TO notifications`.execute(world.ctx.db);
    }
    const row = await world.ctx.db
      .selectFrom('evaluations')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('submitted');
    expect(await events()).toBe(eventsBefore);
    expect((await notices(filerA)).items.length).toBe(before);
  });

  it('marks one notification read, or all; refuses another user’s, unknown and empty ids in Chinese', async () => {
    const mine = await notices(filerA);
    const first = mine.items[0];
    if (first === undefined) throw new Error('filer-a has notifications');
    const one = await filerA.post('/api/notifications/read', { ids: [first.id] });
    expect(one.statusCode).toBe(200);
    expect(one.json().unread).toBe(mine.unread - 1);
    expect((await notices(filerA)).items[0]?.read).toBe(true);
    // The head's copy of the same decision is the head's own.
    expect((await notices(headA)).unread).toBe(4);

    const others = await filerB.post('/api/notifications/read', { ids: [first.id] });
    expect(others.statusCode).toBe(404);
    expect(others.json().error.message).toBe('通知不存在或不属于当前用户');
    const unknown = await filerA.post('/api/notifications/read', { ids: ['no-such-id'] });
    expect(unknown.statusCode).toBe(404);
    const empty = await filerA.post('/api/notifications/read', { ids: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toBe('请指明要标为已读的通知');
    const junk = await filerA.post('/api/notifications/read', { ids: 'x' });
    expect(junk.statusCode).toBe(400);
    expect((await notices(filerA)).unread).toBe(mine.unread - 1);

    const all = await filerA.post('/api/notifications/read', { all: true });
    expect(all.json()).toEqual({ unread: 0 });
    expect((await notices(headA)).unread).toBe(4);
  });

  describe('bulk actions', () => {
    let clean = ''; // 乙单位 2023, submitted, no errors
    let faulty = ''; // 乙单位 2022, submitted, with errors
    let draft = ''; // 甲单位 2023, draft
    beforeAll(async () => {
      const make = async (departmentId: string, year: number, body: Record<string, unknown>) =>
        (
          await createEvaluation(world.ctx, admin, {
            departmentId,
            year,
            kind: 'department',
            rulebookId: 'hunan-department',
            body,
          })
        ).id;
      clean = await make(world.departments.b, 2023, fixtureBody());
      faulty = await make(world.departments.b, 2022, fixtureBody('004_66e78293cd0851a8.json'));
      draft = await make(world.departments.a, 2023, fixtureBody());
      await move(headB, clean, 'submit');
      await move(headB, faulty, 'submit');
    });

    const bulk = (client: Client, action: string, ids: unknown, comment?: string) =>
      client.post('/api/review/bulk', {
        action,
        ids,
        ...(comment !== undefined ? { comment } : {}),
      });

    it('approves each selected evaluation on its own: wrong state, another region and unknown ids fail alone, in Chinese', async () => {
      const faultyRecord = (await reviewer.get(`/api/evaluations/${faulty}`)).json();
      expect(faultyRecord.findingCounts.error).toBeGreaterThan(0);
      const res = await bulk(reviewer, 'approve', [
        clean,
        faulty,
        draft,
        world.evaluations.c,
        'no-such-evaluation',
        clean,
      ]);
      expect(res.statusCode).toBe(200);
      const result = res.json<{ items: Outcome[]; succeeded: number; failed: number }>();
      expect(result.items.map((i) => [i.id, i.ok, i.status, i.code])).toEqual([
        [clean, true, 'approved', null],
        [faulty, true, 'approved', null],
        [draft, false, 'draft', 'ILLEGAL_TRANSITION'],
        [world.evaluations.c, false, null, 'FORBIDDEN'],
        ['no-such-evaluation', false, null, 'NOT_FOUND'],
      ]);
      expect(result.items.map((i) => i.message)).toEqual([
        '已审核通过',
        '已审核通过',
        '自评当前状态为“草稿”，不能审核通过',
        '无权访问其他单位或区域的自评',
        '自评不存在',
      ]);
      expect([result.succeeded, result.failed]).toEqual([2, 3]);
      // Each approval is a workflow move like a single one: in the timeline and told to the unit.
      const events = (await filerB.get(`/api/evaluations/${clean}/events`)).json<{
        items: { action: string; actor: string }[];
      }>().items;
      expect(events.at(-1)).toMatchObject({ action: 'approve', actor: 'reviewer' });
      const told = (await notices(headB)).items.filter((n) => n.kind === 'approve');
      expect(told.map((n) => n.evaluationId).sort()).toEqual([clean, faulty].sort());
      // The other region's evaluation did not move.
      expect(
        (
          await world.ctx.db
            .selectFrom('evaluations')
            .select('status')
            .where('id', '=', world.evaluations.c)
            .executeTakeFirstOrThrow()
        ).status,
      ).toBe('draft');
      // One audit entry per item, with its outcome.
      const audit = await world.ctx.db
        .selectFrom('audit_log')
        .select(['target', 'details'])
        .where('action', '=', 'bulk-review')
        .execute();
      expect(audit.map((a) => a.target).sort()).toEqual(
        [clean, faulty, draft, world.evaluations.c, 'no-such-evaluation'].sort(),
      );
      const denied = audit.find((a) => a.target === world.evaluations.c);
      expect(JSON.parse(denied?.details ?? '{}')).toMatchObject({
        bulk: true,
        action: 'approve',
        ok: false,
        code: 'FORBIDDEN',
      });
      // The status reads as the pages show it (已通过); 审核通过 is the action.
      const again = (await bulk(reviewer, 'approve', [clean])).json<{ items: Outcome[] }>();
      expect(again.items[0]?.message).toBe('自评当前状态为“已通过”，不能审核通过');
    });

    it('publishes: one with open errors needs a reason, as a single publication does', async () => {
      const errors = (await reviewer.get(`/api/evaluations/${faulty}`)).json().findingCounts.error;
      const first = (await bulk(reviewer, 'publish', [clean, faulty])).json<{
        items: Outcome[];
      }>();
      expect(first.items.map((i) => [i.ok, i.status])).toEqual([
        [true, 'published'],
        [false, 'approved'],
      ]);
      expect(first.items[1]?.message).toBe(
        `该自评仍有 ${errors} 个错误，如仍要公开，须填写公开理由`,
      );
      const single = await move(reviewer, faulty, 'publish');
      expect(single.json().error.message).toBe(first.items[1]?.message);

      const second = (await bulk(reviewer, 'publish', [faulty], '已与单位核实，错误系笔误')).json<{
        items: Outcome[];
      }>();
      expect(second.items[0]).toMatchObject({ ok: true, status: 'published' });
      const told = (await notices(filerB)).items.find(
        (n) => n.kind === 'publish' && n.evaluationId === faulty,
      );
      expect(told?.comment).toBe('已与单位核实，错误系笔误');
    });

    it('reminds the unit of a draft or a returned evaluation, with the message; other states need none', async () => {
      const before = (await notices(filerA)).unread;
      const res = await bulk(reviewer, 'remind', [draft, clean], '请于本周五前提交');
      const items = res.json<{ items: Outcome[] }>().items;
      expect(items[0]).toMatchObject({ ok: true, status: 'draft', message: '已催办' });
      expect(items[1]).toMatchObject({
        ok: false,
        code: 'ILLEGAL_TRANSITION',
        message: '自评当前状态为“已公开”，单位已无待办，无需催办',
      });
      const after = await notices(filerA);
      expect(after.unread).toBe(before + 1);
      expect(after.items[0]).toMatchObject({
        kind: 'remind',
        evaluationId: draft,
        comment: '请于本周五前提交',
      });
      expect(after.items[0]?.summary).toBe(`${reviewerName} 催办本单位的自评`);
      expect((await notices(headA)).items[0]?.kind).toBe('remind');
      // Without a message the unit is told what is awaited.
      await bulk(reviewer, 'remind', [draft]);
      expect((await notices(filerA)).items[0]?.comment).toMatch(/尚未提交/);
      // In the evaluation's timeline and the audit log.
      const events = (await filerA.get(`/api/evaluations/${draft}/events`)).json<{
        items: { action: string }[];
      }>().items;
      expect(events.filter((e) => e.action === 'remind')).toHaveLength(2);
      const audit = await world.ctx.db
        .selectFrom('audit_log')
        .select('target')
        .where('action', '=', 'remind')
        .execute();
      expect(audit.map((a) => a.target)).toEqual([draft, clean, draft]);
    });

    it('refuses, in Chinese and without a 500: other roles, an empty, a huge or a malformed selection', async () => {
      const byFiler = await bulk(filerA, 'approve', [draft]);
      expect(byFiler.statusCode).toBe(403);
      expect(byFiler.json().error.message).toBe('填报人不能批量审核通过');
      const byHead = await bulk(headB, 'remind', [draft]);
      expect(byHead.statusCode).toBe(403);
      const empty = await bulk(reviewer, 'approve', []);
      expect(empty.statusCode).toBe(400);
      expect(empty.json().error.message).toBe('请至少选择一项自评再批量审核通过');
      const huge = await bulk(
        reviewer,
        'publish',
        Array.from({ length: 5000 }, (_, i) => `id-${i}`),
      );
      expect(huge.statusCode).toBe(400);
      expect(huge.json().error.message).toBe(
        '一次最多批量公开 200 项自评，已选 5000 项，请分批处理',
      );
      for (const [action, ids] of [
        ['approve', 'x'],
        ['delete', [draft]],
        ['approve', [1, 2]],
        ['approve', null],
      ] as const) {
        const res = await bulk(reviewer, action, ids);
        expect(res.statusCode).toBe(400);
        expect(res.json().error.message).toBe('请求参数不符合要求');
      }
      const odd = (await bulk(reviewer, 'approve', ['', 'x'.repeat(150)])).json<{
        items: Outcome[];
      }>();
      expect(odd.items.map((i) => [i.ok, i.code])).toEqual([
        [false, 'NOT_FOUND'],
        [false, 'NOT_FOUND'],
      ]);
    });
  });

  describe('export of the review list', () => {
    async function sheetOf(res: { rawPayload: Buffer }): Promise<string[][]> {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = book.worksheets[0];
      if (sheet === undefined) throw new Error('no sheet');
      const rows: string[][] = [];
      sheet.eachRow((row) => {
        const cells: string[] = [];
        for (let c = 1; c <= sheet.columnCount; c++) cells.push(row.getCell(c).text);
        rows.push(cells);
      });
      return rows;
    }

    it('writes the filtered list with Chinese headers, states, grades, Beijing times and reviewer names', async () => {
      const res = await reviewer.get('/api/review/export.xlsx?status=published');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toContain(
        encodeURIComponent('审核列表-已公开.xlsx'),
      );
      const rows = await sheetOf(res);
      expect(rows[0]).toEqual([
        '序号',
        '单位',
        '年度',
        '类型',
        '标题',
        '状态',
        '填报得分',
        '评价等级',
        '错误',
        '警告',
        '提交时间（北京时间）',
        '审核决定时间（北京时间）',
        '审核人',
      ]);
      const body = rows.slice(1);
      // Two published evaluations of 乙单位 (region 1); none of the other region.
      expect(body.map((r) => [r[1], r[2], r[3], r[5]])).toEqual([
        ['乙单位', '2023', '部门整体支出', '已公开'],
        ['乙单位', '2022', '部门整体支出', '已公开'],
      ]);
      const [cleanRow, faultyRow] = body;
      const published = await world.ctx.db
        .selectFrom('review_events')
        .innerJoin('evaluations', 'evaluations.id', 'review_events.evaluation_id')
        .select(['review_events.action', 'review_events.at', 'evaluations.year'])
        .where('evaluations.department_id', '=', world.departments.b)
        .where('evaluations.year', '=', 2023)
        .orderBy('review_events.seq')
        .execute();
      const at = (action: string) => published.filter((e) => e.action === action).at(-1)?.at;
      expect(cleanRow?.[10]).toBe(beijingTime(at('submit')));
      expect(cleanRow?.[11]).toBe(beijingTime(at('publish')));
      expect(cleanRow?.[11]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
      expect(cleanRow?.[12]).toBe(reviewerName);
      expect(Number(faultyRow?.[8])).toBeGreaterThan(0);
      // The entered total and its grade under the rulebook's bands.
      const stated = Number(cleanRow?.[6]);
      const grade = stated >= 90 ? '优' : stated >= 80 ? '良' : stated >= 60 ? '中' : '差';
      expect(cleanRow?.[7]).toBe(grade);
      // No code name anywhere (the test accounts' names are their log-in names).
      const text = rows.flat().join(' ');
      expect(text).not.toMatch(/department|project|published|approved|hunan/);
    });

    it('follows the year and kind filters; refuses other roles and bad filters in Chinese', async () => {
      const y2024 = await sheetOf(await reviewer.get('/api/review/export.xlsx?year=2024'));
      expect(
        y2024
          .slice(1)
          .map((r) => r[1])
          .sort(),
      ).toEqual(['乙单位', '甲单位']);
      const projects = await sheetOf(await reviewer.get('/api/review/export.xlsx?kind=project'));
      expect(projects).toHaveLength(1);
      const byFiler = await filerA.get('/api/review/export.xlsx');
      expect(byFiler.statusCode).toBe(403);
      expect(byFiler.json().error.message).toBe('只有审核人和管理员可以导出审核列表');
      const bad = await reviewer.get('/api/review/export.xlsx?year=abc&status=nope');
      expect(bad.statusCode).toBe(400);
      const audit = await world.ctx.db
        .selectFrom('audit_log')
        .select('details')
        .where('action', '=', 'export')
        .where('target', '=', 'review-list')
        .execute();
      expect(audit.length).toBeGreaterThanOrEqual(3);
    });
  });
});

describe('Beijing time', () => {
  it('is UTC+8 whatever the machine’s zone, across midnight', () => {
    expect(beijingTime('2026-12-04T16:30:00.000Z')).toBe('2026-12-05 00:30');
    expect(beijingTime('2026-06-30T03:05:59.999Z')).toBe('2026-06-30 11:05');
    expect(beijingTime(null)).toBe('');
  });
});
