import { describe, expect, it } from 'vitest';
import thresholdsData from '../../../../rulebooks/monitoring/default.json' with { type: 'json' };
import { clean, hunan } from '../checks/test-support.ts';
import { amount } from '../money.ts';
import { parseExpression } from '../parse-expression.ts';
import type { IndicatorNode } from '../evaluation.ts';
import { checkTargetForm } from './target-checks.ts';
import { evaluationFromTargets } from './from-targets.ts';
import { checkAgainstTargets } from './target-tie.ts';
import { computeMonitoring, MonitoringThresholds } from './monitoring.ts';
import { TargetForm, targetTree } from './target-form.ts';
import { targetChanges } from './target-changes.ts';

const thresholds = MonitoringThresholds.parse(thresholdsData);

/** The clean Hunan evaluation's targets as a 绩效目标表 with a budget of 1000 万元. */
function form(): TargetForm {
  const e = clean();
  return TargetForm.parse({
    kind: 'department',
    rulebookId: 'hunan-department',
    unitName: e.meta.unitName,
    year: e.meta.year,
    budget: { total: amount('1000.00') },
    overallGoal: '按时完成各项统计调查，提高统计数据质量和服务水平。',
    indicators: targetTree(e.indicators),
  });
}

/** The node at indexes from the top level down. */
function at(nodes: IndicatorNode[], ...path: number[]): IndicatorNode {
  let list = nodes;
  let found: IndicatorNode | undefined;
  for (const i of path) {
    found = list[i];
    list = found?.children ?? [];
  }
  if (!found) throw new Error(`no node at ${path.join('.')}`);
  return found;
}

const codes = (findings: { code: string }[]) => findings.map((f) => f.code).sort();

