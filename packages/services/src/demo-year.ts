import { parseExpression, sumPoints, targetTree } from '@jixiao/domain';
import type { Amount, Evaluation, IndicatorNode, MonitoringIndicator } from '@jixiao/domain';
import { fen as toFen, formatFen } from '@jixiao/domain';
import type { ServiceContext } from './context.ts';
import type { Actor } from './actor.ts';
import { createEvaluation, getEvaluation, updateEvaluation } from './evaluations.ts';
import { createRound } from './rounds.ts';
import { transition } from './workflow.ts';
import { createTargetForm, getTargetForm, updateTargetForm } from './targets/target-forms.ts';
import { transitionTargets } from './targets/target-workflow.ts';
import { createMonitoringRound } from './targets/monitoring-rounds.ts';
import {
  answerLightDecision,
  decideLight,
  saveMonitoringReport,
} from './targets/monitoring-reports.ts';
import { targetLeaves } from '@jixiao/domain';

/** A demo unit of the year's chain: its id, name, actors and last year's evaluation. */
export interface ChainUnit {
  departmentId: string;
  name: string;
  filer: Actor;
  head: Actor;
  lastYear: Evaluation;
}

const YEAR = 2025;

function wan(fenValue: number): Amount {
  const f = toFen(Math.round(fenValue / 100) * 100);
  return { fen: f, unit: '万元', text: formatFen(f, '万元') };
}

/**
 * Last year's targets moved to this year: deadlines in this year, and a ceiling on spending at
 * the new budget (`keepCost` leaves last year's figure, which the cost check then reports).
 */
function movedTargets(
  nodes: readonly IndicatorNode[],
  budgetFen: number,
  keepCost: boolean,
): IndicatorNode[] {
  return nodes.map((node) => {
    const out: IndicatorNode = { ...node };
    if (node.children !== undefined)
      out.children = movedTargets(node.children, budgetFen, keepCost);
    const t = node.target;
    if (t?.kind === 'deadline')
      out.target = parseExpression(t.text.replace(/\d{4}年/g, `${YEAR}年`));
    if (t?.kind === 'quantity' && t.unit === '万元' && t.comparator === '<=' && !keepCost)
      out.target = parseExpression(`≤${formatFen(toFen(budgetFen), '万元')}万元`);
    return out;
  });
}

/** The unit's 2025 targets: last year's tree, 年度指标值 and weights, a budget 5% larger. */
function targetsFrom(unit: ChainUnit, keepCost: boolean) {
  const budget = wan((unit.lastYear.funds.total?.budget?.fen ?? 10_000_000_00) * 1.05);
  return {
    overallGoal:
      unit.lastYear.goals[0]?.expected ??
      `全面履行${unit.name}职能，按期完成年度重点工作，提高资金使用效益。`,
    budget: { total: budget, fiscal: budget },
    indicators: movedTargets(targetTree(unit.lastYear.indicators), budget.fen, keepCost),
  };
}

/** The first leaf with a quantity target that is not the execution rate. */
function firstQuantity(indicators: readonly IndicatorNode[]) {
  return targetLeaves(indicators).find(
    (l) => l.node.target?.kind === 'quantity' && !/执行率/.test(l.node.name),
  );
}

/** Progress by the round's date: a count at the share given, a rate as it stands. */
function progressOf(node: IndicatorNode, share: number): string | undefined {
  const t = node.target;
  if (t?.kind !== 'quantity') return undefined;
  // A ceiling (≤, a cost) is spent more slowly than the time elapsed: on track.
  const part = t.comparator === '<=' || t.comparator === '<' ? share * 0.85 : share;
  const value = t.unit === '%' ? t.value : Math.round(t.value * part * 100) / 100;
  return `${value}${t.unit}`;
}

