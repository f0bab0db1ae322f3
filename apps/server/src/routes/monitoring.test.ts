import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '@jixiao/db/testing';
import { findingIdentity } from '@jixiao/domain';
import type { Evaluation, Finding } from '@jixiao/domain';
import { createWorld, login, targetBody } from '../testing/harness.ts';
import type { Client, World } from '../testing/harness.ts';

const wan = (text: string) => ({
  fen: Math.round(Number(text) * 1_000_000),
  unit: '万元',
  text,
});

describe.each(TEST_DIALECTS)('monitoring and the tie on %s', (dialect) => {
  let world: World;
  let filer: Client;
  let head: Client;
  let reviewer: Client;
  let formId = '';
  let roundId = '';
  beforeAll(async () => {
    world = await createWorld(dialect);
    [filer, head, reviewer] = await Promise.all([
      login(world.app, 'filer-a'),
      login(world.app, 'head-a'),
      login(world.app, 'reviewer'),
    ]);
    const created = await filer.post('/api/targets', {
      departmentId: world.departments.a,
      year: 2025,
      kind: 'department',
      rulebookId: 'hunan-department',
      body: targetBody(),
    });
    formId = created.json<{ id: string }>().id;
    await head.post(`/api/targets/${formId}/transitions`, { action: 'submit' });
    await reviewer.post(`/api/targets/${formId}/transitions`, { action: 'approve' });
  });
  afterAll(async () => world.close());

  it('opens a round and shows the unit blue lights until it reports', async () => {
    const round = await reviewer.post('/api/monitoring/rounds', {
      year: 2025,
      asOf: '2025-07-31',
      deadline: '2025-08-15',
    });
    expect(round.statusCode).toBe(201);
    roundId = round.json<{ id: string }>().id;
    expect(
      (
        await filer.post('/api/monitoring/rounds', {
          year: 2025,
          asOf: '2025-07-31',
          deadline: '2025-08-15',
        })
      ).statusCode,
    ).toBe(403);
    const bad = await reviewer.post('/api/monitoring/rounds', {
      year: 2025,
      asOf: '2024-07-31',
      deadline: '2025-08-15',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('监控截止日期应在2025年内');
    const view = (await filer.get(`/api/monitoring/rounds/${roundId}/forms/${formId}`)).json();
    expect(view.version).toBe(0);
    expect(view.result.light).toBe('blue');
    expect(view.result.elapsedPercent).toBe(58.08); // 212 of 365 days
    const overview = (await reviewer.get(`/api/monitoring/rounds/${roundId}`)).json();
    expect(overview.rows).toHaveLength(1);
    expect(overview.rows[0]).toMatchObject({ reported: false, light: null });
    expect(overview.counts.unreported).toBe(1);
  });

  it('computes red lights from the figures, and the unit explains them', async () => {
    const figures = {
      executed: wan('300.00'),
      forecastExecuted: wan('800.00'),
      indicators: [{ path: 'indicators[1].children[0].children[0]', progress: '3项' }],
    };
    const saved = await filer.put(`/api/monitoring/rounds/${roundId}/forms/${formId}`, {
      version: 0,
      figures,
    });
    expect(saved.statusCode).toBe(200);
    const first = saved.json();
    expect(first.result.executionLight).toBe('red');
    expect(first.result.executionPercent).toBe(30);
    expect(first.result.unexplainedRed).toBe(2);
    const stale = await filer.put(`/api/monitoring/rounds/${roundId}/forms/${formId}`, {
      version: 0,
      figures,
    });
    expect(stale.statusCode).toBe(409);
    const bad = await filer.put(`/api/monitoring/rounds/${roundId}/forms/${formId}`, {
      version: 1,
      figures: { executed: { fen: 1.5, unit: '万元' } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('监控数据不符合数据格式');
    const explained = await filer.put(`/api/monitoring/rounds/${roundId}/forms/${formId}`, {
      version: 1,
      figures: {
        ...figures,
        executionExplanation: '基建项目资金按合同节点在下半年支付',
        indicators: [
          {
            path: 'indicators[1].children[0].children[0]',
            progress: '3项',
            explanation: '普查任务集中在第四季度',
          },
        ],
      },
    });
    expect(explained.json().result.unexplainedRed).toBe(0);
    expect(explained.json().result.light).toBe('red');
    const overview = (await reviewer.get(`/api/monitoring/rounds/${roundId}`)).json();
    expect(overview.rows[0]).toMatchObject({ reported: true, light: 'red', unexplainedRed: 0 });
  });

  it('lets the reviewer require corrective measures, which the unit answers', async () => {
    const path = `/api/monitoring/rounds/${roundId}/forms/${formId}`;
    expect(
      (await filer.post(`${path}/decisions`, { subject: 'execution', state: 'confirmed' }))
        .statusCode,
    ).toBe(403);
    const bare = await reviewer.post(`${path}/decisions`, {
      subject: 'execution',
      state: 'confirmed',
    });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.message).toBe('要求整改时须写明整改要求');
    const decided = await reviewer.post(`${path}/decisions`, {
      subject: 'execution',
      state: 'confirmed',
      correction: '9月底前执行进度达到70%',
      deadline: '2025-09-30',
    });
    expect(decided.json().decisions[0]).toMatchObject({ subject: 'execution', state: 'confirmed' });
    const answered = await filer.post(`${path}/answers`, {
      subject: 'execution',
      answer: '已按合同支付二期工程款',
    });
    expect(answered.json().decisions[0].answer).toBe('已按合同支付二期工程款');
    const overview = (await reviewer.get(`/api/monitoring/rounds/${roundId}`)).json();
    expect(overview.rows[0]).toMatchObject({ corrections: 1, answered: 1 });
    // Every decision and answer is in the append-only log, in order, though the row is replaced.
    const log = await world.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'actor', 'details'])
      .where('action', 'in', ['light-decided', 'light-answered'])
      .orderBy('at')
      .execute();
    expect(log.map((e) => [e.action, e.actor])).toEqual([
      ['light-decided', 'reviewer'],
      ['light-answered', 'filer-a'],
    ]);
    expect(JSON.parse(log[0]?.details ?? '{}')).toMatchObject({
      subject: 'execution',
      state: 'confirmed',
      correction: '9月底前执行进度达到70%',
      deadline: '2025-09-30',
    });
    expect(JSON.parse(log[1]?.details ?? '{}')).toMatchObject({ answer: '已按合同支付二期工程款' });
    const lights = (await reviewer.get('/api/monitoring/lights?year=2025')).json();
    expect(lights.overview.counts.red).toBe(1);
    const other = await login(world.app, 'reviewer-2');
    expect((await other.get(`/api/monitoring/rounds/${roundId}`)).statusCode).toBe(403);
    expect((await other.get(`${path}`)).statusCode).toBe(403);
    const filerB = await login(world.app, 'filer-b');
    expect((await filerB.get(path)).statusCode).toBe(403);
    expect((await filerB.get(`/api/monitoring/rounds/${roundId}`)).json().rows).toEqual([]);
  });

  it('starts the year-end self-evaluation from the approved targets and the monitoring figures', async () => {
    const created = await filer.post('/api/evaluations', {
      departmentId: world.departments.a,
      year: 2025,
      kind: 'department',
      rulebookId: 'hunan-department',
      fromTargets: true,
    });
    expect(created.statusCode).toBe(201);
    const id = created.json<{ id: string }>().id;
    const evaluation = (await filer.get(`/api/evaluations/${id}`)).json();
    expect(evaluation.body.funds.total.budget.fen).toBe(1_000_000_000);
    expect(evaluation.body.funds.total.executed.fen).toBe(300_000_000);
    expect(evaluation.body.goals[0].expected).toContain('统计调查');
    const first = evaluation.body.indicators[1].children[0].children[0];
    expect(first).toMatchObject({ name: '开展统计调查项目', weight: 10 });
    expect(first.target.text).toBe('≥12项');
    expect(first.evidence).toBe('绩效运行监控时完成：3项');

    const findings = async () =>
      (await filer.get(`/api/evaluations/${id}/findings`)).json<{ findings: Finding[] }>().findings;
    // Mid-year execution (30%) is far from the forecast the round gave for the year (80%).
    const tied = () => findings().then((all) => all.filter((f) => f.code.startsWith('TARGET_')));
    expect((await tied()).map((f) => f.code)).toEqual(['TARGET_FORECAST_OFF']);

    // The year's execution entered, and the target rewritten to match what was achieved.
    evaluation.body.funds.total.executed = wan('790.00');
    first.target = { kind: 'quantity', text: '≥8项', value: 8, unit: '项', comparator: '>=' };
    const saved = await filer.put(`/api/evaluations/${id}`, {
      version: evaluation.version,
      body: evaluation.body,
    });
    expect(saved.statusCode).toBe(200);
    expect((await tied()).map((f) => f.code)).toEqual(['TARGET_VALUE_CHANGED']);
    const changed = (await findings()).find((f) => f.code === 'TARGET_VALUE_CHANGED');
    expect(changed?.message).toBe(
      '“开展统计调查项目”年度指标值填写为≥8项，审核通过的绩效目标为≥12项，目标值被改动',
    );
    expect(changed?.severity).toBe('error');
    expect(saved.json().findingCounts.error).toBeGreaterThan(0);

    // The reviewer confirms it as a problem to fix, as any finding.
    const confirmed = await reviewer.put(`/api/evaluations/${id}/decisions`, {
      fingerprint:
        changed === undefined
          ? ''
          : findingIdentity(
              changed,
              (await reviewer.get(`/api/evaluations/${id}`)).json<{ body: Evaluation }>().body,
            ).fingerprint,
      state: 'confirmed',
    });
    expect(confirmed.statusCode).toBe(200);
    const decisions = (await filer.get(`/api/evaluations/${id}/decisions`)).json<{
      items: { state: string; code: string }[];
    }>().items;
    expect(decisions.map((d) => [d.code, d.state])).toEqual([
      ['TARGET_VALUE_CHANGED', 'confirmed'],
    ]);

    // A later report of the round is what the evaluation is checked against from then on.
    const path = `/api/monitoring/rounds/${roundId}/forms/${formId}`;
    const report = (await filer.get(path)).json<{ version: number; figures: object }>();
    await filer.put(path, {
      version: report.version,
      figures: { ...report.figures, forecastExecuted: wan('500.00') },
    });
    expect((await tied()).map((f) => f.code).sort()).toEqual([
      'TARGET_FORECAST_OFF',
      'TARGET_VALUE_CHANGED',
    ]);

    const tie = (await reviewer.get(`/api/evaluations/${id}/targets`)).json().tie;
    expect(tie.formId).toBe(formId);
    expect(tie.monitoring.asOfText).toBe('7月31日');
  });

  it('attaches the approved project targets to a department evaluation and checks each project', async () => {
    const filerB = await login(world.app, 'filer-b');
    const headB = await login(world.app, 'head-b');
    const approve = async (kind: 'department' | 'project', body: Record<string, unknown>) => {
      const created = await filerB.post('/api/targets', {
        departmentId: world.departments.b,
        year: 2025,
        kind,
        rulebookId: kind === 'project' ? 'central-project' : 'hunan-department',
        ...(kind === 'project' ? { projectName: '统计调查专项' } : {}),
        body,
      });
      const id = created.json<{ id: string }>().id;
      await headB.post(`/api/targets/${id}/transitions`, { action: 'submit' });
      await reviewer.post(`/api/targets/${id}/transitions`, { action: 'approve' });
    };
    await approve('department', targetBody());
    await approve('project', { ...targetBody(), kind: 'project', rulebookId: 'central-project' });
    const created = await filerB.post('/api/evaluations', {
      departmentId: world.departments.b,
      year: 2025,
      kind: 'department',
      rulebookId: 'hunan-department',
      fromTargets: true,
    });
    const id = created.json<{ id: string }>().id;
    const evaluation = (await filerB.get(`/api/evaluations/${id}`)).json();
    expect(evaluation.body.projectEvaluations).toHaveLength(1);
    const project = evaluation.body.projectEvaluations[0];
    expect(project.projectName).toBe('统计调查专项');
    expect(project.indicators[1].children[0].children[0].target.text).toBe('≥12项');

    project.indicators[1].children[0].children[0].target = {
      kind: 'quantity',
      text: '≥9项',
      value: 9,
      unit: '项',
      comparator: '>=',
    };
    await filerB.put(`/api/evaluations/${id}`, {
      version: evaluation.version,
      body: evaluation.body,
    });
    const findings = (await filerB.get(`/api/evaluations/${id}/findings`)).json<{
      findings: Finding[];
    }>().findings;
    const changed = findings.filter((f) => f.code === 'TARGET_VALUE_CHANGED');
    expect(changed.map((f) => f.path)).toEqual([
      'projectEvaluations[0].indicators[1].children[0].children[0].target',
    ]);
    const tie = (await filerB.get(`/api/evaluations/${id}/targets`)).json<{
      tie: { projects: { projectName: string }[] };
    }>().tie;
    expect(tie.projects.map((p) => p.projectName)).toEqual(['统计调查专项']);
  });

  it('says so when there are no approved targets to start from', async () => {
    const filerC = await login(world.app, 'filer-c');
    const res = await filerC.post('/api/evaluations', {
      departmentId: world.departments.c,
      year: 2025,
      kind: 'department',
      rulebookId: 'hunan-department',
      fromTargets: true,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('丙单位没有审核通过的2025年度部门整体绩效目标');
  });
});