describe('checks on a 绩效目标表', () => {
  it('find nothing on targets taken from a clean evaluation', () => {
    expect(checkTargetForm(form(), hunan)).toEqual([]);
  });

  it('want a measurable value where the rulebook scores by the target', () => {
    const f = form();
    delete at(f.indicators, 1, 0, 0).target;
    at(f.indicators, 1, 0, 1).target = parseExpression('大幅提高');
    const findings = checkTargetForm(f, hunan);
    expect(codes(findings)).toEqual(['TARGET_NOT_MEASURABLE', 'TARGET_NOT_MEASURABLE']);
    expect(findings[0]?.severity).toBe('error');
    expect(findings[0]?.message).toContain('开展统计调查项目');
    expect(findings[1]?.severity).toBe('warning');
    expect(findings[1]?.message).toContain('大幅提高');
  });

  it('refuse a rate over 100% that cannot pass it, but not a growth rate', () => {
    const f = form();
    at(f.indicators, 1, 1, 0).target = parseExpression('=105%');
    at(f.indicators, 2, 0, 0).name = '服务企业数增长率';
    at(f.indicators, 2, 0, 0).target = parseExpression('≥120%');
    const findings = checkTargetForm(f, hunan);
    expect(codes(findings)).toEqual(['TARGET_RATE_OVER_100']);
    expect(findings[0]?.path).toBe('indicators[1].children[1].children[0].target');
  });

  it('report weights that do not add up, as in a self-evaluation', () => {
    const f = form();
    at(f.indicators, 1, 0, 0).weight = 9;
    expect(codes(checkTargetForm(f, hunan))).toEqual(['WEIGHT_SUBTOTAL']);
  });

  it('report a cost target above the budget', () => {
    const f = form();
    at(f.indicators, 1, 3, 0).target = parseExpression('≤1200万元');
    const findings = checkTargetForm(f, hunan);
    expect(codes(findings)).toEqual(['TARGET_COST_OVER_BUDGET']);
    expect(findings[0]?.message).toContain('1000.00万元');
  });

  it('report a quality target without a unit', () => {
    const f = form();
    at(f.indicators, 1, 1, 0).target = parseExpression('≥98');
    expect(codes(checkTargetForm(f, hunan))).toEqual(['TARGET_QUALITY_NO_UNIT']);
    at(f.indicators, 1, 1, 0).unit = '%';
    expect(checkTargetForm(f, hunan)).toEqual([]);
  });

  it('want the goal, the budget and the indicators', () => {
    const f = TargetForm.parse({
      kind: 'department',
      rulebookId: 'hunan-department',
      unitName: '甲',
      year: 2025,
    });
    expect(checkTargetForm(f, hunan).map((x) => x.params['what'])).toEqual([
      '年度总体目标',
      '年度资金总额',
      '绩效指标',
    ]);
  });

  it('need a project name on a project form', () => {
    const r = TargetForm.safeParse({
      kind: 'project',
      rulebookId: 'central-project',
      unitName: '甲',
      year: 2025,
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('项目绩效目标须填写项目名称');
  });
});

describe('monitoring lights', () => {
  const figures = (executedWan: string) => ({
    executed: amount(executedWan),
    indicators: [
      { path: 'indicators[1].children[0].children[0]', progress: '3项' },
      { path: 'indicators[1].children[0].children[1]', progress: '150条' },
      { path: 'indicators[1].children[1].children[0]', forecast: '100%' },
    ],
  });

  it('compare execution with the elapsed share of the year (7月31日 of 2024 = 58.20%)', () => {
    const green = computeMonitoring(form(), figures('550.00'), '2024-07-31', thresholds);
    expect(green.elapsedPercent).toBe(58.2); // 2024 has 366 days: 213/366
    expect(green.executionPercent).toBe(55);
    expect(green.executionLight).toBe('green');
    const yellow = computeMonitoring(form(), figures('400.00'), '2024-07-31', thresholds);
    expect(yellow.executionLight).toBe('yellow');
    const red = computeMonitoring(form(), figures('300.00'), '2024-07-31', thresholds);
    expect(red.executionLight).toBe('red');
    expect(red.gap).toBe(28.2);
    expect(
      computeMonitoring(form(), { indicators: [] }, '2024-07-31', thresholds).executionLight,
    ).toBe('blue');
  });

  it('project counts from progress, keep rates as they stand, and leave the rest blue', () => {
    const r = computeMonitoring(form(), figures('550.00'), '2024-07-31', thresholds);
    const byName = new Map(r.indicators.map((i) => [i.name, i]));
    // 3 of ≥12 by 58.2% of the year projects to 5.15: far short, red.
    expect(byName.get('开展统计调查项目')?.light).toBe('red');
    expect(byName.get('开展统计调查项目')?.projected).toBe(true);
    // 150 of ≥200 projects to 257.73: green.
    expect(byName.get('发布统计信息')?.light).toBe('green');
    expect(byName.get('统计数据按时报送率')?.light).toBe('green');
    expect(byName.get('年度统计公报发布')?.light).toBe('blue');
    expect(r.light).toBe('red');
    expect(r.unexplainedRed).toBe(1);
    expect(r.indicators.some((i) => i.name === '预算执行率')).toBe(false);
  });

  it('turn yellow on a slight shortfall and count an explained red as explained', () => {
    const r = computeMonitoring(
      form(),
      {
        indicators: [
          { path: 'indicators[1].children[0].children[1]', forecast: '190条' },
          {
            path: 'indicators[1].children[0].children[0]',
            forecast: '6项',
            explanation: '上半年调查任务延后',
          },
        ],
      },
      '2024-07-31',
      thresholds,
    );
    const byName = new Map(r.indicators.map((i) => [i.name, i]));
    expect(byName.get('发布统计信息')?.light).toBe('yellow');
    expect(byName.get('发布统计信息')?.shortfall).toBe(5);
    expect(byName.get('开展统计调查项目')?.light).toBe('red');
    expect(r.unexplainedRed).toBe(0);
  });

  it('take the thresholds from the data, not the code', () => {
    const loose = MonitoringThresholds.parse({
      ...thresholdsData,
      execution: { yellowGap: 30, redGap: 40 },
    });
    expect(computeMonitoring(form(), figures('300.00'), '2024-07-31', loose).executionLight).toBe(
      'green',
    );
    expect(
      MonitoringThresholds.safeParse({
        ...thresholdsData,
        execution: { yellowGap: 30, redGap: 20 },
      }).success,
    ).toBe(false);
  });
});

describe('a self-evaluation started from approved targets', () => {
  it('carries the tree, the targets, the weights, the goal, the budget and the monitoring figures', () => {
    const e = evaluationFromTargets(form(), {
      executed: amount('550.00'),
      progress: new Map([['indicators[1].children[0].children[0]', '3项']]),
    });
    expect(e.kind).toBe('department');
    expect(e.funds.total?.budget?.fen).toBe(1_000_000_000);
    expect(e.funds.total?.executed?.fen).toBe(550_000_000);
    expect(e.goals[0]?.expected).toContain('统计调查');
    const first = at(e.indicators, 1, 0, 0);
    expect(first.target?.text).toBe('≥12项');
    expect(first.weight).toBe(10);
    expect(first.actual).toBeUndefined();
    expect(first.evidence).toBe('绩效运行监控时完成：3项');
  });

  it('agrees with its targets: no finding', () => {
    expect(checkAgainstTargets(clean(), form())).toEqual([]);
  });

  it('finds a rewritten 年度指标值, a dropped and an added indicator', () => {
    const e = clean();
    at(e.indicators, 1, 0, 0).target = parseExpression('≥10项');
    const quality = at(e.indicators, 1, 1);
    quality.children = [{ name: '数据差错率', weight: 10, target: parseExpression('≤1%') }];
    const findings = checkAgainstTargets(e, form());
    expect(codes(findings)).toEqual([
      'TARGET_INDICATOR_ADDED',
      'TARGET_INDICATOR_DROPPED',
      'TARGET_VALUE_CHANGED',
    ]);
    const changed = findings.find((f) => f.code === 'TARGET_VALUE_CHANGED');
    expect(changed?.message).toBe(
      '“开展统计调查项目”年度指标值填写为≥10项，审核通过的绩效目标为≥12项，目标值被改动',
    );
    expect(changed?.category).toBe('target');
    expect(changed?.severity).toBe('error');
  });

  it('reads the same target written differently as the same', () => {
    const e = clean();
    at(e.indicators, 1, 0, 0).target = parseExpression('≥ 12 项');
    expect(checkAgainstTargets(e, form())).toEqual([]);
  });

  it('finds full marks on an indicator monitored red with no explanation, and execution far from the forecast', () => {
    const f = form();
    const result = computeMonitoring(
      f,
      {
        executed: amount('300.00'),
        forecastExecuted: amount('800.00'),
        indicators: [{ path: 'indicators[1].children[0].children[0]', forecast: '6项' }],
      },
      '2024-07-31',
      thresholds,
    );
    const monitoring = { asOfText: '7月31日', result, forecastTolerance: 10 };
    const e = clean(); // full marks everywhere, 100% executed
    const findings = checkAgainstTargets(e, f, monitoring);
    expect(codes(findings)).toEqual(['TARGET_FORECAST_OFF', 'TARGET_RED_FULL_SCORE']);
    expect(findings.find((x) => x.code === 'TARGET_FORECAST_OFF')?.message).toBe(
      '全年预算执行率100.00%，与7月31日绩效运行监控预计的80.00%相差20.00个百分点，未说明原因',
    );
    // Reasons given in the self-evaluation answer both.
    at(e.indicators, 1, 0, 0).deviationReason = '下半年集中开展调查，全年完成';
    at(e.indicators, 0).deviationReason = '年底追加项目资金并全部支付';
    expect(checkAgainstTargets(e, f, monitoring)).toEqual([]);
  });
});

describe('what a 目标调整 changed', () => {
  it('lists the goal, the budget, changed targets and weights, indicators added and dropped', () => {
    const before = form();
    const after = form();
    after.overallGoal = '按时完成全部统计调查。';
    after.budget = { total: amount('1100.00') };
    at(after.indicators, 1, 0, 0).target = parseExpression('≥10项');
    at(after.indicators, 1, 0, 1).weight = 8;
    at(after.indicators, 1, 1).children = [{ name: '数据差错率', target: parseExpression('≤1%') }];
    expect(targetChanges(before, after)).toEqual([
      { what: '年度总体目标', before: before.overallGoal, after: '按时完成全部统计调查。' },
      { what: '年度资金总额', before: '1000.00万元', after: '1100.00万元' },
      { what: '“开展统计调查项目”年度指标值', before: '≥12项', after: '≥10项' },
      { what: '“发布统计信息”分值', before: '10分', after: '8分' },
      { what: '删除指标“统计数据按时报送率”', before: '=100%', after: '—' },
      { what: '新增指标“数据差错率”', before: '—', after: '≤1%' },
    ]);
    expect(targetChanges(before, form())).toEqual([]);
  });
});
