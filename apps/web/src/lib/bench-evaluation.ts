import {
  fen,
  parseExpression,
  type DepartmentEvaluation,
  type IndicatorNode,
} from '@jixiao/domain';

const GROUPS: readonly [string, readonly [string, number, number][]][] = [
  // [一级指标, [[二级指标, leaves, weight per leaf]]]: 200 leaves, weights adding to 90 + 10.
  [
    '产出指标',
    [
      ['数量指标', 40, 0.5],
      ['质量指标', 30, 0.5],
      ['时效指标', 30, 0.5],
    ],
  ],
  [
    '效益指标',
    [
      ['经济效益指标', 15, 0.4],
      ['社会效益指标', 30, 0.4],
      ['生态效益指标', 15, 0.4],
      ['可持续影响指标', 15, 0.4],
    ],
  ],
  ['满意度指标', [['服务对象满意度指标', 25, 0.4]]],
];

const round2 = (n: number) => Math.round(n * 100) / 100;

/** A department evaluation with 200 leaf indicators (plus 预算执行率), for the per-keystroke benchmark. */
export function benchEvaluation(rulebookId: string): DepartmentEvaluation {
  const wan = (n: number) => ({ fen: fen(n * 1_000_000), unit: '万元' as const, text: String(n) });
  let k = 0;
  const indicators: IndicatorNode[] = [
    { name: '预算执行率', weight: 10, score: 10 },
    ...GROUPS.map(([name, subs]) => ({
      name,
      weight: round2(subs.reduce((s, [, n, w]) => s + n * w, 0)),
      children: subs.map(([sub, n, w]) => ({
        name: sub,
        weight: round2(n * w),
        children: Array.from({ length: n }, (_, i): IndicatorNode => {
          k += 1;
          const pct = i % 7 === 0 ? 92 : 100;
          return {
            name: `${sub}${i + 1}（第${k}项）`,
            weight: w,
            score: pct === 100 ? w : round2((w * pct) / 100),
            target: parseExpression('≥95%'),
            actual: parseExpression(`${pct === 100 ? 98 : 87.4}%`),
            ...(pct === 100 ? {} : { deviationReason: '受年度任务调整影响' }),
          };
        }),
      })),
    })),
  ];
  return {
    schemaVersion: 1,
    kind: 'department',
    rulebookId,
    meta: { unitName: '基准测试单位', year: 2024, legalBasis: [], amountUnit: '万元' },
    funds: { total: { budget: wan(1000), executed: wan(980), weight: 10, statedScore: 10 } },
    goals: [],
    indicators,
    adjustments: [],
    stated: { total: 100 },
    chapters: [],
    outline: [],
    duties: [],
    internalUnits: [],
    subordinateUnits: [],
    staffing: { categories: [] },
    basicExpenditure: {},
    projectExpenditure: { projects: [] },
    projectEvaluations: [],
  };
}

/** Counts the leaves of an indicator tree. */
export function countLeaves(nodes: readonly IndicatorNode[]): number {
  return nodes.reduce((s, n) => s + (n.children ? countLeaves(n.children) : 1), 0);
}
