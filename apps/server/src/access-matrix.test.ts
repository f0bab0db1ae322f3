import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '@jixiao/db/testing';
import { Client, createWorld, fixtureBody, login, targetBody } from './testing/harness.ts';
import type { World } from './testing/harness.ts';

type Role = 'anonymous' | 'filer' | 'head' | 'reviewer' | 'admin';
type Target = 'own' | 'other';
const ROLES: readonly Role[] = ['anonymous', 'filer', 'head', 'reviewer', 'admin'];
const TARGETS: readonly Target[] = ['own', 'other'];

/** Who is "own" and "other" for each role: filers/heads by department (A vs B, same region), reviewers by region. */
const ACCOUNT: Record<Exclude<Role, 'anonymous'>, string> = {
  filer: 'filer-a',
  head: 'head-a',
  reviewer: 'reviewer',
  admin: 'admin',
};

interface RouteCase {
  name: string;
  /** Builds the request for the target; `w` is the world. */
  call(client: Client, w: World, target: Target, role: Role): Promise<{ statusCode: number }>;
  /** Which roles may, per target (anonymous never unless `public`). */
  allowed(role: Exclude<Role, 'anonymous'>, target: Target): boolean;
  public?: boolean;
}

/** Filers and heads: own = A, other = B (same region, other department); reviewers and admins: other = C (other region). */
const evalOf = (w: World, target: Target, role: Role) =>
  target === 'own'
    ? w.evaluations.a
    : role === 'filer' || role === 'head'
      ? w.evaluations.b
      : w.evaluations.c;
const deptOf = (w: World, target: Target, role: Role) =>
  target === 'own'
    ? w.departments.a
    : role === 'filer' || role === 'head'
      ? w.departments.b
      : w.departments.c;
const seeAll = (role: string, target: Target) => role === 'admin' || target === 'own';
const editors = (role: string, target: Target) =>
  role === 'admin' || ((role === 'filer' || role === 'head') && target === 'own');
const staff = (role: string) => role === 'admin' || role === 'reviewer';
const adminOnly = (role: string) => role === 'admin';

let createdYears = 0;

/** A 2025 绩效目标 per department, made in beforeAll (a, b, c as the evaluations). */
const targets: Record<'a' | 'b' | 'c', string> = { a: '', b: '', c: '' };
/** A 绩效目标表 (.xlsx) to import, exported in beforeAll. */
let targetTable: Uint8Array = new Uint8Array();
/** A monitoring round per region (r1 for a and b, r2 for c), made in beforeAll. */
const monitoringRounds = { r1: '', r2: '' };
const reportOf = (target: Target, role: Role) => {
  const form = targetOf(target, role);
  const round = form === targets.c ? monitoringRounds.r2 : monitoringRounds.r1;
  return `/api/monitoring/rounds/${round}/forms/${form}`;
};
const targetOf = (target: Target, role: Role) =>
  target === 'own' ? targets.a : role === 'filer' || role === 'head' ? targets.b : targets.c;

