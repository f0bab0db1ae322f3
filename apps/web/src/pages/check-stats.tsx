import { Alert, Table, Tag, Typography } from 'antd';
import { api, type CheckStats } from '../api.ts';
import { AsyncView } from '../lib/async-view.tsx';
import { useAsync } from '../lib/use-async.ts';

/** 检查可信度: per check, how often it fired and how reviewers judged it; noisy ones flagged. */
export function CheckStatsView() {
  const state = useAsync(() => api.checkStats().then((r) => r.items), []);
  return (
    <AsyncView state={state} isEmpty={(d) => d.length === 0}>
      {(items) => (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title="审核人认定“不是问题”多于“确认”的检查标为“误报偏多”，其结论宜谨慎采信。"
          />
          <Table<CheckStats>
            size="small"
            rowKey="code"
            dataSource={items}
            pagination={{ pageSize: 20 }}
            columns={[
              {
                title: '检查',
                dataIndex: 'name',
                render: (name: string, r) => (
                  <>
                    {name} {r.noisy && <Tag color="orange">误报偏多</Tag>}
                  </>
                ),
              },
              { title: '触发次数', dataIndex: 'fired', width: 100 },
              { title: '确认', dataIndex: 'confirmed', width: 80 },
              { title: '不是问题', dataIndex: 'dismissed', width: 90 },
              {
                title: '“不是问题”的理由',
                dataIndex: 'reasons',
                render: (reasons: CheckStats['reasons']) =>
                  reasons.length === 0 ? (
                    <Typography.Text type="secondary">—</Typography.Text>
                  ) : (
                    <ul style={{ margin: 0, paddingLeft: 18 }}>
                      {reasons.map((x) => (
                        <li key={x.reason}>
                          {x.reason}
                          {x.count > 1 ? `（${x.count} 次）` : ''}
                        </li>
                      ))}
                    </ul>
                  ),
              },
            ]}
          />
        </>
      )}
    </AsyncView>
  );
}
