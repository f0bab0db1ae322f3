import { isUniqueViolation, sql } from '@jixiao/db';
import type { UserRole } from '@jixiao/db';
import type { ServiceContext } from './context.ts';
import { nowIso } from './context.ts';
import type { Actor } from './actor.ts';
import { ServiceError, forbidden, notFound } from './errors.ts';
import { checkPasswordPolicy, hashPassword } from './passwords.ts';
import { recordAudit } from './audit-log.ts';
import { forgetSessions } from './auth.ts';

export interface Region {
  id: string;
  name: string;
  financeBureau: string;
}

export interface Department {
  id: string;
  code: string;
  name: string;
  regionId: string;
  regionName: string;
  parentId: string | null;
}

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  role: UserRole;
  departmentId: string | null;
  departmentName: string | null;
  regionId: string | null;
  disabled: boolean;
}

export function requireRole(actor: Actor, roles: readonly UserRole[]): void {
  if (!roles.includes(actor.role)) throw forbidden('当前角色无权执行此操作');
}

export async function createRegion(
  ctx: ServiceContext,
  input: { name: string; financeBureau: string },
): Promise<Region> {
  const id = ctx.newId();
  await ctx.db
    .insertInto('regions')
    .values({ id, name: input.name, finance_bureau: input.financeBureau, created_at: nowIso(ctx) })
    .execute();
  return { id, ...input };
}

/** Refuses a region id that names no region (a 404 rather than the database's foreign-key error). */
export async function requireRegion(ctx: ServiceContext, id: string): Promise<void> {
  const row = await ctx.db
    .selectFrom('regions')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  if (row === undefined) throw notFound('行政区划');
}

export async function listRegions(ctx: ServiceContext): Promise<Region[]> {
  const rows = await ctx.db.selectFrom('regions').selectAll().orderBy('name').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, financeBureau: r.finance_bureau }));
}

/** Departments the actor may see: admin all, reviewer their region, others their own. */
export async function listDepartments(ctx: ServiceContext, actor: Actor): Promise<Department[]> {
  let query = ctx.db
    .selectFrom('departments as d')
    .innerJoin('regions as r', 'r.id', 'd.region_id')
    .select(['d.id', 'd.code', 'd.name', 'd.region_id', 'r.name as region_name', 'd.parent_id'])
    .orderBy('d.code');
  if (actor.role === 'reviewer') query = query.where('d.region_id', '=', actor.regionId ?? '');
  else if (actor.role !== 'admin') query = query.where('d.id', '=', actor.departmentId ?? '');
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    regionId: r.region_id,
    regionName: r.region_name,
    parentId: r.parent_id,
  }));
}

export async function createDepartment(
  ctx: ServiceContext,
  actor: Actor | null,
  input: { code: string; name: string; regionId: string; parentId?: string | null | undefined },
): Promise<Department> {
  if (actor !== null) requireRole(actor, ['admin']);
  const region = await ctx.db
    .selectFrom('regions')
    .select('name')
    .where('id', '=', input.regionId)
    .executeTakeFirst();
  if (region === undefined) throw notFound('行政区划');
  const existing = await ctx.db
    .selectFrom('departments')
    .select('id')
    .where('code', '=', input.code)
    .executeTakeFirst();
  if (existing !== undefined)
    throw new ServiceError('ALREADY_EXISTS', `单位编码 ${input.code} 已存在`);
  if (input.parentId !== undefined && input.parentId !== null) {
    const parent = await ctx.db
      .selectFrom('departments')
      .select('region_id')
      .where('id', '=', input.parentId)
      .executeTakeFirst();
    if (parent === undefined) throw notFound('上级单位');
    if (parent.region_id !== input.regionId)
      throw new ServiceError('VALIDATION_FAILED', '上级单位应与本单位属于同一行政区划');
  }
  const id = ctx.newId();
  await ctx.db
    .insertInto('departments')
    .values({
      id,
      code: input.code,
      name: input.name,
      region_id: input.regionId,
      parent_id: input.parentId ?? null,
      created_at: nowIso(ctx),
    })
    .execute()
    .catch((error: unknown) => {
      // Another request added the same code a moment ago.
      throw isUniqueViolation(error)
        ? new ServiceError('ALREADY_EXISTS', `单位编码 ${input.code} 已存在`)
        : error;
    });
  return {
    id,
    code: input.code,
    name: input.name,
    regionId: input.regionId,
    regionName: region.name,
    parentId: input.parentId ?? null,
  };
}

export async function findDepartmentByCode(
  ctx: ServiceContext,
  code: string,
): Promise<{ id: string; regionId: string } | null> {
  const row = await ctx.db
    .selectFrom('departments')
    .select(['id', 'region_id'])
    .where('code', '=', code)
    .executeTakeFirst();
  return row === undefined ? null : { id: row.id, regionId: row.region_id };
}

export interface NewUser {
  username: string;
  password: string;
  role: UserRole;
  displayName?: string | undefined;
  departmentId?: string | null | undefined;
  regionId?: string | null | undefined;
  /** False only for demo seeding, whose documented password (jixiao-demo) has no digit. */
  enforcePolicy?: boolean | undefined;
}

