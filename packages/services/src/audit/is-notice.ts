import type { ExtractedReport } from '@jixiao/documents/audit-core';
import { plain } from './cut-sentences.ts';

/** A notice's title: "关于2023年度…评价结果的通报", "…复核结果的公示". */
const NOTICE_TITLE = /^关于.{4,56}(?:通报|通知|公示|公告|通告|批复|的函)$/;

/**
 * A finance bureau's notice of evaluation results (通报, 公示) is published in the reports'
 * place but is no report: it has no chapter of problems or improvements to miss.
 */
export function isNotice(report: ExtractedReport): boolean {
  return report.document.blocks
    .slice(0, 12)
    .some((b) => b.kind !== 'table' && NOTICE_TITLE.test(plain(b.text)));
}
