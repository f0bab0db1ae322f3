import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '@jixiao/db/testing';
import { MAX_ACCOUNT_FAILURES, MAX_FAILURES } from '@jixiao/services';
import { createWorld } from '../testing/harness.ts';
import type { World } from '../testing/harness.ts';

function statusCounts(statuses: number[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

describe.each(TEST_DIALECTS)('login throttling under pressure on %s', (dialect) => {
  let world: World;
  beforeAll(async () => {
    // Behind one reverse proxy: the socket is the proxy, X-Forwarded-For's last entry the client.
    world = await createWorld(dialect, { trustProxy: 1 });
  });
  afterAll(async () => world.close());

  const attempt = (username: string, password: string, forwardedFor?: string) =>
    world.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
      remoteAddress: '127.0.0.1',
      ...(forwardedFor === undefined ? {} : { headers: { 'x-forwarded-for': forwardedFor } }),
    });

  it('checks at most the limit of 100 simultaneous wrong passwords for one account and address', async () => {
    const responses = await Promise.all(
      Array.from({ length: 100 }, () => attempt('filer-a', 'wrong-pass-1', '198.51.100.1')),
    );
    const counts = statusCounts(responses.map((r) => r.statusCode));
    expect(counts[401]).toBeLessThanOrEqual(MAX_FAILURES);
    expect(counts[401]).toBeGreaterThanOrEqual(1);
    expect(counts[429]).toBe(100 - (counts[401] ?? 0));
    const locked = await attempt('filer-a', 'wrong-pass-1', '198.51.100.1');
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('takes the client address from the nearest proxy, not from what the client wrote', async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 12; i += 1) {
      // The client invents a first entry; the proxy appends the address it saw.
      const res = await attempt('head-a', 'wrong-pass-1', `10.9.8.${i}, 203.0.113.7`);
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, MAX_FAILURES)).toEqual(Array(MAX_FAILURES).fill(401));
    expect(statuses.slice(MAX_FAILURES)).toEqual(Array(12 - MAX_FAILURES).fill(429));
    const ips = await world.ctx.db
      .selectFrom('audit_log')
      .select('ip')
      .where('action', '=', 'login-failed')
      .where('target', '=', 'head-a')
      .execute();
    expect(new Set(ips.map((r) => r.ip))).toEqual(new Set(['203.0.113.7']));
  });

  it('throttles an account guessed from many addresses, and only that account', async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 14; i += 1) {
      const res = await attempt('filer-b', 'wrong-pass-1', `203.0.113.${100 + i}`);
      statuses.push(res.statusCode);
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(MAX_ACCOUNT_FAILURES);
    expect(statuses.slice(MAX_ACCOUNT_FAILURES)).toEqual(
      Array(14 - MAX_ACCOUNT_FAILURES).fill(429),
    );
    const other = await attempt('head-b', 'wrong-pass-1', '203.0.113.201');
    expect(other.statusCode).toBe(401);
  });

  it('counts simultaneous guesses from many addresses against the account limit', async () => {
    const responses = await Promise.all(
      Array.from({ length: 60 }, (_, i) => attempt('filer-c', 'wrong-pass-1', `192.0.2.${i + 1}`)),
    );
    const counts = statusCounts(responses.map((r) => r.statusCode));
    expect(counts[401]).toBeLessThanOrEqual(MAX_ACCOUNT_FAILURES);
    expect(counts[429]).toBe(60 - (counts[401] ?? 0));
  });

  it('spends as long refusing an unknown or disabled user as a wrong password', async () => {
    await world.ctx.db
      .updateTable('users')
      .set({ disabled: 1 })
      .where('username', '=', 'head-c')
      .execute();
    // The three kinds are tried in turn, round by round, so drift on a shared machine falls on
    // all three alike; each is then taken at its median.
    const names = ['reviewer', 'nobody-here', 'head-c'] as const;
    const times: number[][] = names.map(() => []);
    for (let round = 0; round < 7; round += 1) {
      for (const [k, username] of names.entries()) {
        const started = performance.now();
        const res = await attempt(username, 'wrong-pass-1', `198.18.${k + 1}.${round + 1}`);
        times[k]?.push(performance.now() - started);
        expect(res.statusCode).toBe(401);
      }
    }
    const [wrong = 0, unknown = 0, disabled = 0] = times.map(
      (list) => [...list].sort((a, b) => a - b)[3] ?? 0,
    );
    // One scrypt (about 30 ms) against a lookup (about 2 ms): a quarter is far from either.
    expect(unknown).toBeGreaterThan(wrong / 4);
    expect(disabled).toBeGreaterThan(wrong / 4);
  });
});
