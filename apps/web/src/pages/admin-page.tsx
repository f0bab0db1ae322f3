import { useState } from 'react';
import {
  App,
  Button,
  Card,
  DatePicker,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Tabs,
  Tag,
} from 'antd';
import {
  api,
  errorText,
  type Department,
  type Role,
  type Round,
  type RoundProgress,
  type User,
  rectificationUrl,
} from '../api.ts';
import { AsyncView } from '../lib/async-view.tsx';
import { KIND_LABELS, ROLE_LABELS, STATUS_COLORS, STATUS_LABELS } from '../lib/labels.ts';
import { useAsync } from '../lib/use-async.ts';
import { useSession } from '../lib/session.tsx';
import { CheckStatsView } from './check-stats.tsx';

/** 管理: departments, users, rounds (administrators; reviewers for their region). */
export default function AdminPage() {
  const { user } = useSession();
  return (
    <Card title="管理">
      <Tabs
        items={[
          { key: 'rounds', label: '评价轮次', children: <Rounds /> },
          { key: 'departments', label: '单位', children: <Departments /> },
          // Accounts are the administrator's: a reviewer would only be refused.
          ...(user?.role === 'admin'
            ? [
                { key: 'users', label: '用户', children: <Users /> },
                { key: 'checks', label: '检查可信度', children: <CheckStatsView /> },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

function Departments() {
  const { message } = App.useApp();
  const { user } = useSession();
  const state = useAsync(() => api.departments().then((r) => r.items), []);
  const regions = useAsync(() => api.regions().then((r) => r.items), []);
  const [form] = Form.useForm<{ name: string; code: string; regionId: string }>();
  const add = async (v: { name: string; code: string; regionId: string }) => {
    try {
      await api.addDepartment({ name: v.name.trim(), code: v.code.trim(), regionId: v.regionId });
      message.success('已添加单位');
      form.resetFields();
      state.reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <>
      {user?.role === 'admin' && (
        <Form
          form={form}
          layout="inline"
          onFinish={(v) => void add(v)}
          style={{ marginBottom: 16, rowGap: 8 }}
        >
          <Form.Item
            label="单位名称"
            name="name"
            rules={[{ required: true, whitespace: true, message: '请输入单位名称' }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            label="单位编码"
            name="code"
            rules={[{ required: true, whitespace: true, message: '请输入单位编码' }]}
          >
            <Input style={{ width: 120 }} />
          </Form.Item>
          <Form.Item
            label="所属地区"
            name="regionId"
            rules={[{ required: true, message: '请选择所属地区' }]}
          >
            <Select
              style={{ width: 160 }}
              options={(regions.data ?? []).map((r) => ({ label: r.name, value: String(r.id) }))}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            添加单位
          </Button>
        </Form>
      )}
      <AsyncView state={state} isEmpty={(d) => d.length === 0}>
        {(items) => (
          <Table<Department>
            size="small"
            rowKey="id"
            dataSource={items}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            columns={[
              { title: '单位', dataIndex: 'name' },
              { title: '代码', dataIndex: 'code' },
              { title: '地区', dataIndex: 'regionName' },
            ]}
          />
        )}
      </AsyncView>
    </>
  );
}

/** A user matches a search by username, name or unit (case-insensitive). */
function matches(u: User, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return true;
  return [u.username, u.displayName, u.departmentName ?? '', u.regionName ?? ''].some((t) =>
    t.toLowerCase().includes(q),
  );
}

interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  password: string;
  departmentId?: string;
}

function Users() {
  const { message } = App.useApp();
  const state = useAsync(() => api.users().then((r) => r.items), []);
  const departments = useAsync(() => api.departments().then((r) => r.items), []);
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<User | null>(null);
  const [editing, setEditing] = useState<User | null>(null);
  const [query, setQuery] = useState('');
  const [form] = Form.useForm<NewUser>();
  const [editForm] = Form.useForm<{ displayName: string; role: Role }>();
  const [pwForm] = Form.useForm<{ password: string }>();
  const patch = async (u: User, p: Parameters<typeof api.patchUser>[1], done: string) => {
    try {
      await api.patchUser(u.id, p);
      message.success(done);
      state.reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <>
      <Space style={{ marginBottom: 16 }} wrap>
        <Button type="primary" onClick={() => setCreating(true)}>
          新建用户
        </Button>
        <Input.Search
          aria-label="搜索用户"
          placeholder="按用户名、姓名或单位搜索"
          allowClear
          style={{ width: 280 }}
          onChange={(e) => setQuery(e.target.value)}
          onSearch={setQuery}
        />
      </Space>
      <AsyncView state={state} isEmpty={(d) => d.length === 0}>
        {(items) => (
          <Table<User>
            size="small"
            rowKey="id"
            dataSource={items.filter((u) => matches(u, query))}
            pagination={{ pageSize: 20 }}
            columns={[
              { title: '用户名', dataIndex: 'username' },
              { title: '姓名', dataIndex: 'displayName' },
              { title: '角色', dataIndex: 'role', render: (r: Role) => ROLE_LABELS[r] },
              {
                title: '单位',
                dataIndex: 'departmentName',
                render: (d: string | null) => d ?? '—',
              },
              {
                title: '启用',
                key: 'enabled',
                render: (_, u) => (
                  <Switch
                    aria-label={`启用 ${u.username}`}
                    checked={!u.disabled}
                    onChange={(on) => void patch(u, { disabled: !on }, on ? '已启用' : '已停用')}
                  />
                ),
              },
              {
                title: '操作',
                key: 'ops',
                render: (_, u) => (
                  <Space size={4} wrap>
                    <Button
                      size="small"
                      onClick={() => {
                        setEditing(u);
                        editForm.setFieldsValue({ displayName: u.displayName, role: u.role });
                      }}
                    >
                      编辑
                    </Button>
                    <Button size="small" onClick={() => setResetting(u)}>
                      重置密码
                    </Button>
                    <Button
                      size="small"
                      aria-label={`解除锁定 ${u.username}`}
                      onClick={() => void patch(u, { unlock: true }, '已解除登录锁定')}
                    >
                      解除锁定
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </AsyncView>
      <Modal
        open={creating}
        title="新建用户"
        okText="创建"
        cancelText="取消"
        onCancel={() => setCreating(false)}
        onOk={() =>
          void form.validateFields().then(async (v) => {
            try {
              await api.addUser({ ...v, departmentId: v.departmentId ?? null });
              message.success('已创建用户');
              setCreating(false);
              form.resetFields();
              state.reload();
            } catch (e) {
              message.error(errorText(e));
            }
          })
        }
      >
        <Form form={form} layout="vertical" initialValues={{ role: 'filer' }}>
          <Form.Item
            label="用户名"
            name="username"
            rules={[{ required: true, message: '请输入用户名' }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item
            label="姓名"
            name="displayName"
            rules={[{ required: true, message: '请输入姓名' }]}
          >
            <Input />
          </Form.Item>
          <Form.Item label="角色" name="role">
            <Select
              options={(Object.keys(ROLE_LABELS) as Role[]).map((r) => ({
                label: ROLE_LABELS[r],
                value: r,
              }))}
            />
          </Form.Item>
          <Form.Item label="单位" name="departmentId">
            <Select
              allowClear
              options={(departments.data ?? []).map((d) => ({
                label: d.name,
                value: String(d.id),
              }))}
            />
          </Form.Item>
          <Form.Item
            label="初始密码"
            name="password"
            rules={[{ required: true, min: 10, message: '至少 10 位，含字母和数字' }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={editing !== null}
        title={`编辑用户 ${editing?.username ?? ''}`}
        okText="保存"
        cancelText="取消"
        onCancel={() => setEditing(null)}
        onOk={() =>
          void editForm.validateFields().then(async (v) => {
            if (editing)
              await patch(editing, { displayName: v.displayName.trim(), role: v.role }, '已保存');
            setEditing(null);
          })
        }
      >
        <Form form={editForm} layout="vertical">
          <Form.Item
            label="姓名"
            name="displayName"
            rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}
          >
            <Input />
          </Form.Item>
          <Form.Item label="角色" name="role">
            <Select
              options={(Object.keys(ROLE_LABELS) as Role[]).map((r) => ({
                label: ROLE_LABELS[r],
                value: r,
              }))}
            />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={resetting !== null}
        title={`重置 ${resetting?.displayName ?? ''} 的密码`}
        okText="重置"
        cancelText="取消"
        onCancel={() => setResetting(null)}
        onOk={() =>
          void pwForm.validateFields().then(async (v) => {
            if (resetting) await patch(resetting, { password: v.password }, '密码已重置');
            setResetting(null);
            pwForm.resetFields();
          })
        }
      >
        <Form form={pwForm} layout="vertical">
          <Form.Item
            label="新密码"
            name="password"
            rules={[{ required: true, min: 10, message: '至少 10 位，含字母和数字' }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

interface NewRound {
  year: number;
  kind: 'department' | 'project';
  rulebookId: string;
  deadline: { format: (f: string) => string } | null;
  departmentIds?: string[];
}

function Rounds() {
  const { message } = App.useApp();
  const state = useAsync(() => api.rounds().then((r) => r.items), []);
  const rulebooks = useAsync(() => api.rulebooks().then((r) => r.items), []);
  const departments = useAsync(() => api.departments().then((r) => r.items), []);
  const [progressOf, setProgressOf] = useState<Round | null>(null);
  const [form] = Form.useForm<NewRound>();
  const open = async (v: NewRound) => {
    try {
      await api.addRound({
        year: v.year,
        kind: v.kind,
        rulebookId: v.rulebookId,
        deadline: v.deadline ? v.deadline.format('YYYY-MM-DD') : '',
        ...(v.departmentIds && v.departmentIds.length > 0
          ? { departmentIds: v.departmentIds }
          : {}),
      });
      message.success('已发起评价轮次');
      state.reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <>
      <Form
        form={form}
        layout="inline"
        onFinish={(v) => void open(v)}
        initialValues={{ year: new Date().getFullYear() - 1, kind: 'department' }}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item label="年度" name="year" rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item label="类型" name="kind">
          <Select
            style={{ width: 120 }}
            options={[
              { label: KIND_LABELS.department, value: 'department' },
              { label: KIND_LABELS.project, value: 'project' },
            ]}
          />
        </Form.Item>
        <Form.Item
          label="指标体系"
          name="rulebookId"
          rules={[{ required: true, message: '请选择指标体系' }]}
        >
          <Select
            style={{ width: 240 }}
            options={(rulebooks.data ?? []).map((r) => ({ label: r.name, value: r.id }))}
          />
        </Form.Item>
        <Form.Item
          label="截止日期"
          name="deadline"
          rules={[{ required: true, message: '请选择截止日期' }]}
        >
          <DatePicker />
        </Form.Item>
        <Form.Item label="范围" name="departmentIds">
          <Select
            mode="multiple"
            allowClear
            placeholder="全部单位"
            style={{ minWidth: 220 }}
            options={(departments.data ?? []).map((d) => ({ label: d.name, value: String(d.id) }))}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          发起轮次
        </Button>
      </Form>
      <AsyncView state={state} isEmpty={(d) => d.length === 0} emptyText="尚未发起评价轮次">
        {(items) => (
          <Table<Round>
            size="small"
            rowKey="id"
            dataSource={items}
            columns={[
              { title: '年度', dataIndex: 'year' },
              { title: '类型', dataIndex: 'kind', render: (k: Round['kind']) => KIND_LABELS[k] },
              {
                title: '指标体系',
                dataIndex: 'rulebookId',
                render: (id: string) =>
                  rulebooks.data?.find((r) => r.id === id)?.name ?? '（已停用的指标体系）',
              },
              { title: '截止日期', dataIndex: 'deadline', render: (d: string) => d.slice(0, 10) },
              {
                title: '进度',
                key: 'p',
                render: (_, r) => (
                  <Button size="small" onClick={() => setProgressOf(r)}>
                    查看进度
                  </Button>
                ),
              },
            ]}
          />
        )}
      </AsyncView>
      <Drawer
        open={progressOf !== null}
        onClose={() => setProgressOf(null)}
        title={`${progressOf?.year ?? ''}年度评价进度`}
        size="large"
      >
        {progressOf && <RoundProgressView round={progressOf} />}
      </Drawer>
    </>
  );
}

function RoundProgressView({ round }: { round: Round }) {
  const { message } = App.useApp();
  const state = useAsync(() => api.roundProgress(round.id).then((r) => r.items), [round.id]);
  const remind = async () => {
    try {
      const r = await api.remind(round.id);
      message.success(`已催办 ${r.reminded} 个单位，通知 ${r.notified} 人`);
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <AsyncView state={state} isEmpty={(d) => d.length === 0}>
      {(items) => {
        const pending = items.filter(
          (i) => i.status === null || i.status === 'draft' || i.status === 'returned',
        ).length;
        return (
          <>
            <Space style={{ marginBottom: 12 }}>
              <span>
                共 {items.length} 个单位，未提交 {pending} 个
              </span>
              <Button type="primary" disabled={pending === 0} onClick={() => void remind()}>
                提醒未提交单位
              </Button>
              <Button href={rectificationUrl(round.id)}>下载整改清单</Button>
            </Space>
            <Table<RoundProgress>
              size="small"
              rowKey="departmentId"
              dataSource={items}
              pagination={false}
              columns={[
                { title: '单位', dataIndex: 'departmentName' },
                {
                  title: '状态',
                  dataIndex: 'status',
                  render: (s: RoundProgress['status']) =>
                    s ? <Tag color={STATUS_COLORS[s]}>{STATUS_LABELS[s]}</Tag> : <Tag>未开始</Tag>,
                },
                {
                  title: '',
                  key: 'links',
                  render: (_: unknown, r: RoundProgress) => (
                    <Space>
                      {r.evaluationId !== null && <a href={`#/review/${r.evaluationId}`}>查看</a>}
                      <a href={rectificationUrl(round.id, r.departmentId)}>整改清单</a>
                    </Space>
                  ),
                },
              ]}
            />
          </>
        );
      }}
    </AsyncView>
  );
}
