import type { IndicatorNode } from '@jixiao/domain';
import type { ServiceContext } from '../context.ts';
import { nowIso } from '../context.ts';
import type { Actor } from '../actor.ts';
import { assertEdit, assertSee } from '../access.ts';
import { ServiceError, notFound } from '../errors.ts';
import { recordAudit } from '../audit-log.ts';
import { cleanFileName } from '../file-name.ts';
import { sha256Hex } from '../passwords.ts';
import { currentBody, parseStoredBody } from '../evaluation-record.ts';
import { inspectAttachment } from './attachment-file.ts';
import type { AttachmentKind } from './attachment-file.ts';

/** Files one evaluation may carry, and their bytes together. */
export const ATTACHMENTS_PER_EVALUATION = 50;
export const ATTACHMENT_BYTES_PER_EVALUATION = 200 * 1024 * 1024;

/**
 * The indicator a file supports: its groups' names from the top of the tree and its own, so the
 * tie survives rows inserted, removed or reordered around it.
 */
export type IndicatorRef = readonly string[];

/** A supporting document as lists show it (no bytes, no log-in names). */
export interface AttachmentInfo {
  id: string;
  evaluationId: string;
  indicator: IndicatorRef | null;
  fileName: string;
  kind: AttachmentKind;
  size: number;
  public: boolean;
  uploadedByName: string;
  uploadedAt: string;
}

/** Statuses in which the unit may add, change and remove its files: while it may edit. */
const EDITABLE = new Set(['draft', 'returned']);

const LOCKED: Record<string, string> = {
  submitted: '自评已提交审核，不能再增删或修改证明材料',
  approved: '自评已审核通过，不能再增删或修改证明材料',
  published: '自评已公开，不能再增删或修改证明材料',
};

async function owner(ctx: ServiceContext, evaluationId: string) {
  const row = await ctx.db
    .selectFrom('evaluations as e')
    .innerJoin('departments as d', 'd.id', 'e.department_id')
    .select(['e.id', 'e.status', 'e.department_id', 'd.region_id'])
    .where('e.id', '=', evaluationId)
    .executeTakeFirst();
  if (row === undefined) throw notFound('自评');
  return row;
}

function assertEditable(status: string): void {
  if (!EDITABLE.has(status))
    throw new ServiceError('EVALUATION_LOCKED', LOCKED[status] ?? '自评当前不能修改', { status });
}

function parseIndicator(text: string | null): IndicatorRef | null {
  if (text === null) return null;
  const parsed: unknown = JSON.parse(text);
  if (!Array.isArray(parsed)) return null;
  const names: unknown[] = parsed;
  return names.every((n): n is string => typeof n === 'string') ? names : null;
}

function listQuery(ctx: ServiceContext) {
  return ctx.db
    .selectFrom('attachments as a')
    .leftJoin('users as u', 'u.username', 'a.uploaded_by')
    .select([
      'a.id',
      'a.evaluation_id',
      'a.indicator',
      'a.file_name',
      'a.kind',
      'a.size',
      'a.is_public',
      'a.uploaded_at',
      'u.display_name',
    ]);
}

type ListRow = Awaited<ReturnType<ReturnType<typeof listQuery>['executeTakeFirstOrThrow']>>;

function toInfo(r: ListRow): AttachmentInfo {
  return {
    id: r.id,
    evaluationId: r.evaluation_id,
    indicator: parseIndicator(r.indicator),
    fileName: r.file_name,
    kind: r.kind as AttachmentKind,
    size: r.size,
    public: r.is_public === 1,
    // The person's name; a gone account shows as such rather than by its log-in name.
    uploadedByName: r.display_name ?? '（已删除的用户）',
    uploadedAt: r.uploaded_at,
  };
}

/** The supporting documents of an evaluation the actor may see, oldest first. */
export async function listAttachments(
  ctx: ServiceContext,
  actor: Actor,
  evaluationId: string,
): Promise<AttachmentInfo[]> {
  const row = await owner(ctx, evaluationId);
  assertSee(actor, { departmentId: row.department_id, regionId: row.region_id });
  const rows = await listQuery(ctx)
    .where('a.evaluation_id', '=', evaluationId)
    .orderBy('a.uploaded_at')
    .orderBy('a.id')
    .execute();
  return rows.map(toInfo);
}