/** The year's outcome on every leaf: the target met, full marks; execution at `rate`. */
function yearEnd(body: Evaluation, rate: number): Evaluation {
  const fill = (nodes: IndicatorNode[]): IndicatorNode[] =>
    nodes.map((node) => {
      if (node.children !== undefined && node.children.length > 0) {
        const children = fill(node.children);
        return { ...node, children, score: sumPoints(children.map((c) => c.score ?? 0)) };
      }
      if (/执行率/.test(node.name) && node.weight !== undefined)
        return { ...node, score: Math.round(Math.min(1, rate) * node.weight * 100) / 100 };
      const t = node.target;
      const actual =
        t?.kind === 'quantity'
          ? parseExpression(`${t.value}${t.unit}`)
          : t?.kind === 'deadline'
            ? parseExpression('按期完成')
            : t !== undefined
              ? parseExpression('达成年度指标')
              : undefined;
      return {
        ...node,
        ...(actual !== undefined ? { actual } : {}),
        ...(node.weight !== undefined ? { score: node.weight } : {}),
        evidence: undefined,
      };
    });
  const total = body.funds.total;
  const budget = total?.budget?.fen ?? 0;
  const executed = wan(budget * rate);
  const ratePercent = Math.round(rate * 10000) / 100;
  const indicators = fill(body.indicators);
  const statedTotal = sumPoints(indicators.map((n) => n.score ?? 0));
  return {
    ...body,
    funds: {
      ...body.funds,
      ...(total !== undefined
        ? {
            total: {
              ...total,
              executed,
              weight: 10,
              statedRate: { value: ratePercent, decimals: 2, text: `${ratePercent.toFixed(2)}%` },
              statedScore: Math.round(Math.min(1, rate) * 10 * 100) / 100,
            },
          }
        : {}),
    },
    indicators,
    stated: { total: statedTotal, grade: statedTotal >= 90 ? '优' : '良' },
  };
}

/**
 * The whole year for six demo units: 2025 targets in every workflow state (one adjusted after
 * approval, one project form), a monitoring round to 7月31日 with every light, explanations and a
 * required correction answered, and year-end self-evaluations started from the targets — one
 * faithful, one with a target rewritten and full marks on an unexplained red light.
 */
