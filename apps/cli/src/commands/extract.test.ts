import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DepartmentEvaluation } from '@jixiao/domain';
import { renderReportDocx } from '@jixiao/documents';
import { memoryIo } from '../cli-io.ts';
import { runCli } from '../main.ts';

const root = path.resolve(import.meta.dirname, '../../../../');
const scratch = mkdtempSync(path.join(tmpdir(), 'jixiao-extract-'));

async function run(...argv: string[]) {
  const io = memoryIo(scratch);
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe('jixiao extract', () => {
  it('writes the evaluation a report states, which score takes from there', async () => {
    const evaluation = DepartmentEvaluation.parse(
      JSON.parse(
        readFileSync(path.join(root, 'fixtures/evaluations/004_66e78293cd0851a8.json'), 'utf8'),
      ),
    );
    writeFileSync(path.join(scratch, 'report.docx'), await renderReportDocx(evaluation, undefined));
    const extracted = await run('extract', 'report.docx', '-o', 'out/evaluation.json');
    expect(extracted.code).toBe(0);
    expect(extracted.err).toContain('写入 out/evaluation.json');
    const json: unknown = JSON.parse(
      readFileSync(path.join(scratch, 'out/evaluation.json'), 'utf8'),
    );
    const back = DepartmentEvaluation.parse(json);
    expect(back.meta.unitName).toBe(evaluation.meta.unitName);
    expect(back.funds.total?.executed?.fen).toBe(evaluation.funds.total?.executed?.fen);
    const scored = await run('score', 'out/evaluation.json', '--format', 'json');
    expect(scored.code).toBe(0);
    expect((JSON.parse(scored.out) as { scoreSheet: { total: number } }).scoreSheet.total).toBe(99);
  });

  it('prints to stdout without -o, and fails with a Chinese message on a file it cannot read', async () => {
    writeFileSync(path.join(scratch, 'fake.pdf'), '这不是 PDF');
    const bad = await run('extract', 'fake.pdf');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('PDF 文件已损坏或不是有效的 PDF');
    const missing = await run('extract', 'nowhere.docx');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('文件不存在');
    const odd = await run('extract', 'table.odt');
    expect(odd.code).toBe(2);
    expect(odd.err).toContain('不支持的文件类型');
  });
});
