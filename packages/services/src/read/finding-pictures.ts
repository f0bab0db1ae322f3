import type { AuditFinding } from '@jixiao/documents/audit-core';
import { renderPageCrops } from './page-crops.ts';
import type { CropOptions, CropsResult, PagePlace } from './page-crops.ts';

/** The place of each finding that has one (a finding of a PDF: page and box). */
export function findingPlaces(
  findings: readonly Pick<AuditFinding, 'page' | 'bbox'>[],
): (PagePlace | undefined)[] {
  return findings.map((f) =>
    f.page !== undefined && f.bbox !== undefined ? { page: f.page, bbox: f.bbox } : undefined,
  );
}

/**
 * Pictures of the original page around each finding of a PDF (see renderPageCrops); a file of
 * another kind, or without placed findings, gets none and no note.
 */
export async function renderFindingPictures(
  bytes: Uint8Array,
  fileName: string,
  findings: readonly Pick<AuditFinding, 'page' | 'bbox'>[],
  options: CropOptions = {},
): Promise<CropsResult> {
  const places = findingPlaces(findings);
  if (!/\.pdf$/i.test(fileName) || places.every((p) => p === undefined))
    return { crops: places.map(() => undefined) };
  return renderPageCrops(bytes, places, options);
}
