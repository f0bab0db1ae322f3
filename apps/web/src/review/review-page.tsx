import { useMemo, useState } from 'react';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Col,
  Input,
  Modal,
  Popconfirm,
  Row,
  Select,
  Space,
  Tabs,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import {
  CheckOutlined,
  CommentOutlined,
  GlobalOutlined,
  RollbackOutlined,
} from '@ant-design/icons';
import type { Finding } from '@jixiao/domain';
import {
  api,
  errorText,
  exportUrl,
  opinionUrl,
  rectificationUrl,
  type Action,
  type DecisionView,
  type ReviewComment,
} from '../api.ts';
import { useSession } from '../lib/session.tsx';
import { useReviewerDecisions } from './decision-actions.tsx';
import { decideFindings } from '../lib/decided-findings.ts';
import { Item, ItemList } from '../lib/item-list.tsx';
import { AsyncView } from '../lib/async-view.tsx';
import { evaluateLocally } from '../lib/core.ts';
import { STATUS_COLORS, STATUS_LABELS } from '../lib/labels.ts';
import { useAsync } from '../lib/use-async.ts';
import { FindingsPanel } from '../editor/findings-panel.tsx';
import { EvaluationReport } from '../editor/report-preview.tsx';
import { AttachmentsProvider } from '../attachments/attachments-store.tsx';
import { AttachmentsPanel } from '../attachments/attachments-panel.tsx';
import { RevisionDiff } from './revision-diff.tsx';
import { fieldLabel, fieldOptions } from '../lib/field-label.ts';
import { beijingTime } from '../lib/time.ts';

const ACTION_LABELS: Record<string, string> = {
  create: '创建',
  save: '保存',
  submit: '提交',
  return: '退回',
  approve: '通过',
  publish: '公开',
  reopen: '重新打开',
  remind: '催办',
};

/** The reviewer's view: the report, its findings, comments, the decision, and the history. */
export default function ReviewPage({ id }: { id: string }) {
  const state = useAsync(async () => {
    const record = await api.evaluation(id);
    const [rulebook, events, revisions, server, decisions] = await Promise.all([
      api.rulebook(record.rulebookId),
      api.events(id).then((r) => r.items),
      api
        .revisions(id)
        .then((r) => r.items)
        .catch(() => []),
      api.findings(id).catch(() => null),
      api
        .decisions(id)
        .then((r) => r.items)
        .catch(() => []),
    ]);
    const local = evaluateLocally(record.body, rulebook);
    return {
      record,
      events,
      revisions,
      sheet: server?.scoreSheet ?? local.sheet,
      findings: server?.findings ?? local.findings,
      decisions,
    };
  }, [id]);
  return <AsyncView state={state}>{(d) => <Review {...d} reload={state.reload} />}</AsyncView>;
}

