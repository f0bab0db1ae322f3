import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Breadcrumb, Button, Card, Col, Drawer, Row, Space, Tabs } from 'antd';
import {
  checkAgainstTargets,
  prefixFindings,
  type Evaluation,
  type Finding,
  type Rulebook,
} from '@jixiao/domain';
import {
  api,
  errorText,
  type DecisionView,
  type EvaluationWithBody,
  type ReviewEvent,
} from '../api.ts';
import { decideFindings, type DecidedFinding } from '../lib/decided-findings.ts';
import { useAnswers, useSubmitWithAnswers } from './answer-actions.tsx';
import { AsyncView } from '../lib/async-view.tsx';
import { evaluateLocally } from '../lib/core.ts';
import { STATUS_LABELS } from '../lib/labels.ts';
import { navigate } from '../lib/router.ts';
import { useSession } from '../lib/session.tsx';
import { useAsync } from '../lib/use-async.ts';
import { dropUnsavedCopy, readUnsavedCopy, savesSettled } from '../lib/pending-edits.ts';
import { sameValue } from '../lib/same-value.ts';
import {
  EditorContext,
  publishBody,
  useEditorStore,
  type EditorState,
  type EditorStore,
} from './editor-context.tsx';
import { FindingsPanel } from './findings-panel.tsx';
import { AttachmentsProvider } from '../attachments/attachments-store.tsx';
import { AttachmentsTabLabel, EditorAttachments } from '../attachments/editor-attachments.tsx';
import { targetsApi } from '../targets/targets-api.ts';
import { ScoreDifferences } from './score-differences.tsx';
import { NarrativeSection } from './narrative-section.tsx';
import { EvaluationReport } from './report-preview.tsx';
import {
  BaseDataSection,
  BasicSection,
  FundsSection,
  IndicatorsSection,
  ProblemsSection,
  ProjectEvaluationsSection,
  ProjectsSection,
} from './sections.tsx';
import { useAutosave } from './use-autosave.ts';
import { EditorHeader } from './editor-header.tsx';
import { useBodyEdits } from './use-body-edits.ts';
import { tabFor } from './tab-for.ts';
import { useSettled } from './use-settled.ts';
import { fieldLabel } from '../lib/field-label.ts';

/** Scrolls to the element for `path`, or its nearest ancestor that has one, and focuses it. */
function jumpTo(path: string): void {
  let p = path;
  for (;;) {
    const el = document.querySelector<HTMLElement>(`[data-path="${CSS.escape(p)}"]`);
    if (el) {
      el.scrollIntoView({ behavior: 'smooth', block: 'center' });
      el.querySelector<HTMLElement>('input, textarea')?.focus({ preventScroll: true });
      return;
    }
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    if (cut <= 0) return;
    p = p.slice(0, cut);
  }
}

export default function EditorPage({ id }: { id: string }) {
  const state = useAsync(async () => {
    // A save started as the user left this evaluation a moment ago lands first.
    await savesSettled();
    const record = await api.evaluation(id);
    const rulebook = await api.rulebook(record.rulebookId);
    const events = await api.events(id).catch(() => ({ items: [] as ReviewEvent[] }));
    const decisions = await api.decisions(id).catch(() => ({ items: [] as DecisionView[] }));
    return { record, rulebook, events: events.items, decisions: decisions.items };
  }, [id]);
  return (
    <AsyncView state={state}>
      {(d) => <Editor key={`${d.record.id}-${d.record.version}`} {...d} reload={state.reload} />}
    </AsyncView>
  );
}

/** The browser's copy of unsaved edits to this record, unless the server already has them. */
function unsavedCopyFor(record: EvaluationWithBody, readOnly: boolean) {
  const id = String(record.id);
  const copy = readUnsavedCopy(id);
  if (!copy) return null;
  if (readOnly || sameValue(copy.body, record.body)) {
    dropUnsavedCopy(id);
    return null;
  }
  return copy;
}

