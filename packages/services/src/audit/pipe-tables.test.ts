import { describe, expect, it } from 'vitest';
import { auditDocument } from './audit-document.ts';
import type { DocumentAudit } from './audit-document.ts';
import { inventedTableCases } from './testing/invented-table-cases.ts';

/**
 * Copies of web pages keep a table in pipes: a Markdown row per line ("| 分值 | 得分 |" under a
 * "| --- |" rule), or one cell per line closed by " |" (an empty cell a lone "|", rows not
 * marked). Every invented 自评表 written with tabs is rewritten both ways: a clean table must get
 * no error, and each must find at least the findings (by category) its tab-separated copy finds.
 */

/** A line with tabs is a row: its cells between pipes; the rule goes under the first row. */
function asMarkdown(text: string): string {
  let ruled = false;
  return text
    .split('\n')
    .flatMap((line) => {
      if (!line.includes('\t')) {
        ruled = false;
        return [line];
      }
      const cells = line.split('\t').map((c) => c.trim());
      const row = `| ${cells.join(' | ')} |`;
      if (ruled) return [row];
      ruled = true;
      return [row, `|${' --- |'.repeat(cells.length)}`];
    })
    .join('\n');
}

/** A line with tabs is a row: each of its cells on a line of its own, closed by a pipe. */
function asPipedCells(text: string): string {
  return text
    .split('\n')
    .flatMap((line) =>
      line.includes('\t')
        ? line.split('\t').map((c) => (c.trim() === '' ? '|' : `${c.trim()} |`))
        : [line],
    )
    .join('\n');
}

/** Markdown rows with a blank line after each, as a copy spaces its paragraphs. */
const asSpacedMarkdown = (text: string): string =>
  asMarkdown(text)
    .split('\n')
    .flatMap((line) => (line.startsWith('|') ? [line, ''] : [line]))
    .join('\n');

const cases = inventedTableCases((f) => f.endsWith('.tabs.txt'));

const audit = (text: string, file: string): DocumentAudit =>
  auditDocument(new TextEncoder().encode(text), file);
const categories = (a: DocumentAudit): Set<string> => new Set(a.findings.map((f) => f.category));

// Measured when pipes were first read: Markdown rows 24 of 36 planted findings read as a grid
// (rows padded at their end shifted the columns of rows that leave out merged cells; three clean
// tables got errors), 36 of 36 read as tab-parted rows; one piped cell per line 34 of 36, the two
// lost (a 分值 total of 95, a 总分 in a table whose scores are written "10分") are found in
// their tab-separated copies only: rows not marked are read by the header's vocabulary alone.
// With holdout-m a third was lost the same way (m7's 总分); the last row's 偏差原因, the widest
// line, was taken for prose wrapped onto the 总分 label after it. Once a total row's label no
// longer continues a wrapped line, one is lost (v7's 分值 total of 95).
describe.each([
  ['Markdown rows', asMarkdown, 0],
  ['one piped cell per line', asPipedCells, 1],
  // Blank lines between the rows left a row alone between two of them unread as a table (its
  // cells and pipes read as words: a clean table's three amounts of one row taken for three
  // sources of its total, an error), until they no longer ended the table.
  ['Markdown rows spaced by blank lines', asSpacedMarkdown, 0],
] as const)('invented 自评表 in pipes: %s', (_label, render, mayLose) => {
  const audits = cases.map((c) => ({
    ...c,
    tabs: audit(c.text, c.file),
    piped: audit(render(c.text), c.file),
  }));

  it('reads the tables at all (most tab tables hold a planted finding)', () => {
    expect(audits.length).toBeGreaterThanOrEqual(20);
    expect(audits.filter((a) => a.planted.length > 0).length).toBeGreaterThanOrEqual(10);
  });

  it('gives no clean table an error', () => {
    const errors = audits
      .filter((a) => a.clean)
      .flatMap((a) =>
        a.piped.findings.filter((f) => f.severity === 'error').map((f) => `${a.file} ${f.code}`),
      );
    expect(errors).toEqual([]);
  });

  it(`finds the planted findings its tab-separated copy finds (all but ${mayLose})`, () => {
    const lost = audits.flatMap((a) => {
      const piped = categories(a.piped);
      const tabs = categories(a.tabs);
      return a.planted.filter((c) => tabs.has(c) && !piped.has(c)).map((c) => `${a.file} ${c}`);
    });
    const planted = audits.reduce((n, a) => n + a.planted.length, 0);
    const found = audits.reduce(
      (n, a) => n + a.planted.filter((c) => categories(a.piped).has(c)).length,
      0,
    );
    console.log(`${_label}: ${found}/${planted} planted findings found`, ...lost);
    expect(lost.length).toBeLessThanOrEqual(mayLose);
  });
});
