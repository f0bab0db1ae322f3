import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Form,
  InputNumber,
  Modal,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { LIGHT_LABELS_ZH, LIGHT_MEANINGS_ZH, type Light } from '@jixiao/domain';
import { errorText } from '../api.ts';
import { useSession } from '../lib/session.tsx';
import { navigate } from '../lib/router.ts';
import { useAsync } from '../lib/use-async.ts';
import { beijingTime } from '../lib/time.ts';
import { targetsApi, type MonitoringRound, type RoundRow } from './targets-api.ts';
import { LightTag } from './light-tag.tsx';
import { TargetsNav } from './targets-nav.tsx';
import MonitoringReportPage from './monitoring-report.tsx';

/** "7月31日" for 2025-07-31. */
export function asOfLabel(asOf: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(asOf);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : asOf;
}

/** 绩效监控: rounds, a round's lights per unit and form, one form's report. */
export default function MonitoringPage({ path }: { path: readonly string[] }) {
  const [roundId, formId] = path;
  if (roundId !== undefined && formId !== undefined)
    return <MonitoringReportPage roundId={roundId} formId={formId} />;
  if (roundId !== undefined) return <RoundPage id={roundId} />;
  return <RoundsPage />;
}

function RoundsPage() {
  const { user } = useSession();
  const rounds = useAsync(() => targetsApi.rounds().then((r) => r.items), []);
  const thresholds = useAsync(() => targetsApi.thresholds().then((r) => r.items), []);
  const [creating, setCreating] = useState(false);
  const staff = user?.role === 'reviewer' || user?.role === 'admin';
  return (
    <>
      <TargetsNav current="monitoring" />
      <Card
        title="绩效运行监控"
        extra={
          staff && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              开展监控
            </Button>
          )
        }
      >
        <Typography.Paragraph type="secondary">
          年中对照已批复的绩效目标，监控预算执行进度和绩效目标实现程度（“双监控”）。
          {(['green', 'yellow', 'red', 'blue'] as Light[])
            .map((l) => `${LIGHT_LABELS_ZH[l]}：${LIGHT_MEANINGS_ZH[l]}`)
            .join('；')}
          。
        </Typography.Paragraph>
        {thresholds.data?.map((t) => (
          <Typography.Paragraph key={t.id} type="secondary" data-testid="monitoring-thresholds">
            预警规则（{t.name}）：预算执行进度落后时间进度不超过{t.execution.yellowGap}
            个百分点为绿灯，{t.execution.yellowGap}至{t.execution.redGap}个百分点为黄灯，超过
            {t.execution.redGap}个百分点为红灯；指标全年预计完成值
            {t.indicator.yellowShortfall === 0
              ? '未达到年度指标值'
              : `低于年度指标值${t.indicator.yellowShortfall}%以上`}
            为黄灯，低于{t.indicator.redShortfall}
            %以上为红灯；尚无法衡量的为蓝灯。年末预算执行率与监控预计相差超过
            {t.forecastTolerance}个百分点须说明原因。依据：
            {t.sources.map((x) => x.title).join('；')}
            {t.confirmed ? '' : '（各地常用做法，非统一规定）'}。
          </Typography.Paragraph>
        ))}
        {rounds.error !== null && <Alert type="error" showIcon title={errorText(rounds.error)} />}
        <Table<MonitoringRound>
          rowKey="id"
          loading={rounds.loading}
          dataSource={rounds.data ?? []}
          pagination={false}
          onRow={(r) => ({
            onClick: () => navigate(`/monitoring/${r.id}`),
            style: { cursor: 'pointer' },
          })}
          columns={[
            { title: '年度', dataIndex: 'year', width: 80 },
            {
              title: '监控截至',
              dataIndex: 'asOf',
              render: (v: string, r) => <a href={`#/monitoring/${r.id}`}>{asOfLabel(v)}</a>,
            },
            { title: '填报截止', dataIndex: 'deadline', render: (v: string) => asOfLabel(v) },
          ]}
        />
        {creating && (
          <CreateRound
            onClose={(created) => {
              setCreating(false);
              if (created) rounds.reload();
            }}
          />
        )}
      </Card>
    </>
  );
}

