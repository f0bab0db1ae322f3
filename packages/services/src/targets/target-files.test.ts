import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TargetForm } from '@jixiao/domain';
import { sampleTargetForm, targetShape } from '@jixiao/documents/testing';
import { renderTargetTableDocx, renderTargetTableXlsx } from '@jixiao/documents';
import { installed, libreOfficeConvert, pdfToJpegs } from '../read/testing/office-fixtures.ts';
import { readTargetUpload } from './target-files.ts';

const form = sampleTargetForm();
const shape = targetShape;

const office = installed('soffice');
let dir = '';
/** The same table in the forms a unit may have it in, made from the platform's own export. */
const files = new Map<string, Uint8Array>();

beforeAll(async () => {
  if (!office) return;
  dir = mkdtempSync(path.join(tmpdir(), 'jixiao-target-files-'));
  const docx = path.join(dir, '目标表.docx');
  const xlsx = path.join(dir, '目标表.xlsx');
  writeFileSync(docx, renderTargetTableDocx(form));
  writeFileSync(xlsx, await renderTargetTableXlsx(form));
  const [pdf] = libreOfficeConvert([docx], 'pdf', dir, dir);
  const [doc] = libreOfficeConvert([docx], 'doc', dir, dir);
  const [xls] = libreOfficeConvert([xlsx], 'xls', dir, dir);
  for (const file of [pdf, doc, xls])
    if (file !== undefined) files.set(path.basename(file), new Uint8Array(readFileSync(file)));
  // A photo of the printed table, as a unit may send it (grey, 120 dpi).
  if (pdf !== undefined && installed('pdftoppm', ['-v']) && installed('tesseract')) {
    const [scan] = pdfToJpegs(pdf, 120, path.join(dir, 'scan'), [1, 1]);
    if (scan !== undefined) files.set('目标表.jpg', new Uint8Array(readFileSync(scan)));
  }
}, 300_000);

afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

describe.runIf(office)('a 绩效目标表 imported from PDF, .doc and .xls', () => {
  for (const name of ['目标表.pdf', '目标表.doc', '目标表.xls']) {
    it(`${name}: the unit, year, budget, goal and every indicator with its target and weight`, async () => {
      const bytes = files.get(name);
      if (bytes === undefined) throw new Error(`LibreOffice made no ${name}`);
      const read = await readTargetUpload(bytes, name);
      if (!read.ok) throw new Error(read.message);
      const back = TargetForm.parse({ ...read.form, rulebookId: 'hunan-department' });
      expect(back.unitName).toBe(form.unitName);
      expect(back.year).toBe(2025);
      expect(back.kind).toBe('department');
      expect(back.overallGoal.replace(/\s+/g, '')).toBe(form.overallGoal);
      expect(back.budget.total?.fen).toBe(1_000_000_000);
      expect(back.budget.fiscal?.fen).toBe(950_000_000);
      expect(shape(back.indicators)).toEqual(shape(form.indicators));
    }, 120_000);
  }

  it('says so when the recognition of a poor scan loses the table, instead of "not a 绩效目标表"', async () => {
    const bytes = files.get('目标表.jpg');
    if (bytes === undefined) return; // no pdftoppm or tesseract on this machine
    const read = await readTargetUpload(bytes, '目标表.jpg');
    // At 120 dpi the recognition loses the header row (measured); the message names the scan.
    expect(read).toMatchObject({ ok: false });
    expect(read.ok ? '' : read.message).toMatch(/^扫描件经文字识别后未能辨认出绩效指标表/);
  }, 120_000);

  it('refuses what is not a 绩效目标表, a damaged PDF and an unknown type, in Chinese', async () => {
    const notATable = await readTargetUpload(
      new TextEncoder().encode('2024年度部门整体支出绩效自评报告'),
      '报告.txt',
    );
    expect(notATable).toMatchObject({ ok: false });
    expect(notATable.ok ? '' : notATable.message).toMatch(/不是绩效目标表/);
    const damaged = await readTargetUpload(new TextEncoder().encode('%PDF-1.7\n'), '目标表.pdf');
    expect(damaged.ok ? '' : damaged.message).toMatch(/PDF/);
    const rar = await readTargetUpload(new Uint8Array([1, 2, 3]), '目标表.rar');
    expect(rar.ok ? '' : rar.message).toMatch(/不支持的文件类型/);
    const empty = await readTargetUpload(new Uint8Array(0), '目标表.xls');
    expect(empty.ok ? '' : empty.message).toBe('文件为空');
  });
});
