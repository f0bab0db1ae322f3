import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Row,
  Space,
  Table,
  Tag,
  Tree,
  Typography,
  Upload,
} from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { parseRulebook, type LeafRule, type RuleNode } from '@jixiao/domain';
import { api, ApiError, errorText } from '../api.ts';
import { AsyncView } from '../lib/async-view.tsx';
import { Item, ItemList } from '../lib/item-list.tsx';
import { KIND_LABELS } from '../lib/labels.ts';
import { useSession } from '../lib/session.tsx';
import { useAsync } from '../lib/use-async.ts';

const RULE_LABELS: Record<LeafRule['kind'], string> = {
  'execution-rate': '执行率',
  positive: '正向（≥）',
  negative: '反向（≤）',
  equal: '等于（=）',
  range: '区间',
  deadline: '时限',
  qualitative: '定性分档',
  'step-bands': '分档计分',
  'per-point': '按百分点扣分',
  checklist: '逐项检查',
  manual: '自评（需说明）',
  auto: '按目标值自动判断',
};

interface TreeItem {
  key: string;
  title: React.ReactNode;
  children?: TreeItem[];
}

function toTree(nodes: readonly RuleNode[]): TreeItem[] {
  return nodes.map((n) => ({
    key: n.id,
    title: (
      <Space size={4}>
        <span>{n.name}</span>
        {n.weight !== undefined && <Tag color="red">{n.weight}分</Tag>}
        {n.rule && <Tag color="blue">{RULE_LABELS[n.rule.kind]}</Tag>}
        {n.leafRule && <Tag>下级：{RULE_LABELS[n.leafRule.kind]}</Tag>}
      </Space>
    ),
    ...(n.children ? { children: toTree(n.children) } : {}),
  }));
}

interface Issue {
  path: string;
  message: string;
}

/** 指标体系: every rulebook as a tree with weights and rules; administrators add versions. */
export default function RulebooksPage() {
  const { user } = useSession();
  const { message } = App.useApp();
  const list = useAsync(() => api.rulebooks().then((r) => r.items), []);
  const [selected, setSelected] = useState<string | null>(null);
  const [issues, setIssues] = useState<Issue[] | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const current = selected ?? list.data?.[0]?.id ?? null;
  const book = useAsync(() => (current ? api.rulebook(current) : Promise.resolve(null)), [current]);

  const upload = async (file: File) => {
    setIssues(null);
    setUploadError(null);
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch {
      setUploadError('文件不是有效的 JSON');
      return;
    }
    // The validation the server applies (schema, structure, Chinese messages), before the upload.
    const parsed = parseRulebook(json);
    if (!parsed.ok) {
      setIssues(parsed.issues);
      return;
    }
    try {
      const saved = await api.addRulebook(json);
      message.success(`已添加 ${saved.name}（${saved.version}）`);
      list.reload();
      setSelected(saved.id);
    } catch (e) {
      if (e instanceof ApiError && Array.isArray(e.details.issues))
        setIssues(e.details.issues as Issue[]);
      else setUploadError(errorText(e));
    }
  };

  return (
    <Row gutter={16}>
      <Col xs={24} lg={7}>
        <Card title="指标体系" size="small">
          <AsyncView state={list} isEmpty={(d) => d.length === 0}>
            {(items) => (
              <ItemList>
                {items.map((r) => (
                  <Item
                    key={r.id}
                    onClick={() => setSelected(r.id)}
                    onKeyDown={(e) => e.key === 'Enter' && setSelected(r.id)}
                    tabIndex={0}
                    role="button"
                    style={{
                      cursor: 'pointer',
                      background: r.id === current ? '#fff1f0' : undefined,
                      display: 'block',
                    }}
                  >
                    <div>{r.name}</div>
                    <Space size={4}>
                      <Tag>{KIND_LABELS[r.kind]}</Tag>
                      <Tag>{r.jurisdiction}</Tag>
                      <Tag>{r.version}</Tag>
                      {!r.confirmed && <Tag color="orange">待确认</Tag>}
                    </Space>
                  </Item>
                ))}
              </ItemList>
            )}
          </AsyncView>
          {user?.role === 'admin' && (
            <div style={{ marginTop: 12 }}>
              <Upload
                accept=".json,application/json"
                showUploadList={false}
                beforeUpload={(f) => {
                  void upload(f);
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />}>上传新版本（JSON）</Button>
              </Upload>
              {uploadError && (
                <Alert type="error" showIcon title={uploadError} style={{ marginTop: 8 }} />
              )}
              {issues && (
                <Alert
                  type="error"
                  showIcon
                  style={{ marginTop: 8 }}
                  title={`指标体系校验未通过（${issues.length} 处）`}
                  description={
                    <Table<Issue>
                      size="small"
                      rowKey={(r) => `${r.path}-${r.message}`}
                      pagination={false}
                      dataSource={issues}
                      columns={[
                        {
                          title: '位置',
                          dataIndex: 'path',
                          render: (p: string) => <code>{p || '（根）'}</code>,
                        },
                        { title: '问题', dataIndex: 'message' },
                      ]}
                    />
                  }
                />
              )}
            </div>
          )}
        </Card>
      </Col>
      <Col xs={24} lg={17}>
        <Card size="small">
          <AsyncView state={book}>
            {(b) =>
              b ? (
                <>
                  <Typography.Title level={4}>{b.name}</Typography.Title>
                  <Descriptions size="small" column={3} bordered style={{ marginBottom: 16 }}>
                    <Descriptions.Item label="版本">{b.version}</Descriptions.Item>
                    <Descriptions.Item label="适用">
                      {b.jurisdiction} · {KIND_LABELS[b.kind]}
                    </Descriptions.Item>
                    <Descriptions.Item label="状态">
                      {b.confirmed ? '已核实' : '由报告反推，待确认'}
                    </Descriptions.Item>
                    <Descriptions.Item label="等级" span={3}>
                      {b.options.grades
                        ? b.options.grades.map((g) => `${g.label} ≥ ${g.min}`).join('，')
                        : '不评等级'}
                    </Descriptions.Item>
                    <Descriptions.Item label="来源" span={3}>
                      {b.sources
                        .map((s) => s.title + (s.reference ? `（${s.reference}）` : ''))
                        .join('；')}
                    </Descriptions.Item>
                  </Descriptions>
                  <Tree
                    treeData={toTree(b.tree)}
                    defaultExpandAll
                    showLine
                    selectable={false}
                    aria-label="指标树"
                  />
                </>
              ) : (
                <Empty description="请选择指标体系" />
              )
            }
          </AsyncView>
        </Card>
      </Col>
    </Row>
  );
}
