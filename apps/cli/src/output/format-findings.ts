import { CATEGORY_LABELS_ZH, SEVERITY_LABELS_ZH } from '@jixiao/domain';
import type { Finding, Severity } from '@jixiao/domain';

const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];

/** The findings grouped by severity (errors first), with Chinese labels, or a line saying none. */
export function formatFindings(findings: readonly Finding[]): string {
  if (findings.length === 0) return '检查结果：未发现问题。\n';
  const counts = SEVERITY_ORDER.map(
    (s) => `${SEVERITY_LABELS_ZH[s]} ${findings.filter((f) => f.severity === s).length} 项`,
  );
  const lines = [`检查结果：${counts.join('，')}`];
  for (const severity of SEVERITY_ORDER) {
    const group = findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    lines.push('', `【${SEVERITY_LABELS_ZH[severity]}】`);
    group.forEach((f, i) => {
      // The message already states the figures (stated / expected); the location goes below.
      const number = `  ${i + 1}. `;
      const indent = ' '.repeat(number.length);
      lines.push(`${number}[${CATEGORY_LABELS_ZH[f.category]}] ${f.message}`);
      const where = f.path === '' ? '（整体）' : f.path;
      const line = f.line === undefined ? '' : `（原文第 ${f.line} 行）`;
      lines.push(`${indent}位置：${where}${line}  代码：${f.code}`);
      if (f.excerpt !== undefined) lines.push(`${indent}原文：${f.excerpt}`);
    });
  }
  return lines.join('\n') + '\n';
}
