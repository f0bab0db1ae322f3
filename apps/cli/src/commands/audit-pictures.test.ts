import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DepartmentEvaluation } from '@jixiao/domain';
import { departmentReportBlocks, resolveOptions } from '@jixiao/documents';
import { memoryIo } from '../cli-io.ts';
import { runCli } from '../main.ts';
import { blocksToText } from '../../../../packages/services/src/audit/testing/render-text.ts';
import {
  installed,
  printTextToPdf,
} from '../../../../packages/services/src/read/testing/office-fixtures.ts';

const root = path.resolve(import.meta.dirname, '../../../../');
const scratch = mkdtempSync(path.join(tmpdir(), 'jixiao-audit-pictures-'));
const tools = installed('soffice') && installed('pdftoppm', ['-v']);

async function run(...argv: string[]) {
  const io = memoryIo(scratch);
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

beforeAll(() => {
  if (!tools) return;
  const evaluation = DepartmentEvaluation.parse(
    JSON.parse(
      readFileSync(path.join(root, 'fixtures/evaluations/clean-hunan-department.json'), 'utf8'),
    ),
  );
  const text = blocksToText(
    departmentReportBlocks(evaluation, undefined, resolveOptions({ figures: 'stated' })),
  );
  writeFileSync(
    path.join(scratch, 'wrong-share.txt'),
    text.replace('占基本支出的80.00%', '占基本支出的83.00%'),
  );
  // Printed to PDF by LibreOffice, as a unit would publish it.
  printTextToPdf([path.join(scratch, 'wrong-share.txt')], scratch, scratch);
}, 150_000);

/** The embedded pictures: each one's width and height from its PNG header. */
function pictures(html: string): { width: number; height: number; bytes: number }[] {
  return [...html.matchAll(/src="data:image\/png;base64,([A-Za-z0-9+/=]+)"/g)].map((m) => {
    const png = Buffer.from(m[1] ?? '', 'base64');
    return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), bytes: png.length };
  });
}

describe.skipIf(!tools)('jixiao audit --format html on a PDF', () => {
  const envPath = process.env.PATH;
  afterEach(() => {
    process.env.PATH = envPath;
  });

  it('embeds the original page around each finding, the box outlined', async () => {
    const json = await run('audit', 'wrong-share.pdf', '--format', 'json', '--workers', '0');
    const findings = (
      JSON.parse(json.out) as { files: { findings: { page?: number; stated: string }[] }[] }
    ).files[0]?.findings;
    const placed = (findings ?? []).filter((f) => f.page !== undefined);
    expect(placed.map((f) => f.stated)).toContain('83.00%');

    const html = await run('audit', 'wrong-share.pdf', '--format', 'html', '--workers', '0');
    expect(html.out).toContain('<mark>83.00%</mark>');
    const shown = pictures(html.out);
    expect(shown).toHaveLength(placed.length);
    for (const p of shown) {
      // A band across an A4 page at 96 dpi, a few lines high; a few kilobytes each.
      expect(p.width).toBe(794);
      expect(p.height).toBeGreaterThan(80);
      expect(p.height).toBeLessThan(1123);
      expect(p.bytes).toBeLessThan(60_000);
    }
    expect(html.out).toContain(`第 ${placed[0]?.page} 页`);
    expect(html.out).not.toMatch(/<(script|link)\b/);
  }, 60_000);

  it('still lists each finding with its excerpt, and says why, when pdftoppm is missing', async () => {
    const bin = path.join(scratch, 'bin');
    mkdirSync(bin, { recursive: true });
    if (!existsSync(path.join(bin, 'node'))) symlinkSync(process.execPath, path.join(bin, 'node'));
    const html = await run('audit', 'wrong-share.pdf', '--format', 'html', '--workers', '0');
    expect(pictures(html.out).length).toBeGreaterThan(0);
    // A PATH with node but without poppler: the audit reads the PDF, the picture cannot be drawn.
    process.env.PATH = bin;
    const bare = await run('audit', 'wrong-share.pdf', '--format', 'html', '--workers', '0');
    expect(bare.out).toContain('<mark>83.00%</mark>');
    expect(pictures(bare.out)).toHaveLength(0);
    expect(bare.out).toContain('未安装 pdftoppm（poppler-utils），无法显示原页面');
  }, 60_000);
});

describe.skipIf(!tools || !installed('tesseract', ['--list-langs']))(
  'jixiao audit --format html on a photo of a page (.png)',
  () => {
    it('embeds the picture around the finding OCR placed, the box outlined', async () => {
      // The page with the wrong share, scanned at 300 dpi to a grey PNG as a unit would send it.
      const pdf = path.join(scratch, 'wrong-share.pdf');
      const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split(
        '\f',
      );
      const page = pages.findIndex((t) => t.includes('83.00%')) + 1;
      expect(page).toBeGreaterThan(0);
      execFileSync('pdftoppm', [
        ...['-r', '300', '-gray', '-png', '-singlefile'],
        ...['-f', String(page), '-l', String(page), pdf, path.join(scratch, '扫描页')],
      ]);
      const json = await run('audit', '扫描页.png', '--format', 'json', '--workers', '0');
      const findings = (
        JSON.parse(json.out) as {
          files: { findings: { page?: number; bbox?: number[]; stated: string }[] }[];
        }
      ).files[0]?.findings;
      const placed = (findings ?? []).filter((f) => f.bbox !== undefined);
      expect(placed.map((f) => f.stated)).toContain('83.00%');
      expect(placed.every((f) => f.page === 1)).toBe(true);

      const html = await run('audit', '扫描页.png', '--format', 'html', '--workers', '0');
      const shown = pictures(html.out);
      expect(shown).toHaveLength(placed.length);
      for (const p of shown) {
        // A band across the picture (2480 pixels at 300 dpi: 794 at 96 dpi), a few lines high.
        expect(p.width).toBe(794);
        expect(p.height).toBeGreaterThan(40);
        expect(p.height).toBeLessThan(1123);
      }
      expect(html.out).toContain('第 1 页');
    }, 180_000);
  },
);
