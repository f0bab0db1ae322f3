import { Card, Space, Table, Tag, Typography } from 'antd';
import { LIGHT_LABELS_ZH, type Light } from '@jixiao/domain';
import { useAsync } from '../lib/use-async.ts';
import { navigate } from '../lib/router.ts';
import { targetsApi, type RoundRow } from '../targets/targets-api.ts';
import { LightTag } from '../targets/light-tag.tsx';
import { asOfLabel } from '../targets/monitoring-page.tsx';

const ORDER: Record<string, number> = { red: 0, yellow: 1, blue: 2, green: 3 };

/** 数据看板: the newest monitoring round's lights in the region, red and unexplained first. */
export function MonitoringLights({ regionId }: { regionId?: string | undefined }) {
  const state = useAsync(
    () => targetsApi.lights(regionId ? { regionId } : {}).then((r) => r.overview),
    [regionId],
  );
  const o = state.data;
  if (o === undefined || o === null) return null;
  const rows = [...o.rows].sort(
    (a, b) =>
      (ORDER[a.light ?? 'blue'] ?? 4) - (ORDER[b.light ?? 'blue'] ?? 4) ||
      b.unexplainedRed - a.unexplainedRed,
  );
  return (
    <Card
      size="small"
      title={`绩效运行监控预警（${o.round.year}年，截至${asOfLabel(o.round.asOf)}）`}
      data-testid="monitoring-lights"
      extra={<a href={`#/monitoring/${o.round.id}`}>查看监控</a>}
    >
      <Space wrap style={{ marginBottom: 8 }}>
        {(['red', 'yellow', 'green', 'blue'] as Light[]).map((l) => (
          <Tag key={l}>
            {LIGHT_LABELS_ZH[l]} {o.counts[l]}
          </Tag>
        ))}
        <Tag>未填报 {o.counts.unreported}</Tag>
      </Space>
      <Table<RoundRow>
        size="small"
        rowKey="formId"
        dataSource={rows}
        pagination={{ pageSize: 8, hideOnSinglePage: true }}
        onRow={(r) => ({
          onClick: () => navigate(`/monitoring/${o.round.id}/${r.formId}`),
          style: { cursor: 'pointer' },
        })}
        columns={[
          { title: '单位', dataIndex: 'departmentName' },
          { title: '绩效目标', dataIndex: 'title' },
          {
            title: '预警',
            dataIndex: 'light',
            render: (l: Light | null) => <LightTag light={l} />,
          },
          {
            title: '红灯未说明',
            dataIndex: 'unexplainedRed',
            render: (v: number, r) =>
              !r.reported ? '—' : v > 0 ? <Typography.Text type="danger">{v}</Typography.Text> : 0,
          },
          {
            title: '整改',
            render: (_: unknown, r) =>
              r.corrections === 0 ? '—' : `要求 ${r.corrections}，已回复 ${r.answered}`,
          },
        ]}
      />
    </Card>
  );
}
