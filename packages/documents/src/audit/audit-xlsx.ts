import ExcelJS from 'exceljs';
import { CATEGORY_LABELS_ZH, checkName } from '@jixiao/domain';
import type { FileAudit } from './audit-types.ts';
import { rulebookLabel } from './audit-types.ts';

const SEVERITY_ZH = { error: '错误', warning: '警告', info: '提示' } as const;

/**
 * The audit as a workbook: sheet “文件” with one row per file (summary and counts), sheet
 * “问题” with one row per finding (file, line, category, check, figure, message, excerpt). Every
 * name is the Chinese one a reader knows: categories, checks and rulebooks, never their codes.
 */
export async function auditWorkbook(files: readonly FileAudit[]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const summary = book.addWorksheet('文件');
  summary.columns = [
    { header: '文件', key: 'file', width: 40 },
    { header: '读取', key: 'ok', width: 8 },
    { header: '错误', key: 'error', width: 30 },
    { header: '标题', key: 'title', width: 36 },
    { header: '单位', key: 'department', width: 28 },
    { header: '年度', key: 'year', width: 8 },
    { header: '评价规则', key: 'rulebook', width: 22 },
    { header: '报告总分', key: 'claimed', width: 10 },
    { header: '计算总分', key: 'computed', width: 10 },
    { header: '错误数', key: 'errors', width: 8 },
    { header: '警告数', key: 'warnings', width: 8 },
    { header: '提示数', key: 'infos', width: 8 },
  ];
  const findings = book.addWorksheet('问题');
  findings.columns = [
    { header: '文件', key: 'file', width: 40 },
    { header: '行', key: 'line', width: 6 },
    { header: '严重程度', key: 'severity', width: 10 },
    { header: '类别', key: 'category', width: 16 },
    { header: '检查项', key: 'check', width: 26 },
    { header: '报告所写', key: 'stated', width: 14 },
    { header: '应为', key: 'expected', width: 14 },
    { header: '说明', key: 'message', width: 60 },
    { header: '原文', key: 'excerpt', width: 60 },
  ];
  for (const f of files) {
    const count = (s: string): number => f.findings.filter((x) => x.severity === s).length;
    summary.addRow({
      file: f.file,
      ok: f.ok ? '是' : '否',
      error: f.error ?? '',
      title: f.summary.title ?? '',
      department: f.summary.department ?? '',
      year: f.summary.year ?? '',
      rulebook: rulebookLabel(f.summary),
      claimed: f.summary.claimedTotal ?? '',
      computed: f.summary.computedTotal ?? '',
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
    });
    for (const x of f.findings) {
      findings.addRow({
        file: f.file,
        line: x.line ?? '',
        severity: SEVERITY_ZH[x.severity],
        category: CATEGORY_LABELS_ZH[x.category],
        check: checkName(x.code),
        stated: x.stated ?? '',
        expected: x.expected ?? '',
        message: x.message,
        excerpt: x.excerpt ?? '',
      });
    }
  }
  for (const sheet of [summary, findings]) {
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  const buffer = await book.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
