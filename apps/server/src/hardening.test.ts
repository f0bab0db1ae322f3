import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '@jixiao/db/testing';
import { MAX_FEN, MAX_INDICATOR_DEPTH } from '@jixiao/domain';
import { createContext, importDocument, loadActor } from '@jixiao/services';
import { Client, createWorld, fixtureBody, login } from './testing/harness.ts';
import type { Response, World } from './testing/harness.ts';

/** A chain of `depth` indicator nodes, each the only child of the one above. */
function indicatorChain(depth: number): Record<string, unknown> {
  let node: Record<string, unknown> = { name: `第${depth}层`, weight: 1 };
  for (let level = depth - 1; level >= 1; level -= 1)
    node = { name: `第${level}层`, weight: 1, children: [node] };
  return node;
}

/** A department body whose 20 project lines of 10 万亿元 each add up far past 2^53 分. */
function hugeProjectsBody(): Record<string, unknown> {
  const base = fixtureBody();
  const huge = { fen: MAX_FEN, unit: '万元' };
  return {
    ...base,
    projectExpenditure: {
      ...(base['projectExpenditure'] as Record<string, unknown>),
      actual: huge,
      statedCount: 20,
      projects: Array.from({ length: 20 }, (_, i) => ({ name: `项目${i + 1}`, actual: huge })),
    },
  };
}

