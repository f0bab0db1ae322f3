import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '@jixiao/db/testing';
import { findingIdentity } from '@jixiao/domain';
import ExcelJS from 'exceljs';
import { readDocument } from '@jixiao/documents';
import { beijingTime } from '@jixiao/services';
import type { Evaluation, Finding } from '@jixiao/domain';
import { createWorld, fixtureBody, login } from '../testing/harness.ts';
import type { World, Client } from '../testing/harness.ts';

interface Decision {
  fingerprint: string;
  subjectKey: string;
  state: string;
  reason: string | null;
  fixedVersion: number | null;
  answer: string | null;
  decidedByName: string;
}

type Body = Record<string, unknown> & {
  funds: { total: { statedRate: { value: number; decimals: number; text: string } } };
  indicators: { children: { children: { score: number; weight: number }[] }[] }[];
  meta: { head?: string };
};

/** The clean fixture with a wrong 执行率 (to confirm) and a score over its weight (to dismiss). */
function bodyWith(rate: number, score: number): Body {
  const b = fixtureBody() as Body;
  b.funds.total.statedRate = { value: rate, decimals: 0, text: `${rate}%` };
  const leaf = b.indicators[1]?.children[0]?.children[0];
  if (leaf === undefined) throw new Error('fixture changed');
  leaf.score = score;
  return b;
}

