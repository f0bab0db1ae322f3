import type { Chapter, ChapterKey, FundRow, Meta, MoneyUnit, ScoreSheet } from '@jixiao/domain';
import { formatPoints } from '@jixiao/domain';
import {
  actualCellText,
  amountWithUnit,
  expressionText,
  pointsText,
  rowRateText,
} from './figures.ts';
import type { Outline } from './outline.ts';
import { isExecutionIndicator } from './score-view.ts';
import type { ScoredIndicator, ScoreView } from './score-view.ts';

/** The narrative paragraphs of a chapter, from the evaluation's text fields. */
export function chapterText(chapters: readonly Chapter[], key: ChapterKey): string[] {
  return chapters.filter((c) => c.key === key).flatMap((c) => c.paragraphs);
}

/** The chapter title the evaluation chose, or the customary one. */
export function chapterTitle(
  chapters: readonly Chapter[],
  key: ChapterKey,
  fallback: string,
): string {
  const t = chapters.find((c) => c.key === key && c.title)?.title;
  // A stored title may carry its old number ("六、…"): the generator numbers headings itself.
  if (!t) return fallback;
  return (
    t.replace(
      /^(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十\d]+(?:、|[.．](?![0-9０-９])))\s*/,
      '',
    ) || fallback
  );
}

/** The opening sentence with the legal basis and the finance bureau's notice. */
export function openingSentence(meta: Meta, subject: string): string {
  const laws = meta.legalBasis.map((l) => (l.startsWith('《') ? l : `《${l}》`)).join('');
  const notice = meta.documentNumber ? `（${meta.documentNumber}）` : '';
  const basis =
    laws || notice
      ? `根据${laws}${laws && notice ? '和' : ''}${notice ? `财政部门绩效自评工作通知${notice}` : ''}要求`
      : '按照预算绩效管理有关要求';
  return `${basis}，${meta.unitName}对${meta.year}年度${subject}开展了绩效自评，现将有关情况报告如下。`;
}

/** "未扣分" or "扣1.5分". */
export function deductionText(d: number | undefined): string {
  if (d === undefined) return '';
  return d === 0 ? '未扣分' : `扣${formatPoints(d)}分`;
}

/** "分值10分，得分9.7分，扣0.3分" with the parts that are known. */
export function scoreClause(ind: Pick<ScoredIndicator, 'weight' | 'score' | 'deduction'>): string {
  let s = ind.weight !== undefined ? `分值${pointsText(ind.weight)}分` : '';
  if (ind.score !== undefined) s += `${s ? '，' : ''}得分${pointsText(ind.score)}分`;
  const d = deductionText(ind.deduction);
  if (d) s += `${s ? '，' : ''}${d}`;
  return s;
}

/** "全年预算数1013.19万元，全年执行数1013.19万元，预算执行率100.00%" */
export function executionClause(row: FundRow | undefined, unit: MoneyUnit): string {
  if (!row?.budget || !row.executed) return '';
  const rate = rowRateText(row);
  return `全年预算数${amountWithUnit(row.budget, unit)}，全年执行数${amountWithUnit(row.executed, unit)}${
    rate ? `，预算执行率${rate}` : ''
  }`;
}

/** "年度指标值：A，实际完成值：B" as entered, or ''. */
function enteredFigures(ind: ScoredIndicator): string {
  let s = ind.node.target ? `年度指标值：${expressionText(ind.node, 'target')}` : '';
  const actual = actualCellText(ind.node);
  if (actual) s += `${s ? '，' : ''}实际完成值：${actual}`;
  return s;
}

function leafSentence(ind: ScoredIndicator): string {
  let s = enteredFigures(ind);
  const sc = scoreClause(ind);
  if (sc) s += `${s ? '，' : ''}${sc}`;
  return s ? `${s}。` : '';
}

/** The performance chapter body: total, then every indicator with its figures and evidence. */
export function performanceSection(
  out: Outline,
  view: ScoreView,
  sheet: ScoreSheet | undefined,
  fundTotal: FundRow | undefined,
  unit: MoneyUnit,
  opening: string,
  narrative: readonly string[],
  adjustments: readonly {
    name: string;
    kind: 'bonus' | 'penalty';
    points: number;
    reason?: string | undefined;
  }[],
): void {
  out.paragraph(opening);
  for (const p of narrative) out.paragraph(p);
  const visit = (ind: ScoredIndicator): void => {
    const headingLevel = ind.level + 1;
    const isExecution = isExecutionIndicator(ind, sheet);
    if (headingLevel <= 4) out.heading(headingLevel as 2 | 3 | 4, ind.node.name);
    const lead = headingLevel <= 4 ? '' : `${ind.node.name}：`;
    if (ind.children.length > 0) {
      const sc = scoreClause(ind);
      if (sc) out.paragraph(`${lead}该项指标${sc}。`);
    } else if (isExecution) {
      // The year's fund sentence, then the target and actual the unit entered for the rate (the
      // rate its amounts give may differ from the one entered) and the score.
      const figures = [executionClause(fundTotal, unit), enteredFigures(ind), scoreClause(ind)];
      out.paragraph(`${lead}${figures.filter((f) => f !== '').join('，')}。`);
    } else {
      const s = leafSentence(ind);
      if (s || lead) out.paragraph(`${lead}${s}`);
    }
    if (ind.node.deviationReason) out.paragraph(`偏差原因及改进措施：${ind.node.deviationReason}`);
    if (ind.node.evidence) out.paragraph(ind.node.evidence);
    for (const c of ind.children) visit(c);
  };
  for (const ind of view.indicators) visit(ind);
  if (adjustments.length > 0) {
    out.heading(2, '加减分情况');
    for (const a of adjustments) {
      const verb = a.kind === 'bonus' ? '加' : '减';
      out.paragraph(
        `${a.name}：${verb}${formatPoints(a.points)}分${a.reason ? `，${a.reason}` : ''}。`,
      );
    }
  }
}

/** The closing chapters every report has: problems, improvements, application, other. */
export function closingChapters(out: Outline, chapters: readonly Chapter[], subject: string): void {
  const closing: [ChapterKey, string][] = [
    ['problems', '存在的问题及原因分析'],
    ['improvements', '下一步改进措施'],
    ['application', `${subject}绩效自评结果拟应用和公开情况`],
    ['other', '其他需要说明的情况'],
  ];
  for (const [key, title] of closing) {
    out.heading(1, chapterTitle(chapters, key, title));
    out.paragraphsOrNone(chapterText(chapters, key));
  }
}

/** The unit and date closing the report body, right-aligned. */
export function signature(out: Outline, meta: Meta): void {
  out.push({ kind: 'paragraph', text: meta.unitName, align: 'right', indent: false });
  const d = meta.reportDate ? chineseDate(meta.reportDate) : undefined;
  if (d) out.push({ kind: 'paragraph', text: d, align: 'right', indent: false });
}

/** "2024-04-15" → "2024年4月15日"; undefined when not an ISO date. */
export function chineseDate(iso: string): string | undefined {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(iso);
  if (!m) return undefined;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/**
 * The sign-off line under every attachment table. The 单位负责人 the unit entered is printed
 * before the place for the signature, so the table names who answers for it.
 */
export function signOffLine(meta: Meta): string {
  const gap = '　　';
  return [
    `填表人：${meta.filler ?? ''}`,
    `填报日期：${meta.reportDate ? (chineseDate(meta.reportDate) ?? meta.reportDate) : ''}`,
    `联系电话：${meta.phone ?? ''}`,
    `单位负责人（签字）：${meta.head ?? ''}`,
  ].join(gap);
}
