import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditFinding } from '@jixiao/documents/audit-core';
import { auditDocument, auditReport } from '../audit/audit-document.ts';
import { installed, printHtmlToPdf } from './testing/office-fixtures.ts';

// The invented 自评表 pages and whole reports kept as html (rowspan/colspan, tables of a fund
// block and an indicator block with their own column splits, headers of two rows, tables
// crossing pages) printed to PDF as Writer lays them out: ruled tables whose parts continue on
// the next page, sometimes with one or two rows only, sometimes drawn with fewer columns. Each
// PDF must give the findings of its page.
const audit = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../audit');
const pages = ['invented-tables', 'invented-reports'].flatMap((dir) =>
  readdirSync(path.join(audit, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html') && !f.startsWith('src'))
    .map((f) => path.join(dir, f))
    .sort(),
);
const ready = pages.length > 0 && installed('soffice');

let dir = '';
const pdf = new Map<string, Uint8Array>();

beforeAll(() => {
  if (!ready) return;
  dir = mkdtempSync(path.join(tmpdir(), 'jixiao-html-pdf-'));
  // Names made unique across folders, as LibreOffice writes every PDF into one folder.
  const flat = pages.map((p) => ({
    from: path.join(audit, p),
    to: path.join(dir, p.replace(/[\\/]/g, '__')),
  }));
  for (const { from, to } of flat) copyFileSync(from, to);
  const printed = printHtmlToPdf(
    flat.map((f) => f.to),
    dir,
    dir,
  );
  printed.forEach((file, i) => pdf.set(pages[i] ?? '', new Uint8Array(readFileSync(file))));
}, 600_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const key = (f: AuditFinding): string => [f.code, f.severity, f.stated, f.expected].join('|');

describe.skipIf(!ready)('html 自评表 pages and reports printed to PDF', () => {
  it('prints every page', () => {
    expect(pages.length).toBeGreaterThanOrEqual(40);
    expect(pdf.size).toBe(pages.length);
  });

  it.each(pages)(
    '%s: the PDF gives the page’s score and findings',
    async (name) => {
      const fromHtml = auditDocument(new Uint8Array(readFileSync(path.join(audit, name))), name);
      const fromPdf = await auditReport(
        pdf.get(name) ?? new Uint8Array(),
        name.replace(/\.html$/, '.pdf'),
      );
      expect(fromPdf.ok, fromPdf.error).toBe(true);
      expect(fromPdf.summary.claimedTotal).toBe(fromHtml.summary.claimedTotal);
      expect(fromPdf.summary.computedTotal).toBe(fromHtml.summary.computedTotal);
      expect(fromPdf.findings.map(key).sort()).toEqual(fromHtml.findings.map(key).sort());
    },
    60_000,
  );
});
