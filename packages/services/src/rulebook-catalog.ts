import type { Rulebook } from '@jixiao/domain';
import { Rulebook as RulebookSchema, parseRulebook } from '@jixiao/domain';
import { isUniqueViolation } from '@jixiao/db';
import type { ServiceContext } from './context.ts';
import { nowIso } from './context.ts';
import type { Actor } from './actor.ts';
import { ServiceError } from './errors.ts';
import { builtinRulebooks, findRulebook } from './rulebooks/builtin.ts';
import { requireRole } from './directory.ts';
import { recordAudit } from './audit-log.ts';

export interface RulebookSummary {
  id: string;
  name: string;
  kind: string;
  jurisdiction: string;
  confirmed: boolean;
  version: string;
  builtin: boolean;
}

// Parsed rulebooks stored in the database, per context; refreshed when older than a few seconds so
// a version added on another server process is seen soon.
const CACHE_MS = 5000;
const cache = new WeakMap<ServiceContext, { at: number; books: Map<string, Rulebook> }>();

async function storedRulebooks(ctx: ServiceContext): Promise<Map<string, Rulebook>> {
  const hit = cache.get(ctx);
  const now = Date.now();
  if (hit !== undefined && now - hit.at < CACHE_MS) return hit.books;
  const rows = await ctx.db
    .selectFrom('rulebooks')
    .select(['id', 'body', 'created_at'])
    .orderBy('created_at')
    .execute();
  const books = new Map<string, Rulebook>();
  for (const row of rows) books.set(row.id, RulebookSchema.parse(JSON.parse(row.body)));
  cache.set(ctx, { at: now, books });
  return books;
}

/** The rulebook with this id: the newest version an admin added, else the built-in one. */
export async function getRulebook(ctx: ServiceContext, id: string): Promise<Rulebook> {
  const stored = (await storedRulebooks(ctx)).get(id);
  const book = stored ?? findRulebook(id);
  if (book === undefined)
    throw new ServiceError('NOT_FOUND', `评价指标体系 ${id} 不存在`, { rulebookId: id });
  return book;
}

export async function listRulebooks(ctx: ServiceContext): Promise<RulebookSummary[]> {
  const stored = await storedRulebooks(ctx);
  const out = new Map<string, RulebookSummary>();
  for (const book of builtinRulebooks()) out.set(book.id, summary(book, true));
  for (const book of stored.values()) out.set(book.id, summary(book, false));
  return [...out.values()];
}

function summary(book: Rulebook, builtin: boolean): RulebookSummary {
  return {
    id: book.id,
    name: book.name,
    kind: book.kind,
    jurisdiction: book.jurisdiction,
    confirmed: book.confirmed,
    version: book.version,
    builtin,
  };
}

/** An admin adds a rulebook (or a new version of one); validated before it is stored. */
export async function addRulebook(
  ctx: ServiceContext,
  actor: Actor,
  json: unknown,
): Promise<Rulebook> {
  requireRole(actor, ['admin']);
  const result = parseRulebook(json);
  if (!result.ok) {
    throw new ServiceError('RULEBOOK_INVALID', '评价指标体系无效', { issues: result.issues });
  }
  const book = result.rulebook;
  const existing = await ctx.db
    .selectFrom('rulebooks')
    .select('id')
    .where('id', '=', book.id)
    .where('version', '=', book.version)
    .executeTakeFirst();
  const taken = new ServiceError(
    'ALREADY_EXISTS',
    `评价指标体系 ${book.id} 的版本 ${book.version} 已存在`,
  );
  if (existing !== undefined || findRulebook(book.id)?.version === book.version) throw taken;
  await ctx.db
    .insertInto('rulebooks')
    .values({
      id: book.id,
      version: book.version,
      body: JSON.stringify(book),
      created_by: actor.username,
      created_at: nowIso(ctx),
    })
    .execute()
    .catch((error: unknown) => {
      // The same version added by another request a moment ago.
      throw isUniqueViolation(error) ? taken : error;
    });
  cache.delete(ctx);
  await recordAudit(ctx, {
    action: 'rulebook-added',
    actor: actor.username,
    target: `${book.id}@${book.version}`,
  });
  return book;
}
