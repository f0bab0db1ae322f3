import ExcelJS from 'exceljs';
import type { BaseData, IndicatorNode, MoneyUnit } from '@jixiao/domain';
import { guessRulebook } from '../extract/rulebook-guess.ts';
import { readBaseData } from './read-base-data.ts';
import { readSelfEvaluation } from './read-self-evaluation.ts';
import type { SelfEvaluationDraft } from './read-self-evaluation.ts';
import { assertZipWithin, ZIP_LIMITS, ZipError } from '../read/zip.ts';
import { SheetGrid } from './sheet-grid.ts';
import type { XlsxProblem } from './sheet-grid.ts';

/** A project's 自评表 as read from its sheet. */
export interface ProjectDraft {
  kind: 'project';
  projectName: string;
  implementer?: string;
  meta: { unitName: string; year?: number; supervisor?: string; amountUnit: MoneyUnit };
  funds: SelfEvaluationDraft['funds'];
  goals: SelfEvaluationDraft['goals'];
  indicators: IndicatorNode[];
  adjustments: SelfEvaluationDraft['adjustments'];
  stated: SelfEvaluationDraft['stated'];
}

/** What a tables workbook gives back: the parts of an evaluation its sheets hold. */
export interface EvaluationDraft {
  kind: 'department' | 'project';
  meta: { unitName?: string; year?: number; amountUnit: MoneyUnit };
  funds: SelfEvaluationDraft['funds'];
  goals: SelfEvaluationDraft['goals'];
  indicators: IndicatorNode[];
  adjustments: SelfEvaluationDraft['adjustments'];
  stated: SelfEvaluationDraft['stated'];
  baseData?: BaseData;
  projectEvaluations: ProjectDraft[];
}

function sheetTitle(g: SheetGrid): string {
  for (let r = 1; r <= Math.min(5, g.rows); r++)
    for (let c = 1; c <= Math.min(3, g.cols); c++) {
      const t = g.label(r, c);
      if (/自评表|基础数据表/.test(t)) return t;
    }
  return g.ws.name.replace(/\s+/g, '');
}

/** Why a workbook is not opened at all, in Chinese. */
export function workbookRefusal(error: ZipError): string {
  return error.problem === 'zip-bomb'
    ? `Excel 文件解压后超过 ${ZIP_LIMITS.workbookInflated / 1024 / 1024} MB 或大小与目录不符（疑似压缩炸弹），未读取`
    : '文件不是可读取的 Excel 工作簿（.xlsx）';
}

/** Whether a sheet has a cell that shows some text or figure. */
function holdsText(ws: ExcelJS.Worksheet): boolean {
  let found = false;
  ws.eachRow((row) => {
    if (!found) row.eachCell((cell) => (found ||= cell.text.trim() !== ''));
  });
  return found;
}

/**
 * Reads the attachment tables workbook (as renderTablesXlsx writes it, or as people edit it:
 * blank rows, numbers stored as text, 元 instead of 万元 headers, merged or unmerged cells).
 * Cells that cannot be read become problems with their address, never silent zeros.
 */
export async function readTablesXlsx(
  bytes: Uint8Array,
): Promise<{ evaluation: EvaluationDraft; problems: XlsxProblem[] }> {
  const problems: XlsxProblem[] = [];
  const evaluation: EvaluationDraft = {
    kind: 'department',
    meta: { amountUnit: '万元' },
    funds: {},
    goals: [],
    indicators: [],
    adjustments: [],
    stated: {},
    projectEvaluations: [],
  };
  try {
    assertZipWithin(bytes, ZIP_LIMITS.workbookInflated);
  } catch (error) {
    if (!(error instanceof ZipError)) throw error;
    problems.push({ code: 'XLSX_UNREADABLE', message: workbookRefusal(error) });
    return { evaluation, problems };
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    problems.push({ code: 'XLSX_UNREADABLE', message: '文件不是可读取的 Excel 工作簿（.xlsx）' });
    return { evaluation, problems };
  }
  // A workbook without a single written cell is refused as such, not read as tables that lack
  // every figure (a year, a unit, a score).
  if (!wb.worksheets.some(holdsText)) {
    problems.push({
      code: 'XLSX_UNREADABLE',
      message: 'Excel 工作簿中没有任何文字（所有工作表均为空），无法读取',
    });
    return { evaluation, problems };
  }
  let sawDepartment = false;
  for (const ws of wb.worksheets) {
    const g = new SheetGrid(ws, problems);
    if (g.rows === 0) continue;
    const title = sheetTitle(g);
    const year = /(\d{4})年/.exec(title)?.[1];
    if (year && evaluation.meta.year === undefined) evaluation.meta.year = Number(year);
    if (title.includes('基础数据表')) {
      evaluation.baseData = readBaseData(g);
    } else if (title.includes('项目支出绩效自评表')) {
      const d = readSelfEvaluation(g);
      const supervisor = d.identity['主管部门'];
      const implementer = d.identity['实施单位'];
      evaluation.projectEvaluations.push({
        kind: 'project',
        projectName: d.identity['项目名称'] ?? d.identity['项目支出名称'] ?? ws.name,
        ...(implementer ? { implementer } : {}),
        meta: {
          unitName: implementer ?? supervisor ?? '',
          ...(year ? { year: Number(year) } : {}),
          ...(supervisor ? { supervisor } : {}),
          amountUnit: d.amountUnit,
        },
        funds: d.funds,
        goals: d.goals,
        indicators: d.indicators,
        adjustments: d.adjustments,
        stated: d.stated,
      });
    } else if (title.includes('自评表')) {
      sawDepartment = true;
      const d = readSelfEvaluation(g);
      const unitName = d.identity['部门名称'] ?? d.identity['市级预算部门名称'];
      if (unitName) evaluation.meta.unitName = unitName;
      evaluation.meta.amountUnit = d.amountUnit;
      evaluation.funds = d.funds;
      evaluation.goals = d.goals;
      evaluation.indicators = d.indicators;
      evaluation.adjustments = d.adjustments;
      evaluation.stated = d.stated;
    } else {
      problems.push({
        code: 'XLSX_SHEET_UNKNOWN',
        sheet: ws.name,
        message: `工作表“${ws.name}”不是基础数据表或自评表，已忽略`,
      });
    }
  }
  if (!sawDepartment && evaluation.projectEvaluations.length === 1 && !evaluation.baseData)
    evaluation.kind = 'project';
  return { evaluation, problems };
}

/**
 * A workbook's draft as an evaluation to parse: the rulebook each table's indicator tree points to
 * (as a report's tables are read), and a workbook of one 项目支出自评表 alone as that project's
 * evaluation. Without the rulebook no workbook, the platform's own export included, gave a draft.
 * The result is for the Evaluation schema to parse (a workbook may lack its year, say).
 */
export function tablesEvaluation(draft: EvaluationDraft): unknown {
  const projects = draft.projectEvaluations.map((p) => ({
    ...p,
    meta: { ...p.meta, unitName: p.meta.unitName || (draft.meta.unitName ?? '') },
    rulebookId: guessRulebook(p.indicators, 'project').id,
  }));
  const lone = projects[0];
  if (draft.kind === 'project' && lone !== undefined && projects.length === 1) return lone;
  return {
    ...draft,
    kind: 'department',
    meta: { ...draft.meta, unitName: draft.meta.unitName ?? '' },
    rulebookId: guessRulebook(draft.indicators, 'department').id,
    projectEvaluations: projects,
  };
}