function CreateRound({ onClose }: { onClose: (created: boolean) => void }) {
  const [form] = Form.useForm<{
    year: number;
    asOf?: { format(f: string): string };
    deadline?: { format(f: string): string };
  }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ok = async () => {
    const v = form.getFieldsValue();
    if (!v.asOf || !v.deadline) {
      setError('请选择监控截止日期和填报截止日期');
      return;
    }
    setBusy(true);
    try {
      await targetsApi.addRound({
        year: v.year,
        asOf: v.asOf.format('YYYY-MM-DD'),
        deadline: v.deadline.format('YYYY-MM-DD'),
      });
      onClose(true);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title="开展绩效运行监控"
      okText="创建"
      cancelText="取消"
      onOk={() => void ok()}
      onCancel={() => onClose(false)}
      confirmLoading={busy}
    >
      {error && (
        <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />
      )}
      <Form form={form} layout="vertical" initialValues={{ year: new Date().getFullYear() }}>
        <Form.Item label="年度" name="year">
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item label="监控截止日期（数据截至）" name="asOf">
          <DatePicker aria-label="监控截止日期" />
        </Form.Item>
        <Form.Item label="填报截止日期" name="deadline">
          <DatePicker aria-label="填报截止日期" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RoundPage({ id }: { id: string }) {
  const overview = useAsync(() => targetsApi.round(id), [id]);
  if (overview.error !== null)
    return <Alert type="error" showIcon title={errorText(overview.error)} />;
  const data = overview.data;
  return (
    <Card
      loading={data === undefined}
      title={
        <Space>
          <Button size="small" onClick={() => navigate('/monitoring')}>
            返回列表
          </Button>
          {data && `${data.round.year}年度绩效运行监控（截至${asOfLabel(data.round.asOf)}）`}
        </Space>
      }
    >
      {data && (
        <>
          <Space style={{ marginBottom: 12 }} wrap>
            {(['red', 'yellow', 'green', 'blue'] as Light[]).map((l) => (
              <Tag key={l}>
                {LIGHT_LABELS_ZH[l]} {data.counts[l]}
              </Tag>
            ))}
            <Tag>未填报 {data.counts.unreported}</Tag>
            <Typography.Text type="secondary">
              填报截止 {asOfLabel(data.round.deadline)}
            </Typography.Text>
          </Space>
          <Table<RoundRow>
            rowKey="formId"
            dataSource={data.rows}
            pagination={false}
            onRow={(r) => ({
              onClick: () => navigate(`/monitoring/${id}/${r.formId}`),
              style: { cursor: 'pointer' },
            })}
            columns={[
              { title: '单位', dataIndex: 'departmentName' },
              {
                title: '绩效目标',
                dataIndex: 'title',
                render: (t: string, r) => <a href={`#/monitoring/${id}/${r.formId}`}>{t}</a>,
              },
              {
                title: '预警',
                dataIndex: 'light',
                render: (l: Light | null) => <LightTag light={l} />,
              },
              {
                title: '预算执行率',
                dataIndex: 'executionPercent',
                align: 'right',
                render: (v: number | null) => (v === null ? '—' : `${v.toFixed(2)}%`),
              },
              {
                title: '红灯未说明',
                dataIndex: 'unexplainedRed',
                align: 'right',
                render: (v: number, r) => (r.reported ? v : '—'),
              },
              {
                title: '整改',
                render: (_: unknown, r) =>
                  r.corrections === 0 ? '—' : `要求整改 ${r.corrections}，已回复 ${r.answered}`,
              },
              {
                title: '更新时间',
                dataIndex: 'updatedAt',
                render: (v: string | null) => beijingTime(v),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
