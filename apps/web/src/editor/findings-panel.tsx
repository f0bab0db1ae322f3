import { memo, useMemo, useState } from 'react';
import { Badge, Empty, List, Segmented, Space, Tag, Typography } from 'antd';
import { SEVERITY_RANK, type Finding, type Severity } from '@jixiao/domain';
import { categoryLabel, severityLabel } from '../lib/finding-labels.ts';
import { SEVERITY_COLORS } from '../lib/labels.ts';

/** Every finding, most severe first; clicking one jumps to its field. */
export const FindingsPanel = memo(function FindingsPanel({
  findings,
  onPick,
  extra,
  stale,
}: {
  findings: readonly Finding[];
  onPick?: (f: Finding) => void;
  extra?: (f: Finding) => React.ReactNode;
  stale?: boolean;
}) {
  const [filter, setFilter] = useState<'all' | Severity>('all');
  const counts = useMemo(() => {
    const c = { error: 0, warning: 0, info: 0 };
    for (const f of findings) c[f.severity] += 1;
    return c;
  }, [findings]);
  const shown = useMemo(
    () =>
      [...findings]
        .filter((f) => filter === 'all' || f.severity === filter)
        .sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]),
    [findings, filter],
  );
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
          description={findings.length === 0 ? '未发现问题' : '该类别无发现'}
        />
      ) : (
        <List
          size="small"
          dataSource={shown}
          renderItem={(f, i) => (
            <List.Item
              key={`${f.code}-${f.path}-${i}`}
              style={{ cursor: onPick ? 'pointer' : 'default', display: 'block' }}
              onClick={() => onPick?.(f)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  onPick?.(f);
                }
              }}
              tabIndex={onPick ? 0 : undefined}
              role={onPick ? 'button' : undefined}
              aria-label={`${severityLabel(f.severity)}：${f.message}`}
              data-finding-code={f.code}
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
              {extra?.(f)}
            </List.Item>
          )}
        />
      )}
    </div>
  );
});
