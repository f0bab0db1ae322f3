import { blocksToDocx } from './docx-writer.ts';
import type { Block } from './model.ts';
import { resolveOptions } from './options.ts';

/** One confirmed finding as the opinion states it. */
export interface OpinionItem {
  /** What was found, as the platform words it. */
  message: string;
  /** The sentence or row it comes from, when the evaluation came from a document. */
  excerpt: string | null;
  stated: string | null;
  expected: string | null;
  /** What must be corrected. */
  correction: string | null;
  /** YYYY-MM-DD */
  deadline: string | null;
}

/** A 审核意见书: who issues it, to whom, about which report, and the findings to rectify. */
export interface ReviewOpinion {
  bureau: string;
  unitName: string;
  year: number;
  reportTitle: string;
  /** YYYY-MM-DD: the date of issue. */
  date: string;
  /** YYYY-MM-DD: by when the rectification is due (the items may name their own). */
  deadline: string | null;
  items: readonly OpinionItem[];
}

const CHINESE_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1–99 in Chinese numerals, as headings number their items (一, 十二, 二十). */
function chineseNumber(n: number): string {
  if (n < 10) return CHINESE_DIGITS[n] ?? String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : (CHINESE_DIGITS[tens] ?? '')}十${ones === 0 ? '' : (CHINESE_DIGITS[ones] ?? '')}`;
}

/** "2025-07-15" → "2025年7月15日". */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/** The opinion as report blocks: title, addressee, the findings one by one, the request, sign-off. */
export function reviewOpinionBlocks(o: ReviewOpinion): Block[] {
  const blocks: Block[] = [
    { kind: 'title', text: `关于${o.unitName}${o.year}年度绩效自评报告的审核意见` },
    { kind: 'paragraph', text: `${o.unitName}：`, indent: false },
    {
      kind: 'paragraph',
      text:
        o.items.length > 0
          ? `你单位报送的《${o.reportTitle}》已收悉。经审核，发现以下${o.items.length}个问题须予整改，现将审核意见反馈如下。`
          : `你单位报送的《${o.reportTitle}》已收悉。经审核，未发现须予整改的问题。`,
    },
  ];
  if (o.items.length > 0) {
    blocks.push({ kind: 'heading', level: 1, number: '一、', text: '审核发现的问题' });
    o.items.forEach((item, i) => {
      blocks.push({
        kind: 'heading',
        level: 2,
        number: `（${chineseNumber(i + 1)}）`,
        text: item.message,
      });
      if (item.excerpt) blocks.push({ kind: 'paragraph', text: `原文：“${item.excerpt}”` });
      const figures = [
        item.stated ? `报告所写${item.stated}` : '',
        item.expected ? `按所列数据应为${item.expected}` : '',
      ].filter((s) => s !== '');
      if (figures.length > 0) blocks.push({ kind: 'paragraph', text: `${figures.join('，')}。` });
      blocks.push({
        kind: 'paragraph',
        text: `整改要求：${item.correction ?? '请核实并更正'}${item.deadline ? `，请于${chineseDate(item.deadline)}前完成` : ''}。`,
      });
    });
    blocks.push({ kind: 'heading', level: 1, number: '二、', text: '整改要求' });
    blocks.push({
      kind: 'paragraph',
      text: `请你单位对上述问题逐条核实整改${o.deadline ? `，于${chineseDate(o.deadline)}前` : '，按期'}在平台上更正报告并重新提交；确属情况特殊未能整改的，请逐条填写情况说明。`,
    });
  }
  blocks.push(
    { kind: 'paragraph', text: o.bureau, align: 'right' },
    { kind: 'paragraph', text: chineseDate(o.date), align: 'right' },
  );
  return blocks;
}

/** Writes the 审核意见书 as a .docx in the report's GB/T 9704 layout. */
export function renderReviewOpinionDocx(o: ReviewOpinion): Uint8Array {
  return blocksToDocx(reviewOpinionBlocks(o), resolveOptions({}));
}
