import { sql } from '@jixiao/db';
import type { ServiceContext } from './context.ts';
import { nowIso } from './context.ts';
import type { Actor } from './actor.ts';
import { ServiceError } from './errors.ts';
import { newToken, sha256Hex, verifyPassword } from './passwords.ts';
import { recordAudit } from './audit-log.ts';

/**
 * Throttling: 5 failures within 15 minutes lock a username + address for 15 minutes, and 10 lock
 * the username from every address (a guesser with many addresses). An attempt is counted before
 * its password is checked, so simultaneous attempts cannot all pass the limit.
 */
export const MAX_FAILURES = 5;
export const MAX_ACCOUNT_FAILURES = 10;
const WINDOW_MS = 15 * 60 * 1000;
const LOCK_MS = 15 * 60 * 1000;
const SESSION_MS = 12 * 60 * 60 * 1000;

export interface LoginResult {
  token: string;
  csrfToken: string;
  actor: Actor;
}

function actorQuery(ctx: ServiceContext) {
  return ctx.db
    .selectFrom('users as u')
    .leftJoin('departments as d', 'd.id', 'u.department_id')
    .leftJoin('regions as r', (join) =>
      join.on((eb) => eb('r.id', '=', eb.fn.coalesce('u.region_id', 'd.region_id'))),
    )
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.role',
      'u.disabled',
      'u.department_id',
      'd.name as department_name',
      'r.id as region_id',
      'r.name as region_name',
    ]);
}

type ActorRow = Awaited<ReturnType<ReturnType<typeof actorQuery>['executeTakeFirstOrThrow']>>;

function toActor(row: ActorRow | undefined): Actor | null {
  if (row === undefined || row.disabled !== 0) return null;
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    departmentId: row.department_id,
    departmentName: row.department_name,
    regionId: row.region_id,
    regionName: row.region_name,
  };
}

/** Loads the actor (with names) for a user id; null when disabled or missing. */
export async function loadActor(ctx: ServiceContext, userId: string): Promise<Actor | null> {
  return toActor(await actorQuery(ctx).where('u.id', '=', userId).executeTakeFirst());
}

// Checked in place of a missing or disabled user's hash, so that every refusal costs one scrypt:
// the time of an answer does not tell which usernames exist. It matches no password.
const UNMATCHABLE_HASH = `scrypt$16384$${'A'.repeat(22)}==$${'A'.repeat(43)}=`;

/** Checks the password, throttling failures per username + IP and per username; creates a session. */
export async function login(
  ctx: ServiceContext,
  input: { username: string; password: string; ip: string },
): Promise<LoginResult> {
  const username = input.username.toLowerCase();
  const addressKey = `${username}|${input.ip}`;
  const accountKey = `${username}|*`;
  const now = ctx.now();
  const refused =
    (await reserveAttempt(ctx, addressKey, MAX_FAILURES, now)) ??
    (await reserveAttempt(ctx, accountKey, MAX_ACCOUNT_FAILURES, now));
  if (refused !== null) {
    await recordAudit(ctx, {
      action: 'login-failed',
      target: input.username,
      ip: input.ip,
      details: { throttled: true },
    });
    throw new ServiceError('LOGIN_THROTTLED', '登录失败次数过多，请15分钟后再试', {
      retryAfterSeconds: refused.retryAfterSeconds,
    });
  }
  const user = await ctx.db
    .selectFrom('users')
    .select(['id', 'password_hash', 'disabled'])
    .where(sql<string>`lower(username)`, '=', username)
    .executeTakeFirst();
  const matches = await verifyPassword(input.password, user?.password_hash ?? UNMATCHABLE_HASH);
  if (!matches || user === undefined || user.disabled !== 0) {
    await recordAudit(ctx, { action: 'login-failed', target: input.username, ip: input.ip });
    throw new ServiceError('LOGIN_FAILED', '用户名或密码错误');
  }
  await releaseAttempts(ctx, addressKey, accountKey);
  const actor = await loadActor(ctx, user.id);
  if (actor === null) throw new ServiceError('LOGIN_FAILED', '用户名或密码错误');
  const token = newToken();
  const csrfToken = newToken();
  await ctx.db
    .insertInto('sessions')
    .values({
      id: sha256Hex(token),
      user_id: user.id,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_MS).toISOString(),
    })
    .execute();
  await recordAudit(ctx, { action: 'login', actor: actor.username, ip: input.ip });
  return { token, csrfToken, actor };
}

/**
 * Counts an attempt under a key in one atomic statement (an upsert that adds one, or starts a new
 * window once the last one and its lock have passed) and locks the key when the count reaches the
 * limit. Null when the attempt may go on; else the seconds until the lock ends.
 */
