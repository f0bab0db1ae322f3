import type { Finding } from '@jixiao/domain';
import type { JobStatus } from '@jixiao/db';
import type { ServiceContext } from './context.ts';
import { nowIso } from './context.ts';
import type { Actor } from './actor.ts';
import { ServiceError, forbidden, notFound } from './errors.ts';
import { readUpload } from './imports.ts';
import { requireRole } from './directory.ts';

export interface JobFileView {
  name: string;
  ok: boolean | null;
  error?: string;
  summary: {
    unitName?: string;
    year?: number;
    errors: number;
    warnings: number;
    infos: number;
  } | null;
  findings: Finding[];
}

export interface JobView {
  id: string;
  status: JobStatus;
  total: number;
  done: number;
  createdAt: string;
  updatedAt: string;
  files: JobFileView[];
}

export const MAX_JOB_FILES = 500;

/** Queues a batch audit of many files; a worker loop picks it up. */
export async function createAuditJob(
  ctx: ServiceContext,
  actor: Actor,
  files: readonly { name: string; bytes: Uint8Array }[],
): Promise<{ jobId: string }> {
  requireRole(actor, ['admin', 'reviewer', 'head', 'filer']);
  if (files.length === 0) throw new ServiceError('BAD_REQUEST', '请至少上传一个文件');
  if (files.length > MAX_JOB_FILES)
    throw new ServiceError('BAD_REQUEST', `一次最多上传 ${MAX_JOB_FILES} 个文件`);
  const id = ctx.newId();
  const now = nowIso(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('jobs')
      .values({
        id,
        kind: 'audit',
        status: 'queued',
        total: files.length,
        done: 0,
        error: null,
        created_by: actor.username,
        created_at: now,
        updated_at: now,
        locked_by: null,
      })
      .execute();
    for (const [idx, file] of files.entries()) {
      await trx
        .insertInto('job_files')
        .values({
          job_id: id,
          idx,
          name: file.name,
          bytes: file.bytes,
          ok: null,
          error: null,
          result: null,
        })
        .execute();
    }
  });
  return { jobId: id };
}

/** A job with each file's result; visible to whoever started it and to admins. */
export async function getJob(ctx: ServiceContext, actor: Actor, id: string): Promise<JobView> {
  const job = await ctx.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  if (job === undefined) throw notFound('审查任务');
  if (actor.role !== 'admin' && job.created_by !== actor.username)
    throw forbidden('无权查看他人的审查任务');
  const files = await ctx.db
    .selectFrom('job_files')
    .select(['name', 'ok', 'error', 'result'])
    .where('job_id', '=', id)
    .orderBy('idx')
    .execute();
  return {
    id: job.id,
    status: job.status,
    total: job.total,
    done: job.done,
    createdAt: job.created_at,
    updatedAt: job.updated_at,
    files: files.map((f) => {
      const result =
        f.result === null
          ? null
          : (JSON.parse(f.result) as Pick<JobFileView, 'summary' | 'findings'>);
      return {
        name: f.name,
        ok: f.ok === null ? null : f.ok === 1,
        ...(f.error !== null ? { error: f.error } : {}),
        summary: result?.summary ?? null,
        findings: result?.findings ?? [],
      };
    }),
  };
}

// A running job whose worker has not written for this long is taken over (its process died).
const STALE_MS = 2 * 60 * 1000;

