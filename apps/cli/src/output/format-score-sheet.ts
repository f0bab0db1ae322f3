import { formatPercent, formatPoints, samePoints } from '@jixiao/domain';
import type { Evaluation, Rulebook, ScoreNode, ScoreSheet } from '@jixiao/domain';
import { displayWidth, fitLeft, padRight } from './text-width.ts';

/** Chinese names of the rule kinds a score sheet reports ('stated': taken as the unit stated). */
const RULE_KIND_ZH: Record<string, string> = {
  'execution-rate': '执行率',
  positive: '正向',
  negative: '反向',
  equal: '等值',
  range: '区间',
  deadline: '时限',
  qualitative: '定性',
  'step-bands': '分档',
  'per-point': '按点扣分',
  checklist: '清单',
  manual: '自评',
  auto: '自动',
  stated: '按填报',
};

/** Chinese for the machine notes the engine attaches to nodes; unknown notes are shown as is. */
const NOTE_ZH: Record<string, string> = {
  'not-computable': '无法按规则计算，取填报得分',
  unbound: '未对应到评价规则',
  'actual-done': '按是否完成计分',
  'rate-from-actual': '执行率取自完成值',
  'execution-below-threshold': '执行率低于规定，须说明原因',
  'over-completion': '超额完成，须说明原因',
  'outside-range': '超出指标区间',
  'outside-band': '得分不在定性档次内',
  'band-default': '按默认档次',
  'negative-inverse': '按 A/B 计分',
  'negative-linear': '按超出比例扣减',
  'weight-moved-in': '承接不考核指标分值',
  'weight-moved-out': '分值已移至其他指标',
  'weight-rescaled': '分值按比例调整',
  'weight-rescaled-out': '分值已按比例分配',
  'target-unparsed': '指标值无法识别',
  'not-assessed': '不考核',
};

function capZh(cap: string): string {
  if (cap === 'bonus-cap') return '加分封顶';
  if (cap === 'total-cap') return '总分封顶';
  const below = /^execution-cap:(.+)$/.exec(cap)?.[1];
  if (below !== undefined) return `执行率低于 ${below}% 封顶`;
  return cap;
}

function num(value: number | undefined): string {
  return value === undefined ? '—' : formatPoints(value);
}

function remarks(node: ScoreNode): string {
  const parts: string[] = [];
  if (node.isLeaf && node.ruleKind !== undefined) {
    parts.push(RULE_KIND_ZH[node.ruleKind] ?? node.ruleKind);
  }
  if (node.notAssessed) parts.push('不考核');
  if (
    node.statedScore !== undefined &&
    node.computedScore !== undefined &&
    !samePoints(node.statedScore, node.computedScore)
  ) {
    parts.push('填报与计算不符');
  }
  if (node.reasonRequired && !node.reasonGiven) parts.push('缺偏差原因');
  for (const note of node.notes) parts.push(NOTE_ZH[note] ?? note);
  return [...new Set(parts)].join('，');
}

const NAME_MAX = 36;
const COLUMNS = ['分值', '得分(填报)', '得分(计算)', '扣分'] as const;
const NUMBER_WIDTH = 11;

/**
 * The score sheet as text: a header naming the unit and rulebook, the indicator tree with
 * 分值 / 得分(填报) / 得分(计算) / 扣分 and remarks, then totals, caps and grade.
 */
export function formatScoreSheet(
  sheet: ScoreSheet,
  evaluation: Evaluation,
  rulebook: Rulebook | undefined,
): string {
  const lines: string[] = [];
  const subject =
    evaluation.kind === 'project'
      ? `${evaluation.meta.unitName} · ${evaluation.projectName}`
      : evaluation.meta.unitName;
  const kind = evaluation.kind === 'project' ? '项目支出绩效自评' : '部门整体支出绩效自评';
  lines.push(`${subject}  ${evaluation.meta.year}年度${kind}`);
  lines.push(`评价规则：${rulebook ? `${rulebook.name}（${rulebook.id}）` : sheet.rulebookId}`);
  lines.push('');

  const labels = sheet.nodes.map((n) => '  '.repeat(Math.max(0, n.level - 1)) + n.name);
  const nameWidth = Math.min(
    NAME_MAX,
    Math.max(displayWidth('指标'), ...labels.map((l) => displayWidth(l))),
  );
  const header =
    fitLeft('指标', nameWidth) +
    COLUMNS.map((c) => padRight(c, NUMBER_WIDTH + 1)).join('') +
    '  备注';
  lines.push(header);
  lines.push('─'.repeat(displayWidth(header) + 8));
  sheet.nodes.forEach((node, i) => {
    const deduction = node.computedDeduction ?? node.statedDeduction;
    const cells = [
      node.weight ?? node.statedWeight,
      node.statedScore,
      node.computedScore,
      deduction,
    ];
    const note = remarks(node);
    lines.push(
      fitLeft(labels[i] ?? node.name, nameWidth) +
        cells.map((c) => padRight(num(c), NUMBER_WIDTH + 1)).join('') +
        (note === '' ? '' : `  ${note}`),
    );
  });
  lines.push('─'.repeat(displayWidth(header) + 8));

  lines.push(`指标得分合计（计算）：${formatPoints(sheet.treeTotal)}`);
  if (sheet.bonus !== 0 || sheet.penalty !== 0) {
    lines.push(`加分：${formatPoints(sheet.bonus)}    减分：${formatPoints(sheet.penalty)}`);
  }
  if (sheet.executionRate !== undefined) {
    lines.push(`预算执行率：${formatPercent(sheet.executionRate)}`);
  }
  if (sheet.capsApplied.length > 0) {
    lines.push(`封顶：${sheet.capsApplied.map(capZh).join('；')}`);
  }
  const statedTotal = sheet.statedTotal === undefined ? '未填报' : formatPoints(sheet.statedTotal);
  const totalMismatch =
    sheet.statedTotal !== undefined && !samePoints(sheet.statedTotal, sheet.total);
  lines.push(
    `总分（计算）：${formatPoints(sheet.total)}    总分（填报）：${statedTotal}${totalMismatch ? '    ⚠ 不一致' : ''}`,
  );
  const grade = sheet.grade ?? '本规则不评等级';
  const statedGrade = sheet.statedGrade ?? '未填报';
  const gradeMismatch =
    sheet.grade !== null && sheet.statedGrade !== undefined && sheet.statedGrade !== sheet.grade;
  lines.push(
    `等级（计算）：${grade}    等级（填报）：${statedGrade}${gradeMismatch ? '    ⚠ 不一致' : ''}`,
  );
  return lines.join('\n') + '\n';
}