function Review({
  record,
  events,
  revisions,
  sheet,
  findings,
  decisions: initialDecisions,
  reload,
}: {
  record: Awaited<ReturnType<typeof api.evaluation>>;
  events: Awaited<ReturnType<typeof api.events>>['items'];
  revisions: Awaited<ReturnType<typeof api.revisions>>['items'];
  sheet: ReturnType<typeof evaluateLocally>['sheet'];
  findings: Finding[];
  decisions: DecisionView[];
  reload: () => void;
}) {
  const { message } = App.useApp();
  const { user } = useSession();
  const [decisions, setDecisions] = useState(initialDecisions);
  const reviewer = useReviewerDecisions(async (input) => {
    const items = (await api.decide(record.id, input)).items;
    setDecisions(items);
    return items;
  });
  const [comments, setComments] = useState<ReviewComment[]>([]);
  const [comment, setComment] = useState('');
  const [fieldPath, setFieldPath] = useState('');
  const [fieldText, setFieldText] = useState('');
  const [busy, setBusy] = useState(false);
  const fields = useMemo(() => fieldOptions(record.body), [record.body]);

  // Findings the reviewer dismissed (不是问题) do not count.
  const errors = useMemo(
    () =>
      decideFindings(findings, record.body, decisions).active.filter(
        (d) => d.finding.severity === 'error',
      ).length,
    [findings, record.body, decisions],
  );
  const [deciding, setDeciding] = useState<'publish' | 'reopen' | null>(null);
  const [reason, setReason] = useState('');
  const act = async (action: Action, why?: string) => {
    if (action === 'return' && !comment.trim() && comments.length === 0) {
      message.warning('退回时请填写审核意见');
      return;
    }
    setBusy(true);
    try {
      await api.transition(record.id, action, why ?? (comment.trim() || undefined), comments);
      message.success(`已${ACTION_LABELS[action]}`);
      setComments([]);
      setComment('');
      reload();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const [target, setTarget] = useState<Finding | null>(null);
  const [targetText, setTargetText] = useState('');
  const commentOn = (f: Finding) => {
    setTarget(f);
    setTargetText('请核实并修改');
  };

  return (
    <>
      <Breadcrumb
        items={[{ title: <a href="#/review">审核</a> }, { title: record.title }]}
        style={{ marginBottom: 12 }}
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {record.departmentName} {record.year}年度
            </Typography.Title>
            <Tag color={STATUS_COLORS[record.status]} data-testid="status-tag">
              {STATUS_LABELS[record.status]}
            </Tag>
            <Typography.Text>
              填报 <b>{record.statedTotal ?? '—'}</b> 分 · 计算{' '}
              <b>{sheet?.total ?? record.computedTotal ?? '—'}</b> 分
            </Typography.Text>
            {record.deadline && (
              <Typography.Text type="secondary">
                截止 {record.deadline.slice(0, 10)}
              </Typography.Text>
            )}
          </Space>
          <Space wrap>
            <Button href={opinionUrl(record.id)} data-testid="opinion-download">
              审核意见书
            </Button>
            {record.roundId !== null && (
              <Button href={rectificationUrl(record.roundId, record.departmentId)}>整改清单</Button>
            )}
            <Button href={exportUrl(record.id, 'docx')}>下载 Word</Button>
            <Button href={exportUrl(record.id, 'pdf')}>下载 PDF</Button>
            <Button href={exportUrl(record.id, 'xlsx')}>下载 Excel</Button>
          </Space>
        </Space>
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card size="small">
            <Tabs
              items={[
                {
                  key: 'preview',
                  label: '报告',
                  children: (
                    <div style={{ background: '#eee', padding: 16 }}>
                      <EvaluationReport id={record.id} version={record.version} />
                    </div>
                  ),
                },
                {
                  key: 'attachments',
                  label: '证明材料',
                  children: (
                    <AttachmentsProvider evaluationId={record.id} editable={false}>
                      <AttachmentsPanel />
                    </AttachmentsProvider>
                  ),
                },
                {
                  key: 'history',
                  label: '修订历史',
                  children: <RevisionDiff id={record.id} revisions={revisions} />,
                },
                {
                  key: 'events',
                  label: '流转记录',
                  children: (
                    <Timeline
                      items={events.map((e) => ({
                        key: String(e.id),
                        content: (
                          <>
                            <b>{ACTION_LABELS[e.action] ?? '处理'}</b> · {e.actorName ?? e.actor} ·{' '}
                            {beijingTime(e.at)}
                            {e.comment && <div>意见：{e.comment}</div>}
                            {e.comments?.map((c, i) => (
                              <div key={i} style={{ color: '#666' }}>
                                {c.path && <b>{fieldLabel(c.path, record.body)}：</b>} {c.text}
                              </div>
                            ))}
                          </>
                        ),
                      }))}
                    />
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title="审核意见" style={{ marginBottom: 12 }}>
            {comments.length > 0 && (
              <ItemList>
                {comments.map((c, i) => (
                  <Item
                    key={i}
                    actions={[
                      <Button
                        key="x"
                        type="link"
                        size="small"
                        onClick={() => setComments((cs) => cs.filter((_, j) => j !== i))}
                      >
                        移除
                      </Button>,
                    ]}
                  >
                    {c.path && (
                      <b style={{ marginRight: 4 }}>{fieldLabel(c.path, record.body)}：</b>
                    )}
                    {c.text}
                  </Item>
                ))}
              </ItemList>
            )}
            <Space.Compact style={{ width: '100%', marginBottom: 8 }}>
              <Select
                aria-label="字段"
                showSearch={{ optionFilterProp: 'label' }}
                allowClear
                placeholder="选择字段（可输入名称搜索）"
                style={{ width: '50%' }}
                value={fieldPath === '' ? undefined : fieldPath}
                onChange={(v: string | undefined) => setFieldPath(v ?? '')}
                options={fields}
              />
              <Input
                aria-label="字段意见"
                placeholder="对该字段的意见"
                value={fieldText}
                onChange={(e) => setFieldText(e.target.value)}
              />
              <Button
                icon={<CommentOutlined />}
                aria-label="添加字段意见"
                onClick={() => {
                  if (!fieldText.trim()) return;
                  setComments((c) => [
                    ...c,
                    {
                      ...(fieldPath.trim() ? { path: fieldPath.trim() } : {}),
                      text: fieldText.trim(),
                    },
                  ]);
                  setFieldPath('');
                  setFieldText('');
                }}
              />
            </Space.Compact>
            <Input.TextArea
              aria-label="总体意见"
              placeholder="总体审核意见（退回时必填）"
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              autoSize={{ minRows: 2 }}
            />
            <Space style={{ marginTop: 12 }} wrap>
              {record.status === 'submitted' && (
                <>
                  <Button
                    danger
                    icon={<RollbackOutlined />}
                    loading={busy}
                    onClick={() => void act('return')}
                  >
                    退回修改
                  </Button>
                  <Popconfirm
                    title="确认审核通过？"
                    description={
                      errors > 0
                        ? `仍有 ${errors} 个错误未改正（见审查发现），确定通过吗？`
                        : '未发现错误。'
                    }
                    okText="通过"
                    cancelText="取消"
                    onConfirm={() => void act('approve')}
                  >
                    <Button type="primary" icon={<CheckOutlined />} loading={busy}>
                      审核通过
                    </Button>
                  </Popconfirm>
                </>
              )}
              {record.status === 'approved' && (
                <Button
                  type="primary"
                  icon={<GlobalOutlined />}
                  loading={busy}
                  onClick={() => {
                    setReason('');
                    setDeciding('publish');
                  }}
                >
                  公开
                </Button>
              )}
              {record.status === 'published' && (
                <Button
                  danger
                  icon={<RollbackOutlined />}
                  loading={busy}
                  onClick={() => {
                    setReason('');
                    setDeciding('reopen');
                  }}
                >
                  撤回公开
                </Button>
              )}
              {(record.status === 'draft' || record.status === 'returned') && (
                <Alert type="info" title="等待单位修改并提交" showIcon />
              )}
            </Space>
          </Card>
          <Card size="small">
            <FindingsPanel
              findings={findings}
              decisions={decisions}
              body={record.body}
              extra={(f, d) => (
                <Space size={0} wrap onClick={(e) => e.stopPropagation()}>
                  {user?.role === 'reviewer' && reviewer.buttons(f, d)}
                  <Button
                    size="small"
                    type="link"
                    icon={<CommentOutlined />}
                    onClick={(e) => {
                      e.stopPropagation();
                      commentOn(f);
                    }}
                    aria-label={`对此发现提意见：${f.message}`}
                  >
                    提意见
                  </Button>
                </Space>
              )}
            />
          </Card>
        </Col>
      </Row>
      {reviewer.dialog}
      <Modal
        open={deciding !== null}
        title={deciding === 'publish' ? '向社会公开' : '撤回公开'}
        okText={deciding === 'publish' ? '公开' : '撤回公开'}
        okButtonProps={{
          danger: deciding === 'reopen',
          disabled: (deciding === 'reopen' || errors > 0) && reason.trim() === '',
        }}
        cancelText="取消"
        onCancel={() => setDeciding(null)}
        onOk={() => {
          const action = deciding;
          setDeciding(null);
          if (action) void act(action, reason.trim() || undefined);
        }}
      >
        {deciding === 'publish' && (
          <Alert
            type={errors > 0 ? 'warning' : 'success'}
            showIcon
            style={{ marginBottom: 12 }}
            title={
              errors > 0
                ? `该自评仍有 ${errors} 个错误未改正，公开后社会公众可见。如仍要公开，请填写理由。`
                : '未发现错误，公开后社会公众可以查阅和下载该报告。'
            }
          />
        )}
        {deciding === 'reopen' && (
          <Typography.Paragraph>
            撤回后报告从公开页面下架，自评退回单位修改。请填写撤回理由（将记入流转记录）。
          </Typography.Paragraph>
        )}
        <Input.TextArea
          aria-label={deciding === 'publish' ? '公开理由' : '撤回理由'}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          autoSize={{ minRows: 2 }}
          placeholder={deciding === 'publish' && errors === 0 ? '（可选）公开说明' : '必填'}
        />
      </Modal>
      <Modal
        open={target !== null}
        title="对审查发现提意见"
        okText="添加意见"
        cancelText="取消"
        onCancel={() => setTarget(null)}
        onOk={() => {
          if (target && targetText.trim())
            setComments((c) => [
              ...c,
              { path: target.path, findingCode: target.code, text: targetText.trim() },
            ]);
          setTarget(null);
        }}
      >
        <Typography.Paragraph>{target?.message}</Typography.Paragraph>
        <Input.TextArea
          aria-label="意见内容"
          value={targetText}
          onChange={(e) => setTargetText(e.target.value)}
          autoSize={{ minRows: 2 }}
          autoFocus
        />
      </Modal>
    </>
  );
}
