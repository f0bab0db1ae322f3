import { describe, expect, it } from 'vitest';
import type { Block, ReadResult } from '@jixiao/documents/audit-core';
import { auditRead, LOW_OCR_CONFIDENCE } from './audit-document.ts';

/** A one-page scanned report whose budget sentence states a wrong rate, read with `confidence`. */
function scanned(confidence: number | undefined): ReadResult {
  const block = (text: string, line: number, kind: Block['kind'] = 'paragraph'): Block => {
    const b: Block = {
      kind,
      text,
      line,
      page: 1,
      bbox: [80, 700 - line * 30, 520, 716 - line * 30],
    };
    if (confidence !== undefined) b.confidence = confidence;
    return b;
  };
  return {
    ok: true,
    document: {
      fileName: 'scan.pdf',
      format: 'pdf',
      notes: [],
      blocks: [
        block('2023年度示范局部门整体支出绩效自评报告', 1),
        block('一、基本情况', 2, 'heading'),
        block('2023年全年预算安排1000.00万元，实际支出900.00万元，完成预算安排的95.00%。', 3),
      ],
    },
  };
}

describe('figures read by OCR', () => {
  it('keeps an error from a confidently read figure, with its page and box', () => {
    const audit = auditRead(scanned(0.96), 'scan.pdf');
    const rate = audit.findings.find((f) => f.code === 'DOC_CLAIM_RATE');
    expect(rate?.severity).toBe('error');
    expect(rate?.page).toBe(1);
    expect(rate?.bbox).toEqual([80, 610, 520, 626]);
  });

  it('turns an error from a figure read with low confidence into a warning that says so', () => {
    const audit = auditRead(scanned(LOW_OCR_CONFIDENCE - 0.2), 'scan.pdf');
    const rate = audit.findings.find((f) => f.code === 'DOC_CLAIM_RATE');
    expect(rate?.severity).toBe('warning');
    expect(rate?.message).toMatch(/^文字识别结果不确定，置信度 60%，请核对原件：/);
    expect(audit.findings.some((f) => f.severity === 'error')).toBe(false);
  });

  it('leaves the findings of a text-layer PDF as they are', () => {
    const audit = auditRead(scanned(undefined), 'report.pdf');
    expect(audit.findings.find((f) => f.code === 'DOC_CLAIM_RATE')?.severity).toBe('error');
  });
});
