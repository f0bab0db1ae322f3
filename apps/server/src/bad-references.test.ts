// Requests whose every value has the right type but names something that does not exist, does
// not fit (a rulebook of the other kind, a unit of another region), or is not a real date; and
// account changes that would leave a user unable to work. Each is refused with its own status
// and a Chinese message, and nothing stored changes: before these checks, several reached the
// database's foreign keys and answered 500, others stored a round nobody could file for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '@jixiao/db/testing';
import { createWorld, fixtureBody, login } from './testing/harness.ts';
import type { Client, World } from './testing/harness.ts';
import { storedData } from './testing/stored-data.ts';

type Who = 'admin' | 'reviewer' | 'filer-a';

interface Case {
  what: string;
  who: Who;
  method: 'POST' | 'PUT' | 'PATCH';
  url: string;
  body: unknown;
  status: number;
  /** Words the message (or one of its issues) must hold. */
  says: string;
}

function cases(world: World, users: Record<string, string>): Case[] {
  const { departments, regions, evaluations } = world;
  const round = { year: 2025, kind: 'department', rulebookId: 'hunan-department' };
  const monitoring = { year: 2025, asOf: '2025-06-30', deadline: '2025-07-10' };
  return [
    {
      what: 'a department under a parent that does not exist',
      who: 'admin',
      method: 'POST',
      url: '/api/departments',
      body: { code: 'N1', name: '新单位', regionId: regions.r1, parentId: 'nope' },
      status: 404,
      says: '上级单位不存在',
    },
    {
      what: 'a department under a parent of another region',
      who: 'admin',
      method: 'POST',
      url: '/api/departments',
      body: { code: 'N2', name: '新单位', regionId: regions.r1, parentId: departments.c },
      status: 400,
      says: '同一行政区划',
    },
    {
      what: 'a reviewer of a region that does not exist',
      who: 'admin',
      method: 'POST',
      url: '/api/users',
      body: {
        username: 'new-reviewer',
        password: 'Passw0rd-new1',
        role: 'reviewer',
        regionId: 'nope',
      },
      status: 404,
      says: '行政区划不存在',
    },
    {
      what: 'a round of a region that does not exist',
      who: 'admin',
      method: 'POST',
      url: '/api/rounds',
      body: { ...round, deadline: '2025-06-30', regionId: 'nope' },
      status: 404,
      says: '行政区划不存在',
    },
    ...['2025-02-30', '2025-13-01', '2025-06-30junk', '0000-00-00'].map((deadline): Case => ({
      what: `a round due on ${deadline}`,
      who: 'reviewer',
      method: 'POST',
      url: '/api/rounds',
      body: { ...round, deadline },
      status: 400,
      says: '有效日期',
    })),
    {
      what: 'a round naming a department that does not exist',
      who: 'reviewer',
      method: 'POST',
      url: '/api/rounds',
      body: { ...round, deadline: '2025-06-30', departmentIds: [departments.a, 'nope'] },
      status: 404,
      says: '不存在',
    },
    {
      what: 'a round naming a department of another region',
      who: 'reviewer',
      method: 'POST',
      url: '/api/rounds',
      body: { ...round, deadline: '2025-06-30', departmentIds: [departments.c] },
      status: 400,
      says: '行政区划',
    },
    {
      what: 'a 项目 round with a 部门整体 rulebook',
      who: 'admin',
      method: 'POST',
      url: '/api/rounds',
      body: { ...round, kind: 'project', deadline: '2025-06-30' },
      status: 400,
      says: '类型不一致',
    },
    {
      what: 'a monitoring round of a region that does not exist',
      who: 'admin',
      method: 'POST',
      url: '/api/monitoring/rounds',
      body: { ...monitoring, regionId: 'nope' },
      status: 404,
      says: '行政区划不存在',
    },
    {
      what: 'a monitoring round as of 2025-02-30',
      who: 'reviewer',
      method: 'POST',
      url: '/api/monitoring/rounds',
      body: { ...monitoring, asOf: '2025-02-30' },
      status: 400,
      says: '有效日期',
    },
    {
      what: 'a 项目 evaluation with a 部门整体 rulebook',
      who: 'filer-a',
      method: 'POST',
      url: '/api/evaluations',
      body: {
        departmentId: departments.a,
        year: 2025,
        kind: 'project',
        rulebookId: 'hunan-department',
        projectName: '示范项目',
      },
      status: 400,
      says: '类型不一致',
    },
    {
      what: 'a 部门整体 evaluation saved with a 项目 rulebook',
      who: 'filer-a',
      method: 'PUT',
      url: `/api/evaluations/${evaluations.a}`,
      body: { version: 1, body: { ...fixtureBody(), rulebookId: 'central-project' } },
      status: 400,
      says: '类型不一致',
    },
    {
      what: 'an administrator disabling themself',
      who: 'admin',
      method: 'PATCH',
      url: `/api/users/${users['admin'] ?? ''}`,
      body: { disabled: true },
      status: 400,
      says: '不能停用自己',
    },
    {
      what: 'an administrator giving up their own role',
      who: 'admin',
      method: 'PATCH',
      url: `/api/users/${users['admin'] ?? ''}`,
      body: { role: 'reviewer' },
      status: 400,
      says: '管理员角色',
    },
    {
      what: 'a reviewer (no department) made a 填报人',
      who: 'admin',
      method: 'PATCH',
      url: `/api/users/${users['reviewer'] ?? ''}`,
      body: { role: 'filer' },
      status: 400,
      says: '必须绑定单位',
    },
    {
      what: 'another administrator (no region) made a reviewer',
      who: 'admin',
      method: 'PATCH',
      url: `/api/users/${users['admin-2'] ?? ''}`,
      body: { role: 'reviewer' },
      status: 400,
      says: '必须绑定行政区划',
    },
  ];
}