const CASES: RouteCase[] = [
  {
    name: 'GET evaluation',
    call: (c, w, t, r) => c.get(`/api/evaluations/${evalOf(w, t, r)}`),
    allowed: seeAll,
  },
  {
    name: 'GET findings',
    call: (c, w, t, r) => c.get(`/api/evaluations/${evalOf(w, t, r)}/findings`),
    allowed: seeAll,
  },
  {
    name: 'GET events',
    call: (c, w, t, r) => c.get(`/api/evaluations/${evalOf(w, t, r)}/events`),
    allowed: seeAll,
  },
  {
    name: 'GET revisions',
    call: (c, w, t, r) => c.get(`/api/evaluations/${evalOf(w, t, r)}/revisions`),
    allowed: seeAll,
  },
  {
    name: 'GET revision 1',
    call: (c, w, t, r) => c.get(`/api/evaluations/${evalOf(w, t, r)}/revisions/1`),
    allowed: seeAll,
  },
  {
    name: 'GET export.xlsx',
    call: (c, w, t, r) => c.get(`/api/evaluations/${evalOf(w, t, r)}/export.xlsx`),
    allowed: seeAll,
  },
  {
    name: 'GET report',
    call: (c, w, t, r) => c.get(`/api/evaluations/${evalOf(w, t, r)}/report`),
    allowed: seeAll,
  },
  {
    name: 'GET export.docx',
    call: (c, w, t, r) => c.get(`/api/evaluations/${evalOf(w, t, r)}/export.docx`),
    allowed: seeAll,
  },
  {
    name: 'GET decisions',
    call: (c, w, t, r) => c.get(`/api/evaluations/${evalOf(w, t, r)}/decisions`),
    allowed: seeAll,
  },
  // Only reviewers decide, on their own region; setting a finding open needs no finding.
  {
    name: 'PUT decision',
    call: (c, w, t, r) =>
      c.put(`/api/evaluations/${evalOf(w, t, r)}/decisions`, { fingerprint: 'x', state: 'open' }),
    allowed: (r, t) => r === 'reviewer' && t === 'own',
  },
  // Only the unit's filers and heads answer (an unknown finding is then a 404, not a 403).
  {
    name: 'POST decision answer',
    call: (c, w, t, r) =>
      c.post(`/api/evaluations/${evalOf(w, t, r)}/decisions/answers`, {
        fingerprint: 'x',
        text: '情况说明',
      }),
    allowed: (r, t) => (r === 'filer' || r === 'head') && t === 'own',
  },
  {
    name: 'GET opinion.docx',
    call: (c, w, t, r) => c.get(`/api/evaluations/${evalOf(w, t, r)}/opinion.docx`),
    allowed: seeAll,
  },
  // Reviewers: their region's rounds; filers and heads: their own unit's list only.
  {
    name: 'GET rectification.xlsx',
    call: async (c, w, t, r) => {
      const unitScoped = r === 'filer' || r === 'head';
      const region = t === 'own' || unitScoped ? w.regions.r1 : w.regions.r2;
      const round = await w.ctx.db
        .selectFrom('rounds')
        .select('id')
        .where('region_id', '=', region)
        .executeTakeFirstOrThrow();
      const unit = unitScoped && t === 'other' ? `?departmentId=${w.departments.b}` : '';
      return c.get(`/api/rounds/${round.id}/rectification.xlsx${unit}`);
    },
    allowed: (r, t) => r === 'admin' || t === 'own',
  },
  { name: 'GET admin checks', call: (c) => c.get('/api/admin/checks'), allowed: adminOnly },
  {
    name: 'PUT evaluation',
    call: async (c, w, t, r) => {
      const id = evalOf(w, t, r);
      const row = await w.ctx.db
        .selectFrom('evaluations')
        .select('version')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      return c.put(`/api/evaluations/${id}`, { version: row.version, body: fixtureBody() });
    },
    allowed: editors,
  },
  {
    name: 'POST evaluation',
    // One 部门整体 evaluation per unit and year: every allowed call creates a year of its own.
    call: (c, w, t, r) =>
      c.post('/api/evaluations', {
        departmentId: deptOf(w, t, r),
        year: 2030 + (createdYears++ % 60),
        kind: 'department',
        rulebookId: 'hunan-department',
      }),
    allowed: editors,
  },
  // A draft cannot be approved: allowed roles get 409 (state), others 403 (access).
  {
    name: 'POST transition approve',
    call: (c, w, t, r) =>
      c.post(`/api/evaluations/${evalOf(w, t, r)}/transitions`, { action: 'approve' }),
    allowed: (r, t) => staff(r) && seeAll(r, t),
  },
  // Submitting is the head's: filers are refused even on their own department.
  {
    name: 'POST transition submit (then reopen by the test)',
    call: async (c, w, t, r) => {
      const id = evalOf(w, t, r);
      const res = await c.post(`/api/evaluations/${id}/transitions`, { action: 'submit' });
      await w.ctx.db
        .updateTable('evaluations')
        .set({ status: 'draft' })
        .where('id', '=', id)
        .execute();
      return res;
    },
    allowed: (r, t) => (r === 'head' && t === 'own') || r === 'admin',
  },
  {
    name: 'POST evaluate',
    call: (c) => c.post('/api/evaluate', { body: fixtureBody() }),
    allowed: () => true,
  },
  { name: 'GET evaluations list', call: (c) => c.get('/api/evaluations'), allowed: () => true },
  {
    name: 'GET dashboard',
    call: (c, w, t) =>
      c.get(`/api/dashboard?regionId=${t === 'own' ? w.regions.r1 : w.regions.r2}`),
    // A head sees the own unit's figures (scoped in the service); a filer none.
    allowed: (r, t) => r === 'admin' || ((r === 'reviewer' || r === 'head') && t === 'own'),
  },
  { name: 'GET regions', call: (c) => c.get('/api/regions'), allowed: staff },
  {
    name: 'POST regions',
    call: (c) =>
      c.post('/api/regions', {
        name: `区${Math.random().toString(36).slice(2, 6)}`,
        financeBureau: '财政局',
      }),
    allowed: adminOnly,
  },
  { name: 'GET departments', call: (c) => c.get('/api/departments'), allowed: staff },
  {
    name: 'POST departments',
    call: (c, w) =>
      c.post('/api/departments', {
        code: `X${Math.random().toString(36).slice(2, 8)}`,
        name: '新单位',
        regionId: w.regions.r1,
      }),
    allowed: adminOnly,
  },
  { name: 'GET users', call: (c) => c.get('/api/users'), allowed: adminOnly },
  {
    name: 'POST users',
    call: (c, w) =>
      c.post('/api/users', {
        username: `u${Math.random().toString(36).slice(2, 8)}`,
        password: 'Abcdefgh12',
        role: 'filer',
        departmentId: w.departments.a,
      }),
    allowed: adminOnly,
  },
  {
    name: 'PATCH users',
    call: async (c, w) => {
      const user = await w.ctx.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', 'filer-b')
        .executeTakeFirstOrThrow();
      return c.patch(`/api/users/${user.id}`, { displayName: '乙单位填报人' });
    },
    allowed: adminOnly,
  },
  // Filers and heads see the rounds their unit answers, to file for one.
  { name: 'GET rounds', call: (c) => c.get('/api/rounds'), allowed: () => true },
  {
    name: 'POST rounds',
    call: (c) =>
      c.post('/api/rounds', {
        year: 2031,
        kind: 'department',
        rulebookId: 'hunan-department',
        deadline: '2032-06-30',
      }),
    allowed: staff,
  },
  {
    name: 'GET round progress',
    call: async (c, w, t) => {
      const region = t === 'own' ? w.regions.r1 : w.regions.r2;
      const round = await w.ctx.db
        .selectFrom('rounds')
        .select('id')
        .where('region_id', '=', region)
        .executeTakeFirstOrThrow();
      return c.get(`/api/rounds/${round.id}/progress`);
    },
    allowed: (r, t) => r === 'admin' || (r === 'reviewer' && t === 'own'),
  },
  { name: 'GET rulebooks', call: (c) => c.get('/api/rulebooks'), allowed: () => true },
  {
    name: 'GET rulebook',
    call: (c) => c.get('/api/rulebooks/hunan-department'),
    allowed: () => true,
  },
  {
    name: 'POST rulebooks',
    call: (c) => c.post('/api/rulebooks', { id: 'x' }),
    allowed: adminOnly,
  },
  {
    name: 'POST imports',
    call: (c) => c.upload('/api/imports', [{ name: 'a.pdf', bytes: '%PDF' }]),
    allowed: () => true,
  },
  {
    name: 'POST imports creating in a department',
    call: (c, w, t, r) =>
      c.upload(`/api/imports?create=1&departmentId=${deptOf(w, t, r)}`, [
        { name: 'a.txt', bytes: '' },
      ]),
    allowed: () => true,
  },
  {
    name: 'GET targets list',
    call: (c) => c.get('/api/targets'),
    allowed: () => true,
  },
  {
    name: 'GET target',
    call: (c, _w, t, r) => c.get(`/api/targets/${targetOf(t, r)}`),
    allowed: seeAll,
  },
  {
    name: 'GET target findings',
    call: (c, _w, t, r) => c.get(`/api/targets/${targetOf(t, r)}/findings`),
    allowed: seeAll,
  },
  {
    name: 'GET target revisions',
    call: (c, _w, t, r) => c.get(`/api/targets/${targetOf(t, r)}/revisions`),
    allowed: seeAll,
  },
  {
    name: 'GET target revision 1',
    call: (c, _w, t, r) => c.get(`/api/targets/${targetOf(t, r)}/revisions/1`),
    allowed: seeAll,
  },
  {
    name: 'GET target events',
    call: (c, _w, t, r) => c.get(`/api/targets/${targetOf(t, r)}/events`),
    allowed: seeAll,
  },
  {
    name: 'PUT target',
    call: async (c, w, t, r) => {
      const id = targetOf(t, r);
      const row = await w.ctx.db
        .selectFrom('target_forms')
        .select('version')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      return c.put(`/api/targets/${id}`, { version: row.version, body: targetBody() });
    },
    allowed: editors,
  },
  {
    name: 'POST target',
    // One department form per unit and year: every allowed call creates a year of its own.
    call: (c, w, t, r) =>
      c.post('/api/targets', {
        departmentId: deptOf(w, t, r),
        year: 2030 + (createdYears++ % 60),
        kind: 'department',
        rulebookId: 'hunan-department',
      }),
    allowed: editors,
  },
  {
    name: 'POST target transition approve',
    call: (c, _w, t, r) =>
      c.post(`/api/targets/${targetOf(t, r)}/transitions`, { action: 'approve' }),
    allowed: (r, t) => staff(r) && seeAll(r, t),
  },
  {
    name: 'POST target transition submit (then back to draft by the test)',
    call: async (c, w, t, r) => {
      const id = targetOf(t, r);
      const res = await c.post(`/api/targets/${id}/transitions`, { action: 'submit' });
      await w.ctx.db
        .updateTable('target_forms')
        .set({ status: 'draft' })
        .where('id', '=', id)
        .execute();
      return res;
    },
    allowed: (r, t) => (r === 'head' && t === 'own') || r === 'admin',
  },
  {
    name: 'GET target export.xlsx',
    call: (c, _w, t, r) => c.get(`/api/targets/${targetOf(t, r)}/export.xlsx`),
    allowed: seeAll,
  },
  {
    name: 'GET target export.docx',
    call: (c, _w, t, r) => c.get(`/api/targets/${targetOf(t, r)}/export.docx`),
    allowed: seeAll,
  },
  {
    name: 'POST targets import',
    call: (c, w, t, r) =>
      c.upload(
        `/api/targets/import?departmentId=${deptOf(w, t, r)}&year=${2030 + (createdYears++ % 60)}`,
        [{ name: '绩效目标表.xlsx', bytes: targetTable }],
      ),
    allowed: editors,
  },
  {
    name: 'POST targets check',
    call: (c) => c.post('/api/targets/check', { body: targetBody() }),
    allowed: () => true,
  },
  {
    name: 'GET monitoring thresholds',
    call: (c) => c.get('/api/monitoring/thresholds'),
    allowed: () => true,
  },
  {
    name: 'GET monitoring rounds',
    call: (c) => c.get('/api/monitoring/rounds'),
    allowed: () => true,
  },
  {
    name: 'POST monitoring rounds',
    call: (c) =>
      c.post('/api/monitoring/rounds', { year: 2025, asOf: '2025-07-31', deadline: '2025-08-15' }),
    allowed: staff,
  },
  {
    // A round belongs to a region: own = region 1, other = region 2, for every role.
    name: 'GET monitoring round',
    call: (c, _w, t) =>
      c.get(`/api/monitoring/rounds/${t === 'own' ? monitoringRounds.r1 : monitoringRounds.r2}`),
    allowed: (r, t) => r === 'admin' || t === 'own',
  },
  {
    name: 'GET monitoring report',
    call: (c, _w, t, r) => c.get(reportOf(t, r)),
    allowed: seeAll,
  },
  {
    name: 'PUT monitoring report',
    call: async (c, w, t, r) => {
      const form = targetOf(t, r);
      const row = await w.ctx.db
        .selectFrom('monitoring_reports')
        .select('version')
        .where('form_id', '=', form)
        .executeTakeFirst();
      return c.put(reportOf(t, r), {
        version: row?.version ?? 0,
        figures: { executed: { fen: 300_000_000, unit: '万元' } },
      });
    },
    allowed: editors,
  },
  {
    name: 'POST monitoring decision',
    call: (c, _w, t, r) =>
      c.post(`${reportOf(t, r)}/decisions`, {
        subject: 'execution',
        state: 'confirmed',
        correction: '加快执行进度',
      }),
    allowed: (r, t) => staff(r) && seeAll(r, t),
  },
  {
    name: 'POST monitoring answer',
    call: (c, _w, t, r) =>
      c.post(`${reportOf(t, r)}/answers`, { subject: 'execution', answer: '已加快支付' }),
    allowed: editors,
  },
  {
    name: 'GET monitoring lights',
    call: (c, w, t) =>
      c.get(`/api/monitoring/lights?regionId=${t === 'own' ? w.regions.r1 : w.regions.r2}`),
    allowed: (r, t) => r === 'admin' || ((r === 'reviewer' || r === 'head') && t === 'own'),
  },
  {
    name: 'GET evaluation targets',
    call: (c, w, t, r) => c.get(`/api/evaluations/${evalOf(w, t, r)}/targets`),
    allowed: seeAll,
  },
  {
    name: 'GET public reports',
    call: (c) => c.get('/api/public/reports'),
    allowed: () => true,
    public: true,
  },
  {
    name: 'GET public report (unpublished)',
    call: (c, w, t, r) => c.get(`/api/public/reports/${evalOf(w, t, r)}`),
    allowed: () => true,
    public: true,
  },
];

