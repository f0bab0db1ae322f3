import {
  readErrorMessage,
  auditHtml,
  departmentReportBlocks,
  projectReportBlocks,
  resolveOptions,
  auditWorkbook,
  readTablesXlsx,
  tablesEvaluation,
  renderProjectDocx,
  renderReportDocx,
  renderTablesXlsx,
} from '@jixiao/documents';
import type { AuditFinding, Block, FileAudit } from '@jixiao/documents';
import { Evaluation as EvaluationSchema } from '@jixiao/domain';
import type { Evaluation, Finding, ScoreSheet } from '@jixiao/domain';
import { ServiceError } from './errors.ts';
import { auditOffThread } from './audit/index.ts';
import { convertWithLibreOffice } from './read/office-convert.ts';
import { readAs } from './import-content.ts';

export type { FileAudit };

/**
 * The platform's documents state the unit's own figures (its scores, total and grade); the
 * computed ones fill only what the unit left empty. Where the two differ, the editor says so and
 * offers to adopt the computed ones before the download: a report never substitutes silently.
 */
const AS_ENTERED = { figures: 'stated' } as const;

/** The report as Word: the department report, or the project report with its table. */
export async function renderDocx(evaluation: Evaluation, sheet: ScoreSheet): Promise<Uint8Array> {
  return evaluation.kind === 'department'
    ? renderReportDocx(evaluation, sheet, AS_ENTERED)
    : renderProjectDocx(evaluation, sheet, AS_ENTERED);
}

/** The report as the writer's blocks (headings numbered, tables merged): what the pages show. */
export function reportBlocks(evaluation: Evaluation, sheet: ScoreSheet): Block[] {
  const o = resolveOptions(AS_ENTERED);
  return evaluation.kind === 'department'
    ? departmentReportBlocks(evaluation, sheet, o)
    : projectReportBlocks(evaluation, sheet, o);
}

/** The attachment tables as an .xlsx workbook. */
export async function renderXlsx(evaluation: Evaluation, sheet: ScoreSheet): Promise<Uint8Array> {
  return renderTablesXlsx(evaluation, sheet, AS_ENTERED);
}

export interface ReadForImport {
  draft: Evaluation | null;
  findings: Finding[];
  problems: { code: string; message: string; line?: number; excerpt?: string }[];
}

/** An auditor's located finding in the domain's Finding shape (the path names the line). */
export function toFinding(f: AuditFinding): Finding {
  return {
    code: f.code,
    category: f.category,
    severity: f.severity,
    message: f.message,
    path: f.line !== null ? `line:${f.line}` : '',
    params: {},
    ...(f.stated !== null ? { stated: f.stated } : {}),
    ...(f.expected !== null ? { expected: f.expected } : {}),
    ...(f.excerpt !== null ? { excerpt: f.excerpt } : {}),
    ...(f.line !== null ? { line: f.line } : {}),
    ...(f.page !== undefined ? { page: f.page } : {}),
    ...(f.bbox !== undefined ? { bbox: f.bbox } : {}),
  };
}

/**
 * Whether a read draft holds nothing the document stated: no title, unit, year, money,
 * indicator, goal or chapter. Offered as a draft it would be a blank form dressed as a reading.
 */
function holdsNothing(draft: Evaluation, problems: readonly { code: string }[]): boolean {
  const codes = new Set(problems.map((p) => p.code));
  return (
    codes.has('unit-not-found') &&
    codes.has('year-not-found') &&
    draft.meta.title === undefined &&
    Object.keys(draft.funds).length === 0 &&
    draft.indicators.length === 0 &&
    draft.goals.length === 0 &&
    draft.chapters.length === 0
  );
}

/** LibreOffice's own words (its crash trace among them) are no message for the unit. */
function conversionMessage(code: string, message: string): string {
  return code === 'convert-failed' ? readErrorMessage('convert-failed') : message;
}

/**
 * Reads an uploaded file into a draft evaluation with its findings: .xlsx through the tables reader,
 * .docx/.txt/.html through the report reader and the auditor; a file whose bytes are not what its
 * name says is read as what they are (see `readAs`), and the unit is told. Unreadable files, and
 * files in which nothing of a report is found, are a 400.
 */
export async function readForImport(input: Uint8Array, fileName: string): Promise<ReadForImport> {
  let bytes = input;
  const as = readAs(fileName, input);
  const name = as.fileName;
  const notes = as.note !== undefined ? [as.note] : [];
  // A legacy workbook (.xls, WPS .et) is converted to .xlsx by LibreOffice first.
  const legacyBook = /\.(xls|et)$/i.test(name);
  if (legacyBook) {
    const converted = await convertWithLibreOffice(bytes, name, 'xlsx');
    if (!(converted instanceof Uint8Array)) {
      throw new ServiceError(
        'UNSUPPORTED_FILE',
        `${fileName}：${conversionMessage(converted.error.code, converted.error.message)}`,
        { fileName, reason: converted.error.code },
      );
    }
    bytes = converted;
  }
  if (legacyBook || name.toLowerCase().endsWith('.xlsx')) {
    let read: Awaited<ReturnType<typeof readTablesXlsx>>;
    try {
      read = await readTablesXlsx(bytes);
    } catch {
      throw new ServiceError('UNSUPPORTED_FILE', `无法读取 Excel 文件：${fileName}`, { fileName });
    }
    // A workbook that could not be opened at all is refused like any unreadable file, not
    // answered as a read with a problem (and stored).
    const unreadable = read.problems.find((p) => p.code === 'XLSX_UNREADABLE');
    if (unreadable !== undefined)
      throw new ServiceError('UNSUPPORTED_FILE', `${fileName}：${unreadable.message}`, {
        fileName,
        reason: unreadable.code,
      });
    const parsed = EvaluationSchema.safeParse(tablesEvaluation(read.evaluation));
    // The reader's own Chinese message (it names the sheet, row or cell) is what the unit reads.
    const problems: { code: string; message: string }[] = [
      ...notes,
      ...read.problems.map((p) => ({ code: p.code, message: p.message })),
    ];
    if (!parsed.success) {
      problems.push(
        ...parsed.error.issues.slice(0, 20).map((i) => ({
          code: 'SCHEMA',
          message: `${i.path.map(String).join('.')}: ${i.message}`,
        })),
      );
    }
    return { draft: parsed.success ? parsed.data : null, findings: [], problems };
  }
  // One pass, in an audit process (never in the server's event loop): the audit reads and
  // extracts the report, and keeps the evaluation it extracted.
  const audit = await auditOffThread(bytes, name);
  // Unreadable, or not audited at all (its process crashed or ran out of time).
  if (!audit.ok || audit.evaluation === null) {
    const reason = audit.readError?.code ?? 'not-audited';
    throw new ServiceError(
      'UNSUPPORTED_FILE',
      conversionMessage(reason, audit.error ?? '无法读取该文件'),
      { fileName, reason },
    );
  }
  if (holdsNothing(audit.evaluation, audit.warnings))
    throw new ServiceError(
      'UNSUPPORTED_FILE',
      `未能从文件中识别出任何自评内容（标题、单位、年度、资金、指标、章节均未找到）：${fileName}。请确认上传的是绩效自评报告`,
      { fileName, reason: 'nothing-found' },
    );
  return {
    draft: audit.evaluation,
    findings: audit.findings.map(toFinding),
    problems: [...notes, ...audit.warnings],
  };
}

export function batchWorkbook(files: readonly FileAudit[]): Promise<Uint8Array> {
  return auditWorkbook(files);
}

export function batchHtml(files: readonly FileAudit[]): string {
  return auditHtml(files, '批量审查结果');
}