/** Claims one queued (or abandoned) job and processes it file by file; false when none is waiting. */
export async function runNextJob(ctx: ServiceContext, workerId: string): Promise<boolean> {
  const staleBefore = new Date(ctx.now().getTime() - STALE_MS).toISOString();
  const candidate = await ctx.db
    .selectFrom('jobs')
    .select(['id', 'status', 'locked_by'])
    .where((eb) =>
      eb.or([
        eb('status', '=', 'queued'),
        eb.and([eb('status', '=', 'running'), eb('updated_at', '<', staleBefore)]),
      ]),
    )
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
  if (candidate === undefined) return false;
  const claimed = await ctx.db
    .updateTable('jobs')
    .set({ status: 'running', locked_by: workerId, updated_at: nowIso(ctx) })
    .where('id', '=', candidate.id)
    .where('status', '=', candidate.status)
    .where((eb) =>
      candidate.locked_by === null
        ? eb('locked_by', 'is', null)
        : eb('locked_by', '=', candidate.locked_by),
    )
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) return true;
  const files = await ctx.db
    .selectFrom('job_files')
    .select(['idx', 'name', 'bytes'])
    .where('job_id', '=', candidate.id)
    .where('ok', 'is', null)
    .orderBy('idx')
    .execute();
  for (const file of files) {
    let update: { ok: number; error: string | null; result: string | null };
    try {
      const read = await readUpload(file.name, new Uint8Array(file.bytes));
      const count = (s: string) => read.findings.filter((f) => f.severity === s).length;
      const summary = {
        ...(read.draft !== null
          ? { unitName: read.draft.meta.unitName, year: read.draft.meta.year }
          : {}),
        errors: count('error'),
        warnings: count('warning'),
        infos: count('info'),
      };
      update = { ok: 1, error: null, result: JSON.stringify({ summary, findings: read.findings }) };
    } catch (error) {
      update = {
        ok: 0,
        error: error instanceof Error ? error.message : String(error),
        result: null,
      };
    }
    await ctx.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('job_files')
        .set(update)
        .where('job_id', '=', candidate.id)
        .where('idx', '=', file.idx)
        .execute();
      await trx
        .updateTable('jobs')
        .set((eb) => ({ done: eb('done', '+', 1), updated_at: nowIso(ctx) }))
        .where('id', '=', candidate.id)
        .execute();
    });
  }
  await ctx.db
    .updateTable('jobs')
    .set({ status: 'done', locked_by: null, updated_at: nowIso(ctx) })
    .where('id', '=', candidate.id)
    .execute();
  return true;
}

/** Polls for jobs until stopped; several processes may run one each (claims are atomic). */
export function startJobWorker(
  ctx: ServiceContext,
  workerId: string,
  intervalMs = 500,
): { stop(): Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = (): void => {
    running = (async () => {
      try {
        while (!stopped && (await runNextJob(ctx, workerId))) {
          // keep draining
        }
      } catch (error) {
        console.error('审查任务执行失败', error);
      }
      if (!stopped) timer = setTimeout(tick, intervalMs);
    })();
  };
  timer = setTimeout(tick, 0);
  return {
    async stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      await running;
    },
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The job's results as an HTML page (one row per finding, failed files with their error). */
export async function jobReportHtml(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
): Promise<string> {
  const job = await getJob(ctx, actor, id);
  const rows = job.files.flatMap((file) => {
    if (file.ok !== true) {
      return [
        `<tr><td>${escapeHtml(file.name)}</td><td colspan="4">${escapeHtml(file.error ?? '尚未处理')}</td></tr>`,
      ];
    }
    if (file.findings.length === 0)
      return [`<tr><td>${escapeHtml(file.name)}</td><td colspan="4">未发现问题</td></tr>`];
    return file.findings.map(
      (f) =>
        `<tr><td>${escapeHtml(file.name)}</td><td>${escapeHtml(f.severity)}</td><td>${escapeHtml(f.category)}</td><td>${escapeHtml(f.path)}</td><td>${escapeHtml(f.message)}</td></tr>`,
    );
  });
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>批量审查结果</title></head><body><h1>批量审查结果</h1><p>共 ${job.total} 个文件，已处理 ${job.done} 个。</p><table border="1"><thead><tr><th>文件</th><th>级别</th><th>类别</th><th>位置</th><th>说明</th></tr></thead><tbody>${rows.join('')}</tbody></table></body></html>`;
}
