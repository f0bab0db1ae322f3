import type { ProjectEvaluation, ScoreSheet } from '@jixiao/domain';
import { formatPoints } from '@jixiao/domain';
import { amountWithUnit } from './figures.ts';
import type { Block } from './model.ts';
import type { ResolvedOptions } from './options.ts';
import { Outline } from './outline.ts';
import {
  chapterText,
  chapterTitle,
  closingChapters,
  executionClause,
  openingSentence,
  performanceSection,
  signOffLine,
  signature,
} from './report-parts.ts';
import { scoreView } from './score-view.ts';
import { PROJECT_FUND_ROWS, selfEvaluationTables } from './self-evaluation-table.ts';

/** 附件3: one project's 项目支出绩效自评表. */
export function projectAttachment(
  p: ProjectEvaluation,
  sheet: ScoreSheet | undefined,
  o: ResolvedOptions,
  label: string,
): Extract<Block, { kind: 'attachment' }> {
  const unit = p.meta.amountUnit;
  const view = scoreView(p.indicators, sheet, p.stated, o.figures);
  return {
    kind: 'attachment',
    label,
    title: `${p.meta.year}年度项目支出绩效自评表`,
    tables: selfEvaluationTables({
      identity: [
        [['项目名称', p.projectName]],
        [
          ['主管部门', p.meta.supervisor ?? p.meta.unitName],
          ['实施单位', p.implementer ?? p.meta.unitName],
        ],
      ],
      fundLabel: `项目资金（${unit}）`,
      fundRows: PROJECT_FUND_ROWS,
      funds: p.funds,
      goals: p.goals,
      view,
      sheet,
      unit,
      adjustments: p.adjustments,
    }),
    notes: [],
    signOff: signOffLine(p.meta),
  };
}

/** A 项目支出绩效自评报告 on its own, with its table as the attachment. */
export function projectReportBlocks(
  p: ProjectEvaluation,
  sheet: ScoreSheet | undefined,
  o: ResolvedOptions,
): Block[] {
  const unit = p.meta.amountUnit;
  const y = p.meta.year;
  const out = new Outline();
  // A stated title naming the table ("…自评表") is not a report title.
  const stated = p.meta.title?.includes('报告') ? p.meta.title : undefined;
  out.push({ kind: 'title', text: stated ?? `${y}年度${p.projectName}项目支出绩效自评报告` });
  out.paragraph(openingSentence(p.meta, `${p.projectName}项目`));
  for (const t of chapterText(p.chapters, 'opening')) out.paragraph(t);

  out.heading(1, chapterTitle(p.chapters, 'overview', '项目基本情况'));
  const who: string[] = [];
  if (p.meta.supervisor) who.push(`主管部门为${p.meta.supervisor}`);
  who.push(`实施单位为${p.implementer ?? p.meta.unitName}`);
  out.paragraph(`${p.projectName}项目${who.join('，')}。`);
  out.heading(2, '项目绩效目标');
  out.paragraphsOrNone([...p.goals.map((g) => g.expected), ...chapterText(p.chapters, 'overview')]);

  out.heading(1, chapterTitle(p.chapters, 'budget', '项目资金使用情况'));
  const f = p.funds;
  const sentences: string[] = [];
  const ec = executionClause(f.total, unit);
  if (ec) sentences.push(`${y}年项目${ec}。`);
  const parts: string[] = [];
  if (f.currentAppropriation?.executed)
    parts.push(`当年财政拨款${amountWithUnit(f.currentAppropriation.executed, unit)}`);
  if (f.carryOver?.executed)
    parts.push(`上年结转资金${amountWithUnit(f.carryOver.executed, unit)}`);
  if (f.other?.executed) parts.push(`其他资金${amountWithUnit(f.other.executed, unit)}`);
  if (parts.length > 0) sentences.push(`执行数中，${parts.join('，')}。`);
  // A project's words on 政府性基金 and the other budgets belong with its funds.
  out.paragraphsOrNone([
    ...sentences,
    ...chapterText(p.chapters, 'budget'),
    ...chapterText(p.chapters, 'otherBudgets'),
  ]);

  const impl = chapterText(p.chapters, 'implementation');
  if (impl.length > 0) {
    out.heading(1, chapterTitle(p.chapters, 'implementation', '项目组织实施情况'));
    out.paragraphsOrNone(impl);
  }
  const assets = chapterText(p.chapters, 'assets');
  if (assets.length > 0) {
    out.heading(1, chapterTitle(p.chapters, 'assets', '资产管理情况'));
    out.paragraphsOrNone(assets);
  }

  const view = scoreView(p.indicators, sheet, p.stated, o.figures);
  out.heading(1, chapterTitle(p.chapters, 'performance', '项目绩效情况'));
  const opening =
    view.total === undefined
      ? `${p.projectName}项目绩效自评情况如下。`
      : `经自评，${p.projectName}项目绩效自评得分${formatPoints(view.total)}分${
          view.grade ? `，评价等级为“${view.grade}”` : ''
        }。`;
  performanceSection(
    out,
    view,
    sheet,
    f.total,
    unit,
    opening,
    chapterText(p.chapters, 'performance'),
    p.adjustments,
  );
  closingChapters(out, p.chapters, '项目支出');
  signature(out, p.meta);
  out.push(projectAttachment(p, sheet, o, '附件'));
  return out.blocks;
}
