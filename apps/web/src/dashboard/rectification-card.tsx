import { Card, Col, Empty, Row, Statistic, Table } from 'antd';
import type { RectificationCounts, RectificationFigures } from '../api.ts';

const FIGURES: { key: keyof RectificationCounts; title: string; color?: string }[] = [
  { key: 'confirmed', title: '已确认问题' },
  { key: 'fixed', title: '已整改', color: '#389e0d' },
  { key: 'explained', title: '已说明' },
  { key: 'overdue', title: '逾期未整改', color: '#cf1322' },
  { key: 'pending', title: '待整改' },
];

/** 整改情况: the year's confirmed findings, fixed, explained and past their deadline, per unit. */
export function RectificationCard({ figures }: { figures: RectificationFigures }) {
  return (
    <Card size="small" title="整改情况" data-testid="rectification-card">
      <Row gutter={[16, 16]} style={{ marginBottom: 12 }}>
        {FIGURES.map((f) => (
          <Col key={f.key} xs={12} md={8} lg={4}>
            <Statistic
              title={f.title}
              value={figures[f.key]}
              {...(f.color ? { styles: { content: { color: f.color } } } : {})}
            />
          </Col>
        ))}
      </Row>
      {figures.byUnit.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本年度尚无已确认的审查发现" />
      ) : (
        <Table
          size="small"
          rowKey="departmentId"
          dataSource={figures.byUnit}
          pagination={figures.byUnit.length > 10 ? { pageSize: 10 } : false}
          columns={[
            { title: '单位', dataIndex: 'departmentName' },
            ...FIGURES.map((f) => ({ title: f.title, dataIndex: f.key, width: 100 })),
          ]}
        />
      )}
    </Card>
  );
}
