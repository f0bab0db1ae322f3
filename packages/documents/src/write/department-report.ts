import type {
  Amount,
  DepartmentEvaluation,
  MoneyUnit,
  OtherBudget,
  Percent,
  ProjectEvaluation,
  ScoreSheet,
} from '@jixiao/domain';
import { addFen, formatPoints } from '@jixiao/domain';
import { baseDataTable } from './base-data-table.ts';
import { amountWithUnit, statedRateText } from './figures.ts';
import type { Block } from './model.ts';
import type { ResolvedOptions } from './options.ts';
import { Outline } from './outline.ts';
import {
  chapterText,
  chapterTitle,
  closingChapters,
  openingSentence,
  performanceSection,
  signOffLine,
  signature,
} from './report-parts.ts';
import { projectAttachment } from './project-report.ts';
import { scoreView } from './score-view.ts';
import { DEPARTMENT_FUND_ROWS, selfEvaluationTables } from './self-evaluation-table.ts';

/**
 * A number the unit typed before a duty ("2、", "3.", "4．"), which the list's own numbering
 * replaces; a decimal is the duty's own figure ("1.5万平方米…" keeps its 1.5).
 */
const ITEM_NUMBER = /^\s*\d+(?:、|[.．](?![0-9０-９]))\s*/;

/** "预算安排X万元，实际支出Y万元，完成预算安排的Z%" for a budget/actual pair. */
function completionClause(
  budget: Amount | undefined,
  actual: Amount | undefined,
  unit: MoneyUnit,
  stated?: Percent,
): string {
  const parts: string[] = [];
  if (budget) parts.push(`预算安排${amountWithUnit(budget, unit)}`);
  if (actual) parts.push(`实际支出${amountWithUnit(actual, unit)}`);
  const r = statedRateText(stated, actual?.fen, budget?.fen);
  if (r) parts.push(`完成预算安排的${r}`);
  return parts.join('，');
}

function otherBudgetChapter(
  out: Outline,
  title: string,
  b: OtherBudget | undefined,
  unit: MoneyUnit,
): void {
  out.heading(1, title);
  if (!b || (b.none && !b.budget && !b.actual)) {
    out.paragraphsOrNone(b?.text ? [b.text] : []);
    return;
  }
  const c = completionClause(b.budget, b.actual, unit);
  out.paragraphsOrNone([c ? `${c}。` : '', b.text ?? '']);
}