describe.each(TEST_DIALECTS)('requests naming what does not exist or fit on %s', (dialect) => {
  let world: World;
  const clients = {} as Record<Who, Client>;
  const users: Record<string, string> = {};
  beforeAll(async () => {
    world = await createWorld(dialect, { worker: false });
    for (const who of ['admin', 'reviewer', 'filer-a'] as const)
      clients[who] = await login(world.app, who);
    const second = await clients.admin.post('/api/users', {
      username: 'admin-2',
      password: 'Passw0rd-admin2',
      role: 'admin',
    });
    expect(second.statusCode).toBe(201);
    const list = await clients.admin.get('/api/users');
    for (const u of list.json<{ items: { id: string; username: string }[] }>().items)
      users[u.username] = u.id;
  }, 120_000);
  afterAll(async () => world.close());

  it('refuses each with its status and a Chinese message, and stores nothing', async () => {
    const before = await storedData(world.store);
    const wrong: string[] = [];
    for (const c of cases(world, users)) {
      const res = await clients[c.who].request(c.method, c.url, c.body);
      // The refusal's message, and those of its issues when the request's shape was refused.
      const error =
        res.statusCode >= 400
          ? res.json<{ error: { message: string; details: { issues?: { message: string }[] } } }>()
              .error
          : undefined;
      const message = [error?.message, ...(error?.details.issues ?? []).map((i) => i.message)].join(
        ' ',
      );
      if (res.statusCode !== c.status || !message.includes(c.says))
        wrong.push(`${c.what}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    }
    expect(wrong).toEqual([]);
    expect(await storedData(world.store)).toEqual(before);
  });

  it('stores a round’s departments once each, and opens rounds due on real dates', async () => {
    const { departments } = world;
    const res = await clients.reviewer.post('/api/rounds', {
      year: 2026,
      kind: 'department',
      rulebookId: 'hunan-department',
      deadline: '2026-02-28',
      departmentIds: [departments.a, departments.b, departments.a],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json<{ departmentIds: string[] }>().departmentIds).toEqual([
      departments.a,
      departments.b,
    ]);
    const progress = await clients.reviewer.get(
      `/api/rounds/${res.json<{ id: string }>().id}/progress`,
    );
    expect(progress.json<{ items: unknown[] }>().items).toHaveLength(2);
  });
});
