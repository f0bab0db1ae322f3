import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTablesXlsx } from '@jixiao/documents';
import { memoryIo } from '../cli-io.ts';
import { repoRoot } from '../repo-root.ts';
import { renderCommand } from './render.ts';

const fixture = path.join(repoRoot(), 'fixtures', 'evaluations', '004_66e78293cd0851a8.json');

describe('jixiao render', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'jixiao-render-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the report and the tables workbook', async () => {
    const io = memoryIo(dir);
    const code = await renderCommand.run(
      [fixture, '-o', 'out/report.docx', '--xlsx', 'tables.xlsx'],
      io,
    );
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    const zip = await JSZip.loadAsync(await readFile(path.join(dir, 'out/report.docx')));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('中共岳阳市君山区委办公室');
    const { evaluation, problems } = await readTablesXlsx(
      await readFile(path.join(dir, 'tables.xlsx')),
    );
    expect(problems).toEqual([]);
    expect(evaluation.projectEvaluations[0]?.projectName).toBe('区委办专项');
  });

  it('writes one project report with --project', async () => {
    const io = memoryIo(dir);
    expect(await renderCommand.run([fixture, '-o', 'p.docx', '--project', '区委办专项'], io)).toBe(
      0,
    );
    const zip = await JSZip.loadAsync(await readFile(path.join(dir, 'p.docx')));
    expect(await zip.file('word/document.xml')?.async('string')).toContain(
      '区委办专项项目支出绩效自评报告',
    );
  });

  it('answers bad input in Chinese with exit code 2', async () => {
    const cases: [string[], RegExp][] = [
      [[fixture], /请用 -o 指定/],
      [[fixture, '-o', 'x.pdf'], /须以 \.docx 结尾/],
      [
        [fixture, '-o', 'x.docx', '--project', '没有的项目'],
        /找不到项目「没有的项目」.*区委办专项/,
      ],
      [['missing.json', '-o', 'x.docx'], /找不到文件/],
      [[fixture, '-o', 'x.docx', '--figures', 'guess'], /--figures 的取值「guess」无效/],
    ];
    for (const [args, message] of cases) {
      const io = memoryIo(dir);
      expect(await renderCommand.run(args, io), args.join(' ')).toBe(2);
      expect(io.err()).toMatch(message);
    }
    await writeFile(path.join(dir, 'broken.json'), '{"kind": "department",');
    const io = memoryIo(dir);
    expect(await renderCommand.run(['broken.json', '-o', 'x.docx'], io)).toBe(2);
    expect(io.err()).not.toBe('');
  });
});