async function reserveAttempt(
  ctx: ServiceContext,
  key: string,
  limit: number,
  now: Date,
): Promise<{ retryAfterSeconds: number } | null> {
  const nowIsoText = now.toISOString();
  const windowStart = new Date(now.getTime() - WINDOW_MS).toISOString();
  const lockUntil = new Date(now.getTime() + LOCK_MS).toISOString();
  const expired = sql<boolean>`(login_attempts.first_failure_at < ${windowStart} and (login_attempts.locked_until is null or login_attempts.locked_until <= ${nowIsoText}))`;
  const row = await ctx.db
    .insertInto('login_attempts')
    .values({ key, failures: 1, first_failure_at: nowIsoText, locked_until: null })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: sql<number>`case when ${expired} then 1 else login_attempts.failures + 1 end`,
        first_failure_at: sql<string>`case when ${expired} then ${nowIsoText} else login_attempts.first_failure_at end`,
        locked_until: sql<
          string | null
        >`case when ${expired} then null when login_attempts.failures + 1 = ${limit} then ${lockUntil} else login_attempts.locked_until end`,
      }),
    )
    .returning(['failures', 'locked_until'])
    .executeTakeFirstOrThrow();
  if (row.failures <= limit) return null;
  const until = row.locked_until === null ? now.getTime() + LOCK_MS : Date.parse(row.locked_until);
  return { retryAfterSeconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000)) };
}

/** After a successful login: the address starts afresh, the account forgets this attempt only. */
async function releaseAttempts(
  ctx: ServiceContext,
  addressKey: string,
  accountKey: string,
): Promise<void> {
  await ctx.db.deleteFrom('login_attempts').where('key', '=', addressKey).execute();
  await ctx.db
    .updateTable('login_attempts')
    .set({
      failures: sql<number>`failures - 1`,
      locked_until: sql<
        string | null
      >`case when failures - 1 < ${MAX_ACCOUNT_FAILURES} then null else locked_until end`,
    })
    .where('key', '=', accountKey)
    .execute();
}

// Sessions recently read, per context, by token (so a hit costs no hashing). A hit is trusted for
// SESSION_CACHE_MS: logout
// and account changes on this process forget entries at once (forgetSessions); on another process
// (a second server, the CLI) they take effect within SESSION_CACHE_MS. Expiry is checked on every hit.
export const SESSION_CACHE_MS = 2000;
const SESSION_CACHE_LIMIT = 10_000;
interface CachedSession {
  userId: string;
  actor: Actor;
  csrfToken: string;
  /** The session's expiry in ms since the epoch. */
  expiresAt: number;
  readAt: number;
}
const sessionCache = new WeakMap<ServiceContext, Map<string, CachedSession>>();

/** Drops cached sessions of one user (or all): their next request reads the database again. */
export function forgetSessions(ctx: ServiceContext, userId?: string): void {
  const cache = sessionCache.get(ctx);
  if (cache === undefined) return;
  if (userId === undefined) {
    cache.clear();
    return;
  }
  for (const [key, entry] of cache) if (entry.userId === userId) cache.delete(key);
}

export interface SessionInfo {
  actor: Actor;
  csrfToken: string;
}

/**
 * The session behind a token as this process's cache knows it, without waiting: the session, null
 * when the cached one has expired, undefined when the cache cannot tell (ask `sessionFor`).
 */
export function cachedSession(ctx: ServiceContext, token: string): SessionInfo | null | undefined {
  const cache = sessionCache.get(ctx);
  const hit = cache?.get(token);
  if (hit === undefined || Date.now() - hit.readAt >= SESSION_CACHE_MS) return undefined;
  if (hit.expiresAt > ctx.now().getTime()) return { actor: hit.actor, csrfToken: hit.csrfToken };
  cache?.delete(token);
  return null;
}

/** The session behind a cookie token, or null when unknown, expired or its user disabled (one query). */
export async function sessionFor(ctx: ServiceContext, token: string): Promise<SessionInfo | null> {
  const cached = cachedSession(ctx, token);
  if (cached !== undefined) return cached;
  let cache = sessionCache.get(ctx);
  const now = nowIso(ctx);
  const row = await actorQuery(ctx)
    .innerJoin('sessions as s', 's.user_id', 'u.id')
    .select(['s.csrf_token', 's.expires_at'])
    .where('s.id', '=', sha256Hex(token))
    .executeTakeFirst();
  if (row === undefined || row.expires_at <= now) {
    cache?.delete(token);
    return null;
  }
  const actor = toActor(row);
  if (actor === null) {
    cache?.delete(token);
    return null;
  }
  if (cache === undefined) {
    cache = new Map();
    sessionCache.set(ctx, cache);
  }
  if (cache.size >= SESSION_CACHE_LIMIT) cache.clear();
  cache.set(token, {
    userId: actor.id,
    actor,
    csrfToken: row.csrf_token,
    expiresAt: Date.parse(row.expires_at),
    readAt: Date.now(),
  });
  return { actor, csrfToken: row.csrf_token };
}

export async function logout(ctx: ServiceContext, token: string, actor: Actor): Promise<void> {
  sessionCache.get(ctx)?.delete(token);
  await ctx.db.deleteFrom('sessions').where('id', '=', sha256Hex(token)).execute();
  sessionCache.get(ctx)?.delete(token);
  await recordAudit(ctx, { action: 'logout', actor: actor.username });
}
