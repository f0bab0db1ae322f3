import ExcelJS from 'exceljs';
import type { TargetForm } from '@jixiao/domain';
import { blocksToDocx } from '../write/docx-writer.ts';
import { resolveOptions } from '../write/options.ts';
import { writeAttachment } from '../xlsx/render-tables.ts';
import { targetTableBlock } from './target-table.ts';

/** The 绩效目标表 as a .docx in the report's GB/T 9704 layout. */
export function renderTargetTableDocx(form: TargetForm): Uint8Array {
  return blocksToDocx([targetTableBlock(form)], resolveOptions({}));
}

/** The 绩效目标表 as an .xlsx workbook of one sheet, merged cells as in the .docx. */
export async function renderTargetTableXlsx(form: TargetForm): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jixiao';
  writeAttachment(wb, targetTableBlock(form), '绩效目标表');
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
