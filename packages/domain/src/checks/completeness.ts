import type { ChapterKey, Evaluation } from '../evaluation.ts';
import type { Finding } from '../finding.ts';
import { pointsText } from './format.ts';
import { makeFinding } from './make-finding.ts';
import { chapterLabel, evaluationTexts } from './texts.ts';
import { isLeaf, walkIndicators } from './walk.ts';

/** Chapters every department report must have (domain.md §1, items 7). */
const REQUIRED_CHAPTERS: readonly ChapterKey[] = ['problems', 'improvements'];

/** Template prompts and placeholders left in by the writer. */
const PROMPTS = [
  /[（(]\s*请[^）)]{0,40}[）)]/,
  /请在此处?(?:填写|输入|说明)|此处(?:填写|输入)/,
  /[XＸ]{2,}|[×✕]{2,}|[○〇]{3,}|[＊*]{3,}/,
];
const PLACEHOLDER_ONLY = /^[\s…．.。·、_＿-]+$/;
/** What a prompt or a placeholder needs at least: a text without it has neither. */
const PROMPT_OR_PLACEHOLDER = /[请此XＸ×✕○〇＊*＿…]|\.{3}|_{2}/;

/** completeness: required chapters, template prompts, blank meta, scores not filled in. */
export function checkCompleteness(evaluation: Evaluation): Finding[] {
  const out: Finding[] = [];
  if (evaluation.kind === 'department' && evaluation.chapters.length > 0) {
    const present = new Set(evaluation.chapters.map((c) => c.key));
    for (const key of REQUIRED_CHAPTERS)
      if (!present.has(key))
        out.push(
          makeFinding({
            code: 'COMPLETENESS_MISSING',
            severity: 'warning',
            path: 'chapters',
            params: { what: `“${chapterLabel(key)}”部分` },
          }),
        );
  }
  const meta = evaluation.meta;
  for (const [key, label] of [
    ['title', '报告标题'],
    ['head', '单位负责人'],
    ['filler', '填报人'],
    ['phone', '联系电话'],
    ['reportDate', '填报日期'],
  ] as const) {
    const v = meta[key];
    if (v !== undefined && v.trim() === '')
      out.push(
        makeFinding({
          code: 'COMPLETENESS_MISSING',
          severity: 'warning',
          path: `meta.${key}`,
          params: { what: label },
        }),
      );
  }
  for (const item of evaluationTexts(evaluation)) {
    if (!PROMPT_OR_PLACEHOLDER.test(item.text)) continue;
    const text = item.text.trim();
    let stated: string | undefined;
    if (text !== '' && PLACEHOLDER_ONLY.test(text) && /…|\.{3}|_{2}|＿/.test(text)) stated = text;
    for (const re of PROMPTS) {
      if (stated !== undefined) break;
      stated = re.exec(text)?.[0];
    }
    if (stated === undefined) continue;
    out.push(
      makeFinding({
        code: 'COMPLETENESS_TEMPLATE_PROMPT',
        severity: 'warning',
        path: item.path,
        stated,
        excerpt: item.text.length > 120 ? `${item.text.slice(0, 120)}…` : item.text,
        line: item.line,
        params: { place: item.place },
      }),
    );
  }
  const nodes = walkIndicators(evaluation.indicators);
  const anyScore =
    evaluation.stated.total !== undefined || nodes.some(({ node }) => node.score !== undefined);
  if (anyScore)
    for (const { node, path } of nodes)
      if (
        isLeaf(node) &&
        !node.notAssessed &&
        node.weight !== undefined &&
        node.score === undefined
      )
        out.push(
          makeFinding({
            code: 'COMPLETENESS_SCORE_MISSING',
            severity: 'warning',
            path: `${path}.score`,
            source: node.source,
            params: { name: node.name, weight: pointsText(node.weight) },
          }),
        );
  return out;
}
