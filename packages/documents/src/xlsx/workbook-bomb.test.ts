import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { sampleTargetForm } from '../testing.ts';
import { assertZipWithin, ZIP_LIMITS, ZipError } from '../read/zip.ts';
import { readTargetTable } from '../targets/read-target-table.ts';
import { renderTargetTableXlsx } from '../targets/render-target-table.ts';
import { readTablesXlsx } from './read-tables.ts';

/** A workbook of a few hundred KB whose one sheet inflates to just past the workbook limit. */
async function bombWorkbook(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  zip.file(
    'xl/workbook.xml',
    '<workbook><sheets><sheet name="自评表" r:id="rId1"/></sheets></workbook>',
  );
  const filler = ' '.repeat(ZIP_LIMITS.workbookInflated + 1024);
  zip.file('xl/worksheets/sheet1.xml', `<worksheet><sheetData>${filler}</sheetData></worksheet>`);
  return zip.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 9 },
  });
}

/** The little-endian u32 at `offset`. */
function u32(bytes: Uint8Array, offset: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset).getUint32(offset, true);
}

describe('a workbook that would expand past the limit', () => {
  it('is refused by both workbook readers with a Chinese reason, before exceljs opens it', async () => {
    const bomb = await bombWorkbook();
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const tables = await readTablesXlsx(bomb);
    expect(tables.problems).toEqual([
      { code: 'XLSX_UNREADABLE', message: expect.stringContaining('压缩炸弹') as unknown },
    ]);
    const target = await readTargetTable(bomb, '绩效目标表.xlsx');
    expect(target).toEqual({ ok: false, message: expect.stringContaining('压缩炸弹') as unknown });
  }, 60_000);

  it('is refused when its directory understates a part, by the size the part really inflates to', async () => {
    const bytes = new Uint8Array(await renderTargetTableXlsx(sampleTargetForm()));
    expect(() => assertZipWithin(bytes, ZIP_LIMITS.workbookInflated)).not.toThrow();
    // Central directory entries (PK\1\2): declared uncompressed size at +24.
    const lying = bytes.slice();
    let patched = 0;
    for (let o = 0; o + 46 < lying.length; o++)
      if (u32(lying, o) === 0x02014b50 && u32(lying, o + 24) > 100) {
        new DataView(lying.buffer).setUint32(o + 24, 10, true);
        patched++;
      }
    expect(patched).toBeGreaterThan(0);
    expect(() => assertZipWithin(lying, ZIP_LIMITS.workbookInflated)).toThrow(ZipError);
  });

  it('leaves a real workbook readable', async () => {
    const form = sampleTargetForm();
    const read = await readTargetTable(await renderTargetTableXlsx(form), '绩效目标表.xlsx');
    expect(read.ok).toBe(true);
  });
});
