import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { formatFen, fen } from '@jixiao/domain';
import { api, ApiError, errorText } from '../api.ts';
import { useSession } from '../lib/session.tsx';
import { navigate } from '../lib/router.ts';
import { useAsync } from '../lib/use-async.ts';
import { beijingTime } from '../lib/time.ts';
import { targetsApi, type TargetRecord } from './targets-api.ts';
import { TargetsNav } from './targets-nav.tsx';
import { TARGET_STATUS_COLORS, TARGET_STATUS_LABELS } from './target-labels.ts';

/** 绩效目标: the unit's forms (a reviewer: the region's), newest year first. */
export default function TargetsPage() {
  const { user } = useSession();
  const list = useAsync(() => targetsApi.list({}).then((r) => r.items), []);
  const [creating, setCreating] = useState(false);
  const canCreate = user?.role === 'filer' || user?.role === 'head';
  return (
    <>
      <TargetsNav current="targets" />
      <Card
        title="绩效目标"
        extra={
          canCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建绩效目标
            </Button>
          )
        }
      >
        <Typography.Paragraph type="secondary">
          绩效目标随预算申报：填报单位编制部门整体和项目的年度总体目标、绩效指标与预算，单位负责人提交，财政局审核批复。批复后调整目标须说明理由并重新审核。
        </Typography.Paragraph>
        {list.error !== null && <Alert type="error" showIcon title={errorText(list.error)} />}
        <Table<TargetRecord>
          rowKey="id"
          loading={list.loading}
          dataSource={list.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          onRow={(r) => ({
            onClick: () => navigate(`/targets/${r.id}`),
            style: { cursor: 'pointer' },
          })}
          columns={[
            { title: '年度', dataIndex: 'year', width: 80 },
            { title: '单位', dataIndex: 'departmentName' },
            {
              title: '绩效目标',
              dataIndex: 'title',
              render: (t: string, r) => <a href={`#/targets/${r.id}`}>{t}</a>,
            },
            {
              title: '年度资金总额（万元）',
              dataIndex: 'budgetFen',
              align: 'right',
              render: (v: number | null) => (v === null ? '—' : formatFen(fen(v), '万元')),
            },
            {
              title: '状态',
              dataIndex: 'status',
              render: (s: TargetRecord['status'], r) => (
                <Space size={4}>
                  <Tag color={TARGET_STATUS_COLORS[s]}>{TARGET_STATUS_LABELS[s]}</Tag>
                  {r.approvedVersion !== null && s !== 'approved' && (
                    <Tag color="green">已有批复版本</Tag>
                  )}
                </Space>
              ),
            },
            {
              title: '审查发现',
              render: (_: unknown, r) =>
                r.findingCounts.error + r.findingCounts.warning === 0 ? (
                  <Typography.Text type="secondary">无</Typography.Text>
                ) : (
                  <Space size={4}>
                    {r.findingCounts.error > 0 && (
                      <Tag color="red">错误 {r.findingCounts.error}</Tag>
                    )}
                    {r.findingCounts.warning > 0 && (
                      <Tag color="orange">警告 {r.findingCounts.warning}</Tag>
                    )}
                  </Space>
                ),
            },
            { title: '更新时间', dataIndex: 'updatedAt', render: (v: string) => beijingTime(v) },
          ]}
        />
        {creating && <CreateTargets onClose={() => setCreating(false)} />}
      </Card>
    </>
  );
}

function CreateTargets({ onClose }: { onClose: () => void }) {
  const { user } = useSession();
  const [form] = Form.useForm<{
    kind: 'department' | 'project';
    year: number;
    rulebookId?: string;
    projectName?: string;
  }>();
  const kind = Form.useWatch('kind', form) ?? 'department';
  const rulebooks = useAsync(() => api.rulebooks().then((r) => r.items), []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [existing, setExisting] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const { message } = App.useApp();
  const ok = async () => {
    setError(null);
    const v = form.getFieldsValue();
    if (user?.departmentId === null || user?.departmentId === undefined) {
      setError('当前账号未关联单位，不能新建绩效目标');
      return;
    }
    if (file !== null) {
      setBusy(true);
      try {
        const r = await targetsApi.importFile(file, {
          departmentId: user.departmentId,
          year: v.year,
          ...(v.rulebookId ? { rulebookId: v.rulebookId } : {}),
        });
        if (r.problems.length > 0)
          message.warning(`已导入，以下内容未能读取，请在表单中补充：${r.problems.join('；')}`, 8);
        onClose();
        navigate(`/targets/${r.record.id}`);
      } catch (e) {
        setError(errorText(e));
      } finally {
        setBusy(false);
      }
      return;
    }
    if (!v.rulebookId) {
      setError('请选择评价指标体系');
      return;
    }
    setBusy(true);
    try {
      const rec = await targetsApi.create({
        departmentId: user.departmentId,
        year: v.year,
        kind: v.kind,
        rulebookId: v.rulebookId,
        ...(v.kind === 'project' ? { projectName: v.projectName ?? '' } : {}),
      });
      onClose();
      navigate(`/targets/${rec.id}`);
    } catch (e) {
      setError(errorText(e));
      const other = e instanceof ApiError ? e.details['targetFormId'] : undefined;
      setExisting(typeof other === 'string' ? other : null);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title="新建绩效目标"
      okText="创建"
      cancelText="取消"
      onOk={() => void ok()}
      onCancel={onClose}
      confirmLoading={busy}
    >
      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          role="alert"
          style={{ marginBottom: 12 }}
          action={
            existing !== null ? (
              <Button size="small" onClick={() => navigate(`/targets/${existing}`)}>
                打开已有的绩效目标
              </Button>
            ) : undefined
          }
        />
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'department', year: new Date().getFullYear() + 1 }}
      >
        <Form.Item label="类型" name="kind">
          <Radio.Group
            optionType="button"
            options={[
              { label: '部门整体', value: 'department' },
              { label: '项目', value: 'project' },
            ]}
          />
        </Form.Item>
        {kind === 'project' && (
          <Form.Item label="项目名称" name="projectName">
            <Input maxLength={200} />
          </Form.Item>
        )}
        <Form.Item label="年度" name="year">
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item
          label="从绩效目标表导入（可选）"
          extra="支持 Excel（.xlsx/.xls）、Word（.docx/.doc）、PDF、网页和文本；扫描件和照片经文字识别读取，模糊时可能无法辨认，请优先上传原件。类型、项目名称、预算和指标从表中读取。"
        >
          <input
            type="file"
            aria-label="绩效目标表文件"
            accept=".xlsx,.xls,.et,.docx,.doc,.wps,.pdf,.html,.htm,.txt,.png,.jpg,.jpeg"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </Form.Item>
        <Form.Item label="评价指标体系" name="rulebookId">
          <Select
            options={(rulebooks.data ?? [])
              .filter((r) => r.kind === kind)
              .map((r) => ({ label: `${r.name}（${r.version}）`, value: r.id }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
