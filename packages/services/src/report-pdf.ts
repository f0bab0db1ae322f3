import { createHash } from 'node:crypto';
import { cachePer } from './bounded-cache.ts';
import { ServiceError } from './errors.ts';
import { convertWithLibreOffice } from './read/office-convert.ts';

// PDFs already made, per database, by the digest of the .docx they were made from: the writer
// gives the same bytes for the same report, so a version is converted once however often it is
// printed. Bounded by size.
const pdfCache = cachePer<{ bytes: Uint8Array }>(64 * 1024 * 1024);

/**
 * The report as PDF: the .docx the platform writes (GB/T 9704 layout, the unit's own figures),
 * converted by LibreOffice, so the PDF has the Word report's pages, fonts and page numbers.
 * Without LibreOffice the answer is a Chinese error that points to the Word download.
 */
export async function reportPdf(owner: object, docx: Uint8Array): Promise<Uint8Array> {
  const key = createHash('sha256').update(docx).digest('hex');
  const cache = pdfCache(owner);
  const hit = cache.get(key);
  if (hit !== undefined) return hit.bytes;
  const converted = await convertWithLibreOffice(docx, 'report.docx', 'pdf');
  if (!(converted instanceof Uint8Array)) {
    throw new ServiceError(
      'UNAVAILABLE',
      `暂时无法生成 PDF：${converted.error.message}。请下载 Word 版报告后自行打印或另存为 PDF。`,
    );
  }
  cache.set(key, { bytes: converted });
  return converted;
}