function hasIndicator(nodes: readonly IndicatorNode[], names: readonly string[]): boolean {
  const [first, ...rest] = names;
  const node = nodes.find((n) => n.name === first);
  if (node === undefined) return false;
  return rest.length === 0 || hasIndicator(node.children ?? [], rest);
}

/**
 * Adds a supporting document to an evaluation the actor may edit, while it is a draft or
 * returned; checked by `inspectAttachment` (kind, content, size, zip bombs), within the
 * evaluation's limits, tied to an indicator of the current body when one is named; logged.
 */
export async function addAttachment(
  ctx: ServiceContext,
  actor: Actor,
  evaluationId: string,
  input: {
    fileName: string;
    bytes: Uint8Array;
    indicator?: IndicatorRef | null | undefined;
    public?: boolean | undefined;
    ip?: string | null | undefined;
  },
): Promise<AttachmentInfo> {
  const row = await owner(ctx, evaluationId);
  assertEdit(actor, { departmentId: row.department_id, regionId: row.region_id });
  assertEditable(row.status);
  const fileName = cleanFileName(input.fileName);
  const kind = inspectAttachment(fileName, input.bytes);
  const indicator = input.indicator ?? null;
  if (indicator !== null && indicator.length === 0)
    throw new ServiceError('BAD_REQUEST', '请选择证明材料对应的指标');
  if (indicator !== null) {
    const body = await ctx.db
      .selectFrom('evaluations as e')
      .select(currentBody)
      .where('e.id', '=', evaluationId)
      .executeTakeFirstOrThrow();
    if (!hasIndicator(parseStoredBody(body.body).indicators, indicator))
      throw new ServiceError('BAD_REQUEST', `指标“${indicator.join(' / ')}”不存在，请刷新后重试`);
  }
  const totals = await ctx.db
    .selectFrom('attachments')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('size').as('bytes')])
    .where('evaluation_id', '=', evaluationId)
    .executeTakeFirstOrThrow();
  if (Number(totals.n) >= ATTACHMENTS_PER_EVALUATION)
    throw new ServiceError(
      'BAD_REQUEST',
      `每份自评最多 ${ATTACHMENTS_PER_EVALUATION} 个证明材料，请先删除不需要的文件`,
    );
  if (Number(totals.bytes ?? 0) + input.bytes.length > ATTACHMENT_BYTES_PER_EVALUATION)
    throw new ServiceError(
      'FILE_TOO_LARGE',
      `每份自评的证明材料合计不能超过 ${ATTACHMENT_BYTES_PER_EVALUATION / 1024 / 1024} MB，请先删除不需要的文件`,
    );
  const id = ctx.newId();
  const at = nowIso(ctx);
  await ctx.db
    .insertInto('attachments')
    .values({
      id,
      evaluation_id: evaluationId,
      indicator: indicator === null ? null : JSON.stringify(indicator),
      file_name: fileName,
      kind,
      size: input.bytes.length,
      sha256: sha256Hex(input.bytes),
      bytes: input.bytes,
      is_public: input.public === true ? 1 : 0,
      uploaded_by: actor.username,
      uploaded_at: at,
    })
    .execute();
  await recordAudit(ctx, {
    action: 'attachment-added',
    actor: actor.username,
    target: evaluationId,
    ip: input.ip ?? null,
    details: {
      attachment: id,
      fileName,
      size: input.bytes.length,
      indicator,
      public: input.public === true,
    },
  });
  const added = await listQuery(ctx).where('a.id', '=', id).executeTakeFirstOrThrow();
  return toInfo(added);
}