export async function seedYearChain(
  ctx: ServiceContext,
  reviewer: Actor,
  units: readonly ChainUnit[],
): Promise<void> {
  const forms: string[] = [];
  for (const [i, unit] of units.entries()) {
    const created = await createTargetForm(ctx, unit.filer, {
      departmentId: unit.departmentId,
      year: YEAR,
      kind: 'department',
      rulebookId: unit.lastYear.rulebookId,
      // D03's cost target stays at last year's figure, above its budget: the check says so.
      body: targetsFrom(unit, i === 2),
    });
    forms.push(created.id);
    if (i === 3) {
      await transitionTargets(ctx, unit.head, created.id, { action: 'submit' });
      await transitionTargets(ctx, reviewer, created.id, {
        action: 'return',
        comment: '数量指标与年度重点工作不对应，请补充可量化的产出指标后重新提交。',
      });
      continue;
    }
    await transitionTargets(ctx, unit.head, created.id, { action: 'submit' });
    if (i === 2) continue;
    await transitionTargets(ctx, reviewer, created.id, { action: 'approve' });
    if (i === 1) {
      // 目标调整: the budget grows mid-year; the change is approved again.
      const form = await getTargetForm(ctx, unit.filer, created.id);
      const total = form.body.budget.total?.fen ?? 0;
      await updateTargetForm(ctx, unit.filer, created.id, {
        version: form.version,
        body: { ...form.body, budget: { ...form.body.budget, total: wan(total * 1.1) } },
        reason: '年中追加专项经费，预算总额增加10%，相应调整目标。',
      });
      await transitionTargets(ctx, unit.head, created.id, { action: 'submit' });
      await transitionTargets(ctx, reviewer, created.id, { action: 'approve' });
    }
  }
  const first = units[0];
  if (first !== undefined) {
    const project = await createTargetForm(ctx, first.filer, {
      departmentId: first.departmentId,
      year: YEAR,
      kind: 'project',
      rulebookId: 'central-project',
      projectName: '义务教育薄弱环节改善',
      body: {
        overallGoal: '完成农村学校校舍改造和教学设备配备，改善义务教育办学条件。',
        budget: { total: wan(3_000_000_00), fiscal: wan(3_000_000_00) },
        indicators: [
          { name: '预算执行率', weight: 10 },
          {
            name: '产出指标',
            weight: 50,
            children: [
              {
                name: '数量指标',
                weight: 20,
                children: [
                  { name: '改造农村学校校舍', weight: 20, target: parseExpression('≥8所') },
                ],
              },
              {
                name: '质量指标',
                weight: 15,
                children: [
                  { name: '校舍改造验收合格率', weight: 15, target: parseExpression('=100%') },
                ],
              },
              {
                name: '时效指标',
                weight: 15,
                children: [
                  {
                    name: '秋季学期前完工',
                    weight: 15,
                    target: parseExpression('2025年8月31日前'),
                  },
                ],
              },
            ],
          },
          {
            name: '效益指标',
            weight: 30,
            children: [
              {
                name: '社会效益指标',
                weight: 30,
                children: [
                  { name: '受益学校教学设备达标率', weight: 30, target: parseExpression('≥95%') },
                ],
              },
            ],
          },
          {
            name: '满意度指标',
            weight: 10,
            children: [
              {
                name: '服务对象满意度指标',
                weight: 10,
                children: [{ name: '师生满意度', weight: 10, target: parseExpression('≥90%') }],
              },
            ],
          },
        ],
      },
    });
    await transitionTargets(ctx, first.head, project.id, { action: 'submit' });
    await transitionTargets(ctx, reviewer, project.id, { action: 'approve' });
  }

  const round = await createMonitoringRound(ctx, reviewer, {
    year: YEAR,
    asOf: `${YEAR}-07-31`,
    deadline: `${YEAR}-08-15`,
  });
  // Execution by 7月31日 (time elapsed: 58%), progress by share of the target, explanations.
  const plans: {
    unit: number;
    executed: number;
    progressShare: number;
    explain: boolean;
  }[] = [
    { unit: 0, executed: 0.3, progressShare: 0.25, explain: false },
    { unit: 1, executed: 0.42, progressShare: 0.55, explain: false },
    { unit: 4, executed: 0.56, progressShare: 0.6, explain: false },
    { unit: 5, executed: 0.33, progressShare: 0.3, explain: true },
  ];
  for (const plan of plans) {
    const unit = units[plan.unit];
    const formId = forms[plan.unit];
    if (unit === undefined || formId === undefined) continue;
    const form = await getTargetForm(ctx, unit.filer, formId);
    const budget = form.body.budget.total?.fen ?? 0;
    const indicators: MonitoringIndicator[] = targetLeaves(form.body.indicators).flatMap((leaf) => {
      const progress = progressOf(leaf.node, plan.progressShare);
      if (progress === undefined) return [];
      return [
        {
          path: leaf.path,
          progress,
          ...(plan.explain
            ? { explanation: '主要任务集中在下半年实施，已制定进度计划，预计年底完成。' }
            : {}),
        },
      ];
    });
    await saveMonitoringReport(ctx, unit.filer, round.id, formId, {
      version: 0,
      figures: {
        executed: wan(budget * plan.executed),
        forecastExecuted: wan(budget * 0.95),
        ...(plan.explain
          ? { executionExplanation: '基建项目按合同节点在第三、四季度集中支付。' }
          : {}),
        indicators,
      },
    });
    if (plan.explain) {
      await decideLight(ctx, reviewer, round.id, formId, {
        subject: 'execution',
        state: 'confirmed',
        correction: '9月30日前预算执行进度达到75%，按月报送支付进度。',
        deadline: `${YEAR}-09-30`,
      });
      await answerLightDecision(ctx, unit.filer, round.id, formId, {
        subject: 'execution',
        answer: '已完成二期工程款支付，8月底执行进度达到68%。',
      });
    }
  }

  // Year-end: a 2025 round; two units start their self-evaluation from the targets.
  await createRound(ctx, reviewer, {
    year: YEAR,
    kind: 'department',
    rulebookId: units[0]?.lastYear.rulebookId ?? 'hunan-department',
    deadline: `${YEAR + 1}-06-30`,
  });
  for (const [index, rewrite] of [
    [4, false],
    [0, true],
  ] as const) {
    const unit = units[index];
    if (unit === undefined) continue;
    const record = await createEvaluation(ctx, unit.filer, {
      departmentId: unit.departmentId,
      year: YEAR,
      kind: 'department',
      rulebookId: unit.lastYear.rulebookId,
      fromTargets: true,
    });
    const current = await getEvaluation(ctx, unit.filer, record.id);
    let body = yearEnd(current.body, 0.95);
    if (rewrite) {
      // The target lowered to what was achieved: the finding reviewers look for.
      const leaf = firstQuantity(body.indicators);
      const t = leaf?.node.target;
      if (leaf !== undefined && t?.kind === 'quantity') {
        const lowered = Math.max(1, Math.round(t.value * 0.6));
        leaf.node.target = parseExpression(
          `${t.comparator === '<=' ? '≤' : '≥'}${lowered}${t.unit}`,
        );
        leaf.node.actual = parseExpression(`${lowered}${t.unit}`);
      }
    }
    body = {
      ...body,
      meta: { ...body.meta, title: `${YEAR}年度${unit.name}部门整体支出绩效自评报告` },
    };
    await updateEvaluation(ctx, unit.filer, record.id, { version: current.version, body });
    if (rewrite) await transition(ctx, unit.head, record.id, { action: 'submit' });
  }
}
