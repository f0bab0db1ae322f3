import type { ChapterKey, Evaluation } from '../evaluation.ts';
import { memoInCheck, walkIndicators } from './walk.ts';

export type TextSection = 'meta' | 'goals' | 'chapters' | 'indicators';

/** A piece of narrative text of an evaluation, with where it sits. */
export interface TextItem {
  path: string;
  text: string;
  section: TextSection;
  /** Where, in Chinese, for messages ("“存在的问题”一章"). */
  place: string;
  chapter?: ChapterKey;
  line?: number;
}

const CHAPTER_LABELS: Record<ChapterKey, string> = {
  opening: '开篇',
  overview: '基本情况',
  budget: '预算支出情况',
  otherBudgets: '其他预算支出情况',
  implementation: '项目组织实施情况',
  assets: '资产管理情况',
  performance: '绩效情况',
  problems: '存在的问题及原因',
  improvements: '改进措施',
  application: '结果应用及公开情况',
  other: '其他需要说明的情况',
};

export function chapterLabel(key: ChapterKey): string {
  return CHAPTER_LABELS[key];
}

/** Every narrative text of an evaluation: meta strings, goals, chapters, indicator texts. */
export function evaluationTexts(evaluation: Evaluation): TextItem[] {
  return memoInCheck(evaluation, 'texts', () => collectTexts(evaluation));
}

function collectTexts(evaluation: Evaluation): TextItem[] {
  const out: TextItem[] = [];
  const meta = evaluation.meta;
  const metaFields = [
    ['title', '报告标题'],
    ['unitName', '单位名称'],
    ['head', '单位负责人'],
    ['filler', '填报人'],
    ['phone', '联系电话'],
  ] as const;
  for (const [key, place] of metaFields) {
    const text = meta[key];
    if (text !== undefined) out.push({ path: `meta.${key}`, text, section: 'meta', place });
  }
  evaluation.goals.forEach((g, i) => {
    out.push({
      path: `goals[${i}].expected`,
      text: g.expected,
      section: 'goals',
      place: '年度总体目标',
    });
    if (g.actual !== undefined)
      out.push({
        path: `goals[${i}].actual`,
        text: g.actual,
        section: 'goals',
        place: '年度总体目标完成情况',
      });
  });
  evaluation.chapters.forEach((c, i) => {
    const place = `“${c.title ?? CHAPTER_LABELS[c.key]}”部分`;
    c.paragraphs.forEach((text, j) => {
      out.push({
        path: `chapters[${i}].paragraphs[${j}]`,
        text,
        section: 'chapters',
        place,
        chapter: c.key,
      });
    });
  });
  for (const { node, path } of walkIndicators(evaluation.indicators)) {
    const place = `指标“${node.name}”`;
    const line = node.source?.line;
    addIndicatorText(out, `${path}.evidence`, node.evidence, place, line);
    addIndicatorText(out, `${path}.deviationReason`, node.deviationReason, place, line);
    addIndicatorText(out, `${path}.target`, node.target?.text, place, line);
    addIndicatorText(out, `${path}.actual`, node.actual?.text, place, line);
  }
  return out;
}

function addIndicatorText(
  out: TextItem[],
  path: string,
  text: string | undefined,
  place: string,
  line: number | undefined,
): void {
  if (text === undefined) return;
  const item: TextItem = { path, text, section: 'indicators', place };
  if (line !== undefined) item.line = line;
  out.push(item);
}

/** Splits a paragraph into sentences (。！？； and line breaks end one). */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[。！？；;!?])|\n/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The first sentence matching `pattern`, optionally only in one section. */
export function findSentence(
  texts: readonly TextItem[],
  pattern: RegExp,
  section?: TextSection,
): { sentence: string; path: string } | undefined {
  for (const t of texts) {
    if (section !== undefined && t.section !== section) continue;
    for (const s of sentences(t.text)) if (pattern.test(s)) return { sentence: s, path: t.path };
  }
  return undefined;
}
