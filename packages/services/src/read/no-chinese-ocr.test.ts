import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditBatch } from '../audit/audit-batch.ts';
import { readReportFile } from './read-report-file.ts';
import { grayImagePdf, installed } from './testing/office-fixtures.ts';

const ENGLISH = '/usr/share/tesseract-ocr/5/tessdata/eng.traineddata';
// tesseract reads its models from TESSDATA_PREFIX: a folder with the English model only is a
// machine where the Chinese one was never installed. Set before this file asks tesseract anything.
const models = mkdtempSync(path.join(tmpdir(), 'jixiao-tessdata-'));
const ready = installed('tesseract', ['--version']) && installed('ls', [ENGLISH]);
if (ready) {
  symlinkSync(ENGLISH, path.join(models, 'eng.traineddata'));
  process.env.TESSDATA_PREFIX = models;
}
afterAll(() => rmSync(models, { recursive: true, force: true }));

/** A scanned page: white, with a dark block where text would be (no text layer). */
function scan(): Uint8Array {
  const width = 850;
  const height = 1100;
  const data = new Uint8Array(width * height).fill(255);
  for (let y = 100; y < 140; y++) for (let x = 100; x < 700; x++) data[y * width + x] = 20;
  return grayImagePdf([{ width, height, data }], 100);
}

describe.skipIf(!ready)('a scanned PDF where tesseract has no Chinese model', () => {
  it('is a clear Chinese error naming the model to install, and the batch goes on', async () => {
    const read = await readReportFile(scan(), 'scan.pdf');
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.error.code).toBe('ocr-failed');
      expect(read.error.message).toContain('简体中文识别模型');
      expect(read.error.message).toContain('tesseract-ocr-chi-sim');
    }
    const files = new Map<string, Uint8Array>([
      ['scan.pdf', scan()],
      ['report.txt', new TextEncoder().encode('2023年度部门整体支出绩效自评报告\n一、基本情况\n')],
    ]);
    const results = await auditBatch(
      [...files.keys()],
      (f) => Promise.resolve(files.get(f) ?? new Error('?')),
      { workers: 0 },
    );
    expect(results.map((r) => r.ok)).toEqual([false, true]);
    expect(results[0]?.error).toContain('chi_sim');
  });
});