async function attachmentRow(ctx: ServiceContext, id: string) {
  const row = await ctx.db
    .selectFrom('attachments as a')
    .innerJoin('evaluations as e', 'e.id', 'a.evaluation_id')
    .innerJoin('departments as d', 'd.id', 'e.department_id')
    .select([
      'a.id',
      'a.evaluation_id',
      'a.file_name',
      'a.kind',
      'a.is_public',
      'e.status',
      'e.department_id',
      'd.region_id',
    ])
    .where('a.id', '=', id)
    .executeTakeFirst();
  if (row === undefined) throw notFound('证明材料');
  return row;
}

async function bytesOf(ctx: ServiceContext, id: string): Promise<Uint8Array> {
  const row = await ctx.db
    .selectFrom('attachments')
    .select('bytes')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.bytes;
}

export interface AttachmentFile {
  fileName: string;
  kind: AttachmentKind;
  bytes: Uint8Array;
}

/** The file, for whoever may see its evaluation (the unit, the region's reviewers, admins). */
export async function attachmentFile(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
): Promise<AttachmentFile> {
  const row = await attachmentRow(ctx, id);
  assertSee(actor, { departmentId: row.department_id, regionId: row.region_id });
  return {
    fileName: row.file_name,
    kind: row.kind as AttachmentKind,
    bytes: await bytesOf(ctx, id),
  };
}

/** Marks a file public (shown with the published report) or not; the unit, while it may edit. */
export async function setAttachmentPublic(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  value: boolean,
  ip: string | null,
): Promise<AttachmentInfo> {
  const row = await attachmentRow(ctx, id);
  assertEdit(actor, { departmentId: row.department_id, regionId: row.region_id });
  assertEditable(row.status);
  await ctx.db
    .updateTable('attachments')
    .set({ is_public: value ? 1 : 0 })
    .where('id', '=', id)
    .execute();
  await recordAudit(ctx, {
    action: 'attachment-changed',
    actor: actor.username,
    target: row.evaluation_id,
    ip,
    details: { attachment: id, fileName: row.file_name, public: value },
  });
  return toInfo(await listQuery(ctx).where('a.id', '=', id).executeTakeFirstOrThrow());
}

/** Removes a file; the unit, while it may edit; logged with the file's name and digest. */
export async function deleteAttachment(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  ip: string | null,
): Promise<void> {
  const row = await attachmentRow(ctx, id);
  assertEdit(actor, { departmentId: row.department_id, regionId: row.region_id });
  assertEditable(row.status);
  const kept = await ctx.db
    .selectFrom('attachments')
    .select(['sha256', 'size'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  await ctx.db.deleteFrom('attachments').where('id', '=', id).execute();
  await recordAudit(ctx, {
    action: 'attachment-deleted',
    actor: actor.username,
    target: row.evaluation_id,
    ip,
    details: { attachment: id, fileName: row.file_name, sha256: kept.sha256, size: kept.size },
  });
}

/** The files of a published report that the unit marked public (none before publication). */
export async function publicAttachments(
  ctx: ServiceContext,
  evaluationId: string,
): Promise<AttachmentInfo[]> {
  const rows = await listQuery(ctx)
    .innerJoin('evaluations as e', 'e.id', 'a.evaluation_id')
    .where('a.evaluation_id', '=', evaluationId)
    .where('e.status', '=', 'published')
    .where('a.is_public', '=', 1)
    .orderBy('a.uploaded_at')
    .orderBy('a.id')
    .execute();
  // Who uploaded it is the unit's internal matter.
  return rows.map((r) => ({ ...toInfo(r), uploadedByName: '' }));
}

/** A public file of a published report, for anyone; any other reads as not found. */
export async function publicAttachmentFile(
  ctx: ServiceContext,
  id: string,
  ip: string | null,
): Promise<AttachmentFile> {
  const row = await attachmentRow(ctx, id);
  if (row.status !== 'published' || row.is_public !== 1) throw notFound('证明材料');
  await recordAudit(ctx, {
    action: 'export',
    target: row.evaluation_id,
    ip,
    details: { attachment: id, public: true },
  });
  return {
    fileName: row.file_name,
    kind: row.kind as AttachmentKind,
    bytes: await bytesOf(ctx, id),
  };
}
