import type { ServiceContext } from './context.ts';
import { nowIso } from './context.ts';
import type { Actor } from './actor.ts';
import { ServiceError, forbidden, notFound } from './errors.ts';
import { hasPages, renderFilePlaces } from './read/finding-pictures.ts';
import type { PagePlace } from './read/page-crops.ts';
import { sha256Hex } from './passwords.ts';
import { readForImport } from './document-bridge.ts';
import type { ReadForImport } from './document-bridge.ts';
import { prepareEvaluation } from './evaluations.ts';
import { recordAudit } from './audit-log.ts';
import { cleanFileName } from './file-name.ts';
import { checkUpload } from './upload-check.ts';

export { assertSupported, IMPORT_EXTENSIONS } from './upload-check.ts';

export type ReadResult = ReadForImport;

/** Reads one document and audits it; a file that cannot be read is a 400 with a Chinese message. */
export async function readUpload(fileName: string, bytes: Uint8Array): Promise<ReadResult> {
  checkUpload(fileName, bytes);
  return readForImport(bytes, fileName);
}

/**
 * Imports a document: keeps the original bytes (with SHA-256), the extracted evaluation and its
 * findings; with `create`, the draft becomes an evaluation of the department.
 */
export async function importDocument(
  ctx: ServiceContext,
  actor: Actor,
  input: {
    fileName: string;
    bytes: Uint8Array;
    create?: { departmentId: string; year?: number | undefined } | undefined;
    ip?: string | null;
  },
): Promise<ReadResult & { documentId: string; evaluationId?: string }> {
  const fileName = cleanFileName(input.fileName);
  const result = await readUpload(fileName, input.bytes);
  let evaluation: Awaited<ReturnType<typeof prepareEvaluation>> | undefined;
  if (input.create !== undefined) {
    if (result.draft === null)
      throw new ServiceError('UNSUPPORTED_FILE', '未能从文件中识别出自评内容，无法创建草稿', {
        problems: result.problems,
      });
    // A year or unit the document does not state is not made up: the draft would carry the
    // reader's placeholders (2000, （未识别）) as if the unit had written them.
    const missing = new Set(result.problems.map((p) => p.code));
    if (input.create.year === undefined && missing.has('year-not-found'))
      throw new ServiceError(
        'BAD_REQUEST',
        `未能从文件中识别评价年度：${fileName}。请选择年度后再创建草稿`,
        { fileName },
      );
    const year = input.create.year ?? result.draft.meta.year;
    let unitName = result.draft.meta.unitName;
    if (missing.has('unit-not-found')) {
      const dept = await ctx.db
        .selectFrom('departments')
        .select('name')
        .where('id', '=', input.create.departmentId)
        .executeTakeFirst();
      if (dept !== undefined) unitName = dept.name;
    }
    evaluation = await prepareEvaluation(ctx, actor, {
      departmentId: input.create.departmentId,
      year,
      kind: result.draft.kind,
      rulebookId: result.draft.rulebookId,
      body: { ...result.draft, meta: { ...result.draft.meta, year, unitName } },
    });
  }
  const evaluationId = evaluation?.id;
  const documentId = ctx.newId();
  // The draft and its document are stored together or not at all: a failed import leaves nothing
  // that a retry would duplicate.
  await ctx.db.transaction().execute(async (trx) => {
    await evaluation?.write(trx);
    await trx
      .insertInto('imported_documents')
      .values({
        id: documentId,
        file_name: fileName,
        sha256: sha256Hex(input.bytes),
        size: input.bytes.length,
        bytes: input.bytes,
        extracted: result.draft === null ? null : JSON.stringify(result.draft),
        findings: JSON.stringify(result.findings),
        problems: JSON.stringify(result.problems),
        evaluation_id: evaluationId ?? null,
        uploaded_by: actor.username,
        uploaded_at: nowIso(ctx),
      })
      .execute();
  });
  await recordAudit(ctx, {
    action: 'import',
    actor: actor.username,
    target: documentId,
    ip: input.ip ?? null,
    details: { fileName },
  });
  return { ...result, documentId, ...(evaluationId !== undefined ? { evaluationId } : {}) };
}

/**
 * The page of an imported PDF (or the imported picture) with a finding's box outlined (PNG): the original is kept with the
 * import, so the page is drawn when asked for. Visible to whoever imported it, reviewers and
 * administrators.
 */
export async function importedPagePicture(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  place: PagePlace,
): Promise<Uint8Array> {
  const row = await ctx.db
    .selectFrom('imported_documents')
    .select(['file_name', 'bytes', 'uploaded_by'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (row === undefined) throw notFound('导入的文件');
  if (row.uploaded_by !== actor.username && actor.role !== 'admin' && actor.role !== 'reviewer')
    throw forbidden('无权查看他人导入的文件');
  if (!hasPages(row.file_name))
    throw new ServiceError('BAD_REQUEST', '只有 PDF 文件和图片可以显示原页面');
  const { crops, note } = await renderFilePlaces(row.bytes, row.file_name, [place], {
    fullPage: true,
  });
  const crop = crops[0];
  if (!crop) throw new ServiceError('BAD_REQUEST', note ?? '无法显示该页面');
  return crop.png;
}
