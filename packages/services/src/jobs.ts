import type { JobStatus } from '@jixiao/db';
import { sql } from '@jixiao/db';
import type { ServiceContext } from './context.ts';
import { nowIso } from './context.ts';
import type { Actor } from './actor.ts';
import { ServiceError, forbidden, notFound } from './errors.ts';
import { batchHtml, batchWorkbook, toFinding } from './document-bridge.ts';
import type { Finding } from '@jixiao/domain';
import type { FileAudit } from './document-bridge.ts';
import { requireRole } from './directory.ts';
import { cleanFileName } from './file-name.ts';
import { checkUpload } from './upload-check.ts';
import { mayBeRenamed, readAs } from './import-content.ts';
import { auditBatch, failedAudit } from './audit/index.ts';
import { renderFindingPictures } from './read/finding-pictures.ts';
import { decideJobFinding, markFindings } from './job-decisions.ts';
import type { FindingMark } from './job-decisions.ts';
import type { DecisionState } from '@jixiao/db';

/** One file's result in the auditor's wire shape; `ok` is null while the file waits. */
export interface JobFileView {
  name: string;
  ok: boolean | null;
  error?: string;
  summary: FileAudit['summary'] | null;
  /** Domain findings (path `line:<n>`, with `line`, `excerpt`, `stated`, `expected`). */
  findings: Finding[];
  /**
   * What the reader says of how it read the file (a text written on one line re-lined, the
   * extraction's warnings), in Chinese; empty while the file waits or when it could not be read.
   */
  notes: string[];
  /** Per finding, its identity and the region's decision on it (dismissed ones are collapsed). */
  marks: FindingMark[];
  /** Positions of the findings that have a picture of their original page (see jobPicture). */
  pictures: number[];
}

export interface JobView {
  id: string;
  /** 'failed' when the job as a whole could not run (see `error`); a file's own failure is per file. */
  status: JobStatus;
  /** Why the job failed, in Chinese; absent unless status is 'failed'. */
  error?: string;
  total: number;
  done: number;
  createdAt: string;
  updatedAt: string;
  files: JobFileView[];
}

export const MAX_JOB_FILES = 500;

/** A file of a batch upload, read only when it is stored (it may wait on disk until then). */
export interface AuditUpload {
  name: string;
  read(): Promise<Uint8Array>;
}

/**
 * Queues a batch audit of many files; a worker loop picks it up. The files are read and stored
 * one at a time, so only one is in memory at once.
 */
export async function createAuditJob(
  ctx: ServiceContext,
  actor: Actor,
  files: readonly AuditUpload[],
): Promise<{ jobId: string }> {
  requireRole(actor, ['admin', 'reviewer', 'head', 'filer']);
  if (files.length === 0) throw new ServiceError('BAD_REQUEST', '请至少上传一个文件');
  if (files.length > MAX_JOB_FILES)
    throw new ServiceError('BAD_REQUEST', `一次最多上传 ${MAX_JOB_FILES} 个文件`);
  // Each file is checked as an import is (one in memory at a time) before anything is stored:
  // a batch holding a file that cannot be what its name says, or holds nothing to read, is
  // refused with every such file named.
  const refused: { fileName: string; message: string }[] = [];
  for (const file of files) {
    const name = cleanFileName(file.name);
    try {
      checkUpload(name, await file.read());
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      refused.push({ fileName: name, message: error.message });
    }
  }
  const [only] = refused;
  if (only !== undefined)
    throw new ServiceError(
      'UNSUPPORTED_FILE',
      refused.length === 1
        ? only.message
        : `有 ${refused.length} 个文件无法审查，请更正后重新上传：${refused.map((r) => r.message).join('；')}`,
      { files: refused },
    );
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
          name: cleanFileName(file.name),
          bytes: await file.read(),
          ok: null,
          error: null,
          result: null,
        })
        .execute();
    }
  });
  return { jobId: id };
}

