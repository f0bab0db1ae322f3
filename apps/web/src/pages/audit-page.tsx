import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Drawer,
  Empty,
  Input,
  Progress,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import type { Finding, Severity, UnderstandingStatus } from '@jixiao/domain';
import { UNDERSTANDING_LABELS_ZH, noFindingsSaid, rulebookSaid } from '@jixiao/domain';
import {
  api,
  auditExportUrl,
  errorText,
  jobPictureUrl,
  type AuditFile,
  type AuditJob,
  type FindingMark,
} from '../api.ts';
import { FindingsPanel } from '../editor/findings-panel.tsx';
import { useReviewerDecisions } from '../review/decision-actions.tsx';
import { useSession } from '../lib/session.tsx';
import { navigate, useRoute } from '../lib/router.ts';
import { TotalsCell } from '../lib/totals-cell.tsx';
import { FindingPage } from '../lib/finding-page.tsx';

interface FileRow {
  key: string;
  name: string;
  ok: boolean;
  error: string | undefined;
  unit: string;
  year: number | null;
  stated: number | null;
  computed: number | null;
  counts: Record<Severity, number>;
  findings: Finding[];
  marks: FindingMark[];
  /** Positions of the findings with a picture of their original page. */
  pictures: number[];
  index: number;
  /** How much of the file was understood (null when it could not be read). */
  understood: UnderstandingStatus | null;
  /** What was read, or what was tried and not found, in the auditor's words. */
  understanding: string;
  /** The rulebook it was scored by, said as assumed when only inferred. */
  book: string;
  /** How the file was read: a text on one line re-lined, extraction warnings. */
  notes: string[];
}

const UNDERSTOOD_COLORS = {
  recognised: 'green',
  partial: 'orange',
  'not-recognised': 'red',
} as const;

function understandingOf(v: unknown): { status: UnderstandingStatus | null; message: string } {
  if (typeof v !== 'object' || v === null) return { status: null, message: '' };
  const u = v as { status?: unknown; message?: unknown };
  const status =
    typeof u.status === 'string' && u.status in UNDERSTANDING_LABELS_ZH
      ? (u.status as UnderstandingStatus)
      : null;
  return { status, message: str(u.message) };
}