/** A value nested `depth` arrays deep, as JSON text (JSON.parse takes it; a recursive walk would not). */
function nestedArrays(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

/** A refusal in the one error shape, with a Chinese message. */
function expectChineseRefusal(res: Response, status: number): void {
  expect(res.statusCode).toBe(status);
  const error = res.json<{ error: { code: string; message: string } }>().error;
  expect(error.message).toMatch(/[\u4e00-\u9fff]/);
}

describe.each(TEST_DIALECTS)('inputs that cannot make a 500 on %s', (dialect) => {
  let world: World;
  let filer: Client;
  let admin: Client;
  beforeAll(async () => {
    world = await createWorld(dialect, { worker: false });
    filer = await login(world.app, 'filer-a');
    admin = await login(world.app, 'admin');
  });
  afterAll(async () => world.close());

  async function currentVersion(id: string): Promise<number> {
    return (await filer.get(`/api/evaluations/${id}`)).json<{ version: number }>().version;
  }

  it('saves a tree of the maximum depth and serves its findings, export and revisions', async () => {
    const id = world.evaluations.a;
    const body = { ...fixtureBody(), indicators: [indicatorChain(MAX_INDICATOR_DEPTH)] };
    const saved = await filer.put(`/api/evaluations/${id}`, {
      version: await currentVersion(id),
      body,
    });
    expect(saved.statusCode).toBe(200);
    expect((await filer.get(`/api/evaluations/${id}/findings`)).statusCode).toBe(200);
    expect((await filer.get(`/api/evaluations/${id}/revisions`)).statusCode).toBe(200);
    expect((await filer.get(`/api/evaluations/${id}/export.docx`)).statusCode).toBe(200);
  });

  it('refuses deeper indicator trees on save, create and evaluate with 400 and the depth in Chinese', async () => {
    const id = world.evaluations.a;
    for (const depth of [MAX_INDICATOR_DEPTH + 1, 600, 1_400]) {
      const body = { ...fixtureBody(), indicators: [indicatorChain(depth)] };
      const saved = await filer.put(`/api/evaluations/${id}`, {
        version: await currentVersion(id),
        body,
      });
      expectChineseRefusal(saved, 400);
      expect(JSON.stringify(saved.json())).toContain('指标层级过深');
      expectChineseRefusal(await filer.post('/api/evaluate', { body }), 400);
      const created = await filer.post('/api/evaluations', {
        departmentId: world.departments.a,
        year: 2023,
        kind: 'department',
        rulebookId: 'hunan-department',
        body,
      });
      expectChineseRefusal(created, 400);
    }
  });

  it('refuses a rulebook whose tree is too deep', async () => {
    const book = (await admin.get('/api/rulebooks/hunan-department')).json<
      Record<string, unknown>
    >();
    let node: Record<string, unknown> = { id: 'deep-0', name: '最深', weight: 100 };
    for (let level = 1; level < 1_000; level += 1)
      node = { id: `deep-${level}`, name: `第${level}层`, weight: 100, children: [node] };
    const res = await admin.post('/api/rulebooks', { ...book, version: 'deep', tree: [node] });
    expectChineseRefusal(res, 400);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('RULEBOOK_INVALID');
  });

  it('refuses JSON nested 100,000 levels deep anywhere in a body', async () => {
    const deep = nestedArrays(100_000);
    const payloads = [
      `{"version":1,"body":{"meta":${deep}}}`,
      `{"version":1,"body":${deep}}`,
      `{"version":${deep},"body":{}}`,
    ];
    for (const payload of payloads) {
      const res = await world.app.inject({
        method: 'PUT',
        url: `/api/evaluations/${world.evaluations.a}`,
        headers: {
          cookie: filer.cookie ?? '',
          'x-csrf-token': filer.csrf ?? '',
          'content-type': 'application/json',
        },
        payload,
      });
      expectChineseRefusal(res, 400);
    }
  });

  it('refuses a body over the size limit with 413', async () => {
    const res = await world.app.inject({
      method: 'POST',
      url: '/api/evaluate',
      headers: {
        cookie: filer.cookie ?? '',
        'x-csrf-token': filer.csrf ?? '',
        'content-type': 'application/json',
      },
      payload: `{"body":{"meta":"${'x'.repeat(11 * 1024 * 1024)}"}}`,
    });
    expectChineseRefusal(res, 413);
  });

  it('refuses an amount beyond the documented bound with 400 and the bound in Chinese', async () => {
    const base = fixtureBody();
    const funds = base['funds'] as Record<string, Record<string, unknown>>;
    for (const value of [MAX_FEN + 1, 2 ** 53 + 2]) {
      const body = {
        ...base,
        funds: { ...funds, total: { ...funds['total'], budget: { fen: value, unit: '元' } } },
      };
      const res = await filer.post('/api/evaluate', { body });
      expectChineseRefusal(res, 400);
      expect(JSON.stringify(res.json())).toContain('金额超出范围');
    }
  });

  it('adds amounts past 2^53 分 exactly on evaluate, save, findings and export', async () => {
    const body = hugeProjectsBody();
    const evaluated = await filer.post('/api/evaluate', { body });
    expect(evaluated.statusCode).toBe(200);
    const finding = evaluated
      .json<{ findings: { code: string; expected?: string }[] }>()
      .findings.find((f) => f.code === 'SUM_PROJECT_LINES');
    expect(finding?.expected).toBe('20000000000.00');
    const id = world.evaluations.b;
    const writer = await login(world.app, 'filer-b');
    const version = (await writer.get(`/api/evaluations/${id}`)).json<{ version: number }>()
      .version;
    expect((await writer.put(`/api/evaluations/${id}`, { version, body })).statusCode).toBe(200);
    expect((await writer.get(`/api/evaluations/${id}/findings`)).statusCode).toBe(200);
    expect((await writer.get(`/api/evaluations/${id}/export.docx`)).statusCode).toBe(200);
    expect((await writer.get(`/api/evaluations/${id}/export.xlsx`)).statusCode).toBe(200);
  });

  it('refuses NUL in addresses, queries and JSON strings with 400 on every kind of route', async () => {
    const anonymous = new Client(world.app);
    const title = {
      ...fixtureBody(),
      meta: { ...(fixtureBody()['meta'] as object), title: '报\u0000告' },
    };
    const requests: [Client, 'GET' | 'POST' | 'PUT' | 'PATCH', string, unknown?][] = [
      [anonymous, 'GET', '/api/public/reports?q=%00'],
      [anonymous, 'GET', '/api/public/reports/abc%00'],
      [anonymous, 'GET', '/api/public/reports/abc%00/report.docx'],
      [anonymous, 'POST', '/api/auth/login', { username: 'admin\u0000', password: 'x' }],
      [filer, 'GET', '/api/evaluations?departmentId=%00'],
      [filer, 'GET', `/api/evaluations/${world.evaluations.a}%00`],
      [filer, 'GET', '/api/audit-jobs/x%00'],
      [filer, 'GET', '/api/rulebooks/hunan%00'],
      [filer, 'POST', '/api/evaluate', { body: title }],
      [filer, 'PUT', `/api/evaluations/${world.evaluations.a}`, { version: 1, body: title }],
      [
        filer,
        'POST',
        '/api/evaluations',
        {
          departmentId: world.departments.a,
          year: 2022,
          kind: 'department',
          rulebookId: 'hunan-department',
          body: title,
        },
      ],
      [
        admin,
        'POST',
        '/api/users',
        { username: 'nul\u0000user', password: 'Passw0rd-nul', role: 'admin' },
      ],
      [admin, 'POST', '/api/regions', { name: '示范\u0000区', financeBureau: '财政局' }],
      [admin, 'GET', '/api/dashboard?regionId=%00'],
    ];
    for (const [client, method, url, payload] of requests) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (client.cookie !== null) headers['cookie'] = client.cookie;
      if (client.csrf !== null && method !== 'GET') headers['x-csrf-token'] = client.csrf;
      const res = await world.app.inject({
        method,
        url,
        headers,
        ...(payload === undefined
          ? {}
          : { payload: JSON.stringify(payload).replaceAll('\\\\u0000', '\\u0000') }),
      });
      expect([url, res.statusCode]).toEqual([url, 400]);
      expect(res.json<{ error: { message: string } }>().error.message).toContain('空字符');
    }
    const users = await world.ctx.db.selectFrom('users').select('username').execute();
    expect(users.some((u) => u.username.includes('nul'))).toBe(false);
  });

  it('stores uploads whose names carry NUL, control characters or 5,000 characters under a clean name', async () => {
    const text = `${'第一章 基本情况。'.repeat(3)}\n`;
    const imported = await filer.upload('/api/imports', [
      { name: '报\u0000告\u0001.txt', bytes: text },
    ]);
    expect(imported.statusCode).toBe(200);
    const long = await filer.upload('/api/imports', [
      { name: `${'长'.repeat(5000)}.txt`, bytes: text },
    ]);
    expect(long.statusCode).toBe(200);
    const job = await filer.upload('/api/audit-jobs', [{ name: '批\u0000量.txt', bytes: text }]);
    expect(job.statusCode).toBe(202);
    const names = await world.ctx.db.selectFrom('imported_documents').select('file_name').execute();
    expect(names.map((n) => n.file_name)).toContain('报告.txt');
    expect(Math.max(...names.map((n) => [...n.file_name].length))).toBeLessThanOrEqual(120);
    const jobFiles = await world.ctx.db.selectFrom('job_files').select('name').execute();
    expect(jobFiles.map((f) => f.name)).toContain('批量.txt');
  });

  it('stores an imported draft and its document together or not at all', async () => {
    // Ids by call: the second import draws the same sequence, except that the call which gave
    // the first import its document id gives that id again, so its document cannot be stored.
    let calls = 0;
    let round = 'first';
    let takenAt = -1;
    let taken = '';
    const ctx = createContext(world.store, {
      newId: () => {
        const n = calls++;
        return n === takenAt ? taken : `${round}-${n}`;
      },
    });
    const user = await world.ctx.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'filer-a')
      .executeTakeFirstOrThrow();
    const actor = await loadActor(ctx, user.id);
    if (actor === null) throw new Error('no actor');
    const report = (await filer.get(`/api/evaluations/${world.evaluations.a}/export.docx`))
      .rawPayload;
    const input = {
      fileName: '报告.docx',
      bytes: new Uint8Array(report),
      create: { departmentId: world.departments.a, year: 2021 },
    };
    calls = 0;
    const first = await importDocument(ctx, actor, input);
    taken = first.documentId;
    takenAt = Number(taken.split('-')[1]);
    calls = 0;
    round = 'second';
    await expect(importDocument(ctx, actor, input)).rejects.toThrow();
    const drafts = await world.ctx.db
      .selectFrom('evaluations')
      .select('id')
      .where('year', '=', 2021)
      .execute();
    expect(drafts.map((d) => d.id)).toEqual([first.evaluationId]);
  });

  it('sends the security headers on API answers, errors and the OpenAPI page', async () => {
    const answers = [
      await world.app.inject({ method: 'GET', url: '/api/health' }),
      await new Client(world.app).get('/api/me'),
      await world.app.inject({ method: 'GET', url: '/api/nothing-here' }),
      await world.app.inject({ method: 'GET', url: '/api/docs/json' }),
    ];
    for (const res of answers) {
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('same-origin');
    }
  });

  it('gives every validation issue a Chinese message, for request shapes and bodies alike', async () => {
    const han = /[\u4e00-\u9fff]/;
    const answers = [
      await new Client(world.app).post('/api/auth/login', { username: '', password: 7 }),
      await filer.post('/api/evaluations', { departmentId: '', year: 'x', kind: 'other' }),
      await filer.get('/api/evaluations?year=abc&status=lost'),
      await filer.post('/api/evaluate', {
        body: { kind: 'department', rulebookId: 7, meta: { year: 1200 }, indicators: [{}] },
      }),
    ];
    for (const res of answers) {
      expect(res.statusCode).toBe(400);
      const issues = res.json<{ error: { details: { issues: { message: string }[] } } }>().error
        .details.issues;
      expect(issues.length).toBeGreaterThan(0);
      for (const issue of issues) expect(issue.message).toMatch(han);
    }
  });

  it('names a missing or mistyped body of an evaluation in Chinese, not by its schema type', async () => {
    for (const url of ['/api/evaluate', '/api/targets/check']) {
      for (const [body, message] of [
        [{}, '缺少必填项（应为对象）'],
        [{ body: [1] }, '类型错误：应为对象，实际为数组 [1]'],
        [{ body: 'x' }, '类型错误：应为对象，实际为文本 「x」'],
      ] as const) {
        const res = await filer.post(url, body);
        expect(res.statusCode).toBe(400);
        const issues = res.json<{ error: { details: { issues: { message: string }[] } } }>().error
          .details.issues;
        expect(issues.map((i) => i.message)).toContain(message);
        for (const issue of issues) expect(issue.message).not.toMatch(/record|map|tuple/);
      }
    }
  });

  it('says a null or a word where a number belongs by its kind alone, not as JSON null', async () => {
    const issues = (res: { statusCode: number; json<T>(): T }) => {
      expect(res.statusCode).toBe(400);
      return res
        .json<{ error: { details: { issues: { message: string }[] } } }>()
        .error.details.issues.map((i) => i.message);
    };
    expect(issues(await filer.get('/api/audit-jobs/x/files/0/pictures/abc'))).toContain(
      '类型错误：应为数字，实际为非数字（NaN）',
    );
    expect(issues(await filer.post('/api/evaluations', { year: null }))).toContain(
      '类型错误：应为数字，实际为空值（null）',
    );
  });

  it('keeps usernames unique whatever their case, even when created at once', async () => {
    const user = (username: string) => ({ username, password: 'Passw0rd-case', role: 'admin' });
    expect((await admin.post('/api/users', user('Newcomer'))).statusCode).toBe(201);
    const twin = await admin.post('/api/users', user('NEWCOMER'));
    expect(twin.statusCode).toBe(409);
    expect(twin.json<{ error: { code: string } }>().error.code).toBe('ALREADY_EXISTS');
    const both = await Promise.all([
      admin.post('/api/users', user('Pair.one')),
      admin.post('/api/users', user('pair.ONE')),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    // The account answers to any case of its name.
    expect((await login(world.app, 'ADMIN')).csrf).toEqual(expect.any(String));
  });
});
