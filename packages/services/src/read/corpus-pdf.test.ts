import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditFinding } from '@jixiao/documents/audit-core';
import { auditDocument, auditReport } from '../audit/audit-document.ts';
import {
  installed,
  libreOfficeConvert,
  printTextToPdf,
  textReportDocx,
} from './testing/office-fixtures.ts';

// The example reports live beside the repository (../shared/corpus), not in it.
const corpus = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../../shared/corpus',
);
/**
 * The three reports without tables are printed as the text they are (LibreOffice sets each
 * line as a paragraph, left-aligned, ragged on the right). 004's tables are tab-per-cell text,
 * which printed as such become one cell per line with rows and empty cells both shown as blank
 * lines, not a table anyone could read back: it is written as the Word file it came from (real
 * tables with borders, rows broken across pages) and that is printed.
 */
const AS_TEXT = ['000_1b4dc649ed6af86d', '002_a7b055efa2efa46e', '003_673b39950d73d57f'];
const AS_WORD = ['004_66e78293cd0851a8'];
const REPORTS = [...AS_TEXT, ...AS_WORD];
const ready =
  existsSync(path.join(corpus, `${REPORTS[0] ?? ''}.txt`)) &&
  installed('soffice') &&
  installed('pdftotext', ['-v']);

let dir = '';
const pdf = new Map<string, Uint8Array>();
/** pdftotext's text of each page in the order it is drawn (a table cell by cell): a witness of where a finding is. */
const pageText = new Map<string, string[]>();

beforeAll(() => {
  if (!ready) return;
  dir = mkdtempSync(path.join(tmpdir(), 'jixiao-corpus-pdf-'));
  const texts = AS_TEXT.map((name) => path.join(corpus, `${name}.txt`));
  const printed = printTextToPdf(texts, dir, dir);
  return (async () => {
    const words: string[] = [];
    for (const name of AS_WORD) {
      const file = path.join(dir, `${name}.docx`);
      writeFileSync(
        file,
        await textReportDocx(readFileSync(path.join(corpus, `${name}.txt`), 'utf8')),
      );
      words.push(file);
    }
    const fromWord = libreOfficeConvert(words, 'pdf', dir, dir);
    [...printed, ...fromWord].forEach((file, i) => {
      const name = REPORTS[i] ?? '';
      pdf.set(name, new Uint8Array(readFileSync(file)));
      const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
      pageText.set(name, text.split('\f'));
    });
  })();
}, 600_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const squash = (s: string): string => s.replace(/[\s\u3000]+/g, '');
/** What an evaluation states (figures, indicators, scores, names), without source positions. */
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

describe.skipIf(!ready)('the example reports printed to PDF', () => {
  it.each(REPORTS)(
    '%s: the PDF gives the text’s evaluation, total and findings, each on its page',
    async (name) => {
      const fromText = auditDocument(
        new Uint8Array(readFileSync(path.join(corpus, `${name}.txt`))),
        `${name}.txt`,
      );
      const fromPdf = await auditReport(pdf.get(name) ?? new Uint8Array(), `${name}.pdf`);
      expect(fromPdf.ok, fromPdf.error).toBe(true);
      expect(fromPdf.summary.computedTotal).toBe(fromText.summary.computedTotal);
      expect(fromPdf.summary.claimedTotal).toBe(fromText.summary.claimedTotal);
      expect(stated(fromPdf.evaluation)).toEqual(stated(fromText.evaluation));
      expect(fromPdf.findings.map(key)).toEqual(fromText.findings.map(key));
      const pages = pageText.get(name) ?? [];
      for (const f of fromPdf.findings) {
        expect(f.page, f.message).toBeGreaterThan(0);
        expect(f.bbox).toHaveLength(4);
        // The start of the finding's sentence or row is printed on the page it names.
        const start = squash((f.excerpt ?? '').split(' | ')[0] ?? '')
          .replace(/^…/, '')
          .slice(0, 8);
        expect(squash(pages[(f.page ?? 0) - 1] ?? ''), `${f.code} on page ${f.page}`).toContain(
          start,
        );
      }
    },
    60_000,
  );
});
