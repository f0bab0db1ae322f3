import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '@jixiao/db/testing';
import { MAX_FAILURES } from '@jixiao/services';
import { Client, PASSWORD, createWorld, login } from '../testing/harness.ts';
import type { World } from '../testing/harness.ts';

describe.each(TEST_DIALECTS)('accounts and sessions on %s', (dialect) => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld(dialect);
  });
  afterAll(async () => world.close());

  it('logs in with an httpOnly SameSite=Lax cookie and returns the user and a CSRF token', async () => {
    const res = await world.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'filer-a', password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      user: { username: 'filer-a', role: 'filer', departmentName: '甲单位', regionName: '示范市' },
      csrfToken: expect.any(String),
    });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/jixiao_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const session = await world.ctx.db.selectFrom('sessions').select('id').execute();
    expect(session.every((s) => !cookie.includes(s.id))).toBe(true);
  });

  it('GET /api/me answers 401 without a session, the user with one', async () => {
    const anonymous = await new Client(world.app).get('/api/me');
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error).toMatchObject({ code: 'AUTH_REQUIRED', message: '请先登录' });
    const client = await login(world.app, 'reviewer');
    const me = (await client.get('/api/me')).json();
    expect(me.user).toMatchObject({
      username: 'reviewer',
      role: 'reviewer',
      departmentId: null,
      regionName: '示范市',
    });
    expect(me.csrfToken).toBe(client.csrf);
  });

  it('refuses a wrong password with one message for unknown users and bad passwords', async () => {
    const wrong = await world.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'head-a', password: 'nope-nope-1' },
    });
    const unknown = await world.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'ghost', password: 'nope-nope-1' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error).toEqual(unknown.json().error);
    expect(wrong.json().error.message).toBe('用户名或密码错误');
  });

  it('throttles repeated failures per username and IP, even for the right password, and logs them', async () => {
    const attempt = (password: string, ip = '10.0.0.9') =>
      world.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'head-b', password },
        remoteAddress: ip,
      });
    for (let i = 0; i < MAX_FAILURES; i += 1)
      expect((await attempt('wrong-pass-1')).statusCode).toBe(401);
    const locked = await attempt(PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('LOGIN_THROTTLED');
    expect(locked.headers['retry-after']).toBeDefined();
    expect((await attempt(PASSWORD, '10.0.0.10')).statusCode).toBe(200);
    const failures = await world.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'login-failed')
      .where('target', '=', 'head-b')
      .execute();
    expect(failures.length).toBeGreaterThanOrEqual(MAX_FAILURES);
  });

  it('requires the CSRF header on every state-changing request except login', async () => {
    const client = await login(world.app, 'filer-a');
    const without = new Client(world.app, client.cookie, null);
    const res = await without.post('/api/evaluate', { body: {} });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_INVALID');
    const forged = new Client(world.app, client.cookie, 'forged');
    expect(
      (await forged.put(`/api/evaluations/${world.evaluations.a}`, { version: 1, body: {} }))
        .statusCode,
    ).toBe(403);
    expect((await without.get('/api/me')).statusCode).toBe(200);
  });

  it('logs out: the session is gone from the database', async () => {
    const client = await login(world.app, 'filer-b');
    expect((await client.post('/api/auth/logout')).json()).toEqual({ ok: true });
    expect((await client.get('/api/me')).statusCode).toBe(401);
  });

  it('lets the admin add, disable and reset users with the password policy', async () => {
    const admin = await login(world.app, 'admin');
    const weak = await admin.post('/api/users', {
      username: 'newbie',
      password: 'onlyletters',
      role: 'filer',
      departmentId: world.departments.a,
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error).toMatchObject({
      code: 'PASSWORD_POLICY',
      message: expect.stringContaining('至少10位'),
    });
    const created = await admin.post('/api/users', {
      username: 'newbie',
      password: 'Letters123x',
      role: 'filer',
      departmentId: world.departments.a,
    });
    expect(created.statusCode).toBe(201);
    const dup = await admin.post('/api/users', {
      username: 'newbie',
      password: 'Letters123x',
      role: 'filer',
      departmentId: world.departments.a,
    });
    expect(dup.statusCode).toBe(409);
    const newbie = await login(world.app, 'newbie', 'Letters123x');
    await admin.patch(`/api/users/${created.json().id}`, { disabled: true });
    expect((await newbie.get('/api/me')).statusCode).toBe(401);
    const refused = await world.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'newbie', password: 'Letters123x' },
    });
    expect(refused.statusCode).toBe(401);
    await admin.patch(`/api/users/${created.json().id}`, {
      disabled: false,
      password: 'Another456y',
    });
    await login(world.app, 'newbie', 'Another456y');
    const users: { username: string }[] = (await admin.get('/api/users')).json().items;
    expect(users.map((u) => u.username)).toContain('newbie');
  });

  it('keeps the audit log append-only', async () => {
    await expect(world.ctx.db.deleteFrom('audit_log').execute()).rejects.toThrow();
    const logins = await world.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'login')
      .execute();
    expect(logins.length).toBeGreaterThan(3);
  });
});
