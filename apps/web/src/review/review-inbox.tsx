import { useMemo, useState, type Key } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { BellOutlined, CheckOutlined, DownloadOutlined, GlobalOutlined } from '@ant-design/icons';
import type { EvaluationKind } from '@jixiao/domain';
import { api, errorText, type EvaluationRecord, type Status } from '../api.ts';
import { AsyncView } from '../lib/async-view.tsx';
import { KIND_LABELS, STATUS_COLORS, STATUS_LABELS } from '../lib/labels.ts';
import { useAsync } from '../lib/use-async.ts';
import { EvaluationTable } from '../pages/evaluations-page.tsx';
import { reviewApi, reviewExportUrl, type BulkAction, type BulkResult } from './review-api.ts';

const TABS: readonly [Status | 'all', string][] = [
  ['submitted', '待审核'],
  ['returned', '已退回'],
  ['approved', '已通过'],
  ['published', '已公开'],
  ['all', '全部'],
];

/** The server's limit on one bulk action. */
const BULK_LIMIT = 200;

const BULK: Record<BulkAction, { label: string; from: readonly Status[]; reason: string }> = {
  approve: { label: '批量通过', from: ['submitted'], reason: '审核意见（可选，记入流转记录）' },
  publish: { label: '批量公开', from: ['approved'], reason: '公开理由' },
  remind: { label: '催办', from: ['draft', 'returned'], reason: '催办留言（可选）' },
};

