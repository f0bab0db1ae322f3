import { memo, useMemo, useState } from 'react';
import { Badge, Collapse, Empty, Segmented, Space, Tag, Typography } from 'antd';
import { SEVERITY_RANK, type Evaluation, type Finding, type Severity } from '@jixiao/domain';
import type { DecisionView, FindingMark } from '../api.ts';
import { categoryLabel, severityLabel } from '../lib/finding-labels.ts';
import { SEVERITY_COLORS } from '../lib/labels.ts';
import { decideFindings, markedFindings, type DecidedFinding } from '../lib/decided-findings.ts';
import { beijingTime } from '../lib/time.ts';
import { Item, ItemList } from '../lib/item-list.tsx';

/** Where a finding stands after the reviewer's decision, with the reviewer's words. */
function DecisionNote({ d }: { d: DecidedFinding }) {
  const decision = d.decision;
  if (d.status === 'open') return null;
  if (d.status === 'reopened')
    return (
      <div style={{ marginTop: 4 }}>
        <Tag color="orange">数值已变化，需重新认定</Tag>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          原认定为不是问题{decision?.stated ? `（原数值 ${decision.stated}）` : ''}：{d.reason}
        </Typography.Text>
      </div>
    );
  if (d.status === 'dismissed')
    return (
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
        不是问题：{d.reason}
        {decision !== null &&
          `（${decision.decidedByName}，${beijingTime(decision.decidedAt)}${decision.carried ? '，沿用本单位以往认定' : ''}）`}
      </Typography.Text>
    );
  if (decision === null) return <Tag color="red">已确认，须整改</Tag>;
  return (
    <div style={{ marginTop: 4 }} data-testid="confirmed-note">
      <Tag color="red">已确认，须整改</Tag>
      {decision.deadline && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          整改期限 {decision.deadline}
        </Typography.Text>
      )}
      {decision.correction && <div style={{ fontSize: 12 }}>整改要求：{decision.correction}</div>}
      {decision.answer && (
        <div style={{ fontSize: 12, color: '#555' }}>
          情况说明：{decision.answer}（{decision.answeredByName}
          {decision.answeredAt ? `，${beijingTime(decision.answeredAt)}` : ''}）
        </div>
      )}
    </div>
  );
}

/**
 * Every finding, most severe first; clicking one jumps to its field. With the reviewer's
 * decisions: dismissed findings are collapsed and out of the counts, confirmed ones say so, and
 * confirmed ones the content no longer has are listed as 已整改.
 */
export const FindingsPanel = memo(function FindingsPanel({
  findings,
  onPick,
  extra,
  stale,
  decisions,
  body,
  marks,
  emptyText = '未发现问题',
}: {
  findings: readonly Finding[];
  onPick?: (f: Finding) => void;
  extra?: (f: Finding, d: DecidedFinding | null) => React.ReactNode;
  stale?: boolean;
  decisions?: readonly DecisionView[] | undefined;
  body?: Evaluation;
  /** For batch-audited files: each finding's mark from the server. */
  marks?: readonly FindingMark[] | undefined;
  /** What an empty list means (a file only partly understood is not a clean one). */
  emptyText?: string;
}) {
  const [filter, setFilter] = useState<'all' | Severity>('all');
  const decided = useMemo(
    () =>
      marks !== undefined
        ? markedFindings(findings, marks)
        : decideFindings(findings, body ?? null, decisions ?? []),
    [findings, decisions, body, marks],
  );
  const decidable = marks !== undefined || (decisions !== undefined && body !== undefined);
  const counts = useMemo(() => {
    const c = { error: 0, warning: 0, info: 0 };
    for (const d of decided.active) c[d.finding.severity] += 1;
    return c;
  }, [decided]);
  const shown = useMemo(
    () =>
      decided.active
        .filter((d) => filter === 'all' || d.finding.severity === filter)
        .sort((a, b) => SEVERITY_RANK[b.finding.severity] - SEVERITY_RANK[a.finding.severity]),
    [decided, filter],
  );
  const row = (d: DecidedFinding, i: number) => {
    const f = d.finding;
    return (
      <Item
        key={`${f.code}-${f.path}-${i}`}
        style={{ cursor: onPick ? 'pointer' : 'default', display: 'block' }}
        onClick={() => onPick?.(f)}
        onKeyDown={(e) => {
          if (e.target !== e.currentTarget) return;
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            onPick?.(f);
          }
        }}
        tabIndex={onPick ? 0 : undefined}
        role={onPick ? 'button' : undefined}
        aria-label={`${severityLabel(f.severity)}：${f.message}`}
        data-finding-code={f.code}
        data-finding-status={d.status}
      >
        <Space size={4} wrap>
          <Tag color={SEVERITY_COLORS[f.severity]}>{severityLabel(f.severity)}</Tag>
          <Tag>{categoryLabel(f.category)}</Tag>
        </Space>
        <div style={{ marginTop: 4 }}>{f.message}</div>
        {(f.stated !== undefined || f.expected !== undefined) && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {f.stated !== undefined && `填报：${f.stated}`}{' '}
            {f.expected !== undefined && `应为：${f.expected}`}
          </Typography.Text>
        )}
        <DecisionNote d={d} />
        {extra?.(f, decidable ? d : null)}
      </Item>
    );
  };
  return (
    <div
      data-testid="findings-panel"
      style={{ opacity: stale ? 0.6 : 1, transition: 'opacity .2s' }}
    >
      <Space style={{ marginBottom: 8 }} wrap>
        <Typography.Text strong>审查发现</Typography.Text>
        <Badge count={counts.error} color="red" showZero title="错误" />
        <Badge count={counts.warning} color="orange" showZero title="警告" />
        <Badge count={counts.info} color="blue" showZero title="提示" />
      </Space>
      <Segmented
        size="small"
        aria-label="按严重程度筛选"
        value={filter}
        onChange={(v) => setFilter(v as 'all' | Severity)}
        options={[
          { label: '全部', value: 'all' },
          { label: severityLabel('error'), value: 'error' },
          { label: severityLabel('warning'), value: 'warning' },
          { label: severityLabel('info'), value: 'info' },
        ]}
        style={{ marginBottom: 8 }}
      />
      {shown.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={decided.active.length === 0 ? emptyText : '该类别无发现'}
        />
      ) : (
        <ItemList>{shown.map(row)}</ItemList>
      )}
      {decided.fixed.length > 0 && (
        <div data-testid="fixed-findings" style={{ marginTop: 12 }}>
          <Typography.Text strong>已整改（{decided.fixed.length}）</Typography.Text>
          <ItemList>
            {decided.fixed.map((d) => (
              <Item key={d.id} style={{ display: 'block' }}>
                <Tag color="green">
                  已整改{d.fixedVersion !== null ? `（第 ${d.fixedVersion} 版）` : '（当前内容）'}
                </Tag>
                <span>{d.message}</span>
                {d.answer && (
                  <div style={{ fontSize: 12, color: '#555' }}>
                    情况说明：{d.answer}（{d.answeredByName}）
                  </div>
                )}
              </Item>
            ))}
          </ItemList>
        </div>
      )}
      {decided.dismissed.length > 0 && (
        <Collapse
          size="small"
          style={{ marginTop: 12 }}
          items={[
            {
              key: 'dismissed',
              label: `不是问题（${decided.dismissed.length}，不计入统计）`,
              children: <ItemList>{decided.dismissed.map(row)}</ItemList>,
            },
          ]}
        />
      )}
    </div>
  );
});