/** The 部门整体支出绩效自评报告 as blocks: chapters in the customary order, then attachments. */
export function departmentReportBlocks(
  e: DepartmentEvaluation,
  sheet: ScoreSheet | undefined,
  o: ResolvedOptions,
): Block[] {
  const unit = e.meta.amountUnit;
  const y = e.meta.year;
  const out = new Outline();
  const title = e.meta.title ?? `${y}年度${e.meta.unitName}部门整体支出绩效自评报告`;
  out.push({ kind: 'title', text: title });
  out.paragraph(openingSentence(e.meta, '部门整体支出'));
  for (const p of chapterText(e.chapters, 'opening')) out.paragraph(p);

  // 一、基本情况
  out.heading(1, chapterTitle(e.chapters, 'overview', '部门（单位）基本情况'));
  out.heading(2, '部门职能职责');
  out.paragraphsOrNone(e.duties.map((d, i) => `${i + 1}.${d.replace(ITEM_NUMBER, '')}`));
  out.heading(2, '机构设置及人员情况');
  const org: string[] = [];
  if (e.internalUnits.length > 0)
    org.push(`内设机构${e.internalUnits.length}个，分别是${e.internalUnits.join('、')}。`);
  if (e.subordinateUnits.length > 0)
    org.push(
      `下属预算单位${e.subordinateUnits.length}个：${e.subordinateUnits
        .map((s) => (s.kind ? `${s.name}（${s.kind}）` : s.name))
        .join('、')}。`,
    );
  const st = e.staffing;
  const staff: string[] = [];
  if (st.authorized !== undefined) staff.push(`编制数${st.authorized}人`);
  if (st.actual !== undefined) staff.push(`实际在职${st.actual}人`);
  if (st.retired !== undefined) staff.push(`离退休${st.retired}人`);
  // The 控制率 entered is stated as entered where the head counts do not give it (figures.ts).
  const control = st.statedControlRate
    ? statedRateText(st.statedControlRate, st.actual, st.authorized || undefined)
    : undefined;
  if (control) staff.push(`人员控制率${control}`);
  let staffText = staff.length > 0 ? `${y}年末${staff.join('，')}。` : '';
  if (st.categories.length > 0)
    staffText += `在职人员中，${st.categories.map((c) => `${c.name}${c.count}人`).join('，')}。`;
  if (st.note) staffText += st.note;
  org.push(staffText);
  out.paragraphsOrNone(org);
  out.heading(2, '部门绩效目标');
  out.paragraphsOrNone([...e.goals.map((g) => g.expected), ...chapterText(e.chapters, 'overview')]);

  // 二、一般公共预算支出情况
  out.heading(1, chapterTitle(e.chapters, 'budget', '一般公共预算支出情况'));
  const bx = e.basicExpenditure;
  const px = e.projectExpenditure;
  const total = e.funds.total;
  const totalBudget =
    total?.budget ?? (bx.budget && px.budget ? sum(bx.budget, px.budget, unit) : undefined);
  const totalActual =
    total?.executed ?? (bx.actual && px.actual ? sum(bx.actual, px.actual, unit) : undefined);
  if (totalBudget || totalActual) {
    let s = `${y}年全年${completionClause(totalBudget, totalActual, unit)}。`;
    if (bx.actual && px.actual)
      s += `其中：基本支出${amountWithUnit(bx.actual, unit)}，项目支出${amountWithUnit(px.actual, unit)}。`;
    out.paragraph(s);
  }
  out.heading(2, '基本支出情况');
  const basic: string[] = [];
  const bc = completionClause(bx.budget, bx.actual, unit, bx.statedCompletion);
  if (bc) basic.push(`${y}年基本支出${bc}。`);
  const shareBase = bx.actual;
  const shares: string[] = [];
  for (const [label, part] of [
    ['人员经费', bx.personnel],
    ['公用经费', bx.publicFunds],
  ] as const) {
    if (!part?.amount) continue;
    const share = statedRateText(part.statedShare, part.amount.fen, shareBase?.fen);
    shares.push(
      `${label}支出${amountWithUnit(part.amount, unit)}${share ? `，占基本支出的${share}` : ''}`,
    );
  }
  if (shares.length > 0) basic.push(`其中：${shares.join('；')}。`);
  out.paragraphsOrNone(basic);
  out.heading(2, '项目支出情况');
  const proj: string[] = [];
  const pc = completionClause(px.budget, px.actual, unit, px.statedCompletion);
  if (pc) proj.push(`${y}年项目支出${pc}。`);
  // The count the unit entered (项目分11项) where it lists only some of them.
  if (px.projects.length > 0)
    proj.push(`项目共${px.statedCount ?? px.projects.length}项，具体如下：`);
  px.projects.forEach((p, i) => {
    const a = p.actual ?? p.budget;
    const share = a ? statedRateText(p.statedShare, a.fen, px.actual?.fen) : undefined;
    const money = a ? `支出${amountWithUnit(a, unit)}${share ? `，占项目支出的${share}` : ''}` : '';
    const use = p.purpose?.trim().replace(/[。；;]$/, '');
    // A purpose typed as a clause of its own ("主要用于…", "用于…") is not prefixed again.
    const purpose = use ? `，${/^(?:主要)?用于/.test(use) ? '' : '主要用于'}${use}` : '';
    proj.push(
      `${i + 1}.${p.name}${money || purpose ? '：' : ''}${money}${money ? purpose : purpose.slice(1)}。`,
    );
  });
  proj.push(...chapterText(e.chapters, 'budget'));
  out.paragraphsOrNone(proj);

  // 三至五、other budgets
  otherBudgetChapter(out, '政府性基金预算支出情况', e.governmentFundBudget, unit);
  otherBudgetChapter(out, '国有资本经营预算支出情况', e.stateCapitalBudget, unit);
  otherBudgetChapter(out, '社会保险基金预算支出情况', e.socialInsuranceBudget, unit);
  for (const p of chapterText(e.chapters, 'otherBudgets')) out.paragraph(p);

  const impl = chapterText(e.chapters, 'implementation');
  if (impl.length > 0) {
    out.heading(1, chapterTitle(e.chapters, 'implementation', '项目组织实施情况'));
    out.paragraphsOrNone(impl);
  }
  const assetsText = chapterText(e.chapters, 'assets');
  if (e.assets || assetsText.length > 0) {
    out.heading(1, chapterTitle(e.chapters, 'assets', '资产管理情况'));
    const a = e.assets;
    const parts: string[] = [];
    if (a?.originalValue) parts.push(`固定资产原值${amountWithUnit(a.originalValue, unit)}`);
    if (a?.netValue) parts.push(`净值${amountWithUnit(a.netValue, unit)}`);
    if (a?.added) parts.push(`本年新增${amountWithUnit(a.added, unit)}`);
    if (a?.disposed) parts.push(`本年处置${amountWithUnit(a.disposed, unit)}`);
    out.paragraphsOrNone([
      parts.length > 0 ? `截至${y}年末，${parts.join('，')}。` : '',
      a?.text ?? '',
      ...assetsText,
    ]);
  }

  // 六、绩效情况
  const view = scoreView(e.indicators, sheet, e.stated, o.figures);
  out.heading(1, chapterTitle(e.chapters, 'performance', '部门整体支出绩效情况'));
  const totalText =
    view.total === undefined
      ? `${y}年度部门整体支出绩效自评情况如下。`
      : `经自评，${y}年度部门整体支出绩效自评得分${formatPoints(view.total)}分${
          view.grade ? `，评价等级为“${view.grade}”` : ''
        }。`;
  performanceSection(
    out,
    view,
    sheet,
    e.funds.total,
    unit,
    totalText,
    chapterText(e.chapters, 'performance'),
    e.adjustments,
  );
  closingChapters(out, e.chapters, '部门整体支出');
  signature(out, e.meta);

  // Attachments
  const signOff = signOffLine(e.meta);
  let n = 1;
  if (e.baseData) {
    out.push({
      kind: 'attachment',
      label: `附件${n++}`,
      title: `${y}年度部门整体支出绩效评价基础数据表`,
      tables: [baseDataTable(e.baseData, y, unit)],
      notes: [
        '说明：“项目支出”填报基本支出以外的所有项目支出情况，“公用经费”填报基本支出中的一般商品和服务支出。',
      ],
      signOff,
    });
  }
  out.push({
    kind: 'attachment',
    label: `附件${n++}`,
    title: `${y}年度部门整体支出绩效自评表`,
    tables: selfEvaluationTables({
      identity: [[['部门名称', e.meta.unitName]]],
      fundLabel: `年度预算申请（${unit}）`,
      fundRows: DEPARTMENT_FUND_ROWS,
      funds: e.funds,
      goals: e.goals,
      view,
      sheet,
      unit,
      adjustments: e.adjustments,
    }),
    notes: [],
    signOff,
  });
  const projects = e.projectEvaluations;
  projects.forEach((p: ProjectEvaluation, i) => {
    const label = projects.length === 1 ? `附件${n}` : `附件${n}-${i + 1}`;
    out.push(projectAttachment(p, o.projectScoreSheets[i], o, label));
  });
  return out.blocks;
}

function sum(a: Amount, b: Amount, unit: MoneyUnit): Amount {
  return { fen: addFen(a.fen, b.fen), unit };
}
