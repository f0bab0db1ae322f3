import { displayWidth } from '@jixiao/domain/text-width';
import type { FileAudit } from '@jixiao/documents';
// The labels alone: the command's text output loads no schema (see audit-startup.test.ts).
import {
  UNDERSTANDING_LABELS_ZH,
  noFindingsSaid,
  rulebookSaid,
} from '@jixiao/domain/status-labels';

const SEVERITY_ZH = { error: '错误', warning: '警告', info: '提示' } as const;

const pad = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - displayWidth(s)));

/** Plain text: each file's findings with line and excerpt, then a summary table of all files. */
export function formatAuditText(files: readonly FileAudit[]): string {
  const out: string[] = [];
  for (const f of files) {
    out.push(`== ${f.file}`);
    if (!f.ok) {
      out.push(`  无法读取：${f.error ?? ''}`, '');
      continue;
    }
    const s = f.summary;
    // A book the report does not bear out is said as assumed, with why.
    const book = rulebookSaid(s.rulebookName, s.rulebookInferred, s.rulebookBasis) || '—';
    out.push(
      `  ${s.title ?? '（无标题）'} · ${s.department ?? '（单位未识别）'} · ${s.year ?? '—'}年度 · 评价指标体系 ${book} · 报告总分 ${s.claimedTotal ?? '—'} · 计算总分 ${s.computedTotal ?? '—'}`,
    );
    const u = s.understanding;
    if (u) out.push(`  ${u.status === 'recognised' ? '识别情况' : '注意'}：${u.message}`);
    for (const n of f.notes ?? []) out.push(`  说明：${n}`);
    if (f.findings.length === 0)
      out.push(`  ${noFindingsSaid(u?.status ?? null, s.computedTotal)}`);
    for (const x of f.findings) {
      out.push(`  [${SEVERITY_ZH[x.severity]}] 第${x.line ?? '?'}行 ${x.category}：${x.message}`);
      if (x.excerpt) out.push(`      原文：${x.excerpt.replace(/\s+/g, ' ')}`);
    }
    out.push('');
  }
  out.push(summaryTable(files));
  return `${out.join('\n')}\n`;
}

export function summaryTable(files: readonly FileAudit[]): string {
  const header = ['文件', '单位', '年度', '识别', '报告总分', '计算总分', '错误', '警告', '提示'];
  const rows = files.map((f) => {
    const n = (sev: string): string => String(f.findings.filter((x) => x.severity === sev).length);
    return f.ok
      ? [
          f.file,
          f.summary.department ?? '',
          String(f.summary.year ?? ''),
          UNDERSTANDING_LABELS_ZH[f.summary.understanding?.status ?? 'not-recognised'],
          String(f.summary.claimedTotal ?? ''),
          String(f.summary.computedTotal ?? ''),
          n('error'),
          n('warning'),
          n('info'),
        ]
      : [f.file, `无法读取：${f.error ?? ''}`, '', '', '', '', '', '', ''];
  });
  const widths = header.map((h, i) =>
    Math.min(48, Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? '')))),
  );
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => pad(c, widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const ok = files.filter((f) => f.ok).length;
  const blind = files.filter(
    (f) => f.ok && f.summary.understanding?.status !== 'recognised',
  ).length;
  const count = (sev: string): number =>
    files.reduce((s, f) => s + f.findings.filter((x) => x.severity === sev).length, 0);
  return [
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
    '',
    `共 ${files.length} 个文件，成功读取 ${ok} 个${blind > 0 ? `（其中 ${blind} 个未识别自评表结构，只作了部分审核）` : ''}；错误 ${count('error')} 条，警告 ${count('warning')} 条，提示 ${count('info')} 条。`,
  ].join('\n');
}
