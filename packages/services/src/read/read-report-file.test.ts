import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DepartmentEvaluation, ProjectEvaluation } from '@jixiao/domain';
import { renderProjectDocx, renderReportDocx } from '@jixiao/documents';
import type { AuditFinding } from '@jixiao/documents/audit-core';
import { auditDocument, auditReport } from '../audit/audit-document.ts';
import { readReportFile } from './read-report-file.ts';
import { installed, libreOfficeConvert } from './testing/office-fixtures.ts';

const fixtures = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../fixtures/evaluations',
);
const REPORTS = ['004_66e78293cd0851a8', 'clean-hunan-department', 'clean-central-project'];
const office = installed('soffice') && installed('pdftoppm', ['-v']);

let dir = '';
const docx = new Map<string, Uint8Array>();
const pdf = new Map<string, Uint8Array>();
const doc = new Map<string, Uint8Array>();
/** pdftotext's text of each page, the independent witness of where a finding is. */
const pageText = new Map<string, string[]>();

const squash = (s: string): string => s.replace(/[\s\u3000]+/g, '');
/**
 * What an evaluation states: figures, indicators, scores, names; without the narrative texts
 * and source positions (a PDF keeps no spacing, and may split a sign-off line in two), white
 * space squashed.
 */
const stated = (value: unknown): unknown =>
  JSON.parse(
    JSON.stringify(value, (k, v: unknown) =>
      ['source', 'chapters', 'outline', 'line', 'excerpt', 'evidence'].includes(k)
        ? undefined
        : typeof v === 'string'
          ? squash(v)
          : v,
    ),
  );
const key = (f: AuditFinding): string => [f.code, f.severity, f.stated, f.expected].join('|');

beforeAll(async () => {
  if (!office) return;
  dir = mkdtempSync(path.join(tmpdir(), 'jixiao-pdf-test-'));
  const files: string[] = [];
  for (const name of REPORTS) {
    const json: unknown = JSON.parse(readFileSync(path.join(fixtures, `${name}.json`), 'utf8'));
    const project = ProjectEvaluation.safeParse(json);
    const bytes = project.success
      ? await renderProjectDocx(project.data, undefined)
      : await renderReportDocx(DepartmentEvaluation.parse(json), undefined);
    const file = path.join(dir, `${name}.docx`);
    writeFileSync(file, bytes);
    docx.set(name, bytes);
    files.push(file);
  }
  // Printed to PDF and saved as Word 97 by LibreOffice, each in one run.
  const pdfs = libreOfficeConvert(files, 'pdf', dir, dir);
  const docs = libreOfficeConvert(files, 'doc', dir, dir);
  REPORTS.forEach((name, i) => {
    const p = pdfs[i] ?? '';
    pdf.set(name, new Uint8Array(readFileSync(p)));
    doc.set(name, new Uint8Array(readFileSync(docs[i] ?? '')));
    const text = execFileSync('pdftotext', ['-layout', p, '-'], { encoding: 'utf8' });
    pageText.set(name, text.split('\f'));
  });
}, 600_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!office)('reports printed to PDF and saved as .doc', () => {
  it.each(REPORTS)(
    '%s: the PDF gives the .docx evaluation and findings, each on its page',
    async (name) => {
      const fromDocx = auditDocument(docx.get(name) ?? new Uint8Array(), `${name}.docx`);
      const fromPdf = await auditReport(pdf.get(name) ?? new Uint8Array(), `${name}.pdf`);
      expect(fromPdf.ok).toBe(true);
      expect(stated(fromPdf.evaluation)).toEqual(stated(fromDocx.evaluation));
      expect(fromPdf.summary).toEqual(fromDocx.summary);
      expect(fromPdf.findings.map(key)).toEqual(fromDocx.findings.map(key));
      const pages = pageText.get(name) ?? [];
      for (const f of fromPdf.findings) {
        expect(f.page, f.message).toBeGreaterThan(0);
        expect(f.bbox).toHaveLength(4);
        // The start of the finding's sentence or row is printed on the page it names.
        const start = squash((f.excerpt ?? '').split(' | ')[0] ?? '').slice(0, 8);
        expect(squash(pages[(f.page ?? 0) - 1] ?? ''), `${f.code} on page ${f.page}`).toContain(
          start,
        );
      }
    },
  );

  it.each(REPORTS)('%s: the .doc gives the .docx evaluation and findings', async (name) => {
    const fromDocx = auditDocument(docx.get(name) ?? new Uint8Array(), `${name}.docx`);
    const fromDoc = await auditReport(doc.get(name) ?? new Uint8Array(), `${name}.doc`);
    expect(fromDoc.ok, fromDoc.error).toBe(true);
    expect(fromDoc.evaluation).toEqual(fromDocx.evaluation);
    expect(fromDoc.findings.map(key)).toEqual(fromDocx.findings.map(key));
  });

  it('keeps a table that crosses a page as one table, without the repeated header row', async () => {
    const read = await readReportFile(pdf.get('004_66e78293cd0851a8') ?? new Uint8Array(), 'r.pdf');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const summary = read.document.blocks.find(
      (b) => b.kind === 'table' && b.rows?.some((r) => r.cells.includes('年度资金总额')),
    );
    const rows = summary?.rows ?? [];
    expect(new Set(rows.map((r) => r.page)).size).toBe(2);
    expect(rows.filter((r) => r.cells.includes('三级指标'))).toHaveLength(1);
    expect(rows.some((r) => r.cells.includes('总分'))).toBe(true);
    // Page numbers "— n —" are gone; every block has a page and a box.
    expect(read.document.blocks.some((b) => /^—\s*\d+\s*—$/.test(b.text))).toBe(false);
    expect(read.document.blocks.every((b) => b.page !== undefined && b.bbox !== undefined)).toBe(
      true,
    );
  });
});
