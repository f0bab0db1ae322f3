import * as documents from '@jixiao/documents';
import type { Evaluation, ScoreSheet } from '@jixiao/domain';
import { ServiceError } from './errors.ts';

// The writers live in @jixiao/documents and the reader/auditor in ./audit/; they are looked up by
// name at run time so the platform keeps working (with a clear error) while they are being built.
const exported = documents as unknown as Record<string, unknown>;

type RenderDocx = (
  evaluation: Evaluation,
  sheet: ScoreSheet,
  options?: Record<string, unknown>,
) => Promise<Uint8Array> | Uint8Array;
type RenderXlsx = (evaluation: Evaluation, sheet: ScoreSheet) => Promise<Uint8Array> | Uint8Array;

function unavailable(what: string): ServiceError {
  return new ServiceError('INTERNAL', `${what}功能尚未就绪`);
}

export async function renderDocx(evaluation: Evaluation, sheet: ScoreSheet): Promise<Uint8Array> {
  const fn = exported['renderReportDocx'];
  if (typeof fn !== 'function') throw unavailable('导出 Word 报告');
  return (fn as RenderDocx)(evaluation, sheet, {});
}

export async function renderXlsx(evaluation: Evaluation, sheet: ScoreSheet): Promise<Uint8Array> {
  const fn = exported['renderTablesXlsx'];
  if (typeof fn !== 'function') throw unavailable('导出 Excel 表格');
  return (fn as RenderXlsx)(evaluation, sheet);
}

/** What the auditor says about one uploaded document (its shape is the auditor's). */
export type AuditOutcome = Record<string, unknown>;
type AuditFn = (bytes: Uint8Array, fileName: string) => Promise<AuditOutcome> | AuditOutcome;

let auditModule: Promise<Record<string, unknown>> | undefined;

/** Reads and audits one document via the services' audit pipeline. */
export async function auditUpload(bytes: Uint8Array, fileName: string): Promise<AuditOutcome> {
  const path = './audit/index.ts';
  auditModule ??= import(path).then(
    (m: Record<string, unknown>) => m,
    () => ({}),
  );
  const fn = (await auditModule)['auditDocument'];
  if (typeof fn !== 'function') throw unavailable('文档读取与审查');
  return (fn as AuditFn)(bytes, fileName);
}