/** Creates an account (admin only when an actor is given; the CLI and demo seeding pass null). */
export async function createUser(
  ctx: ServiceContext,
  actor: Actor | null,
  input: NewUser,
): Promise<UserView> {
  if (actor !== null) requireRole(actor, ['admin']);
  if (!/^[A-Za-z0-9._-]{2,64}$/.test(input.username)) {
    throw new ServiceError(
      'VALIDATION_FAILED',
      '用户名只能包含字母、数字、点、下划线和连字符（2–64位）',
    );
  }
  if (input.enforcePolicy !== false) checkPasswordPolicy(input.password);
  const departmentId = input.departmentId ?? null;
  let regionId = input.regionId ?? null;
  if (regionId !== null) await requireRegion(ctx, regionId);
  if ((input.role === 'filer' || input.role === 'head') && departmentId === null) {
    throw new ServiceError('VALIDATION_FAILED', '填报人和单位负责人必须绑定单位');
  }
  if (departmentId !== null) {
    const dept = await ctx.db
      .selectFrom('departments')
      .select('region_id')
      .where('id', '=', departmentId)
      .executeTakeFirst();
    if (dept === undefined) throw notFound('单位');
    regionId ??= dept.region_id;
  }
  if (input.role === 'reviewer' && regionId === null) {
    const only = await ctx.db.selectFrom('regions').select('id').limit(2).execute();
    if (only.length === 1 && only[0] !== undefined) regionId = only[0].id;
    else throw new ServiceError('VALIDATION_FAILED', '审核人必须绑定行政区划');
  }
  // Unique whatever the case (the index on lower(username) holds it against a concurrent insert).
  const existing = await ctx.db
    .selectFrom('users')
    .select('id')
    .where(sql<string>`lower(username)`, '=', input.username.toLowerCase())
    .executeTakeFirst();
  const taken = new ServiceError(
    'ALREADY_EXISTS',
    `用户名 ${input.username} 已存在（不区分大小写）`,
  );
  if (existing !== undefined) throw taken;
  const id = ctx.newId();
  const passwordHash = await hashPassword(input.password);
  await ctx.db
    .insertInto('users')
    .values({
      id,
      username: input.username,
      display_name: input.displayName ?? input.username,
      role: input.role,
      department_id: departmentId,
      region_id: input.role === 'reviewer' || input.role === 'admin' ? regionId : null,
      password_hash: passwordHash,
      disabled: 0,
      created_at: nowIso(ctx),
    })
    .execute()
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? taken : error;
    });
  await recordAudit(ctx, {
    action: 'user-created',
    actor: actor?.username ?? null,
    target: input.username,
  });
  return getUser(ctx, id);
}

export async function getUser(ctx: ServiceContext, id: string): Promise<UserView> {
  const row = await ctx.db
    .selectFrom('users as u')
    .leftJoin('departments as d', 'd.id', 'u.department_id')
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.role',
      'u.department_id',
      'd.name as department_name',
      'u.region_id',
      'd.region_id as dept_region',
      'u.disabled',
    ])
    .where('u.id', '=', id)
    .executeTakeFirst();
  if (row === undefined) throw notFound('用户');
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    departmentId: row.department_id,
    departmentName: row.department_name,
    regionId: row.region_id ?? row.dept_region,
    disabled: row.disabled !== 0,
  };
}

export async function listUsers(ctx: ServiceContext, actor: Actor): Promise<UserView[]> {
  requireRole(actor, ['admin']);
  const rows = await ctx.db.selectFrom('users').select('id').orderBy('username').execute();
  return Promise.all(rows.map((r) => getUser(ctx, r.id)));
}

export async function updateUser(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  patch: {
    disabled?: boolean | undefined;
    password?: string | undefined;
    displayName?: string | undefined;
    role?: UserRole | undefined;
    /** Ends a lock-out after failed logins (every address's count for this account). */
    unlock?: boolean | undefined;
  },
): Promise<UserView> {
  requireRole(actor, ['admin']);
  const user = await getUser(ctx, id);
  // An administrator who disabled or demoted themself would be locked out of this very page.
  if (id === actor.id && (patch.disabled === true || (patch.role ?? 'admin') !== 'admin'))
    throw new ServiceError('VALIDATION_FAILED', '不能停用自己的账号，也不能取消自己的管理员角色');
  if ((patch.role === 'filer' || patch.role === 'head') && user.departmentId === null)
    throw new ServiceError('VALIDATION_FAILED', '填报人和单位负责人必须绑定单位');
  if (patch.role === 'reviewer' && user.regionId === null)
    throw new ServiceError('VALIDATION_FAILED', '审核人必须绑定行政区划');
  if (patch.unlock === true) {
    const prefix = `${user.username.replace(/[\\%_]/g, (c) => `\\${c}`)}|%`;
    await ctx.db
      .deleteFrom('login_attempts')
      .where(sql<boolean>`key like ${prefix} escape '\\'`)
      .execute();
  }
  const set: { disabled?: number; password_hash?: string; display_name?: string; role?: UserRole } =
    {};
  if (patch.disabled !== undefined) set.disabled = patch.disabled ? 1 : 0;
  if (patch.displayName !== undefined) set.display_name = patch.displayName;
  if (patch.role !== undefined) set.role = patch.role;
  if (patch.password !== undefined) {
    checkPasswordPolicy(patch.password);
    set.password_hash = await hashPassword(patch.password);
  }
  if (Object.keys(set).length > 0)
    await ctx.db.updateTable('users').set(set).where('id', '=', id).execute();
  if (patch.disabled === true || patch.password !== undefined) {
    await ctx.db.deleteFrom('sessions').where('user_id', '=', id).execute();
  }
  // A role, name or access change applies to this user's next request on this process.
  forgetSessions(ctx, id);
  await recordAudit(ctx, {
    action: 'user-changed',
    actor: actor.username,
    target: id,
    details: { fields: Object.keys(patch) },
  });
  return getUser(ctx, id);
}

/** People's names for log-in names (timelines show who, not the account); unknown ones as given. */
export async function displayNames(
  ctx: ServiceContext,
  usernames: readonly string[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(usernames)];
  if (wanted.length === 0) return new Map();
  const rows = await ctx.db
    .selectFrom('users')
    .select(['username', 'display_name'])
    .where('username', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.username, r.display_name]));
}