describe.each(TEST_DIALECTS)('decisions on findings across versions on %s', (dialect) => {
  let w: World;
  let reviewer: Client;
  let filer: Client;
  let head: Client;
  let id: string;
  let version = 1;

  const findings = async () => {
    const res = await reviewer.get(`/api/evaluations/${id}/findings`);
    const e = await reviewer.get(`/api/evaluations/${id}`);
    const body = e.json<{ body: Evaluation }>().body;
    return res.json<{ findings: Finding[] }>().findings.map((f) => ({
      ...f,
      identity: findingIdentity(f, body),
    }));
  };
  const decisions = async () =>
    (await reviewer.get(`/api/evaluations/${id}/decisions`)).json<{ items: Decision[] }>().items;
  const record = async () =>
    (await reviewer.get(`/api/evaluations/${id}`)).json<{
      findingCounts: { error: number; warning: number };
    }>();
  const save = async (body: Body) => {
    const res = await filer.put(`/api/evaluations/${id}`, { version, body });
    expect(res.statusCode).toBe(200);
    version += 1;
  };
  const byCode = (list: Decision[], code: string) =>
    list.find((d) => d.subjectKey.startsWith(`${code}|`));

  beforeAll(async () => {
    w = await createWorld(dialect);
    reviewer = await login(w.app, 'reviewer');
    filer = await login(w.app, 'filer-a');
    head = await login(w.app, 'head-a');
    id = w.evaluations.a;
    await save(bodyWith(95, 11));
  });
  afterAll(async () => w.close());

  it('keeps a confirmation and a dismissal through every version and fix', async () => {
    const all = await findings();
    const rate = all.find((f) => f.code === 'RATIO_COMPLETION');
    const over = all.find((f) => f.code === 'SCORE_OVER_WEIGHT');
    if (rate === undefined || over === undefined) throw new Error('expected findings missing');
    const errorsBefore = (await record()).findingCounts.error;

    // A dismissal needs its reason.
    const bare = await reviewer.put(`/api/evaluations/${id}/decisions`, {
      fingerprint: over.identity.fingerprint,
      state: 'dismissed',
    });
    expect(bare.statusCode).toBe(400);
    expect(bare.json<{ error: { message: string } }>().error.message).toContain('理由');

    expect(
      (
        await reviewer.put(`/api/evaluations/${id}/decisions`, {
          fingerprint: rate.identity.fingerprint,
          state: 'confirmed',
          deadline: '2025-07-15',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await reviewer.put(`/api/evaluations/${id}/decisions`, {
          fingerprint: over.identity.fingerprint,
          state: 'dismissed',
          reason: '该指标分值经财政局批准调增',
        })
      ).statusCode,
    ).toBe(200);
    // The dismissed finding leaves the counts at once.
    expect((await record()).findingCounts.error).toBe(errorsBefore - 1);

    // Version 3: an unrelated field changes; both decisions hold.
    const v3 = bodyWith(95, 11);
    v3.meta.head = '新负责人';
    await save(v3);
    let list = await decisions();
    expect(byCode(list, 'RATIO_COMPLETION')).toMatchObject({
      state: 'confirmed',
      fixedVersion: null,
    });
    expect(byCode(list, 'SCORE_OVER_WEIGHT')).toMatchObject({
      state: 'dismissed',
      reason: '该指标分值经财政局批准调增',
    });
    expect((await record()).findingCounts.error).toBe(errorsBefore - 1);

    // Version 4: the dismissed finding's stated figure changes: it is back in the counts.
    await save(bodyWith(95, 12));
    expect((await record()).findingCounts.error).toBe(errorsBefore);
    const now = await findings();
    const back = now.find((f) => f.code === 'SCORE_OVER_WEIGHT');
    expect(back?.identity.fingerprint).not.toBe(over.identity.fingerprint);
    expect(back?.identity.subjectKey).toBe(over.identity.subjectKey);

    // Submitting with the confirmed finding still there asks for an explanation.
    const refused = await head.post(`/api/evaluations/${id}/transitions`, { action: 'submit' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ error: { code: string } }>().error.code).toBe('EXPLANATION_REQUIRED');

    // Version 5: the problem is fixed: 已整改 in version 5, and submitting needs nothing more.
    await save(bodyWith(100, 12));
    list = await decisions();
    expect(byCode(list, 'RATIO_COMPLETION')).toMatchObject({ state: 'confirmed', fixedVersion: 5 });
    const submitted = await head.post(`/api/evaluations/${id}/transitions`, { action: 'submit' });
    expect(submitted.statusCode).toBe(200);

    // Every decision is in the audit log with who made it.
    const log = await w.ctx.db
      .selectFrom('audit_log')
      .select(['actor', 'action', 'details'])
      .where('action', '=', 'finding-decided')
      .where('target', '=', id)
      .execute();
    expect(log.map((l) => l.actor)).toEqual(['reviewer', 'reviewer']);
  });

  it('brings a fixed finding back when a later version has it again, and takes 情况说明', async () => {
    await w.ctx.db
      .updateTable('evaluations')
      .set({ status: 'returned' })
      .where('id', '=', id)
      .execute();
    await save(bodyWith(95, 12));
    let rate = byCode(await decisions(), 'RATIO_COMPLETION');
    expect(rate?.fixedVersion).toBeNull();
    const answered = await filer.post(`/api/evaluations/${id}/decisions/answers`, {
      fingerprint: rate?.fingerprint,
      text: '年中追加预算，执行率按调整后预算计算',
    });
    expect(answered.statusCode).toBe(200);
    rate = byCode(await decisions(), 'RATIO_COMPLETION');
    expect(rate?.answer).toBe('年中追加预算，执行率按调整后预算计算');
    // Explained: submitting goes through.
    expect(
      (await head.post(`/api/evaluations/${id}/transitions`, { action: 'submit' })).statusCode,
    ).toBe(200);
  });

  it('carries a unit’s dismissal to its next evaluation with the same finding', async () => {
    const admin = await login(w.app, 'admin');
    const created = await admin.post('/api/evaluations', {
      departmentId: w.departments.a,
      year: 2025,
      kind: 'department',
      rulebookId: 'hunan-department',
      body: { ...bodyWith(100, 11), meta: { unitName: '甲单位', year: 2025 } },
    });
    expect(created.statusCode).toBe(201);
    const next = created.json<{ id: string; findingCounts: { error: number } }>();
    const list = (await reviewer.get(`/api/evaluations/${next.id}/decisions`)).json<{
      items: (Decision & { carried: boolean })[];
    }>().items;
    expect(list.some((d) => d.state === 'dismissed' && d.carried)).toBe(true);
    // SCORE_OVER_WEIGHT is dismissed there (carried), SCORE_SUBTOTAL still counts.
    const checked = (await reviewer.get(`/api/evaluations/${next.id}/findings`)).json<{
      findings: Finding[];
    }>().findings;
    const errors = checked.filter((f) => f.severity === 'error').length;
    expect(next.findingCounts.error).toBe(errors - 1);
    // This year's reviewer may still confirm it: the own decision overrules the carried one.
    const over = checked.find((f) => f.code === 'SCORE_OVER_WEIGHT');
    const body = (await reviewer.get(`/api/evaluations/${next.id}`)).json<{ body: Evaluation }>();
    const confirmed = await reviewer.put(`/api/evaluations/${next.id}/decisions`, {
      fingerprint: over === undefined ? '' : findingIdentity(over, body.body).fingerprint,
      state: 'confirmed',
    });
    expect(confirmed.statusCode).toBe(200);
    const after = (await reviewer.get(`/api/evaluations/${next.id}`)).json<{
      findingCounts: { error: number };
    }>();
    expect(after.findingCounts.error).toBe(errors);
    // Set open again, the carried dismissal applies once more.
    await reviewer.put(`/api/evaluations/${next.id}/decisions`, {
      fingerprint: over === undefined ? '' : findingIdentity(over, body.body).fingerprint,
      state: 'open',
    });
    const reopened = (await reviewer.get(`/api/evaluations/${next.id}`)).json<{
      findingCounts: { error: number };
    }>();
    expect(reopened.findingCounts.error).toBe(errors - 1);
  });

  it('writes the 审核意见书 of the confirmed findings still open, and the round’s 整改清单', async () => {
    const subtotal = (await findings()).find((f) => f.code === 'SCORE_SUBTOTAL');
    if (subtotal === undefined) throw new Error('expected finding missing');
    await reviewer.put(`/api/evaluations/${id}/decisions`, {
      fingerprint: subtotal.identity.fingerprint,
      state: 'confirmed',
      correction: '核实数量指标得分并更正小计',
      deadline: '2030-06-30',
    });
    const res = await reviewer.get(`/api/evaluations/${id}/opinion.docx`);
    expect(res.statusCode).toBe(200);
    const read = readDocument(new Uint8Array(res.rawPayload), '审核意见书.docx');
    if (!read.ok) throw new Error(read.error.message);
    const text = read.document.blocks.map((b) => b.text).join('\n');
    expect(text).toContain('关于甲单位2024年度绩效自评报告的审核意见');
    expect(text).toContain(subtotal.message);
    expect(text).toContain('整改要求：核实数量指标得分并更正小计，请于2030年6月30日前完成');
    expect(text).toContain('示范市财政局');
    // The explained 执行率 finding is still listed (still there); a fixed one would not be.
    expect(text).toContain('发现以下2个问题');

    const round = await reviewer.post('/api/rounds', {
      year: 2024,
      kind: 'department',
      rulebookId: 'hunan-department',
      deadline: '2025-06-30',
    });
    const roundId = round.json<{ id: string }>().id;
    await w.ctx.db.updateTable('evaluations').set({ round_id: roundId }).execute();
    const list = await reviewer.get(`/api/rounds/${roundId}/rectification.xlsx`);
    expect(list.statusCode).toBe(200);
    expect(list.rawPayload.subarray(0, 2).toString()).toBe('PK');
    // 认定时间 in Beijing time, as every export states times.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(list.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets.find((s) => s.name === '甲单位');
    if (sheet === undefined) throw new Error('no sheet for 甲单位');
    const rows: string[][] = [];
    sheet.eachRow((row) => {
      const cells: string[] = [];
      for (let c = 1; c <= sheet.columnCount; c++) cells.push(row.getCell(c).text);
      rows.push(cells);
    });
    const header = rows.findIndex((r) => r.includes('认定时间'));
    const column = rows[header]?.indexOf('认定时间') ?? -1;
    const confirmedAt = await w.ctx.db
      .selectFrom('finding_decisions')
      .select('decided_at')
      .where('scope', '=', id)
      .where('state', '=', 'confirmed')
      .orderBy('decided_at')
      .execute();
    const listed = rows.slice(header + 1).map((r) => r[column]);
    expect(confirmedAt.length).toBeGreaterThan(0);
    expect(listed).toEqual(confirmedAt.map((d) => beijingTime(d.decided_at)));
    expect((await filer.get(`/api/rounds/${roundId}/rectification.xlsx`)).statusCode).toBe(200);
    const other = `/api/rounds/${roundId}/rectification.xlsx?departmentId=${w.departments.b}`;
    expect((await filer.get(other)).statusCode).toBe(403);
    const r2 = await login(w.app, 'reviewer-2');
    expect((await r2.get(`/api/rounds/${roundId}/rectification.xlsx`)).statusCode).toBe(403);
  });

  it('counts rectification on the dashboard and shows the administrator which checks are noisy', async () => {
    const subtotal = (await findings()).find((f) => f.code === 'SCORE_SUBTOTAL');
    // Confirmed again with a deadline already past: overdue.
    await reviewer.put(`/api/evaluations/${id}/decisions`, {
      fingerprint: subtotal?.identity.fingerprint,
      state: 'confirmed',
      deadline: '2020-01-01',
    });
    const board = (await reviewer.get('/api/dashboard?year=2024')).json<{
      rectification: {
        confirmed: number;
        fixed: number;
        explained: number;
        overdue: number;
        byUnit: { departmentName: string; confirmed: number }[];
      };
    }>().rectification;
    expect(board).toMatchObject({ confirmed: 2, fixed: 0, explained: 1, overdue: 1 });
    expect(board.byUnit).toEqual([
      expect.objectContaining({ departmentName: '甲单位', confirmed: 2 }),
    ]);
    const headBoard = (await head.get('/api/dashboard?year=2024')).json<{
      rectification: { confirmed: number };
    }>();
    expect(headBoard.rectification.confirmed).toBe(2);

    const admin = await login(w.app, 'admin');
    const checks = (await admin.get('/api/admin/checks')).json<{
      items: {
        code: string;
        name: string;
        fired: number;
        confirmed: number;
        dismissed: number;
        noisy: boolean;
        reasons: { reason: string; count: number }[];
      }[];
    }>().items;
    const over = checks.find((c) => c.code === 'SCORE_OVER_WEIGHT');
    expect(over).toMatchObject({
      name: '得分超过分值',
      confirmed: 0,
      dismissed: 1,
      noisy: true,
      reasons: [{ reason: '该指标分值经财政局批准调增', count: 1 }],
    });
    expect(over?.fired).toBeGreaterThanOrEqual(2);
    expect(checks.find((c) => c.code === 'RATIO_COMPLETION')).toMatchObject({
      confirmed: 1,
      noisy: false,
    });
    expect((await reviewer.get('/api/admin/checks')).statusCode).toBe(403);
  });

  it('lets only reviewers decide and only the unit answer', async () => {
    const all = await findings();
    const rate = all.find((f) => f.code === 'RATIO_COMPLETION');
    const decide = { fingerprint: rate?.identity.fingerprint, state: 'confirmed' };
    for (const who of ['filer-a', 'head-a', 'admin', 'reviewer-2', 'filer-b']) {
      const c = await login(w.app, who);
      expect((await c.put(`/api/evaluations/${id}/decisions`, decide)).statusCode).toBe(403);
    }
    const answer = {
      fingerprint: byCode(await decisions(), 'RATIO_COMPLETION')?.fingerprint,
      text: '说明',
    };
    for (const who of ['reviewer', 'admin', 'filer-b', 'head-b']) {
      const c = await login(w.app, who);
      expect((await c.post(`/api/evaluations/${id}/decisions/answers`, answer)).statusCode).toBe(
        403,
      );
    }
  });
});
