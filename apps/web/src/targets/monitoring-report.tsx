import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Input,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import {
  MonitoringFigures as MonitoringFiguresSchema,
  computeMonitoring,
  formatFen,
  type IndicatorLight,
  type Light,
  type MonitoringFigures,
  type MonitoringIndicator,
} from '@jixiao/domain';
import { errorText } from '../api.ts';
import { dropUnsavedCopy, keepUnsavedCopy, readUnsavedCopy } from '../lib/pending-edits.ts';
import { conflictVersion, EditorVersionNotices } from '../lib/save-conflict.tsx';
import { sameValue } from '../lib/same-value.ts';
import { useSession } from '../lib/session.tsx';
import { useAsync } from '../lib/use-async.ts';
import { navigate } from '../lib/router.ts';
import { targetsApi, type LightDecision, type MonitoringReport } from './targets-api.ts';
import { LightTag } from './light-tag.tsx';
import { AmountInput } from './amount-input.tsx';
import { asOfLabel } from './monitoring-page.tsx';

/** One form's monitoring: the unit's figures and explanations, the lights, the reviewer's decisions. */
export default function MonitoringReportPage({
  roundId,
  formId,
}: {
  roundId: string;
  formId: string;
}) {
  const loaded = useAsync(async () => {
    const [report, thresholds] = await Promise.all([
      targetsApi.report(roundId, formId),
      targetsApi.thresholds(),
    ]);
    return { report, thresholds: thresholds.items };
  }, [roundId, formId]);
  if (loaded.error !== null) return <Alert type="error" showIcon title={errorText(loaded.error)} />;
  if (loaded.data === undefined) return <Spin />;
  const thresholds = loaded.data.thresholds.find(
    (t) => t.id === loaded.data?.report.round.thresholdsId,
  );
  if (thresholds === undefined) return <Alert type="error" showIcon title="预警阈值缺失" />;
  return (
    <ReportEditor
      // A new version starts the editor again; a decision or an answer does not (the typing stays).
      key={loaded.data.report.version}
      report={loaded.data.report}
      thresholds={thresholds}
      reload={loaded.reload}
    />
  );
}

interface Row {
  key: string;
  name: string;
  target: string;
  light: IndicatorLight | null;
}