function Editor({
  record,
  rulebook,
  events,
  decisions: initialDecisions,
  reload,
}: {
  record: EvaluationWithBody;
  rulebook: Rulebook;
  events: ReviewEvent[];
  decisions: DecisionView[];
  reload: () => void;
}) {
  const { message } = App.useApp();
  const { user } = useSession();
  const [status, setStatus] = useState(record.status);
  const readOnly = !(status === 'draft' || status === 'returned') || user?.role === 'reviewer';
  // What was typed here before and never reached the server (a reload, a crash, a lost session).
  const [copy, setCopy] = useState(() => unsavedCopyFor(record, readOnly));
  const [body, setBody] = useState<Evaluation>(() =>
    copy?.version === record.version ? (copy.body as Evaluation) : record.body,
  );
  const restoredOnLoad = copy?.version === record.version;
  const [tab, setTab] = useState('basic');
  const [focusPath, setFocusPath] = useState<string | null>(null);
  const [preview, setPreview] = useState(false);
  const storeRef = useRef<EditorStore | null>(null);
  // Another save merged with this page's edits: who saved which version, to tell the user.
  const [mergedWith, setMergedWith] = useState<EvaluationWithBody | null>(null);
  const adoptMerged = useCallback((merged: Evaluation, current: EvaluationWithBody) => {
    const store = storeRef.current;
    if (store) publishBody(store, merged);
    setBody(merged);
    setMergedWith(current);
  }, []);
  const autosave = useAutosave(
    String(record.id),
    record.version,
    record.body,
    body,
    !readOnly,
    adoptMerged,
  );
  useEffect(() => {
    if (restoredOnLoad) {
      message.info('已恢复上次离开时尚未保存的修改，正在保存');
      setCopy(null);
    }
  }, [restoredOnLoad, message]);

  // Scores and findings follow the typing, at a lower priority than the keystroke itself.
  // The scores and findings are of the settled body (the first pause in the typing), rendered
  // at a lower priority than a keystroke.
  const deferred = useDeferredValue(useSettled(body));
  const stale = deferred !== body;
  const core = useMemo(() => evaluateLocally(deferred, rulebook), [deferred, rulebook]);
  // The unit's approved targets and last monitoring: the page checks the body against them too.
  const tie = useAsync(
    () =>
      targetsApi
        .evaluationTie(record.id)
        .then((r) => r.tie)
        .catch(() => null),
    [record.id],
  );
  const local = useMemo(() => {
    const t = tie.data;
    if (t === undefined || t === null || core.failure !== null) return core;
    try {
      const tied = checkAgainstTargets(deferred, t.targets, t.monitoring ?? undefined);
      if (deferred.kind === 'department')
        deferred.projectEvaluations.forEach((project, i) => {
          const p = t.projects.find((x) => x.projectName === project.projectName);
          if (p !== undefined)
            tied.push(
              ...prefixFindings(
                checkAgainstTargets(project, p.targets, p.monitoring ?? undefined),
                `projectEvaluations[${i}]`,
              ),
            );
        });
      return { ...core, findings: [...core.findings, ...tied] };
    } catch {
      return core;
    }
  }, [core, tie.data, deferred]);

  const { update, patch, edit } = useBodyEdits(setBody, storeRef);
  const ctx: EditorState = useMemo(
    () => ({ body, update, patch, edit, readOnly, focusPath, sheet: local.sheet, rulebook }),
    [body, update, patch, edit, readOnly, focusPath, local.sheet, rulebook],
  );
  const store = useEditorStore(ctx);
  storeRef.current = store;

  const bodyRef = useRef(body);
  bodyRef.current = body;
  const pick = useCallback((f: Finding) => {
    setTab(
      tabFor(
        f.path,
        bodyRef.current.chapters.map((c) => c.key),
      ),
    );
    setFocusPath(f.path);
  }, []);
  useEffect(() => {
    if (focusPath) {
      const t = setTimeout(() => jumpTo(focusPath), 60);
      return () => clearTimeout(t);
    }
  }, [focusPath, tab]);

  // The tabs render once per tab switch, not per keystroke: the sections read the editor's state
  // from the store themselves, and Tabs gives its panes a new context value on every render,
  // which made React walk every field of every pane on each keystroke.
  const tabs = useMemo(
    () => (
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'basic', label: '基本情况', children: <BasicSection /> },
          { key: 'funds', label: '收支情况', children: <FundsSection /> },
          { key: 'projects', label: '项目支出', children: <ProjectsSection /> },
          { key: 'indicators', label: '绩效指标', children: <IndicatorsSection /> },
          { key: 'narrative', label: '报告文字', children: <NarrativeSection /> },
          { key: 'problems', label: '问题与措施', children: <ProblemsSection /> },
          { key: 'baseData', label: '基础数据表', children: <BaseDataSection /> },
          {
            key: 'projectTables',
            label: '项目支出自评表',
            children: <ProjectEvaluationsSection />,
          },
          { key: 'attachments', label: <AttachmentsTabLabel />, children: <EditorAttachments /> },
        ]}
      />
    ),
    [tab],
  );

  const lastReturn = [...events].reverse().find((e) => e.action === 'return');
  const canSubmit = user?.role === 'head' && (status === 'draft' || status === 'returned');

  const [decisions, setDecisionsNow] = useState(initialDecisions);
  // Every change of the decisions counts, so a reload started before an answer was saved cannot
  // bring back the list without it.
  const decisionsSeq = useRef(0);
  const setDecisions = useCallback((items: DecisionView[]) => {
    decisionsSeq.current += 1;
    setDecisionsNow(items);
  }, []);
  // A saved version may have fixed a confirmed finding: the server records which version did.
  const savedVersion = autosave.version;
  useEffect(() => {
    if (savedVersion === record.version || initialDecisions.length === 0) return;
    let live = true;
    const asked = decisionsSeq.current;
    void api
      .decisions(record.id)
      .then((r) => {
        if (live && decisionsSeq.current === asked) setDecisions(r.items);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [savedVersion, record.id, record.version, initialDecisions.length, setDecisions]);
  const answers = useAnswers(
    record.id,
    setDecisions,
    user?.role === 'filer' || user?.role === 'head',
  );
  const answersRef = useRef(answers);
  answersRef.current = answers;
  const answerButton = useCallback(
    (_f: Finding, d: DecidedFinding | null) => answersRef.current.button(d),
    [],
  );
  const submission = useSubmitWithAnswers(record.id, (rec) => {
    setStatus(rec.status);
    void api.decisions(record.id).then((r) => setDecisions(r.items));
  });
  const submitNow = async () => {
    try {
      if (!(await autosave.flush())) {
        message.error('修改尚未保存，请稍后再提交');
        return;
      }
      await submission.submit();
    } catch (e) {
      message.error(errorText(e));
    }
  };

  // Stable handlers for the memoised parts of the page, reading the latest render's values.
  const submitRef = useRef(submitNow);
  submitRef.current = submitNow;
  const onSubmit = useCallback(() => void submitRef.current(), []);
  const openPreview = useCallback(() => setPreview(true), []);
  const adoptTotal = useCallback(
    (total: number, grade: string | undefined) =>
      patch('stated', { total, ...(grade === undefined ? {} : { grade }) }),
    [patch],
  );
  const breadcrumb = useMemo(
    () => (
      <Breadcrumb
        items={[{ title: <a href="#/evaluations">我的自评</a> }, { title: record.title }]}
        style={{ marginBottom: 12 }}
      />
    ),
    [record.title],
  );

  // The form and the findings render when they change, not with every keystroke of the page.
  const findings = local.findings;
  const main = useMemo(
    () => (
      // The findings sit beside the form where the screen is wide enough for both (1600 px);
      // narrower, they come first, in a box of their own height, and the form gets the width.
      <Row gutter={[16, 12]}>
        <Col xs={{ span: 24, order: 2 }} xxl={{ span: 17, order: 1 }}>
          <Card size="small">{tabs}</Card>
        </Col>
        <Col xs={{ span: 24, order: 1 }} xxl={{ span: 7, order: 2 }}>
          <Card size="small" className="findings-card">
            {/* Dimmed while the findings lag the typing (no transition: an animated fade
                repainted the page on every frame of the typing). */}
            <div style={{ opacity: stale ? 0.6 : 1 }} data-testid="findings-freshness">
              <FindingsPanel
                findings={findings}
                onPick={pick}
                decisions={decisions}
                body={deferred}
                extra={answerButton}
              />
            </div>
          </Card>
        </Col>
      </Row>
    ),
    [tabs, stale, findings, pick, decisions, deferred, answerButton],
  );
  const flush = autosave.flush;
  const savedAs = autosave.version;
  const drawer = useMemo(
    () => (
      <Drawer
        title="报告预览"
        open={preview}
        onClose={() => setPreview(false)}
        size="large"
        styles={{ body: { background: '#eee' } }}
      >
        {preview && <EvaluationReport id={record.id} version={savedAs} before={() => flush()} />}
      </Drawer>
    ),
    [preview, record.id, savedAs, flush],
  );
  const back = useMemo(
    () => (
      <Button type="link" onClick={() => navigate('/evaluations')} style={{ marginTop: 12 }}>
        返回列表
      </Button>
    ),
    [],
  );

  const conflict = autosave.state.kind === 'conflict' ? autosave.state : null;
  const errors = useMemo(
    () =>
      decideFindings(local.findings, deferred, decisions).active.filter(
        (d) => d.finding.severity === 'error',
      ).length,
    [local.findings, deferred, decisions],
  );

  return (
    <EditorContext.Provider value={store}>
      <AttachmentsProvider evaluationId={record.id} editable={!readOnly}>
        {breadcrumb}
        <EditorHeader
          id={record.id}
          unit={record.departmentName}
          year={record.year}
          status={status}
          version={autosave.version}
          save={autosave.state}
          statedTotal={body.stated.total}
          computedTotal={local.sheet?.total}
          canSubmit={canSubmit}
          errors={errors}
          onPreview={openPreview}
          onSubmit={onSubmit}
          beforeDownload={flush}
        />
        {conflict && (
          <Alert
            type="warning"
            showIcon
            role="alert"
            style={{ marginBottom: 12 }}
            title="此自评已在别处被修改"
            description={
              <>
                {`服务器上已有新版本${conflict.current ? `（版本 ${conflict.current.version}${conflict.current.updatedBy ? `，${conflict.current.updatedBy} 保存` : ''}）` : ''}。您输入的内容仍保留在本页，未丢失。`}
                {conflict.clashes.length > 0 && (
                  <>
                    以下内容双方都作了不同的修改：
                    <ul style={{ margin: '4px 0', paddingLeft: 18 }} data-testid="save-clashes">
                      {conflict.clashes.slice(0, 10).map((path) => (
                        <li key={path}>{fieldLabel(path, body) || path}</li>
                      ))}
                      {conflict.clashes.length > 10 && <li>等 {conflict.clashes.length} 处</li>}
                    </ul>
                  </>
                )}
                请选择：
              </>
            }
            action={
              <Space direction="vertical">
                {conflict.current && 'body' in conflict.current ? (
                  <Button size="small" type="primary" onClick={autosave.merge}>
                    合并双方修改（以上各处用我的内容）
                  </Button>
                ) : (
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => {
                      const v = conflict.current?.version;
                      autosave.setState({ kind: 'dirty' });
                      void autosave.save(v);
                    }}
                  >
                    用我的内容覆盖
                  </Button>
                )}
                <Button size="small" onClick={reload}>
                  放弃我的修改，重新加载
                </Button>
              </Space>
            }
          />
        )}
        {mergedWith && !conflict && (
          <Alert
            type="info"
            showIcon
            closable
            onClose={() => setMergedWith(null)}
            role="status"
            style={{ marginBottom: 12 }}
            title="已与他人的修改合并"
            description={`${mergedWith.updatedBy ? `${mergedWith.updatedBy} ` : '他人'}在此期间保存了版本 ${mergedWith.version}，已与您的修改合并，双方填写的内容都已保留。`}
          />
        )}
        {copy && copy.version !== record.version && (
          <Alert
            type="warning"
            showIcon
            role="alert"
            style={{ marginBottom: 12 }}
            title="本机保留有一份未保存的修改"
            description={`这份修改基于版本 ${copy.version}，服务器上现为版本 ${record.version}。可以恢复它（保存时将覆盖服务器上的版本），或者丢弃。`}
            action={
              <Space direction="vertical">
                <Button
                  size="small"
                  type="primary"
                  onClick={() => {
                    setBody(copy.body as Evaluation);
                    setCopy(null);
                  }}
                >
                  恢复我的修改
                </Button>
                <Button
                  size="small"
                  onClick={() => {
                    dropUnsavedCopy(String(record.id));
                    setCopy(null);
                  }}
                >
                  丢弃
                </Button>
              </Space>
            }
          />
        )}
        <ScoreDifferences
          stated={body.stated}
          sheet={local.sheet}
          readOnly={readOnly}
          adoptTotal={adoptTotal}
        />
        {lastReturn && status === 'returned' && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            title={`审核人已退回：${lastReturn.comment ?? ''}`}
            description={
              lastReturn.comments && lastReturn.comments.length > 0 ? (
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {lastReturn.comments.map((c, i) => (
                    <li key={i}>
                      {c.path ? (
                        <Button
                          type="link"
                          size="small"
                          onClick={() => {
                            setTab(
                              tabFor(
                                c.path ?? '',
                                body.chapters.map((ch) => ch.key),
                              ),
                            );
                            setFocusPath(c.path ?? null);
                          }}
                        >
                          {fieldLabel(c.path, body)}
                        </Button>
                      ) : null}{' '}
                      {c.text}
                    </li>
                  ))}
                </ul>
              ) : undefined
            }
          />
        )}
        {readOnly && status !== 'draft' && status !== 'returned' && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={`当前状态为“${STATUS_LABELS[status]}”，不可修改`}
          />
        )}
        {local.failure && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={`计分引擎无法处理当前内容：${local.failure}`}
          />
        )}
        {main}
        {answers.dialog}
        {submission.dialog}
        {drawer}
        {back}
      </AttachmentsProvider>
    </EditorContext.Provider>
  );
}
