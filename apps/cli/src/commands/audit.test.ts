import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DepartmentEvaluation } from '@jixiao/domain';
import { departmentReportBlocks, renderReportDocx, resolveOptions } from '@jixiao/documents';
import { memoryIo } from '../cli-io.ts';
import { runCli } from '../main.ts';
import { blocksToText } from '../../../../packages/services/src/audit/testing/render-text.ts';

const root = path.resolve(import.meta.dirname, '../../../../');
const scratch = mkdtempSync(path.join(tmpdir(), 'jixiao-audit-'));

async function run(...argv: string[]) {
  const io = memoryIo(scratch);
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

/** A folder of reports: two good ones (.txt with an injected error, .docx clean) and bad input. */
async function makeFolder(): Promise<string> {
  const dir = path.join(scratch, 'reports');
  mkdirSync(path.join(dir, 'nested'), { recursive: true });
  const evaluation = DepartmentEvaluation.parse(
    JSON.parse(
      readFileSync(path.join(root, 'fixtures/evaluations/clean-hunan-department.json'), 'utf8'),
    ),
  );
  const text = blocksToText(
    departmentReportBlocks(evaluation, undefined, resolveOptions({ figures: 'stated' })),
  );
  writeFileSync(
    path.join(dir, 'a-wrong-share.txt'),
    text.replace('占基本支出的80.00%', '占基本支出的83.00%'),
  );
  writeFileSync(
    path.join(dir, 'nested', 'b-clean.docx'),
    await renderReportDocx(evaluation, undefined, { figures: 'stated' }),
  );
  writeFileSync(path.join(dir, 'c-empty.txt'), '');
  writeFileSync(path.join(dir, 'd-fake.docx'), '这不是 Word 文件');
  writeFileSync(
    path.join(dir, 'e-garbage.html'),
    new Uint8Array(2048).map((_, i) => (i * 131) % 256),
  );
  writeFileSync(path.join(dir, 'ignored.odt'), 'x');
  return dir;
}

describe('jixiao audit', () => {
  it('audits a folder recursively on worker threads and prints the JSON of the issue', async () => {
    const dir = await makeFolder();
    const { code, out, err } = await run('audit', 'reports', '--format', 'json', '--workers', '2');
    expect(code).toBe(1);
    const json = JSON.parse(out) as { files: Record<string, unknown>[] };
    expect(Object.keys(json)).toEqual(['files']);
    expect(json.files.map((f) => f['file'])).toEqual([
      path.join('reports', 'a-wrong-share.txt'),
      path.join('reports', 'c-empty.txt'),
      path.join('reports', 'd-fake.docx'),
      path.join('reports', 'e-garbage.html'),
      path.join('reports', 'nested', 'b-clean.docx'),
    ]);
    const [share, empty, fake, garbage, clean] = json.files;
    expect(Object.keys(share ?? {})).toEqual(['file', 'ok', 'summary', 'findings', 'notes']);
    expect(Object.keys((share?.['summary'] as object | undefined) ?? {})).toEqual([
      'title',
      'department',
      'year',
      'rulebook',
      'rulebookName',
      'rulebookInferred',
      'rulebookBasis',
      'claimedTotal',
      'computedTotal',
      'understanding',
    ]);
    const findings = share?.['findings'] as Record<string, unknown>[];
    expect(Object.keys(findings[0] ?? {})).toEqual([
      'code',
      'category',
      'severity',
      'message',
      'stated',
      'expected',
      'excerpt',
      'line',
    ]);
    expect(
      findings.some(
        (f) =>
          f['category'] === 'ratio' && f['stated'] === '83.00%' && typeof f['line'] === 'number',
      ),
    ).toBe(true);
    expect(clean?.['ok']).toBe(true);
    expect((clean?.['findings'] as unknown[]).length).toBe(0);
    for (const bad of [empty, fake, garbage]) {
      expect(Object.keys(bad ?? {})).toEqual([
        'file',
        'ok',
        'error',
        'summary',
        'findings',
        'notes',
      ]);
      expect(bad?.['ok']).toBe(false);
      expect(String(bad?.['error'])).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(err).toContain('共 5 个文件，成功读取 2 个');
    expect(dir).toContain(scratch);
  }, 60_000);

  it('writes one workbook row per file and per finding, and a self-contained html page', async () => {
    await makeFolder();
    const xlsx = await run(
      'audit',
      'reports',
      '--format',
      'xlsx',
      '-o',
      'out/audit.xlsx',
      '--workers',
      '0',
    );
    expect(xlsx.code).toBe(1);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(scratch, 'out/audit.xlsx'));
    expect(book.getWorksheet('文件')?.rowCount).toBe(1 + 5);
    expect(book.getWorksheet('问题')?.getRow(2).getCell(6).text).toBe('83.00%');
    const html = await run('audit', 'reports/a-wrong-share.txt', '--format', 'html');
    expect(html.out).toMatch(/^<!DOCTYPE html>/);
    expect(html.out).toContain('<mark>83.00%</mark>');
    expect(html.out).not.toMatch(/<(script|link)\b|src=/);
  }, 60_000);

  it('passes with --fail-on error when a report has warnings only, and reports a missing path', async () => {
    await makeFolder();
    const clean = await run('audit', 'reports/nested/b-clean.docx');
    expect(clean.code).toBe(0);
    expect(clean.out).toContain('未发现问题');
    const missing = await run('audit', 'no-such-file.txt', '--format', 'json');
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.out).files[0].error).toBe('文件不存在或无法打开');
    const usage = await run('audit', 'reports', '--format', 'xlsx');
    expect(usage.code).toBe(2);
  });
});
