import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '@jixiao/db/testing';
import { createWorld, login, targetBody } from '../testing/harness.ts';
import type { Client, World } from '../testing/harness.ts';

interface Record {
  id: string;
  status: string;
  version: number;
  approvedVersion: number | null;
  findingCounts: { error: number; warning: number; info: number };
}

describe.each(TEST_DIALECTS)('绩效目标 on %s', (dialect) => {
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

  const create = async (body: unknown = targetBody()) => {
    const res = await filer.post('/api/targets', {
      departmentId: world.departments.a,
      year: 2025,
      kind: 'department',
      rulebookId: 'hunan-department',
      body,
    });
    return res;
  };

  it('files, returns, approves and adjusts a department form, keeping every revision', async () => {
    const created = await create();
    expect(created.statusCode).toBe(201);
    const form = created.json<Record>();
    expect(form).toMatchObject({ status: 'draft', version: 1, approvedVersion: null });
    expect(form.findingCounts).toEqual({ error: 0, warning: 0, info: 0 });

    // One department form a year.
    const twice = await create();
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toContain('已有2025年度部门整体绩效目标');

    // A filer cannot submit; the head can; a reviewer returns with a comment, then approves.
    expect(
      (await filer.post(`/api/targets/${form.id}/transitions`, { action: 'submit' })).statusCode,
    ).toBe(403);
    expect(
      (await head.post(`/api/targets/${form.id}/transitions`, { action: 'submit' })).json().status,
    ).toBe('submitted');
    const locked = await filer.put(`/api/targets/${form.id}`, { version: 1, body: targetBody() });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.message).toBe('绩效目标已提交审核，不能修改');
    const bare = await reviewer.post(`/api/targets/${form.id}/transitions`, { action: 'return' });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.message).toBe('退回时须填写退回意见');
    await reviewer.post(`/api/targets/${form.id}/transitions`, {
      action: 'return',
      comment: '请细化数量指标',
    });
    const body = targetBody();
    body['overallGoal'] = '按时完成全部统计调查，统计数据差错率下降。';
    const saved = await filer.put(`/api/targets/${form.id}`, { version: 1, body });
    expect(saved.json()).toMatchObject({ status: 'returned', version: 2 });
    await head.post(`/api/targets/${form.id}/transitions`, { action: 'submit' });
    const approved = await reviewer.post(`/api/targets/${form.id}/transitions`, {
      action: 'approve',
    });
    expect(approved.json()).toMatchObject({ status: 'approved', version: 2, approvedVersion: 2 });
    // The state reads 已批复, as the form's page shows it.
    const approvedTwice = await reviewer.post(`/api/targets/${form.id}/transitions`, {
      action: 'approve',
    });
    expect(approvedTwice.json().error.message).toBe('绩效目标当前状态为“已批复”，不能审核通过');

    // 目标调整: a change after approval needs its reason and a new approval; the approved
    // version stays in force until then.
    const noReason = await filer.put(`/api/targets/${form.id}`, { version: 2, body });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toBe('绩效目标已审核通过，调整目标须填写调整理由');
    const adjusted = await filer.put(`/api/targets/${form.id}`, {
      version: 2,
      body: { ...body, budget: { total: { fen: 1_100_000_000, unit: '万元' } } },
      reason: '年中追加预算100万元',
    });
    expect(adjusted.json()).toMatchObject({ status: 'draft', version: 3, approvedVersion: 2 });
    const stale = await filer.put(`/api/targets/${form.id}`, { version: 2, body });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');

    const revisions = (await reviewer.get(`/api/targets/${form.id}/revisions`)).json<{
      items: { version: number; reason: string | null }[];
    }>().items;
    expect(revisions.map((r) => r.version)).toEqual([3, 2, 1]);
    expect(revisions[0]?.reason).toBe('年中追加预算100万元');
    const first = (await reviewer.get(`/api/targets/${form.id}/revisions/1`)).json();
    expect(first.body.overallGoal).toContain('提高统计数据质量');
    const events = (await reviewer.get(`/api/targets/${form.id}/events`)).json<{
      items: { action: string; comment: string | null; actorName: string }[];
    }>().items;
    expect(events.map((e) => e.action)).toEqual([
      'submit',
      'return',
      'submit',
      'approve',
      'adjust',
    ]);
    expect(events[4]?.comment).toBe('年中追加预算100万元');
    expect(events[1]?.actorName).toBeTruthy();

    await head.post(`/api/targets/${form.id}/transitions`, { action: 'submit' });
    const again = await reviewer.post(`/api/targets/${form.id}/transitions`, {
      action: 'approve',
    });
    expect(again.json()).toMatchObject({ status: 'approved', approvedVersion: 3 });
    const current = (await filer.get(`/api/targets/${form.id}`)).json();
    expect(current.body.budget.total.fen).toBe(1_100_000_000);
  });

  it('checks the targets in the findings shape and counts them on the record', async () => {
    const body = targetBody();
    const indicators = body['indicators'] as {
      children?: { children?: { target?: unknown; weight?: number }[] }[];
    }[];
    const quality = indicators[1]?.children?.[1]?.children?.[0];
    if (quality === undefined) throw new Error('fixture changed');
    quality.target = { kind: 'quantity', text: '=105%', value: 105, unit: '%', comparator: '=' };
    const res = await filer.post('/api/targets/check', { body });
    const findings = res.json().findings as { code: string; category: string; message: string }[];
    expect(findings.map((f) => f.code)).toEqual(['TARGET_RATE_OVER_100']);
    expect(findings[0]?.message).toBe(
      '“统计数据按时报送率”年度指标值=105%超过100%，该比率不可能超过100%',
    );

    const project = await filer.post('/api/targets', {
      departmentId: world.departments.a,
      year: 2025,
      kind: 'project',
      rulebookId: 'central-project',
      projectName: '统计调查专项',
      body: { ...body, kind: 'project', rulebookId: 'central-project' },
    });
    expect(project.statusCode).toBe(201);
    expect(project.json().findingCounts.error).toBe(1);
    expect(project.json().title).toBe('2025年度统计调查专项项目绩效目标');
    const stored = await filer.get(`/api/targets/${project.json().id}/findings`);
    expect(stored.json().findings[0].code).toBe('TARGET_RATE_OVER_100');
  });

  it('refuses bad bodies with Chinese messages and loses nothing', async () => {
    const nameless = await filer.post('/api/targets', {
      departmentId: world.departments.a,
      year: 2026,
      kind: 'project',
      rulebookId: 'central-project',
    });
    expect(nameless.statusCode).toBe(400);
    expect(JSON.stringify(nameless.json().error.details)).toContain('项目绩效目标须填写项目名称');
    const wrongBook = await filer.post('/api/targets', {
      departmentId: world.departments.a,
      year: 2026,
      kind: 'department',
      rulebookId: 'central-project',
    });
    expect(wrongBook.statusCode).toBe(400);
    expect(wrongBook.json().error.message).toBe('所选评价指标体系与绩效目标类型不一致');
    const list = (await filer.get('/api/targets?year=2026')).json().items;
    expect(list).toEqual([]);
  });

  it('exports the 绩效目标表 as .xlsx and .docx and imports it back as a new draft', async () => {
    const list = (await filer.get('/api/targets?year=2025')).json<{
      items: { id: string; kind: string }[];
    }>().items;
    const source = list.find((t) => t.kind === 'department');
    if (source === undefined) throw new Error('no department form');
    const original = (await filer.get(`/api/targets/${source.id}`)).json<{
      body: { indicators: unknown; overallGoal: string; budget: unknown };
    }>().body;
    for (const [format, year] of [
      ['xlsx', 2027],
      ['docx', 2028],
    ] as const) {
      const file = await filer.get(`/api/targets/${source.id}/export.${format}`);
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-disposition']).toContain(`.${format}`);
      const imported = await filer.upload(
        `/api/targets/import?departmentId=${world.departments.a}&year=${year}`,
        [{ name: `绩效目标表.${format}`, bytes: file.rawPayload }],
      );
      expect(imported.statusCode).toBe(201);
      const { record, problems } = imported.json<{
        record: { id: string; year: number; status: string };
        problems: string[];
      }>();
      expect(problems).toEqual([]);
      expect(record).toMatchObject({ year, status: 'draft' });
      const body = (await filer.get(`/api/targets/${record.id}`)).json<{
        body: { indicators: unknown; overallGoal: string; budget: unknown };
      }>().body;
      expect(body.overallGoal).toBe(original.overallGoal);
      // Everything the table shows (the binding to rulebook nodes is the platform's own).
      expect(JSON.stringify(body.indicators)).toBe(
        JSON.stringify(original.indicators).replace(/"ruleRef":"[^"]*",/g, ''),
      );
    }
    const notATable = await filer.upload(
      `/api/targets/import?departmentId=${world.departments.a}&year=2029`,
      [{ name: '报告.txt', bytes: '2024年度部门整体支出绩效自评报告' }],
    );
    expect(notATable.statusCode).toBe(400);
    expect(notATable.json().error.message).toBe(
      '报告.txt：未找到绩效指标表头（一级指标、二级指标、三级指标），不是绩效目标表',
    );
  });

  it('lists what each role may see', async () => {
    const filerB = await login(world.app, 'filer-b');
    expect((await filerB.get('/api/targets')).json().items).toEqual([]);
    const reviewer2 = await login(world.app, 'reviewer-2');
    expect((await reviewer2.get('/api/targets')).json().items).toEqual([]);
    expect((await reviewer.get('/api/targets?year=2025')).json().items.length).toBe(2);
    expect((await reviewer.get('/api/targets')).json().items.length).toBe(4);
  });
});
