import { readTargetTable, renderTargetTableDocx, renderTargetTableXlsx } from '@jixiao/documents';
import type { ServiceContext } from '../context.ts';
import type { Actor } from '../actor.ts';
import { ServiceError, notFound } from '../errors.ts';
import { assertEdit } from '../access.ts';
import { recordAudit } from '../audit-log.ts';
import { cleanFileName } from '../file-name.ts';
import { convertWithLibreOffice } from '../read/office-convert.ts';
import { readReportFile } from '../read/read-report-file.ts';
import { needsTools } from '../audit/audit-document.ts';
import { createTargetForm, getTargetForm } from './target-forms.ts';
import type { TargetFormRecord } from './target-record.ts';

/** The 绩效目标表 of a form the actor may see, as .docx or .xlsx; logged. */
export async function exportTargetForm(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  format: 'docx' | 'xlsx',
  ip: string | null,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const form = await getTargetForm(ctx, actor, id);
  const bytes =
    format === 'docx' ? renderTargetTableDocx(form.body) : await renderTargetTableXlsx(form.body);
  await recordAudit(ctx, {
    action: 'export',
    actor: actor.username,
    target: id,
    ip,
    details: { format, what: 'targets' },
  });
  return { fileName: `${form.departmentName}${form.title}表.${format}`, bytes };
}

/** The extensions a 绩效目标表 is read from. */
export const TARGET_EXTENSIONS = [
  '.xlsx',
  '.xls',
  '.et',
  '.docx',
  '.doc',
  '.wps',
  '.pdf',
  '.html',
  '.htm',
  '.txt',
  '.png',
  '.jpg',
  '.jpeg',
] as const;

/**
 * Reads a 绩效目标表 in any form a unit has it: .xlsx, a legacy workbook (.xls/.et, converted to
 * .xlsx by LibreOffice), Word (.docx, or .doc/.wps converted), PDF (its text layer, scanned pages
 * by OCR), a photo of the table (OCR), a web page or text.
 */
export async function readTargetUpload(
  bytes: Uint8Array,
  fileName: string,
): Promise<Awaited<ReturnType<typeof readTargetTable>>> {
  const lower = fileName.toLowerCase();
  if (!TARGET_EXTENSIONS.some((ext) => lower.endsWith(ext)))
    return {
      ok: false,
      message: `不支持的文件类型（支持 ${TARGET_EXTENSIONS.join('、')}）`,
    };
  if (bytes.length === 0) return { ok: false, message: '文件为空' };
  if (/\.(xls|et)$/.test(lower)) {
    const converted = await convertWithLibreOffice(bytes, fileName, 'xlsx');
    if (!(converted instanceof Uint8Array)) return { ok: false, message: converted.error.message };
    return readTargetTable(converted, fileName.replace(/\.[^.]+$/, '.xlsx'));
  }
  return needsTools(fileName)
    ? readTargetTable(bytes, fileName, (b, name) => readReportFile(b, name))
    : readTargetTable(bytes, fileName);
}

const DEFAULT_BOOK = { department: 'hunan-department', project: 'central-project' } as const;

/**
 * A 绩效目标表 file (any of `TARGET_EXTENSIONS`) read into a new draft form of the unit: the year
 * from the request, else from the table's title; the rulebook from the request, else the usual
 * one of the form's kind. What could not be read comes back as `problems`.
 */
export async function importTargetFile(
  ctx: ServiceContext,
  actor: Actor,
  input: {
    fileName: string;
    bytes: Uint8Array;
    departmentId: string;
    rulebookId?: string | undefined;
    year?: number | undefined;
    ip: string | null;
  },
): Promise<{ record: TargetFormRecord; problems: string[] }> {
  const dept = await ctx.db
    .selectFrom('departments')
    .select(['id', 'region_id'])
    .where('id', '=', input.departmentId)
    .executeTakeFirst();
  if (dept === undefined) throw notFound('单位');
  // Access first: a file is read only for a unit the actor may fill in for.
  assertEdit(actor, { departmentId: dept.id, regionId: dept.region_id });
  const fileName = cleanFileName(input.fileName);
  const read = await readTargetUpload(input.bytes, fileName);
  if (!read.ok) throw new ServiceError('UNSUPPORTED_FILE', `${fileName}：${read.message}`);
  const kind = read.form['kind'] === 'project' ? 'project' : 'department';
  const stated = read.form['year'];
  const year = input.year ?? (typeof stated === 'number' ? stated : undefined);
  if (year === undefined)
    throw new ServiceError('VALIDATION_FAILED', '表中未写明年度，请选择绩效目标的年度');
  const projectName = read.form['projectName'];
  const record = await createTargetForm(ctx, actor, {
    departmentId: input.departmentId,
    year,
    kind,
    rulebookId: input.rulebookId ?? DEFAULT_BOOK[kind],
    ...(typeof projectName === 'string' ? { projectName } : {}),
    body: read.form,
  });
  await recordAudit(ctx, {
    action: 'import',
    actor: actor.username,
    target: record.id,
    ip: input.ip,
    details: { fileName, what: 'targets', problems: read.problems.length },
  });
  return { record, problems: read.problems };
}
