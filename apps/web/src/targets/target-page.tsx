import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  Row,
  Space,
  Spin,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import {
  TargetForm as TargetFormSchema,
  checkTargetForm,
  targetChanges,
  type Rulebook,
  type TargetForm,
} from '@jixiao/domain';
import { api, errorText } from '../api.ts';
import { conflictVersion, EditorVersionNotices } from '../lib/save-conflict.tsx';
import { dropUnsavedCopy, keepUnsavedCopy, readUnsavedCopy } from '../lib/pending-edits.ts';
import { sameValue } from '../lib/same-value.ts';
import { useSession } from '../lib/session.tsx';
import { useAsync } from '../lib/use-async.ts';
import { beijingTime } from '../lib/time.ts';
import { navigate } from '../lib/router.ts';
import { SEVERITY_COLORS } from '../lib/labels.ts';
import { severityLabel } from '../lib/finding-labels.ts';
import { targetExportUrl, targetsApi, type TargetRecord } from './targets-api.ts';
import { DownloadOutlined } from '@ant-design/icons';
import { TargetIndicators } from './target-indicators.tsx';
import { AmountInput } from './amount-input.tsx';
import {
  TARGET_ACTION_LABELS,
  TARGET_STATUS_COLORS,
  TARGET_STATUS_LABELS,
} from './target-labels.ts';
import { Item, ItemList } from '../lib/item-list.tsx';

/** One 绩效目标表: the unit edits and files it, a reviewer returns or approves it. */
export default function TargetPage({ id }: { id: string }) {
  const loaded = useAsync(async () => {
    const record = await targetsApi.get(id);
    const rulebook = await api.rulebook(record.rulebookId);
    return { record, rulebook };
  }, [id]);
  if (loaded.error !== null) return <Alert type="error" showIcon title={errorText(loaded.error)} />;
  if (loaded.data === undefined) return <Spin />;
  return (
    <TargetEditor
      key={`${loaded.data.record.id}@${loaded.data.record.version}`}
      record={loaded.data.record}
      rulebook={loaded.data.rulebook}
      reload={loaded.reload}
    />
  );
}