/** The rulebook as the CLI and the exports say it: a book only inferred is said as assumed. */
function bookOf(s: Record<string, unknown>): string {
  const name = str(s.rulebookName);
  return name ? rulebookSaid(name, s.rulebookInferred === true, str(s.rulebookBasis) || null) : '';
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const num = (v: unknown) => (typeof v === 'number' ? v : null);

/** Reads a file's summary, whatever optional parts the auditor filled. */
function toRow(f: AuditFile, i: number): FileRow {
  const s = f.summary ?? {};
  const findings = f.findings ?? [];
  const marks = f.marks ?? [];
  const counts = { error: 0, warning: 0, info: 0 };
  // Findings the region's reviewers dismissed for this unit do not count.
  findings.forEach((x, j) => {
    if (marks[j]?.status !== 'dismissed') counts[x.severity] += 1;
  });
  const u = understandingOf(s.understanding);
  return {
    key: `${i}-${f.name}`,
    name: f.name,
    ok: f.ok,
    error: f.error,
    unit: str(s.department) || str(s.unitName) || str(s.departmentName),
    year: num(s.year),
    stated: num(s.claimedTotal) ?? num(s.statedTotal),
    computed: num(s.computedTotal) ?? num(s.computed),
    counts,
    findings,
    marks,
    pictures: f.pictures ?? [],
    index: i,
    understood: f.ok ? u.status : null,
    understanding: u.message,
    book: bookOf(s),
    notes: f.notes ?? [],
  };
}

/** Above a file's findings: what was understood, the rulebook, and how the file was read. */
function ReadingSaid({ row }: { row: FileRow }) {
  if (!row.ok) return <Alert type="error" showIcon title={`读取失败：${row.error ?? ''}`} />;
  const recognised = row.understood === 'recognised';
  return (
    <Space
      direction="vertical"
      style={{ width: '100%', marginBottom: 12 }}
      data-testid="reading-said"
    >
      {row.understanding && (
        <Alert
          type={recognised ? 'info' : 'warning'}
          showIcon
          title={`${recognised ? '识别情况' : '注意'}：${row.understanding}`}
        />
      )}
      {row.book && <Typography.Text>评价指标体系：{row.book}</Typography.Text>}
      {row.notes.map((n, i) => (
        <Typography.Text key={i} type="secondary">
          说明：{n}
        </Typography.Text>
      ))}
    </Space>
  );
}

/** Marks the stated figure inside the source excerpt. */
export function Excerpt({ finding }: { finding: Finding }) {
  const { excerpt, stated } = finding;
  if (!excerpt) return null;
  const at = stated ? excerpt.indexOf(stated) : -1;
  return (
    <blockquote
      style={{
        margin: '6px 0 0',
        padding: '4px 8px',
        borderLeft: '3px solid #d9d9d9',
        background: '#fafafa',
        fontSize: 13,
      }}
    >
      {finding.line !== undefined && (
        <Typography.Text type="secondary">第{finding.line}行：</Typography.Text>
      )}
      {at < 0 || !stated ? (
        <mark className="excerpt-hit">{excerpt}</mark>
      ) : (
        <>
          {excerpt.slice(0, at)}
          <mark className="excerpt-hit">{stated}</mark>
          {excerpt.slice(at + stated.length)}
        </>
      )}
    </blockquote>
  );
}

/** 批量审查: drop many reports or a folder; the server audits them in a job we poll. */
export default function AuditPage() {
  const route = useRoute();
  const jobId = route.query.get('job');
  const [files, setFiles] = useState<File[]>([]);
  const [job, setJob] = useState<AuditJob | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [q, setQ] = useState('');
  const [sev, setSev] = useState<Severity | 'ok' | 'unread' | 'failed' | undefined>(undefined);
  const [open, setOpen] = useState<FileRow | null>(null);
  const { user } = useSession();
  // A reviewer's decision on a file's finding is kept for the unit the file is about.
  const reviewer = useReviewerDecisions(async (input) => {
    if (!job || !open) return [];
    const file = await api.decideInJob(job.id, open.index, input);
    setJob({ ...job, files: job.files.map((f, i) => (i === open.index ? file : f)) });
    setOpen(toRow(file, open.index));
    return [];
  });

  useEffect(() => {
    if (!jobId) {
      setJob(null);
      return;
    }
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const j = await api.auditJob(jobId);
        if (!live) return;
        setJob(j);
        if (j.status === 'queued' || j.status === 'running')
          timer = setTimeout(() => void poll(), 800);
      } catch (e) {
        if (live) setError(errorText(e));
      }
    };
    void poll();
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
  }, [jobId]);

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await api.startAudit(files);
      setFiles([]);
      navigate(`/audit?job=${r.jobId}`);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const rows = useMemo(() => (job?.files ?? []).map(toRow), [job]);
  const shown = rows.filter((r) => {
    if (q && !`${r.name}${r.unit}`.includes(q)) return false;
    if (sev === 'failed') return !r.ok;
    if (sev === 'unread') return r.ok && r.understood !== 'recognised';
    // A file whose 自评表 was not read is not one without problems: only its checked part is.
    if (sev === 'ok')
      return r.ok && r.understood === 'recognised' && r.counts.error + r.counts.warning === 0;
    if (sev) return r.counts[sev] > 0;
    return true;
  });
  const running = job !== null && (job.status === 'queued' || job.status === 'running');

  return (
    <Card title="批量审查">
      <Upload.Dragger
        multiple
        directory={false}
        accept=".docx,.doc,.wps,.pdf,.txt,.html,.htm,.xlsx,.xls,.et,.png,.jpg,.jpeg"
        fileList={[]}
        beforeUpload={(f, list) => {
          if (f === list[0]) setFiles((prev) => [...prev, ...list]);
          return false;
        }}
        aria-label="拖入要审查的报告文件"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>点击或将多个报告文件拖到此处（.docx、.doc、.pdf、.xlsx、.xls、.txt、.html 或图片）</p>
      </Upload.Dragger>
      <Space style={{ marginTop: 12 }} wrap>
        <Upload
          directory
          multiple
          showUploadList={false}
          beforeUpload={(f, list) => {
            if (f === list[0])
              setFiles((prev) => [
                ...prev,
                ...list.filter((x) =>
                  /\.(docx|doc|wps|pdf|txt|html?|xlsx|xls|et|png|jpe?g)$/i.test(x.name),
                ),
              ]);
            return false;
          }}
        >
          <Button>选择文件夹</Button>
        </Upload>
        <Typography.Text>已选择 {files.length} 个文件</Typography.Text>
        {files.length > 0 && <Button onClick={() => setFiles([])}>清空</Button>}
        <Button
          type="primary"
          disabled={files.length === 0}
          loading={busy}
          onClick={() => void start()}
        >
          开始审查
        </Button>
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
      {!jobId && (
        <Empty style={{ marginTop: 24 }} description="选择文件后开始审查，结果将在此列出" />
      )}
      {job?.status === 'failed' && (
        <Alert
          type="error"
          showIcon
          title={`审查任务失败：${job.error ?? '原因未知'}`}
          style={{ marginTop: 12 }}
        />
      )}
      {job && (
        <div style={{ marginTop: 24 }}>
          <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
            <Space>
              <Typography.Text strong>审查进度</Typography.Text>
              <Progress
                percent={job.total ? Math.round((job.done / job.total) * 100) : 0}
                status={job.status === 'failed' ? 'exception' : running ? 'active' : 'success'}
                style={{ width: 300 }}
                aria-label="审查进度"
              />
              <Typography.Text data-testid="audit-progress">
                {job.done} / {job.total}
              </Typography.Text>
            </Space>
            <Space>
              <Button
                icon={<DownloadOutlined />}
                href={auditExportUrl(job.id, 'xlsx')}
                disabled={running}
              >
                导出 Excel
              </Button>
              <Button
                icon={<DownloadOutlined />}
                href={auditExportUrl(job.id, 'html')}
                disabled={running}
              >
                导出 HTML
              </Button>
              {(user?.role === 'reviewer' || user?.role === 'admin') && (
                <Button
                  icon={<DownloadOutlined />}
                  href="/api/decisions/export"
                  title="供命令行 jixiao audit --decisions 使用：已认定为“不是问题”的发现不再列出"
                >
                  导出认定记录
                </Button>
              )}
            </Space>
          </Space>
          <Space style={{ margin: '12px 0' }} wrap>
            <Input.Search
              aria-label="按文件名或单位筛选"
              placeholder="文件名或单位"
              allowClear
              onChange={(e) => setQ(e.target.value)}
              style={{ width: 240 }}
            />
            <Select
              aria-label="按结果筛选"
              allowClear
              placeholder="全部结果"
              style={{ width: 160 }}
              value={sev}
              onChange={(v: typeof sev) => setSev(v)}
              options={[
                { label: '有错误', value: 'error' },
                { label: '有警告', value: 'warning' },
                { label: '有提示', value: 'info' },
                { label: '无问题', value: 'ok' },
                { label: '未识别自评表', value: 'unread' },
                { label: '读取失败', value: 'failed' },
              ]}
            />
          </Space>
          <Table<FileRow>
            size="small"
            rowKey="key"
            dataSource={shown}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            onRow={(r) => ({ onClick: () => setOpen(r), style: { cursor: 'pointer' } })}
            locale={{ emptyText: running ? '审查中…' : '没有符合条件的文件' }}
            columns={[
              {
                title: '文件',
                dataIndex: 'name',
                render: (n: string, r) => (
                  <a
                    href={`#/audit?job=${job.id}`}
                    onClick={(e) => {
                      e.preventDefault();
                      e.stopPropagation();
                      setOpen(r);
                    }}
                  >
                    {n}
                  </a>
                ),
              },
              {
                title: '单位',
                dataIndex: 'unit',
                render: (u: string, r) =>
                  r.ok ? u || '—' : <Tag color="red">读取失败：{r.error}</Tag>,
              },
              {
                title: '年度',
                dataIndex: 'year',
                width: 70,
                render: (y: number | null) => y ?? '—',
              },
              {
                title: '识别',
                key: 'u',
                width: 70,
                render: (_, r) =>
                  r.understood ? (
                    <Tag color={UNDERSTOOD_COLORS[r.understood]} title={r.understanding}>
                      {UNDERSTANDING_LABELS_ZH[r.understood]}
                    </Tag>
                  ) : (
                    '—'
                  ),
              },
              {
                title: '填报 / 计算总分',
                key: 't',
                width: 130,
                render: (_, r) => <TotalsCell stated={r.stated} computed={r.computed} />,
              },
              {
                title: '错误',
                key: 'e',
                width: 60,
                sorter: (a, b) => a.counts.error - b.counts.error,
                render: (_, r) => (
                  <Tag color="red" data-count="error">
                    {r.counts.error}
                  </Tag>
                ),
              },
              {
                title: '警告',
                key: 'w',
                width: 60,
                sorter: (a, b) => a.counts.warning - b.counts.warning,
                render: (_, r) => (
                  <Tag color="orange" data-count="warning">
                    {r.counts.warning}
                  </Tag>
                ),
              },
              {
                title: '提示',
                key: 'i',
                width: 60,
                render: (_, r) => (
                  <Tag color="blue" data-count="info">
                    {r.counts.info}
                  </Tag>
                ),
              },
            ]}
          />
        </div>
      )}
      <Drawer open={open !== null} onClose={() => setOpen(null)} title={open?.name} size="large">
        {open && <ReadingSaid row={open} />}
        {open?.ok && (
          <FindingsPanel
            findings={open.findings}
            marks={open.marks}
            emptyText={noFindingsSaid(open.understood, open.computed)}
            extra={(f, d) => {
              const at = open.findings.indexOf(f);
              return (
                <>
                  <Excerpt finding={f} />
                  <FindingPage
                    page={f.page}
                    placed={f.bbox !== undefined}
                    pictureUrl={
                      job && open.pictures.includes(at)
                        ? jobPictureUrl(job.id, open.index, at)
                        : undefined
                    }
                  />
                  {user?.role === 'reviewer' && reviewer.buttons(f, d)}
                </>
              );
            }}
          />
        )}
        {reviewer.dialog}
      </Drawer>
    </Card>
  );
}
