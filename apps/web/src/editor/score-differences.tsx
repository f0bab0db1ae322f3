import { memo } from 'react';
import { Alert, Button, Space } from 'antd';
import type { Evaluation, ScoreSheet } from '@jixiao/domain';

/** Scores differ when they are apart by half a hundredth or more. */
export const differs = (a: number | undefined, b: number | undefined): boolean =>
  a !== undefined && b !== undefined && Math.abs(a - b) >= 0.005;

/**
 * Says, before anything is downloaded or submitted, where the unit's own scores differ from what
 * the rulebook computes, that the report states the unit's own, and offers to adopt the computed
 * total and grade (each indicator offers the same in its row).
 */
export const ScoreDifferences = memo(function ScoreDifferences({
  stated,
  sheet,
  readOnly,
  adoptTotal,
}: {
  /** The unit's own total and grade: the component renders again only when they change. */
  stated: Evaluation['stated'];
  sheet: ScoreSheet | null;
  readOnly: boolean;
  adoptTotal: (total: number, grade: string | undefined) => void;
}) {
  if (!sheet) return null;
  const indicators = sheet.nodes.filter((n) => differs(n.statedScore, n.computedScore)).length;
  const total = differs(stated.total, sheet.total);
  const grade =
    stated.grade !== undefined && sheet.grade !== null && stated.grade.trim() !== sheet.grade;
  if (!total && !grade && indicators === 0) return null;
  const parts: string[] = [];
  if (total) parts.push(`总分填报 ${stated.total ?? '—'} 分，按指标体系计算为 ${sheet.total} 分`);
  if (grade) parts.push(`等级填报“${stated.grade ?? ''}”，计算为“${sheet.grade ?? ''}”`);
  if (indicators > 0)
    parts.push(`${indicators} 个指标的得分与计算得分不同（见绩效指标表中标红的计算得分）`);
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="score-differences"
      title="填报得分与按指标体系计算的得分不一致"
      description={`${parts.join('；')}。报告、自评表和公开页面使用填报的得分；如计算得分正确，请采用。`}
      action={
        !readOnly && (total || grade) ? (
          <Space direction="vertical">
            <Button size="small" onClick={() => adoptTotal(sheet.total, sheet.grade ?? undefined)}>
              总分采用计算得分
            </Button>
          </Space>
        ) : undefined
      }
    />
  );
});