function TargetEditor({
  record,
  rulebook,
  reload,
}: {
  record: TargetRecord & { body: TargetForm };
  rulebook: Rulebook;
  reload: () => void;
}) {
  const { user } = useSession();
  const { message, modal } = App.useApp();
  const unit = user?.role === 'filer' || user?.role === 'head' || user?.role === 'admin';
  const editable =
    unit &&
    (record.status === 'draft' || record.status === 'returned' || record.status === 'approved');
  // What was typed here and not saved (the page was left, the session ended, a save failed)
  // comes back from the browser's copy, said so, until it is saved or dropped.
  const copyId = `target:${record.id}`;
  const [restored] = useState(() => {
    if (!editable) return null;
    const copy = readUnsavedCopy(copyId);
    const parsed = copy ? TargetFormSchema.safeParse(copy.body) : null;
    if (copy === null || parsed === null || !parsed.success) return null;
    return sameValue(parsed.data, record.body)
      ? null
      : { version: copy.version, body: parsed.data };
  });
  const [body, setBody] = useState<TargetForm>(restored?.body ?? record.body);
  const [dirty, setDirty] = useState(restored !== null);
  const [busy, setBusy] = useState(false);
  /** Another save came first: the server's version now; the text typed here stays. */
  const [conflict, setConflict] = useState<{ version: number } | null>(null);
  const events = useAsync(() => targetsApi.events(record.id).then((r) => r.items), [record]);
  const revisions = useAsync(() => targetsApi.revisions(record.id).then((r) => r.items), [record]);
  // A 目标调整 under way: what it changes against the approved version.
  const approved = useAsync(
    () =>
      record.approvedVersion === null
        ? Promise.resolve(null)
        : record.approvedVersion === record.version
          ? Promise.resolve(record.body)
          : targetsApi.revision(record.id, record.approvedVersion).then((r) => r.body),
    [record],
  );
  const changes = useMemo(
    () => (approved.data ? targetChanges(approved.data, body) : []),
    [approved.data, body],
  );
  const findings = useMemo(() => {
    try {
      return checkTargetForm(body, rulebook);
    } catch {
      return [];
    }
  }, [body, rulebook]);
  const edit = (next: Partial<TargetForm>) => {
    setBody((b) => ({ ...b, ...next }));
    setDirty(true);
  };
  useEffect(() => {
    if (dirty) keepUnsavedCopy(copyId, record.version, body);
  }, [dirty, body, copyId, record.version]);
  const discard = () => {
    dropUnsavedCopy(copyId);
    setBody(record.body);
    setDirty(false);
    reload();
  };
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const run = async (fn: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await fn();
      message.success(done);
      setDirty(false);
      reload();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const askText = (title: string, label: string, required: string) =>
    new Promise<string | null>((resolve) => {
      let text = '';
      modal.confirm({
        title,
        content: (
          <Input.TextArea
            aria-label={label}
            rows={3}
            onChange={(e) => {
              text = e.target.value;
            }}
          />
        ),
        okText: '确定',
        cancelText: '取消',
        onOk: () => {
          if (text.trim() === '') {
            message.error(required);
            return Promise.reject(new Error(required));
          }
          resolve(text.trim());
          return Promise.resolve();
        },
        onCancel: () => resolve(null),
      });
    });
  const save = async () => {
    let reason: string | undefined;
    if (record.status === 'approved') {
      const given = await askText(
        '调整已批复的绩效目标',
        '调整理由',
        '请填写调整理由：目标调整须说明理由并重新审核',
      );
      if (given === null) return;
      reason = given;
    }
    await saveOn(conflict?.version ?? record.version, reason);
  };
  /** Saves on `version`; a conflict keeps the text and says that another version came first. */
  const saveOn = async (version: number, reason?: string) => {
    setBusy(true);
    try {
      await targetsApi.save(record.id, version, body, reason);
      dropUnsavedCopy(copyId);
      message.success('已保存');
      setDirty(false);
      setConflict(null);
      reload();
    } catch (e) {
      const version = conflictVersion(e);
      if (version !== null) setConflict({ version });
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const lastReturn = [...(events.data ?? [])].reverse().find((e) => e.action === 'return');
  const errors = findings.filter((f) => f.severity === 'error').length;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <Button size="small" onClick={() => navigate('/targets')}>
              返回列表
            </Button>
            <span>{record.title}</span>
            <Tag color={TARGET_STATUS_COLORS[record.status]}>
              {TARGET_STATUS_LABELS[record.status]}
            </Tag>
          </Space>
        }
        extra={
          <Space>
            <Button icon={<DownloadOutlined />} href={targetExportUrl(record.id, 'docx')}>
              下载 Word
            </Button>
            <Button icon={<DownloadOutlined />} href={targetExportUrl(record.id, 'xlsx')}>
              下载 Excel
            </Button>
            {editable && (
              <Button type="primary" loading={busy} disabled={!dirty} onClick={() => void save()}>
                {record.status === 'approved' ? '调整目标' : '保存'}
              </Button>
            )}
            {(user?.role === 'head' || user?.role === 'admin') &&
              (record.status === 'draft' || record.status === 'returned') && (
                <Button
                  loading={busy}
                  disabled={dirty}
                  onClick={() =>
                    void run(() => targetsApi.transition(record.id, 'submit'), '已提交审核')
                  }
                >
                  提交审核
                </Button>
              )}
            {(user?.role === 'reviewer' || user?.role === 'admin') &&
              record.status === 'submitted' && (
                <>
                  <Button
                    danger
                    loading={busy}
                    onClick={() =>
                      void (async () => {
                        const comment = await askText('退回绩效目标', '退回意见', '请填写退回意见');
                        if (comment !== null)
                          await run(
                            () => targetsApi.transition(record.id, 'return', comment),
                            '已退回',
                          );
                      })()
                    }
                  >
                    退回
                  </Button>
                  <Button
                    type="primary"
                    loading={busy}
                    onClick={() =>
                      void run(() => targetsApi.transition(record.id, 'approve'), '已审核通过')
                    }
                  >
                    审核通过
                  </Button>
                </>
              )}
          </Space>
        }
      >
        <EditorVersionNotices
          conflict={conflict}
          restored={restored}
          dirty={dirty}
          current={record.version}
          busy={busy}
          testIdPrefix="target"
          onOverwrite={() => void save()}
          onDiscard={discard}
        />
        {record.status === 'returned' && lastReturn?.comment && (
          <Alert
            type="warning"
            showIcon
            title={`退回意见：${lastReturn.comment}`}
            style={{ marginBottom: 12 }}
          />
        )}
        {record.status === 'approved' && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title="绩效目标已批复。如需调整，修改后点击“调整目标”并说明理由，调整须重新审核；审核通过前仍以已批复的版本为准。"
          />
        )}
        {record.status !== 'approved' && record.approvedVersion !== null && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={`目标调整审核中，当前仍以第${record.approvedVersion}版批复目标为准`}
          />
        )}
        <Descriptions size="small" column={3} style={{ marginBottom: 12 }}>
          <Descriptions.Item label="单位">{record.departmentName}</Descriptions.Item>
          <Descriptions.Item label="年度">{record.year}</Descriptions.Item>
          <Descriptions.Item label="评价指标体系">{rulebook.name}</Descriptions.Item>
        </Descriptions>
        <Form layout="vertical">
          <Form.Item label="年度总体目标">
            <Input.TextArea
              aria-label="年度总体目标"
              rows={3}
              value={body.overallGoal}
              disabled={!editable}
              onChange={(e) => edit({ overallGoal: e.target.value })}
            />
          </Form.Item>
          <Row gutter={16}>
            {(
              [
                ['total', '年度资金总额'],
                ['fiscal', '其中：财政拨款'],
                ['other', '其他资金'],
              ] as const
            ).map(([key, label]) => (
              <Col span={8} key={key}>
                <Form.Item label={label}>
                  <AmountInput
                    label={label}
                    value={body.budget[key]}
                    readOnly={!editable}
                    onChange={(a) => {
                      const budget = { ...body.budget };
                      if (a === undefined) delete budget[key];
                      else budget[key] = a;
                      edit({ budget });
                    }}
                  />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </Form>
        <Typography.Title level={5}>绩效指标</Typography.Title>
        <TargetIndicators
          value={body.indicators}
          readOnly={!editable}
          onChange={(indicators) => edit({ indicators })}
        />
      </Card>
      {approved.data && (changes.length > 0 || record.version !== record.approvedVersion) && (
        <Card
          size="small"
          title={`与批复版本（第${record.approvedVersion ?? ''}版）相比的调整`}
          data-testid="target-changes"
        >
          {changes.length === 0 ? (
            <Typography.Text type="secondary">与批复版本相同</Typography.Text>
          ) : (
            <Table
              size="small"
              rowKey={(c) => c.what}
              pagination={false}
              dataSource={changes}
              columns={[
                { title: '调整内容', dataIndex: 'what' },
                { title: '批复版本', dataIndex: 'before' },
                { title: '调整后', dataIndex: 'after' },
              ]}
            />
          )}
        </Card>
      )}
      <Row gutter={16}>
        <Col span={12}>
          <Card title={`审查发现（${findings.length}）`} size="small" data-testid="target-findings">
            {findings.length === 0 ? (
              <Typography.Text type="secondary">未发现问题</Typography.Text>
            ) : (
              <ItemList>
                {findings.map((f, i) => (
                  <Item key={`${f.code}-${f.path}-${i}`}>
                    <Space align="start">
                      <Tag color={SEVERITY_COLORS[f.severity]}>{severityLabel(f.severity)}</Tag>
                      <span>{f.message}</span>
                    </Space>
                  </Item>
                ))}
              </ItemList>
            )}
            {errors > 0 && editable && (
              <Typography.Text type="secondary">
                有错误时仍可保存，提交前请逐项改正。
              </Typography.Text>
            )}
          </Card>
        </Col>
        <Col span={12}>
          <Card title="审核记录与历史版本" size="small">
            <Timeline
              items={(events.data ?? []).map((e) => ({
                children: `${beijingTime(e.at)} ${e.actorName} ${TARGET_ACTION_LABELS[e.action] ?? '操作'}${e.comment ? `：${e.comment}` : ''}`,
              }))}
            />
            <ItemList header="历史版本">
              {(revisions.data ?? []).map((r) => (
                <Item key={r.version}>
                  第{r.version}版 · {r.savedByName} · {beijingTime(r.savedAt)}
                  {r.version === record.approvedVersion ? ' · 批复版本' : ''}
                  {r.reason ? ` · 调整理由：${r.reason}` : ''}
                </Item>
              ))}
            </ItemList>
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