const byDeadline = (a: EvaluationRecord, b: EvaluationRecord) =>
  (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999') ||
  b.updatedAt.localeCompare(a.updatedAt);

/**
 * 审核 inbox: the region's evaluations by status, year and kind, the nearest deadline first;
 * ticked rows can be approved, published or reminded at once, and the list exported.
 */
export default function ReviewInbox() {
  const { message } = App.useApp();
  const [tab, setTab] = useState<Status | 'all'>('submitted');
  const [year, setYear] = useState<number | undefined>(undefined);
  const [kind, setKind] = useState<EvaluationKind | undefined>(undefined);
  const [selected, setSelected] = useState<Key[]>([]);
  const [acting, setActing] = useState<BulkAction | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<BulkResult | null>(null);
  const filter = {
    ...(tab === 'all' ? {} : { status: tab }),
    ...(year !== undefined ? { year } : {}),
    ...(kind !== undefined ? { kind } : {}),
  };
  const state = useAsync(
    () => api.evaluations(filter).then((r) => [...r.items].sort(byDeadline)),
    [tab, year, kind],
  );
  const items = useMemo(() => state.data ?? [], [state.data]);
  const chosen = items.filter((e) => selected.includes(e.id));
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 8 }, (_, i) => thisYear - i);

  const run = async () => {
    if (acting === null) return;
    setBusy(true);
    try {
      const r = await reviewApi.bulk(
        acting,
        chosen.map((e) => e.id),
        comment.trim() || undefined,
      );
      setResult(r);
      setActing(null);
      setSelected([]);
      state.reload();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const open = (action: BulkAction) => {
    setComment('');
    setActing(action);
  };
  const withErrors = chosen.filter((e) => e.findingCounts.error > 0).length;
  const outOfState =
    acting === null ? 0 : chosen.filter((e) => !BULK[acting].from.includes(e.status)).length;

  return (
    <Card
      title="审核"
      extra={
        <Button
          icon={<DownloadOutlined />}
          href={reviewExportUrl(filter)}
          aria-label="导出审核列表（Excel）"
        >
          导出 Excel
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 8 }}>
        <Select
          aria-label="年度筛选"
          allowClear
          placeholder="全部年度"
          style={{ width: 130 }}
          value={year}
          onChange={(v: number | undefined) => {
            setYear(v);
            setSelected([]);
          }}
          options={years.map((y) => ({ value: y, label: `${y}年度` }))}
        />
        <Select
          aria-label="类型筛选"
          allowClear
          placeholder="全部类型"
          style={{ width: 130 }}
          value={kind}
          onChange={(v: EvaluationKind | undefined) => {
            setKind(v);
            setSelected([]);
          }}
          options={(['department', 'project'] as const).map((k) => ({
            value: k,
            label: KIND_LABELS[k],
          }))}
        />
      </Space>
      <Tabs
        activeKey={tab}
        onChange={(k) => {
          setTab(k as Status | 'all');
          setSelected([]);
        }}
        items={TABS.map(([key, label]) => ({ key, label }))}
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary" data-testid="selected-count">
          已选 {chosen.length} 项
        </Typography.Text>
        <Button
          icon={<CheckOutlined />}
          disabled={chosen.length === 0}
          onClick={() => open('approve')}
        >
          批量通过
        </Button>
        <Button
          icon={<GlobalOutlined />}
          disabled={chosen.length === 0}
          onClick={() => open('publish')}
        >
          批量公开
        </Button>
        <Button
          icon={<BellOutlined />}
          disabled={chosen.length === 0}
          onClick={() => open('remind')}
        >
          催办
        </Button>
      </Space>
      <AsyncView state={state} isEmpty={(d) => d.length === 0} emptyText="没有符合条件的自评">
        {(list) => (
          <EvaluationTable
            items={list}
            link={(e) => `/review/${e.id}`}
            selection={{ keys: selected, onChange: setSelected }}
          />
        )}
      </AsyncView>

      <Modal
        open={acting !== null}
        title={acting === null ? '' : `${BULK[acting].label}（${chosen.length} 项）`}
        okText={acting === null ? '' : BULK[acting].label}
        cancelText="取消"
        confirmLoading={busy}
        okButtonProps={{ disabled: chosen.length > BULK_LIMIT }}
        onCancel={() => setActing(null)}
        onOk={() => void run()}
      >
        {acting !== null && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {chosen.length > BULK_LIMIT && (
              <Alert
                type="error"
                showIcon
                title={`一次最多处理 ${BULK_LIMIT} 项，已选 ${chosen.length} 项，请分批处理`}
              />
            )}
            {outOfState > 0 && (
              <Alert
                type="info"
                showIcon
                title={`其中 ${outOfState} 项的状态不能${BULK[acting].label.replace('批量', '')}，将逐项说明原因`}
              />
            )}
            {acting !== 'remind' && withErrors > 0 && (
              <Alert
                type="warning"
                showIcon
                title={
                  acting === 'publish'
                    ? `其中 ${withErrors} 项仍有错误未改正：须填写公开理由，否则这些项不会公开`
                    : `其中 ${withErrors} 项仍有错误未改正（见各项的审查发现），确定通过吗？`
                }
              />
            )}
            <Input.TextArea
              aria-label={BULK[acting].reason}
              placeholder={BULK[acting].reason}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              autoSize={{ minRows: 2 }}
              maxLength={5000}
            />
          </Space>
        )}
      </Modal>

      <Modal
        open={result !== null}
        width={820}
        title={
          result === null
            ? ''
            : `${BULK[result.action].label}结果：成功 ${result.succeeded} 项，未成功 ${result.failed} 项`
        }
        footer={
          <Button type="primary" onClick={() => setResult(null)}>
            知道了
          </Button>
        }
        onCancel={() => setResult(null)}
      >
        {result !== null && (
          <Table
            data-testid="bulk-result"
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={result.items}
            columns={[
              {
                title: '自评',
                key: 'title',
                render: (_, o) =>
                  o.title === null ? (
                    <Typography.Text type="secondary">（无法查看）</Typography.Text>
                  ) : (
                    <a href={`#/review/${o.id}`}>{o.title}</a>
                  ),
              },
              {
                title: '单位',
                dataIndex: 'departmentName',
                render: (d: string | null) => d ?? '—',
              },
              {
                title: '结果',
                key: 'ok',
                width: 80,
                render: (_, o) =>
                  o.ok ? <Tag color="green">成功</Tag> : <Tag color="red">未成功</Tag>,
              },
              {
                title: '状态',
                dataIndex: 'status',
                width: 90,
                render: (s: Status | null) =>
                  s === null ? '—' : <Tag color={STATUS_COLORS[s]}>{STATUS_LABELS[s]}</Tag>,
              },
              { title: '说明', dataIndex: 'message' },
            ]}
          />
        )}
      </Modal>
    </Card>
  );
}
