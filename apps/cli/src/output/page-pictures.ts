import type { FileAudit, FindingPictures } from '@jixiao/documents/audit-core';
import { renderFindingPictures } from '@jixiao/services/audit';

/** Bytes of pictures one html report embeds at most (before base64): past it, excerpts only. */
export const MAX_HTML_PICTURE_BYTES = 24 * 1024 * 1024;

/**
 * Pictures of the original page around each finding of the PDFs and pictures among `results`, for the html
 * report; bounded per file (see renderPageCrops) and in total by `budget` bytes.
 */
export async function pagePictures(
  results: readonly FileAudit[],
  load: (file: string) => Promise<Uint8Array | Error>,
  budget = MAX_HTML_PICTURE_BYTES,
): Promise<Map<number, FindingPictures>> {
  const out = new Map<number, FindingPictures>();
  let left = budget;
  for (const [i, r] of results.entries()) {
    if (!r.ok || !r.findings.some((f) => f.page !== undefined && f.bbox !== undefined)) continue;
    if (left <= 0) {
      out.set(i, { pictures: [], note: '网页中的原页面图片已达上限，本文件的发现只附原文摘录' });
      continue;
    }
    const bytes = await load(r.file);
    if (bytes instanceof Error) {
      out.set(i, { pictures: [], note: `无法再次读取文件以显示原页面：${bytes.message}` });
      continue;
    }
    const drawn = await renderFindingPictures(bytes, r.file, r.findings);
    const pictures: (Uint8Array | undefined)[] = [];
    let cut = false;
    for (const crop of drawn.crops) {
      if (crop && crop.png.length <= left) {
        left -= crop.png.length;
        pictures.push(crop.png);
      } else {
        cut ||= crop !== undefined;
        pictures.push(undefined);
      }
    }
    const notes = [drawn.note, cut ? '网页中的原页面图片已达上限，其余发现只附原文摘录' : undefined]
      .filter((n) => n !== undefined)
      .join('；');
    out.set(i, notes === '' ? { pictures } : { pictures, note: notes });
  }
  return out;
}