function ReportEditor({
  report,
  thresholds,
  reload,
}: {
  report: MonitoringReport;
  thresholds: Parameters<typeof computeMonitoring>[3];
  reload: () => void;
}) {
  const { user } = useSession();
  const { message, modal } = App.useApp();
  const unit = user?.role === 'filer' || user?.role === 'head' || user?.role === 'admin';
  // What was typed here and not saved (the page was left, the session ended, a save failed)
  // comes back from the browser's copy, said so, until it is saved or dropped.
  const copyId = `monitoring:${report.round.id}:${report.form.id}`;
  const [restored] = useState(() => {
    if (!unit) return null;
    const copy = readUnsavedCopy(copyId);
    const parsed = copy ? MonitoringFiguresSchema.safeParse(copy.body) : null;
    if (copy === null || parsed === null || !parsed.success) return null;
    return sameValue(parsed.data, report.figures)
      ? null
      : { version: copy.version, figures: parsed.data };
  });
  const [figures, setFigures] = useState<MonitoringFigures>(restored?.figures ?? report.figures);
  const [dirty, setDirty] = useState(restored !== null);
  const [busy, setBusy] = useState(false);
  /** Another save came first: the server's version now; the figures typed here stay. */
  const [conflict, setConflict] = useState<{ version: number } | null>(null);
  useEffect(() => {
    if (dirty) keepUnsavedCopy(copyId, report.version, figures);
  }, [dirty, figures, copyId, report.version]);
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  const discard = () => {
    dropUnsavedCopy(copyId);
    setFigures(report.figures);
    setDirty(false);
    setConflict(null);
    reload();
  };
  const staff = user?.role === 'reviewer' || user?.role === 'admin';
  const result = useMemo(
    () => computeMonitoring(report.targets, figures, report.round.asOf, thresholds),
    [report, figures, thresholds],
  );
  const entry = (path: string): MonitoringIndicator =>
    figures.indicators.find((i) => i.path === path) ?? { path };
  const setEntry = (path: string, fields: Partial<MonitoringIndicator>) => {
    const next: MonitoringIndicator = { ...entry(path), ...fields };
    setFigures((f) => ({
      ...f,
      indicators: [...f.indicators.filter((i) => i.path !== path), next],
    }));
    setDirty(true);
  };
  const decisionOf = (subject: string): LightDecision | undefined =>
    report.decisions.find((d) => d.subject === subject);

  /** Saves on `version`; a conflict keeps the figures and says that another version came first. */
  const save = async () => {
    setBusy(true);
    try {
      await targetsApi.saveReport(
        report.round.id,
        report.form.id,
        conflict?.version ?? report.version,
        figures,
      );
      dropUnsavedCopy(copyId);
      message.success('已保存监控数据');
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
  /**
   * Asks for a text and sends it from the dialog: a request that fails (the network, a decision
   * made meanwhile) leaves the dialog open with the text typed, to send again or cancel.
   */
  const ask = (
    title: string,
    label: string,
    send: (text: string) => Promise<unknown>,
    done: string,
  ) => {
    let text = '';
    modal.confirm({
      title,
      content: (
        <Input.TextArea aria-label={label} rows={3} onChange={(e) => (text = e.target.value)} />
      ),
      okText: '确定',
      cancelText: '取消',
      onOk: async () => {
        if (text.trim() === '') {
          message.error(`请填写${label}`);
          throw new Error(label);
        }
        try {
          await send(text.trim());
        } catch (e) {
          message.error(errorText(e));
          throw e;
        }
        message.success(done);
        reload();
      },
    });
  };
  const decide = (subject: string, state: 'confirmed' | 'dismissed') =>
    ask(
      state === 'confirmed' ? '要求整改' : '无需整改',
      state === 'confirmed' ? '整改要求' : '理由',
      (text) =>
        targetsApi.decide(report.round.id, report.form.id, {
          subject,
          state,
          ...(state === 'confirmed' ? { correction: text } : { reason: text }),
        }),
      state === 'confirmed' ? '已要求整改' : '已认定无需整改',
    );

  const decisionCell = (subject: string, light: Light) => {
    const d = decisionOf(subject);
    return (
      <Space direction="vertical" size={4}>
        {d && (
          <Tag color={d.state === 'confirmed' ? 'red' : 'default'}>
            {d.state === 'confirmed'
              ? `要求整改：${d.correction ?? ''}`
              : `无需整改：${d.reason ?? ''}`}
          </Tag>
        )}
        {d?.answer && <Typography.Text>整改情况：{d.answer}</Typography.Text>}
        {staff && report.version > 0 && (light === 'red' || light === 'yellow') && (
          <Space size={4}>
            <Button size="small" danger onClick={() => decide(subject, 'confirmed')}>
              要求整改
            </Button>
            <Button size="small" onClick={() => decide(subject, 'dismissed')}>
              无需整改
            </Button>
          </Space>
        )}
        {unit && d?.state === 'confirmed' && !d.answer && user?.role !== 'admin' && (
          <Button
            size="small"
            onClick={() =>
              ask(
                '回复整改情况',
                '整改情况',
                (text) => targetsApi.answer(report.round.id, report.form.id, subject, text),
                '已回复',
              )
            }
          >
            回复整改情况
          </Button>
        )}
      </Space>
    );
  };

  const rows: Row[] = result.indicators.map((i) => ({
    key: i.path,
    name: i.name,
    target: i.target ?? '—',
    light: i,
  }));
  const editable = unit;
  const budget = report.targets.budget.total;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <Button size="small" onClick={() => navigate(`/monitoring/${report.round.id}`)}>
              返回
            </Button>
            <span>
              {report.form.departmentName} · {report.form.title} · 截至
              {asOfLabel(report.round.asOf)}
            </span>
            <LightTag light={result.light} />
          </Space>
        }
        extra={
          editable && (
            <Button type="primary" loading={busy} disabled={!dirty} onClick={() => void save()}>
              保存
            </Button>
          )
        }
      >
        <EditorVersionNotices
          conflict={conflict}
          restored={restored}
          dirty={dirty}
          current={report.version}
          busy={busy}
          testIdPrefix="monitoring"
          onOverwrite={() => void save()}
          onDiscard={discard}
        />
        {result.unexplainedRed > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={`有 ${result.unexplainedRed} 项红灯尚未说明偏差原因及纠偏措施`}
          />
        )}
        <Descriptions size="small" column={3} bordered style={{ marginBottom: 12 }}>
          <Descriptions.Item label="全年预算">
            {budget ? `${formatFen(budget.fen, '万元')}万元` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="时间进度">
            {result.elapsedPercent.toFixed(2)}%
          </Descriptions.Item>
          <Descriptions.Item label="预算执行进度">
            {result.executionPercent === undefined ? '—' : `${result.executionPercent.toFixed(2)}%`}{' '}
            <LightTag light={result.executionLight} />
          </Descriptions.Item>
        </Descriptions>
        <Space align="start" wrap style={{ marginBottom: 12 }}>
          <div style={{ width: 220 }}>
            <Typography.Text>截至监控日执行数</Typography.Text>
            <AmountInput
              label="截至监控日执行数"
              value={figures.executed}
              readOnly={!editable}
              onChange={(a) => {
                setFigures((f) => {
                  const next = { ...f };
                  if (a === undefined) delete next.executed;
                  else next.executed = a;
                  return next;
                });
                setDirty(true);
              }}
            />
          </div>
          <div style={{ width: 220 }}>
            <Typography.Text>全年预计执行数</Typography.Text>
            <AmountInput
              label="全年预计执行数"
              value={figures.forecastExecuted}
              readOnly={!editable}
              onChange={(a) => {
                setFigures((f) => {
                  const next = { ...f };
                  if (a === undefined) delete next.forecastExecuted;
                  else next.forecastExecuted = a;
                  return next;
                });
                setDirty(true);
              }}
            />
          </div>
          <div style={{ width: 420 }}>
            <Typography.Text>执行进度偏差原因及纠偏措施</Typography.Text>
            <Input.TextArea
              aria-label="执行进度偏差原因及纠偏措施"
              rows={2}
              value={figures.executionExplanation ?? ''}
              disabled={!editable}
              onChange={(e) => {
                setFigures((f) => ({ ...f, executionExplanation: e.target.value }));
                setDirty(true);
              }}
            />
          </div>
          <div>{decisionCell('execution', result.executionLight)}</div>
        </Space>
        <Table<Row>
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={rows}
          aria-label="绩效指标监控"
          columns={[
            { title: '绩效指标', dataIndex: 'name' },
            { title: '年度指标值', dataIndex: 'target', width: 120 },
            {
              title: '截至目前完成值',
              width: 140,
              render: (_: unknown, r) => (
                <Input
                  aria-label={`${r.name}截至目前完成值`}
                  value={entry(r.key).progress ?? ''}
                  disabled={!editable}
                  onChange={(e) => setEntry(r.key, { progress: e.target.value })}
                />
              ),
            },
            {
              title: '全年预计完成值',
              width: 140,
              render: (_: unknown, r) => (
                <Input
                  aria-label={`${r.name}全年预计完成值`}
                  value={entry(r.key).forecast ?? ''}
                  placeholder={r.light?.projected ? `推算 ${r.light.forecast ?? ''}` : ''}
                  disabled={!editable}
                  onChange={(e) => setEntry(r.key, { forecast: e.target.value })}
                />
              ),
            },
            {
              title: '预警',
              width: 80,
              render: (_: unknown, r) => <LightTag light={r.light?.light ?? 'blue'} />,
            },
            {
              title: '偏差原因及纠偏措施',
              render: (_: unknown, r) => (
                <Input.TextArea
                  aria-label={`${r.name}偏差原因及纠偏措施`}
                  rows={1}
                  value={entry(r.key).explanation ?? ''}
                  disabled={!editable}
                  onChange={(e) => setEntry(r.key, { explanation: e.target.value })}
                />
              ),
            },
            {
              title: '审核认定',
              width: 200,
              render: (_: unknown, r) => decisionCell(r.key, r.light?.light ?? 'blue'),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
