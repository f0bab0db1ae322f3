import { useMemo, useState, type Key } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { InboxOutlined, PlusOutlined } from '@ant-design/icons';
import {
  api,
  ApiError,
  errorText,
  type EvaluationRecord,
  type ImportResult,
  type Round,
  type Status,
} from '../api.ts';
import { AsyncView } from '../lib/async-view.tsx';
import { FindingCounts } from '../lib/finding-counts.tsx';
import { KIND_LABELS, STATUS_COLORS, STATUS_LABELS } from '../lib/labels.ts';
import { navigate } from '../lib/router.ts';
import { useSession } from '../lib/session.tsx';
import { targetsApi, type TargetRecord } from '../targets/targets-api.ts';
import { useAsync } from '../lib/use-async.ts';
import { TotalsCell } from '../lib/totals-cell.tsx';
import { ImportPreview } from './import-preview.tsx';
import { beijingTime } from '../lib/time.ts';

const STATUSES = Object.keys(STATUS_LABELS) as Status[];

/** 我的自评: the department's evaluations by year and status, and the ways to start a new one. */
export default function EvaluationsPage() {
  const [year, setYear] = useState<number | undefined>(undefined);
  const [status, setStatus] = useState<Status | undefined>(undefined);
  const [creating, setCreating] = useState(false);
  const state = useAsync(
    () =>
      api
        .evaluations({ ...(year ? { year } : {}), ...(status ? { status } : {}) })
        .then((r) => r.items),
    [year, status],
  );
  const all = useAsync(() => api.evaluations({}).then((r) => r.items), []);
  const years = useMemo(
    () => [...new Set((all.data ?? []).map((e) => e.year))].sort((a, b) => b - a),
    [all.data],
  );
  return (
    <Card
      title="我的自评"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          新建自评
        </Button>
      }
    >
      <Space style={{ marginBottom: 16 }} wrap>
        <label htmlFor="filter-year">年度</label>
        <Select
          id="filter-year"
          allowClear
          placeholder="全部年度"
          style={{ width: 140 }}
          value={year}
          onChange={(v: number | undefined) => setYear(v)}
          options={years.map((y) => ({ label: `${y}年`, value: y }))}
        />
        <label htmlFor="filter-status">状态</label>
        <Select
          id="filter-status"
          allowClear
          placeholder="全部状态"
          style={{ width: 140 }}
          value={status}
          onChange={(v: Status | undefined) => setStatus(v)}
          options={STATUSES.map((s) => ({ label: STATUS_LABELS[s], value: s }))}
        />
      </Space>
      <AsyncView state={state} isEmpty={(d) => d.length === 0} emptyText="没有符合条件的自评">
        {(items) => <EvaluationTable items={items} />}
      </AsyncView>
      {creating && <CreateModal existing={all.data ?? []} onClose={() => setCreating(false)} />}
    </Card>
  );
}

export function EvaluationTable({
  items,
  link = (e) => `/evaluations/${e.id}`,
  selection,
}: {
  items: EvaluationRecord[];
  link?: (e: EvaluationRecord) => string;
  /** Rows ticked for a bulk action (审核), when the table offers ticking. */
  selection?: { keys: readonly Key[]; onChange: (keys: Key[]) => void };
}) {
  return (
    <Table<EvaluationRecord>
      rowKey="id"
      size="middle"
      dataSource={items}
      {...(selection
        ? {
            rowSelection: {
              selectedRowKeys: [...selection.keys],
              onChange: (keys: Key[]) => selection.onChange(keys),
              preserveSelectedRowKeys: false,
            },
          }
        : {})}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        {
          title: '标题',
          dataIndex: 'title',
          render: (t: string, e) => (
            <a href={`#${link(e)}`}>{t || `${e.departmentName}${e.year}年度自评`}</a>
          ),
        },
        { title: '单位', dataIndex: 'departmentName' },
        { title: '年度', dataIndex: 'year', width: 80, sorter: (a, b) => a.year - b.year },
        {
          title: '类型',
          dataIndex: 'kind',
          width: 90,
          render: (k: EvaluationRecord['kind']) => KIND_LABELS[k],
        },
        {
          title: '状态',
          dataIndex: 'status',
          width: 90,
          render: (s: Status) => <Tag color={STATUS_COLORS[s]}>{STATUS_LABELS[s]}</Tag>,
        },
        {
          title: '填报 / 计算总分',
          key: 'total',
          width: 130,
          render: (_, e) => <TotalsCell stated={e.statedTotal} computed={e.computedTotal} />,
        },
        {
          title: '发现（错/警/提示）',
          key: 'findings',
          width: 160,
          render: (_, e) => <FindingCounts counts={e.findingCounts} />,
        },
        {
          title: '截止日期',
          dataIndex: 'deadline',
          width: 110,
          render: (d: string | null) => d?.slice(0, 10) ?? '—',
        },
        {
          title: '更新',
          dataIndex: 'updatedAt',
          width: 170,
          render: (d: string) => beijingTime(d),
        },
      ]}
    />
  );
}

