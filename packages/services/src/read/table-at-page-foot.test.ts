import { describe, expect, it } from 'vitest';
import { readReportFile } from './read-report-file.ts';
import { assemblePdf } from './testing/office-fixtures.ts';

const text = (x: number, y: number, s: string): string =>
  `BT /F1 10 Tf 1 0 0 1 ${x} ${y} Tm (${s.replace(/[()\\]/g, '\\$&')}) Tj ET`;

/** Ruling lines of a grid: verticals at `xs` from the first to the last of `ys`, and rows. */
function grid(xs: number[], ys: number[]): string[] {
  const top = ys[0] ?? 0;
  const bottom = ys[ys.length - 1] ?? 0;
  return [
    ...xs.map((x) => `${x} ${bottom} m ${x} ${top} l S`),
    ...ys.map((y) => `${xs[0] ?? 0} ${y} m ${xs[xs.length - 1] ?? 0} ${y} l S`),
  ];
}

/**
 * Two pages as Writer prints a report whose 自评表 starts at the foot of its last page of prose:
 * page 1 is prose, then the table's title, its first row and the start of the second, cut by
 * the page break (closed by a rule there, as Writer draws it); page 2 holds the rest of that row and the table's body.
 */
function proseThenTablePdf(): Uint8Array {
  const xs = [56, 156, 256, 356, 456];
  const prose = Array.from({ length: 30 }, (_, i) =>
    text(56, 790 - i * 18, `Line ${i + 1} of the report, one run of prose across the page.`),
  );
  const foot = [88, 62, 28];
  const page1 = [
    ...prose,
    text(56, 100, 'Attached table'),
    '0.5 w',
    ...grid(xs, foot),
    // Narrow first cells wrap their names over lines of their own, as 项目/名称 and 资金/情况/（元.
    text(62, 78, 'Project'),
    text(62, 67, 'name'),
    text(162, 72, 'Weather'),
    text(62, 54, 'Funds'),
    text(62, 43, 'in'),
    text(62, 32, '(yuan'),
    text(162, 43, 'Budget'),
    text(262, 43, 'Executed'),
    text(362, 43, 'Rate'),
  ].join('\n');
  const body = [800, 776, 752, 728, 704, 680];
  const page2 = [
    '0.5 w',
    ...grid(xs, body),
    text(62, 786, ')'),
    ...[
      ['Total', '2,000,000.00', '1,900,000.00', '95.00%'],
      ['Output', '50', '48', 'none'],
      ['Effect', '30', '30', 'none'],
      ['Total score', '100', '97', 'none'],
    ].flatMap((row, r) => row.map((cell, c) => text((xs[c] ?? 0) + 6, 762 - r * 24, cell))),
  ].join('\n');
  return assemblePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 6 0 R >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 7 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${page1.length} >>\nstream\n${page1}\nendstream`,
    `<< /Length ${page2.length} >>\nstream\n${page2}\nendstream`,
  ]);
}

describe('a ruled table that starts at the foot of a page of prose', () => {
  it('reads its first rows on that page as a table', async () => {
    const read = await readReportFile(proseThenTablePdf(), 'report.pdf');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const tables = read.document.blocks.filter((b) => b.kind === 'table');
    const rows = tables.flatMap((t) => t.rows ?? []).map((r) => r.cells.join('|'));
    // Its head stays a table's (the unit in it is what tells 元 from 万元), never prose.
    expect(rows[0]).toBe('Project name|Weather||');
    expect(rows[1]).toMatch(/^Funds in\(yuan\)?\|Budget\|Executed\|Rate$/);
    expect(rows).toContain('Total|2,000,000.00|1,900,000.00|95.00%');
    const paragraphs = read.document.blocks.filter((b) => b.kind !== 'table').map((b) => b.text);
    expect(paragraphs.some((p) => p.includes('Funds'))).toBe(false);
    expect(paragraphs).toContain('Attached table');
  });
});
