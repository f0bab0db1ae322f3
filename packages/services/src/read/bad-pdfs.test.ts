// Broken and hostile PDFs beyond those in read-report-file.test.ts: a cross-reference table
// pointing nowhere (pdfjs rebuilds it by scanning the objects), a stream whose /Length lies,
// and an object nested far deeper than any real file. Each is read or refused on its own,
// with bounded memory, and a batch with them goes on.
import { describe, expect, it } from 'vitest';
import { auditBatch } from '../audit/audit-batch.ts';
import { readReportFile } from './read-report-file.ts';
import { assemblePdf } from './testing/office-fixtures.ts';

/** A one-page PDF saying `text` (Helvetica), with a correct cross-reference table. */
function textPdf(text: string, contentLength?: number): Uint8Array {
  const content = `BT /F1 14 Tf 72 720 Td (${text}) Tj ET`;
  return assemblePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${contentLength ?? content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]);
}

/** The same PDF with every offset of its cross-reference table and startxref wrong. */
function brokenXref(pdf: Uint8Array): Uint8Array {
  const text = new TextDecoder('latin1').decode(pdf);
  const broken = text
    .replace(
      /^\d{10} 00000 n $/gm,
      (_, i: number) => `${String(7 + (i % 97)).padStart(10, '0')} 00000 n `,
    )
    .replace(/startxref\n\d+/, 'startxref\n123');
  return Uint8Array.from(broken, (c) => c.charCodeAt(0));
}

/** An object of arrays nested `depth` deep, referenced from the page's resources. */
function nestedPdf(depth: number): Uint8Array {
  return assemblePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Properties << /P0 4 0 R >> >> /Contents 5 0 R >>',
    `${'['.repeat(depth)}${']'.repeat(depth)}`,
    '<< /Length 20 >>\nstream\n/P0 BDC (x) Tj EMC \nendstream',
  ]);
}

describe('broken and hostile PDFs', () => {
  it('reads a PDF whose cross-reference table points nowhere, as pdfjs rebuilds it', async () => {
    const good = textPdf('Budget performance 2024');
    expect(new TextDecoder('latin1').decode(brokenXref(good))).not.toContain(
      new TextDecoder('latin1').decode(good).slice(-60),
    );
    const read = await readReportFile(brokenXref(good), 'xref.pdf');
    const text = read.ok
      ? read.document.blocks.map((b) => b.text ?? '').join(' ')
      : read.error.message;
    console.log(`broken xref: ${read.ok ? `read, "${text}"` : read.error.message}`);
    expect(read.ok ? text : read.error.code).toContain('Budget performance 2024');
  });

  it('gives a stream whose /Length lies, and a deeply nested object, a Chinese error or a reading', async () => {
    // pdfjs finds the stream's end by its endstream when /Length is wrong: the text is read.
    const cases: [string, Uint8Array, string][] = [
      ['length-lie.pdf', textPdf('Length lie', 999_999_999), 'Length lie'],
      ['length-short.pdf', textPdf('Length short', 3), 'Length short'],
      ['nested.pdf', nestedPdf(200_000), ''],
    ];
    for (const [name, bytes, said] of cases) {
      const before = process.memoryUsage().rss;
      const read = await readReportFile(bytes, name);
      console.log(`${name}: ${read.ok ? 'read' : `${read.error.code} ${read.error.message}`}`);
      if (said !== '') {
        expect(read.ok, name).toBe(true);
        if (read.ok)
          expect(read.document.blocks.map((b) => b.text ?? '').join(' ')).toContain(said);
      } else if (!read.ok) {
        expect(read.error.code).toMatch(/^pdf-(invalid|too-complex)$/);
        expect(read.error.message).toMatch(/PDF/);
      }
      expect(process.memoryUsage().rss - before, name).toBeLessThan(300 * 1024 * 1024);
    }
    const files = [...cases.map(([n]) => n), 'good.pdf'];
    const bytesOf = new Map(cases.map(([n, b]) => [n, b] as const));
    bytesOf.set('good.pdf', textPdf('Good file'));
    const results = await auditBatch(
      files,
      (f) => Promise.resolve(bytesOf.get(f) ?? new Error('?')),
      { workers: 0 },
    );
    expect(results).toHaveLength(files.length);
    expect(results.map((r) => r.file)).toEqual(files);
    for (const r of results) if (!r.ok) expect(r.error).toMatch(/[\u4e00-\u9fff]/);
  });
});