type Mode = 'targets' | 'round' | 'copy' | 'import';

function CreateModal({ existing, onClose }: { existing: EvaluationRecord[]; onClose: () => void }) {
  const { user } = useSession();
  const { message } = App.useApp();
  const [mode, setMode] = useState<Mode>('round');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [reading, setReading] = useState(false);
  /** Reads the file without creating anything: what it gives is shown before the draft exists. */
  const read = async (f: File) => {
    setFile(f);
    setPreview(null);
    setError(null);
    setReading(true);
    try {
      const r = await api.importFile(f);
      setPreview(r);
      const year = r.draft?.meta.year;
      if (year !== undefined && !form.isFieldTouched('year')) form.setFieldValue('year', year);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setReading(false);
    }
  };
  const [form] = Form.useForm<{
    targetId?: string;
    roundId?: string;
    copyFrom?: string;
    year?: number;
    rulebookId?: string;
  }>();
  const rounds = useAsync(
    () =>
      api
        .rounds()
        .then((r) => r.items)
        .catch(() => [] as Round[]),
    [],
  );
  const rulebooks = useAsync(() => api.rulebooks().then((r) => r.items), []);
  // Approved targets the new evaluation can start from (with the year's monitoring figures).
  const approved = useAsync(
    () =>
      targetsApi
        .list({})
        .then((r) => r.items.filter((t) => t.approvedVersion !== null))
        .catch(() => [] as TargetRecord[]),
    [],
  );
  const departmentId = user?.departmentId ?? null;
  const newYear = Form.useWatch('year', form);
  const [existingId, setExistingId] = useState<string | number | null>(null);

  const ok = async () => {
    setError(null);
    if (departmentId === null) {
      setError('当前账号未关联单位，不能新建自评');
      return;
    }
    const v = form.getFieldsValue();
    setBusy(true);
    try {
      let id: string | number | undefined;
      if (mode === 'targets') {
        const t = approved.data?.find((x) => x.id === v.targetId);
        if (!t) throw new Error('请选择已批复的绩效目标');
        const rec = await api.createEvaluation({
          departmentId,
          year: t.year,
          kind: t.kind,
          rulebookId: t.rulebookId,
          fromTargets: true,
          ...(t.kind === 'project' ? { projectName: t.projectName } : {}),
        });
        id = rec.id;
      } else if (mode === 'round') {
        const round = rounds.data?.find((r) => String(r.id) === String(v.roundId));
        const rulebookId = round?.rulebookId ?? v.rulebookId;
        const year = round?.year ?? v.year;
        if (!rulebookId || !year) throw new Error('请选择评价轮次，或填写年度与指标体系');
        // Without a round, the evaluation is of the kind of the rulebook chosen (a project's
        // rulebook makes a 项目支出 evaluation, which a 部门整体 one would refuse).
        const book = rulebooks.data?.find((b) => b.id === rulebookId);
        const rec = await api.createEvaluation({
          departmentId,
          year,
          kind: round?.kind ?? book?.kind ?? 'department',
          rulebookId,
          ...(round ? { roundId: round.id } : {}),
        });
        id = rec.id;
      } else if (mode === 'copy') {
        const src = existing.find((e) => String(e.id) === String(v.copyFrom));
        if (!src) throw new Error('请选择要复制的上年度自评');
        const rec = await api.createEvaluation({
          departmentId,
          year: v.year ?? src.year + 1,
          kind: src.kind,
          rulebookId: src.rulebookId,
          copyFromEvaluationId: src.id,
        });
        id = rec.id;
      } else {
        if (!file) throw new Error('请选择要导入的文件');
        // The year is the document's unless the user chose another one; a document that states
        // none takes the year shown in the form, never the reader's placeholder.
        const stated = preview?.problems.some((p) => p.code === 'year-not-found')
          ? undefined
          : preview?.draft?.meta.year;
        const year = form.isFieldTouched('year') || stated === undefined ? v.year : stated;
        const r = await api.importFile(file, {
          departmentId,
          ...(year === undefined ? {} : { year }),
        });
        if (r.evaluationId === undefined)
          throw new Error(r.problems.map((p) => p.message).join('；') || '导入未生成自评');
        message.success('已生成草稿，请核对导入的内容和审查发现');
        id = r.evaluationId;
      }
      onClose();
      navigate(`/evaluations/${id}`);
    } catch (e) {
      setError(errorText(e));
      const other = e instanceof ApiError ? e.details['evaluationId'] : undefined;
      setExistingId(typeof other === 'string' || typeof other === 'number' ? other : null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title="新建自评"
      okText="创建"
      cancelText="取消"
      onOk={() => void ok()}
      okButtonProps={{ disabled: mode === 'import' && (reading || preview?.draft == null) }}
      onCancel={onClose}
      confirmLoading={busy}
      width={560}
    >
      <Radio.Group
        value={mode}
        onChange={(e) => setMode(e.target.value as Mode)}
        optionType="button"
        aria-label="新建方式"
        options={[
          { label: '从绩效目标开始', value: 'targets' },
          { label: '按评价轮次', value: 'round' },
          { label: '复制上年度', value: 'copy' },
          { label: '导入文件', value: 'import' },
        ]}
        style={{ marginBottom: 16 }}
      />
      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          style={{ marginBottom: 12 }}
          role="alert"
          action={
            existingId !== null ? (
              <Button
                size="small"
                onClick={() => {
                  onClose();
                  navigate(`/evaluations/${existingId}`);
                }}
              >
                打开已有的自评
              </Button>
            ) : undefined
          }
        />
      )}
      <Form form={form} layout="vertical" initialValues={{ year: new Date().getFullYear() - 1 }}>
        {mode === 'targets' && (
          <Form.Item
            label="已批复的绩效目标"
            name="targetId"
            extra="自评将带入批复的绩效指标、年度指标值、分值、总体目标和预算，以及最近一次绩效运行监控的执行数和完成情况。"
          >
            <Select
              placeholder={
                approved.data && approved.data.length > 0
                  ? '选择绩效目标'
                  : '本单位暂无已批复的绩效目标'
              }
              options={(approved.data ?? []).map((t) => ({ label: t.title, value: t.id }))}
            />
          </Form.Item>
        )}
        {mode === 'round' && (
          <>
            <Form.Item label="评价轮次" name="roundId">
              <Select
                allowClear
                placeholder={
                  rounds.data && rounds.data.length > 0
                    ? '选择财政局发起的评价轮次'
                    : '暂无可选轮次，请填写下方年度与指标体系'
                }
                options={(rounds.data ?? []).map((r) => {
                  const done =
                    r.kind === 'department' &&
                    existing.some((e) => e.kind === 'department' && e.year === r.year);
                  return {
                    label: `${r.year}年度 · ${KIND_LABELS[r.kind]} · 截止 ${r.deadline.slice(0, 10)}${done ? '（本单位已有该年度自评）' : ''}`,
                    value: String(r.id),
                    disabled: done,
                  };
                })}
              />
            </Form.Item>
            <Form.Item label="年度" name="year">
              <InputNumber min={2000} max={2100} />
            </Form.Item>
            <Form.Item label="指标体系" name="rulebookId">
              <Select
                allowClear
                options={(rulebooks.data ?? []).map((r) => ({
                  label: `${r.name}（${r.version}）`,
                  value: r.id,
                }))}
              />
            </Form.Item>
          </>
        )}
        {mode === 'copy' && (
          <>
            <Form.Item label="新自评年度" name="year">
              <InputNumber min={2000} max={2100} />
            </Form.Item>
            <Form.Item label="复制自" name="copyFrom">
              <Select
                options={existing
                  .filter((e) => typeof newYear !== 'number' || e.year < newYear)
                  .sort((a, b) => b.year - a.year)
                  .map((e) => ({
                    label: `${e.year}年度 · ${e.title || e.departmentName}`,
                    value: String(e.id),
                  }))}
                placeholder="选择更早年度的自评（只带入职责、指标框架等，不带上年数据）"
                notFoundContent={`没有${typeof newYear === 'number' ? `早于${newYear}年度` : '更早'}的自评`}
              />
            </Form.Item>
          </>
        )}
        {mode === 'import' && (
          <>
            <Form.Item label="年度" name="year" extra="默认取报告中的年度">
              <InputNumber min={2000} max={2100} />
            </Form.Item>
            <Upload.Dragger
              accept=".docx,.doc,.wps,.pdf,.xlsx,.xls,.et,.txt,.html,.htm,.png,.jpg,.jpeg"
              maxCount={1}
              beforeUpload={(f) => {
                void read(f);
                return false;
              }}
              onRemove={() => {
                setFile(null);
                setPreview(null);
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p>点击或拖入报告：.docx、.pdf、.doc、.xlsx、.xls、.txt、.html 或图片</p>
              <Typography.Text type="secondary">
                先读取并显示报告内容，确认后再生成自评草稿
              </Typography.Text>
            </Upload.Dragger>
            {reading && <Spin style={{ display: 'block', margin: 16 }} tip="正在读取…" />}
            {preview && (
              <div style={{ marginTop: 12 }}>
                <ImportPreview
                  result={preview}
                  rulebooks={rulebooks.data ?? []}
                  fileName={file?.name ?? ''}
                />
              </div>
            )}
          </>
        )}
      </Form>
    </Modal>
  );
}