describe.each(TEST_DIALECTS)('the access matrix on %s', (dialect) => {
  let world: World;
  const clients = new Map<Role, Client>();
  beforeAll(async () => {
    world = await createWorld(dialect);
    clients.set('anonymous', new Client(world.app));
    for (const [role, username] of Object.entries(ACCOUNT))
      clients.set(role as Role, await login(world.app, username));
    for (const code of ['a', 'b', 'c'] as const) {
      const created = await clients.get('admin')?.post('/api/targets', {
        departmentId: world.departments[code],
        year: 2025,
        kind: 'department',
        rulebookId: 'hunan-department',
        body: targetBody(),
      });
      targets[code] = created?.json<{ id: string }>().id ?? '';
    }
    const admin = clients.get('admin');
    targetTable =
      (await admin?.get(`/api/targets/${targets.a}/export.xlsx`))?.rawPayload ?? targetTable;
    // The forms are approved (monitoring measures approved targets only), then back to draft:
    // the transition cases start from a draft.
    for (const id of Object.values(targets)) {
      await admin?.post(`/api/targets/${id}/transitions`, { action: 'submit' });
      await admin?.post(`/api/targets/${id}/transitions`, { action: 'approve' });
      await world.ctx.db
        .updateTable('target_forms')
        .set({ status: 'draft' })
        .where('id', '=', id)
        .execute();
    }
    const monitoringRound = { year: 2025, asOf: '2025-07-31', deadline: '2025-08-15' };
    monitoringRounds.r1 =
      (await clients.get('reviewer')?.post('/api/monitoring/rounds', monitoringRound))?.json<{
        id: string;
      }>().id ?? '';
    monitoringRounds.r2 = (
      await (await login(world.app, 'reviewer-2')).post('/api/monitoring/rounds', monitoringRound)
    ).json<{ id: string }>().id;
    // One round per region, created by each region's reviewer.
    await clients.get('reviewer')?.post('/api/rounds', {
      year: 2024,
      kind: 'department',
      rulebookId: 'hunan-department',
      deadline: '2025-06-30',
    });
    const r2 = await login(world.app, 'reviewer-2');
    await r2.post('/api/rounds', {
      year: 2024,
      kind: 'department',
      rulebookId: 'hunan-department',
      deadline: '2025-06-30',
    });
  });
  afterAll(async () => world.close());

  for (const route of CASES) {
    for (const role of ROLES) {
      for (const target of TARGETS) {
        it(`${route.name} · ${role} · ${target}`, async () => {
          const client = clients.get(role);
          if (client === undefined) throw new Error('no client');
          const res = await route.call(client, world, target, role);
          if (role === 'anonymous') {
            if (route.public === true) expect(res.statusCode).not.toBe(401);
            else expect(res.statusCode).toBe(401);
            return;
          }
          if (route.allowed(role, target)) {
            expect([401, 403]).not.toContain(res.statusCode);
          } else {
            expect(res.statusCode).toBe(403);
          }
        });
      }
    }
  }

  it('lists only what each role may see', async () => {
    const scope: Record<Exclude<Role, 'anonymous'>, string[]> = {
      filer: [world.evaluations.a],
      head: [world.evaluations.a],
      reviewer: [world.evaluations.a, world.evaluations.b],
      admin: [world.evaluations.a, world.evaluations.b, world.evaluations.c],
    };
    for (const [role, ids] of Object.entries(scope)) {
      const items = (await clients.get(role as Role)?.get('/api/evaluations?year=2024'))?.json()
        .items as { id: string }[];
      expect(items.map((i) => i.id).sort()).toEqual([...ids].sort());
    }
  });

  it('records denials in the append-only audit log', async () => {
    const denied = await world.ctx.db
      .selectFrom('audit_log')
      .select(['actor', 'target'])
      .where('action', '=', 'denied')
      .execute();
    expect(denied.length).toBeGreaterThan(10);
    expect(denied.some((d) => d.actor === 'filer-a')).toBe(true);
  });
});
