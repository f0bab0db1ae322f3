import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readReportFile } from './read-report-file.ts';
import { assemblePdf, installed } from './testing/office-fixtures.ts';

/** A landscape attachment as shown: 842 × 595 points, a title and a ruled 3 × 3 table. */
function landscapeContent(): string {
  const text = (x: number, y: number, s: string): string =>
    `BT /F1 12 Tf 1 0 0 1 ${x} ${y} Tm (${s}) Tj ET`;
  const xs = [100, 300, 450, 600];
  const ys = [500, 470, 440, 410];
  const lines = [
    ...xs.map((x) => `${x} ${ys[ys.length - 1] ?? 0} m ${x} ${ys[0] ?? 0} l S`),
    ...ys.map((y) => `${xs[0] ?? 0} ${y} m ${xs[xs.length - 1] ?? 0} ${y} l S`),
  ];
  const cells = [
    ['Indicator', 'Weight', 'Score'],
    ['Output', '50', '48'],
    ['Total', '100', '97'],
  ];
  const texts = cells.flatMap((row, r) =>
    row.map((cell, c) => text((xs[c] ?? 0) + 6, (ys[r] ?? 0) - 20, cell)),
  );
  return [text(100, 540, 'Rotated attachment table 2023'), '0.5 w', ...lines, ...texts].join('\n');
}

/**
 * The landscape page stored as the page it is shown as (rotation 0), or on a portrait page
 * turned by /Rotate 90 or 270 with the content drawn turned the other way.
 */
function landscapePdf(rotate: 0 | 90 | 270): Uint8Array {
  const turn = { 0: '1 0 0 1 0 0', 90: '0 1 -1 0 595 0', 270: '0 -1 1 0 0 842' }[rotate];
  const box = rotate === 0 ? '[0 0 842 595]' : '[0 0 595 842]';
  const content = `q ${turn} cm\n${landscapeContent()}\nQ`;
  return assemblePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox ${box} /Rotate ${rotate} /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ]);
}

const dir = mkdtempSync(path.join(tmpdir(), 'jixiao-rotated-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * poppler's box of a word on the page as shown, turned into PDF points from the lower left
 * (pdftotext gives the word from the top of the page as shown, and the page's size unturned).
 */
function popplerBox(
  pdf: Uint8Array,
  word: string,
  turned: boolean,
): [number, number, number, number] {
  const file = path.join(dir, `${word}-${pdf.length}.pdf`);
  writeFileSync(file, pdf);
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  const page = /<page width="([\d.]+)" height="([\d.]+)"/.exec(html);
  const at = new RegExp(
    `<word xMin="([\\d.]+)" yMin="([\\d.]+)" xMax="([\\d.]+)" yMax="([\\d.]+)">${word}</word>`,
  ).exec(html);
  const height = Number(page?.[turned ? 1 : 2] ?? 0);
  return [
    Number(at?.[1] ?? -1),
    height - Number(at?.[4] ?? -1),
    Number(at?.[3] ?? -1),
    height - Number(at?.[2] ?? -1),
  ];
}

describe('pages turned by /Rotate', () => {
  it.each([0, 90, 270] as const)(
    'rotation %i: the landscape table reads as shown, with boxes on the page as shown',
    async (rotate) => {
      const pdf = landscapePdf(rotate);
      const read = await readReportFile(pdf, 'landscape.pdf');
      expect(read.ok).toBe(true);
      if (!read.ok) return;
      const [title, table] = read.document.blocks;
      expect(title?.text).toBe('Rotated attachment table 2023');
      expect(table?.rows?.map((r) => r.cells)).toEqual([
        ['Indicator', 'Weight', 'Score'],
        ['Output', '50', '48'],
        ['Total', '100', '97'],
      ]);
      // The page as shown is 842 wide and 595 high; the table's frame is where it was drawn.
      expect(table?.bbox).toEqual([100, 410, 600, 500]);
      for (const b of read.document.blocks) {
        const [x0 = -1, y0 = -1, x1 = -1, y1 = -1] = b.bbox ?? [];
        expect(x0).toBeGreaterThanOrEqual(0);
        expect(y0).toBeGreaterThanOrEqual(0);
        expect(x1).toBeLessThanOrEqual(842);
        expect(y1).toBeLessThanOrEqual(595);
      }
      if (installed('pdftotext', ['-v'])) {
        // poppler places the title's first word where our box starts.
        const [px0, py0, , py1] = popplerBox(pdf, 'Rotated', rotate !== 0);
        const [bx0 = 0, by0 = 0, , by1 = 0] = title?.bbox ?? [];
        expect(Math.abs(bx0 - px0)).toBeLessThan(2);
        expect(Math.abs((by0 + by1) / 2 - (py0 + py1) / 2)).toBeLessThan(3);
      }
    },
  );
});
