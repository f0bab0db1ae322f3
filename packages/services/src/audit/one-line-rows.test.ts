import { describe, expect, it } from 'vitest';
import { auditDocument } from './audit-document.ts';

/** A 自评表 as a web page gives it: every row of the table on the page's one line. */
const page = (rows: readonly string[][]): string =>
  `<html><body><p>某县2024年度渔港建设项目绩效自评表</p><table>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('')}</table></body></html>`;

describe('two rows of a table on one line with the same figures', () => {
  // Measured: an html table's rows all stand on the page's line, so two leaves scored 4 of 5
  // with no reason were one finding (the place was the line alone); the Word copy gave two.
  it('are two places, each with its own finding', () => {
    const html = page([
      ['一级指标', '二级指标', '三级指标', '分值', '得分'],
      ['决策', '绩效目标', '绩效目标合理性', '5', '4'],
      ['决策', '资金投入', '预算编制科学性', '5', '4'],
      ['产出', '产出数量', '码头泊位建设数量', '45', '45'],
      ['效益', '社会效益', '渔船避风能力提升', '35', '35'],
      ['满意度', '服务对象满意度', '渔民满意度', '10', '10'],
      ['总分', '', '', '100', '98'],
    ]);
    const findings = auditDocument(new TextEncoder().encode(html), 'x.html').findings.filter(
      (f) => f.code === 'DEDUCTION_NO_REASON',
    );
    expect(findings.map((f) => f.message.slice(0, 9)).sort()).toEqual([
      '“绩效目标合理性”',
      '“预算编制科学性”',
    ]);
  });
});
