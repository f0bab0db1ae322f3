import type { AuditFinding } from '@jixiao/documents/audit-core';
import { imagePagePdf } from './image-page-pdf.ts';
import { renderPageCrops } from './page-crops.ts';
import type { CropOptions, CropsResult, PagePlace } from './page-crops.ts';

/** The place of each finding that has one (a finding of a PDF or a picture: page and box). */
export function findingPlaces(
  findings: readonly Pick<AuditFinding, 'page' | 'bbox'>[],
): (PagePlace | undefined)[] {
  return findings.map((f) =>
    f.page !== undefined && f.bbox !== undefined ? { page: f.page, bbox: f.bbox } : undefined,
  );
}

/** Whether pictures of the original can be drawn for a file of this name (PDF, PNG, JPEG). */
export function hasPages(fileName: string): boolean {
  return /\.(pdf|png|jpe?g)$/i.test(fileName);
}

const BAD_PICTURE = '图片无法解码（隔行扫描的 PNG 或文件损坏），无法显示原图；发现仍附原文摘录';

/**
 * Pictures of places in a file: a PDF's pages, or a picture (.png/.jpg) taken as the one page
 * OCR read it as. Other kinds get none and no note. See renderPageCrops for the bounds.
 */
export async function renderFilePlaces(
  bytes: Uint8Array,
  fileName: string,
  places: readonly (PagePlace | undefined)[],
  options: CropOptions = {},
): Promise<CropsResult> {
  if (!hasPages(fileName) || places.every((p) => p === undefined))
    return { crops: places.map(() => undefined) };
  if (/\.pdf$/i.test(fileName)) return renderPageCrops(bytes, places, options);
  const page = imagePagePdf(bytes);
  if (!page) return { crops: places.map(() => undefined), note: BAD_PICTURE };
  return renderPageCrops(page, places, options);
}

/** Pictures of the original page around each placed finding (see renderFilePlaces). */
export function renderFindingPictures(
  bytes: Uint8Array,
  fileName: string,
  findings: readonly Pick<AuditFinding, 'page' | 'bbox'>[],
  options: CropOptions = {},
): Promise<CropsResult> {
  return renderFilePlaces(bytes, fileName, findingPlaces(findings), options);
}