/** Bytes of a user's uploaded files that still wait for their audit (queued or running jobs). */
export async function pendingAuditBytes(ctx: ServiceContext, username: string): Promise<number> {
  const row = await ctx.db
    .selectFrom('job_files as f')
    .innerJoin('jobs as j', 'j.id', 'f.job_id')
    .select(sql<string | number | null>`sum(length(f.bytes))`.as('bytes'))
    .where('j.created_by', '=', username)
    .where('j.status', 'in', ['queued', 'running'])
    .where('f.ok', 'is', null)
    .executeTakeFirst();
  return Number(row?.bytes ?? 0);
}

/** A job with each file's result; visible to whoever started it and to admins. */
export async function getJob(ctx: ServiceContext, actor: Actor, id: string): Promise<JobView> {
  const job = await ctx.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  if (job === undefined) throw notFound('审查任务');
  if (actor.role !== 'admin' && job.created_by !== actor.username)
    throw forbidden('无权查看他人的审查任务');
  const files = await ctx.db
    .selectFrom('job_files')
    .select(['idx', 'name', 'ok', 'error', 'result'])
    .where('job_id', '=', id)
    .orderBy('idx')
    .execute();
  const drawn = new Map<number, number[]>();
  for (const p of await ctx.db
    .selectFrom('job_file_pictures')
    .select(['idx', 'finding'])
    .where('job_id', '=', id)
    .orderBy('idx')
    .orderBy('finding')
    .execute())
    drawn.set(p.idx, [...(drawn.get(p.idx) ?? []), p.finding]);
  const views = files.map((f) => {
    const result = f.result === null ? null : (JSON.parse(f.result) as FileAudit);
    return {
      name: f.name,
      ok: f.ok === null ? null : f.ok === 1,
      ...(f.error !== null ? { error: f.error } : {}),
      summary: result?.summary ?? null,
      findings: (result?.findings ?? []).map(toFinding),
      notes: result?.notes ?? [],
      pictures: drawn.get(f.idx) ?? [],
    };
  });
  const marks = await markFindings(ctx, actor, views);
  return {
    id: job.id,
    status: job.status,
    ...(job.status === 'failed' && job.error !== null ? { error: job.error } : {}),
    total: job.total,
    done: job.done,
    createdAt: job.created_at,
    updatedAt: job.updated_at,
    files: views.map((v, i) => ({ ...v, marks: marks[i] ?? [] })),
  };
}

/** A reviewer's decision on a finding of one of the job's files (see decideJobFinding). */
export async function decideInJob(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  index: number,
  input: { fingerprint: string; state: DecisionState | 'open'; reason?: string | undefined },
): Promise<JobFileView> {
  const job = await getJob(ctx, actor, id);
  const file = job.files[index];
  if (file === undefined) throw notFound('该文件');
  await decideJobFinding(ctx, actor, file, input);
  const again = await getJob(ctx, actor, id);
  return again.files[index] ?? file;
}

/** The picture of the original page around a finding of a job's file (PNG). */
export async function jobPicture(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  index: number,
  finding: number,
): Promise<Uint8Array> {
  await getJob(ctx, actor, id);
  const row = await ctx.db
    .selectFrom('job_file_pictures')
    .select('png')
    .where('job_id', '=', id)
    .where('idx', '=', index)
    .where('finding', '=', finding)
    .executeTakeFirst();
  if (row === undefined) throw notFound('该发现的原页面图片');
  return row.png;
}

/** Bytes of pictures kept per file of a batch audit (about 60 bands of an A4 report). */
export const MAX_JOB_PICTURE_BYTES = 1024 * 1024;

/**
 * Pictures of the original page around the findings of a batch-audited PDF, drawn while its
 * upload is still stored (it is deleted once the result is): at most MAX_JOB_PICTURE_BYTES a
 * file; what is not drawn is said in the result's notes.
 */
