export {
  auditDocument,
  auditRead,
  auditReport,
  failedAudit,
  LOW_OCR_CONFIDENCE,
  needsTools,
  toFileAudit,
  mergeFindings,
} from './audit-document.ts';
export { readReportFile } from '../read/read-report-file.ts';
export { convertWithLibreOffice } from '../read/office-convert.ts';
export { ocrAvailable, recognisePdfPages } from '../read/tesseract-ocr.ts';
export type { DocumentAudit } from './audit-document.ts';
export {
  auditBatch,
  auditOffThread,
  auditProcesses,
  auditWorkerScript,
  batchThreads,
  closeAuditWorkers,
} from './audit-batch.ts';
export type { BatchOptions, LoadFile, WorkerScript } from './audit-batch.ts';
export { formatAuditText, summaryTable } from './format-audit-text.ts';
export {
  findingPlaces,
  hasPages,
  renderFilePlaces,
  renderFindingPictures,
} from '../read/finding-pictures.ts';
export {
  CROP_DPI,
  CROP_MARGIN_PT,
  MAX_CROPS_PER_FILE,
  renderPageCrops,
} from '../read/page-crops.ts';
export type { CropOptions, CropsResult, PageCrop, PagePlace } from '../read/page-crops.ts';
export {
  bundledScript,
  CACHE_VERSION,
  defaultCacheDirs,
  RECENT_CHANGE_MS,
} from './worker-bundle.ts';
export type { BundleRequest } from './worker-bundle.ts';
