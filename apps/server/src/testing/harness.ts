import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse as LightResponse } from 'fastify';
import { openStore } from '@jixiao/db';
import type { DatabaseTarget, DialectName, Store } from '@jixiao/db';
import { createTestDatabase } from '@jixiao/db/testing';
import type { TestDatabase } from '@jixiao/db/testing';
import {
  createContext,
  createDepartment,
  createEvaluation,
  createRegion,
  createUser,
  loadActor,
} from '@jixiao/services';
import type { ServiceContext } from '@jixiao/services';
import { DepartmentEvaluation, targetTree } from '@jixiao/domain';
import { buildApp } from '../app.ts';
import type { AppOptions } from '../app.ts';
import { REPO_ROOT } from '../start-server.ts';

export const PASSWORD = 'Passw0rd-test';

/** A clean department evaluation every test may start from. */
export function fixtureBody(name = 'clean-hunan-department.json'): Record<string, unknown> {
  return JSON.parse(
    readFileSync(join(REPO_ROOT, 'fixtures', 'evaluations', name), 'utf8'),
  ) as Record<string, unknown>;
}

/**
 * Two regions; region 1 has departments A and B, region 2 has C. Accounts: admin, reviewer (region 1),
 * reviewer-2 (region 2), filer-a, head-a, filer-b, head-b, filer-c, head-c. One draft per department.
 */
export interface World {
  dialect: DialectName;
  target: DatabaseTarget;
  app: FastifyInstance;
  ctx: ServiceContext;
  store: Store;
  regions: { r1: string; r2: string };
  departments: { a: string; b: string; c: string };
  evaluations: { a: string; b: string; c: string };
  close(): Promise<void>;
}

export async function createWorld(
  dialect: DialectName,
  options: Partial<AppOptions> = {},
): Promise<World> {
  const testDb: TestDatabase = await createTestDatabase(dialect);
  const store = await openStore(testDb.target);
  const ctx = createContext(store);
  const r1 = await createRegion(ctx, { name: '示范市', financeBureau: '示范市财政局' });
  const r2 = await createRegion(ctx, { name: '邻近县', financeBureau: '邻近县财政局' });
  const a = await createDepartment(ctx, null, { code: 'A', name: '甲单位', regionId: r1.id });
  const b = await createDepartment(ctx, null, { code: 'B', name: '乙单位', regionId: r1.id });
  const c = await createDepartment(ctx, null, { code: 'C', name: '丙单位', regionId: r2.id });
  const users = await Promise.all([
    createUser(ctx, null, { username: 'admin', password: PASSWORD, role: 'admin' }),
    createUser(ctx, null, {
      username: 'reviewer',
      password: PASSWORD,
      role: 'reviewer',
      regionId: r1.id,
    }),
    createUser(ctx, null, {
      username: 'reviewer-2',
      password: PASSWORD,
      role: 'reviewer',
      regionId: r2.id,
    }),
    ...(['a', 'b', 'c'] as const).flatMap((code) => {
      const departmentId = { a: a.id, b: b.id, c: c.id }[code];
      return [
        createUser(ctx, null, {
          username: `filer-${code}`,
          password: PASSWORD,
          role: 'filer',
          departmentId,
        }),
        createUser(ctx, null, {
          username: `head-${code}`,
          password: PASSWORD,
          role: 'head',
          departmentId,
        }),
      ];
    }),
  ]);
  const admin = await loadActor(ctx, users[0]?.id ?? '');
  if (admin === null) throw new Error('admin missing');
  const body = fixtureBody();
  const make = async (departmentId: string) =>
    (
      await createEvaluation(ctx, admin, {
        departmentId,
        year: 2024,
        kind: 'department',
        rulebookId: 'hunan-department',
        body,
      })
    ).id;
  const app = await buildApp({ ctx, worker: true, ...options });
  await app.ready();
  return {
    dialect,
    target: testDb.target,
    app,
    ctx,
    store,
    regions: { r1: r1.id, r2: r2.id },
    departments: { a: a.id, b: b.id, c: c.id },
    evaluations: { a: await make(a.id), b: await make(b.id), c: await make(c.id) },
    async close() {
      await app.close();
      await store.close();
      testDb.dispose();
    },
  };
}

/** light-my-request's response: statusCode, headers, json(), rawPayload. */
export type Response = LightResponse;

/** A signed-in (or anonymous) client over app.inject, carrying the cookie and the CSRF token. */
export class Client {
  constructor(
    readonly app: FastifyInstance,
    readonly cookie: string | null = null,
    readonly csrf: string | null = null,
  ) {}

  async request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    const all: Record<string, string> = { ...headers };
    if (this.cookie !== null) all['cookie'] = this.cookie;
    if (this.csrf !== null && method !== 'GET') all['x-csrf-token'] = this.csrf;
    return this.app.inject({
      method,
      url,
      headers: all,
      ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
    });
  }
  get(url: string, headers: Record<string, string> = {}) {
    return this.request('GET', url, undefined, headers);
  }
  post(url: string, payload: unknown = {}) {
    return this.request('POST', url, payload);
  }
  put(url: string, payload: unknown) {
    return this.request('PUT', url, payload);
  }
  patch(url: string, payload: unknown) {
    return this.request('PATCH', url, payload);
  }

  /** multipart/form-data with the given files under the field "file". */
  async upload(
    url: string,
    files: { name: string; bytes: Uint8Array | string }[],
  ): Promise<Response> {
    const boundary = `----jixiao${Date.now()}`;
    const parts: Buffer[] = [];
    for (const file of files) {
      parts.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
        ),
        Buffer.from(file.bytes),
        Buffer.from('\r\n'),
      );
    }
    parts.push(Buffer.from(`--${boundary}--\r\n`));
    return this.request('POST', url, Buffer.concat(parts), {
      'content-type': `multipart/form-data; boundary=${boundary}`,
    });
  }
}

export async function login(
  app: FastifyInstance,
  username: string,
  password = PASSWORD,
): Promise<Client> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
  });
  if (res.statusCode !== 200)
    throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'jixiao_session');
  const body = res.json<{ csrfToken: string }>();
  return new Client(app, `jixiao_session=${cookie?.value ?? ''}`, body.csrfToken);
}

/**
 * A department's 绩效目标 body built from the clean evaluation (its tree, 年度指标值 and weights,
 * without actuals or scores), with a budget of 1000 万元.
 */
export function targetBody(): Record<string, unknown> {
  const evaluation = DepartmentEvaluation.parse(fixtureBody());
  return {
    kind: 'department',
    rulebookId: 'hunan-department',
    unitName: evaluation.meta.unitName,
    year: 2025,
    budget: { total: { fen: 1_000_000_000, unit: '万元', text: '1000.00' } },
    overallGoal: '按时完成各项统计调查，提高统计数据质量和服务水平。',
    indicators: targetTree(evaluation.indicators),
  };
}