async function drawPictures(
  ctx: ServiceContext,
  jobId: string,
  file: { idx: number; name: string },
  audit: FileAudit,
): Promise<{ audit: FileAudit; pictures: { finding: number; page: number; png: Uint8Array }[] }> {
  if (!audit.ok || !audit.findings.some((f) => f.page !== undefined && f.bbox !== undefined))
    return { audit, pictures: [] };
  const bytes = await readJobFile(ctx, jobId, file.idx);
  if (bytes === undefined) return { audit, pictures: [] };
  const drawn = await renderFindingPictures(bytes, file.name, audit.findings);
  const pictures: { finding: number; page: number; png: Uint8Array }[] = [];
  let left = MAX_JOB_PICTURE_BYTES;
  let cut = 0;
  for (const [finding, crop] of drawn.crops.entries()) {
    if (!crop) continue;
    if (crop.png.length > left) {
      cut++;
      continue;
    }
    left -= crop.png.length;
    pictures.push({ finding, page: crop.page, png: crop.png });
  }
  const notes = [
    ...(drawn.note !== undefined ? [drawn.note] : []),
    ...(cut > 0 ? [`原页面图片已达每个文件的上限，其余 ${cut} 处只附原文摘录`] : []),
  ];
  return {
    audit: notes.length > 0 ? { ...audit, notes: [...audit.notes, ...notes] } : audit,
    pictures,
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
  try {
    await processJob(ctx, candidate.id);
  } catch (error) {
    // The job as a whole cannot run (its files unreadable, the worker failing): it is marked failed
    // rather than retried forever; files already done keep their results.
    const reason =
      error instanceof JobFailure ? error.message : `审查任务执行失败：${String(error)}`;
    await ctx.db
      .updateTable('jobs')
      .set({ status: 'failed', error: reason, locked_by: null, updated_at: nowIso(ctx) })
      .where('id', '=', candidate.id)
      .execute();
    if (!(error instanceof JobFailure)) console.error('审查任务执行失败', error);
  }
  return true;
}

class JobFailure extends Error {}

/** Bytes of a stored upload fetched per query; a slice this size costs at most a few MB in flight. */
const READ_CHUNK = 1024 * 1024;

/**
 * A stored upload, read back a slice at a time into one buffer of its size. Fetched whole, a
 * 10 MB file cost PostgreSQL's text protocol a 20 MB hex string and a receive buffer of that size
 * on top of the file, per file in flight; slices keep the overhead to about one slice.
 */
async function readJobFile(
  ctx: ServiceContext,
  jobId: string,
  idx: number,
): Promise<Uint8Array | undefined> {
  const row = await ctx.db
    .selectFrom('job_files')
    .select(sql<string | number | null>`length(bytes)`.as('size'))
    .where('job_id', '=', jobId)
    .where('idx', '=', idx)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  const size = Number(row.size ?? 0);
  const out = new Uint8Array(size);
  for (let at = 0; at < size; at += READ_CHUNK) {
    const part = await ctx.db
      .selectFrom('job_files')
      // substr counts from 1 on both SQLite (blobs by byte) and PostgreSQL (bytea).
      .select(sql<Uint8Array>`substr(bytes, ${at + 1}, ${READ_CHUNK})`.as('part'))
      .where('job_id', '=', jobId)
      .where('idx', '=', idx)
      .executeTakeFirst();
    if (part === undefined) return undefined;
    if (part.part.byteLength !== Math.min(READ_CHUNK, size - at))
      throw new JobFailure('上传的文件在读取时发生变化，请重新上传');
    out.set(part.part, at);
  }
  return out;
}

async function processJob(ctx: ServiceContext, jobId: string): Promise<void> {
  const job = await ctx.db
    .selectFrom('jobs')
    .select(['total', 'done'])
    .where('id', '=', jobId)
    .executeTakeFirstOrThrow();
  // Names only: each file's bytes are read when its audit process asks for it.
  const files = await ctx.db
    .selectFrom('job_files')
    .select(['idx', 'name'])
    .where('job_id', '=', jobId)
    .where('ok', 'is', null)
    .orderBy('idx')
    .execute();
  if (files.length !== job.total - job.done) {
    throw new JobFailure(
      `上传的文件缺失或无法读取：应有 ${job.total - job.done} 个待审文件，只读到 ${files.length} 个`,
    );
  }
  // The audits run in audit processes, never in this (the server's) event loop: a document that
  // takes long, or exhausts its memory, holds up or takes down only its own process. Each result is
  // stored as soon as it is known, one transaction after the other, so the job's progress and the
  // files already done survive a restart.
  let stored: Promise<void> = Promise.resolve();
  /** The first store that failed: the job fails once the batch is done (the rest are kept). */
  let storeError: { error: unknown } | undefined;
  const store = async (file: (typeof files)[number], audited: FileAudit): Promise<void> => {
    const { audit, pictures } = await drawPictures(ctx, jobId, file, audited);
    await ctx.db.transaction().execute(async (trx) => {
      // A file audited again (its job taken over after a crash) replaces its pictures.
      await trx
        .deleteFrom('job_file_pictures')
        .where('job_id', '=', jobId)
        .where('idx', '=', file.idx)
        .execute();
      for (const p of pictures)
        await trx
          .insertInto('job_file_pictures')
          .values({ job_id: jobId, idx: file.idx, ...p })
          .execute();
      await trx
        .updateTable('job_files')
        // The original goes once audited: a batch audit keeps its results, not its uploads.
        .set({
          ok: audit.ok ? 1 : 0,
          error: audit.error ?? null,
          result: JSON.stringify(audit),
          bytes: new Uint8Array(0),
        })
        .where('job_id', '=', jobId)
        .where('idx', '=', file.idx)
        .execute();
      await trx
        .updateTable('jobs')
        .set((eb) => ({ done: eb('done', '+', 1), updated_at: nowIso(ctx) }))
        .where('id', '=', jobId)
        .execute();
    });
  };
  // A file whose content is not what its name says (text saved as .doc, a .docx named .doc) is
  // read as what it is, as an import reads it, and its result says so under its own name.
  const readNames: { fileName: string; note?: string }[] = [];
  for (const f of files) {
    const bytes = mayBeRenamed(f.name) ? await readJobFile(ctx, jobId, f.idx) : undefined;
    const as = bytes === undefined ? { fileName: f.name } : readAs(f.name, bytes);
    readNames.push({ fileName: as.fileName, ...(as.note && { note: as.note.message }) });
  }
  await auditBatch(
    readNames.map((f) => f.fileName),
    async (_name, index) => {
      const file = files[index];
      if (!file) return new Error('文件缺失');
      return (await readJobFile(ctx, jobId, file.idx)) ?? new Error('文件缺失');
    },
    {
      offThread: true,
      onResult: (index, read) => {
        const file = files[index];
        if (!file) return;
        const note = readNames[index]?.note;
        const audit: FileAudit =
          note === undefined ? read : { ...read, file: file.name, notes: [note, ...read.notes] };
        stored = stored
          .then(() => store(file, audit))
          .catch((error: unknown) => {
            storeError ??= { error };
          });
      },
    },
  );
  await stored;
  if (storeError) throw storeError.error;
  await ctx.db
    .updateTable('jobs')
    .set({ status: 'done', locked_by: null, updated_at: nowIso(ctx) })
    .where('id', '=', jobId)
    .execute();
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

/** The job's results as a page or a workbook (one row per finding, failed files with their error). */
export async function exportJob(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  format: 'html' | 'xlsx',
): Promise<Uint8Array | string> {
  await getJob(ctx, actor, id);
  const rows = await ctx.db
    .selectFrom('job_files')
    .select(['name', 'result'])
    .where('job_id', '=', id)
    .orderBy('idx')
    .execute();
  const files: FileAudit[] = rows.map((r) =>
    r.result !== null ? (JSON.parse(r.result) as FileAudit) : failedAudit(r.name, '尚未处理'),
  );
  return format === 'html' ? batchHtml(files) : batchWorkbook(files);
}
