import { Button, Collapse, Descriptions, Empty, Input, Space, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  comparePercent,
  FUND_ROW_LABELS,
  FUND_SOURCE_KEYS,
  FUND_USE_KEYS,
  formatPercent,
  ratioPercent,
} from '@jixiao/domain';
import type { Chapter, ChapterKey, FundRow, FundRowKey, ProjectLine } from '@jixiao/domain';
import { getAt } from '../lib/paths.ts';
import { useEditing, useEditorSelect } from './editor-context.tsx';
import {
  DateField,
  Field,
  FieldGrid,
  LinesField,
  MoneyInput,
  MoneyField,
  NumberField,
  PathCell,
  PercentInput,
  PercentField,
  TextField,
} from './fields.tsx';
import { IndicatorTable } from './indicator-table.tsx';
import { AdjustmentsTable } from './narrative-section.tsx';
import { skeletonFromRulebook } from '../lib/skeleton.ts';

function NotForProject() {
  return <Empty description="项目支出绩效自评不含此部分" />;
}

/** 基本情况: the cover block, duties, units, staffing. */
export function BasicSection() {
  const kind = useEditorSelect((s) => s.body.kind);
  return (
    <>
      <FieldGrid>
        <TextField path="meta.title" label="报告标题" wide />
        <TextField path="meta.unitName" label="单位名称" />
        <NumberField path="meta.year" label="评价年度" integer />
        <TextField path="meta.supervisor" label="主管部门" />
        <TextField path="meta.head" label="单位负责人" />
        <TextField path="meta.filler" label="填报人" />
        <TextField path="meta.phone" label="联系电话" />
        <DateField path="meta.reportDate" label="填报日期" />
        <TextField path="meta.documentNumber" label="通知文号" />
        {kind === 'project' && <TextField path="projectName" label="项目名称" />}
        {kind === 'project' && <TextField path="implementer" label="实施单位" />}
      </FieldGrid>
      {kind === 'department' && (
        <>
          <FieldGrid>
            <LinesField path="duties" label="职能职责（每行一条）" />
            <LinesField path="internalUnits" label="内设机构（每行一个）" rows={2} />
          </FieldGrid>
          <Typography.Title level={5}>人员编制</Typography.Title>
          <FieldGrid>
            <NumberField path="staffing.authorized" label="编制数" integer />
            <NumberField path="staffing.actual" label="实际在职人数" integer />
            <NumberField path="staffing.retired" label="离退休人数" integer />
            <PercentField path="staffing.statedControlRate" label="控制率（填报）" />
          </FieldGrid>
        </>
      )}
    </>
  );
}

/** 收支情况: the fund block of the self-evaluation table and 基本支出. */
/** The rows of the fund block in the form's order: the total, then its parts by source and by use. */
const FUND_GROUPS: readonly { title: string; keys: readonly FundRowKey[] }[] = [
  {
    title: '按资金来源',
    keys: FUND_SOURCE_KEYS,
  },
  { title: '按支出用途', keys: FUND_USE_KEYS },
];
/** Sources a kind of evaluation has; another shows only when it holds figures. */
const KIND_SOURCES: Readonly<Record<'department' | 'project', readonly FundRowKey[]>> = {
  department: ['generalPublic', 'governmentFund', 'nonTaxSpecialAccount', 'other'],
  project: ['currentAppropriation', 'carryOver', 'other'],
};

type FundTableRow =
  { key: string; kind: 'group'; title: string } | { key: FundRowKey; kind: 'row'; part: boolean };

/** 执行率 from the row's own amounts (全年执行数 / 全年预算数), half-up to the stated decimals. */
function computedRate(row: FundRow | undefined): string | undefined {
  const budget = row?.budget?.fen;
  const executed = row?.executed?.fen;
  if (budget === undefined || executed === undefined) return undefined;
  const r = ratioPercent(executed, budget, row?.statedRate?.decimals ?? 2);
  return r ? formatPercent(r.rounded, row?.statedRate?.decimals ?? 2) : undefined;
}

/** 收支情况: the fund block (the total, 其中 its sources and its uses) and the expenditure split. */
export function FundsSection() {
  const { update, readOnly } = useEditing();
  const funds = useEditorSelect((s) => s.body.funds);
  const kind = useEditorSelect((s) => s.body.kind);
  const hasFigures = (key: FundRowKey) => {
    const row = funds[key];
    return row !== undefined && Object.values(row).some((v) => v !== undefined);
  };
  const rows: FundTableRow[] = [{ key: 'total', kind: 'row', part: false }];
  for (const g of FUND_GROUPS) {
    rows.push({ key: g.title, kind: 'group', title: `其中：${g.title}` });
    for (const key of g.keys)
      if (g.title !== '按资金来源' || KIND_SOURCES[kind].includes(key) || hasFigures(key))
        rows.push({ key, kind: 'row', part: true });
  }
  const cell = (key: FundRowKey, col: 'initialBudget' | 'budget' | 'executed') => {
    const path = `funds.${key}.${col}`;
    return (
      <PathCell path={path}>
        <MoneyInput
          ariaLabel={`${FUND_ROW_LABELS[key]} ${COL_LABEL[col]}`}
          value={getAt(funds, [key, col]) as never}
          disabled={readOnly}
          onChange={(a) => update(path, a)}
        />
      </PathCell>
    );
  };
  const spanGroup = (r: FundTableRow) => ({ colSpan: r.kind === 'group' ? 0 : 1 });
  return (
    <>
      <Typography.Title level={5}>资金情况（万元）</Typography.Title>
      <Table<FundTableRow>
        size="small"
        bordered
        pagination={false}
        rowKey="key"
        dataSource={rows}
        scroll={{ x: 900 }}
        rowClassName={(r) => (r.kind === 'group' ? 'fund-group-row' : '')}
        columns={[
          {
            title: '项目',
            key: 'label',
            width: 210,
            onCell: (r) => ({ colSpan: r.kind === 'group' ? 6 : 1 }),
            render: (_: unknown, r) =>
              r.kind === 'group' ? (
                <Typography.Text type="secondary">{r.title}</Typography.Text>
              ) : (
                <span
                  data-testid={`fund-label-${r.key}`}
                  style={r.part ? { paddingLeft: 20 } : { fontWeight: 600 }}
                >
                  {FUND_ROW_LABELS[r.key]}
                </span>
              ),
          },
          {
            title: '年初预算数',
            key: 'ib',
            onCell: spanGroup,
            render: (_: unknown, r) => (r.kind === 'row' ? cell(r.key, 'initialBudget') : null),
          },
          {
            title: '全年预算数',
            key: 'b',
            onCell: spanGroup,
            render: (_: unknown, r) => (r.kind === 'row' ? cell(r.key, 'budget') : null),
          },
          {
            title: '全年执行数',
            key: 'e',
            onCell: spanGroup,
            render: (_: unknown, r) => (r.kind === 'row' ? cell(r.key, 'executed') : null),
          },
          {
            title: '执行率（填报）',
            key: 'rate',
            width: 120,
            onCell: spanGroup,
            render: (_: unknown, r) =>
              r.kind === 'row' ? (
                <PathCell path={`funds.${r.key}.statedRate`}>
                  <PercentInput
                    ariaLabel={`${FUND_ROW_LABELS[r.key]} 执行率`}
                    value={funds[r.key]?.statedRate}
                    disabled={readOnly}
                    onChange={(p) => update(`funds.${r.key}.statedRate`, p)}
                  />
                </PathCell>
              ) : null,
          },
          {
            title: '执行率（计算）',
            key: 'computedRate',
            width: 110,
            onCell: spanGroup,
            render: (_: unknown, r) => {
              if (r.kind !== 'row') return null;
              const row = funds[r.key];
              const computed = computedRate(row);
              if (computed === undefined)
                return (
                  <span data-testid={`fund-rate-${r.key}`} className="muted">
                    —
                  </span>
                );
              const stated = row?.statedRate;
              const check =
                stated && row?.budget && row.executed
                  ? comparePercent(stated, row.executed.fen, row.budget.fen)
                  : undefined;
              const off = check?.agreement === 'wrong';
              return (
                <span
                  data-testid={`fund-rate-${r.key}`}
                  className={off ? 'computed-differs' : ''}
                  title={off ? '与填报的执行率不一致' : '全年执行数 ÷ 全年预算数'}
                >
                  {computed}
                </span>
              );
            },
          },
        ]}
      />
      {kind === 'department' && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            基本支出
          </Typography.Title>
          <FieldGrid>
            <MoneyField path="basicExpenditure.budget" label="基本支出预算" />
            <MoneyField path="basicExpenditure.actual" label="基本支出决算" />
            <PercentField path="basicExpenditure.statedCompletion" label="完成预算（填报）" />
            <MoneyField path="basicExpenditure.personnel.amount" label="人员经费" />
            <PercentField
              path="basicExpenditure.personnel.statedShare"
              label="人员经费占比（填报）"
            />
            <MoneyField path="basicExpenditure.publicFunds.amount" label="公用经费" />
            <PercentField
              path="basicExpenditure.publicFunds.statedShare"
              label="公用经费占比（填报）"
            />
          </FieldGrid>
        </>
      )}
    </>
  );
}

const COL_LABEL = {
  initialBudget: '年初预算数',
  budget: '全年预算数',
  executed: '全年执行数',
} as const;

/** 项目支出: totals and the list of projects with their shares. */
export function ProjectsSection() {
  const { update, patch, edit, readOnly } = useEditing();
  const projects = useEditorSelect((s) =>
    s.body.kind === 'department' ? s.body.projectExpenditure.projects : null,
  );
  if (projects === null) return <NotForProject />;
  const base = 'projectExpenditure.projects';
  const set = (i: number, fields: Partial<ProjectLine>) => patch(`${base}[${i}]`, fields);
  return (
    <>
      <FieldGrid>
        <MoneyField path="projectExpenditure.budget" label="项目支出预算" />
        <MoneyField path="projectExpenditure.actual" label="项目支出决算" />
        <PercentField path="projectExpenditure.statedCompletion" label="完成预算（填报）" />
        <NumberField path="projectExpenditure.statedCount" label="项目个数（填报）" integer />
      </FieldGrid>
      <Table
        size="small"
        bordered
        pagination={false}
        rowKey={(_, i) => String(i)}
        dataSource={projects.map((p, i) => ({ ...p, i }))}
        locale={{ emptyText: '尚无项目' }}
        onRow={(r) => ({ 'data-path': `${base}[${r.i}]` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: '项目名称',
            key: 'name',
            render: (_: unknown, r: ProjectLine & { i: number }) => (
              <Input
                aria-label={`项目${r.i + 1} 名称`}
                value={r.name}
                disabled={readOnly}
                onChange={(e) => set(r.i, { name: e.target.value })}
              />
            ),
          },
          {
            title: '金额（万元）',
            key: 'actual',
            width: 160,
            render: (_: unknown, r: ProjectLine & { i: number }) => (
              <MoneyInput
                ariaLabel={`项目${r.i + 1} 金额`}
                value={r.actual}
                disabled={readOnly}
                onChange={(a) => set(r.i, { actual: a })}
              />
            ),
          },
          {
            title: '占项目支出（填报）',
            key: 'share',
            width: 150,
            render: (_: unknown, r: ProjectLine & { i: number }) => (
              <PercentInput
                ariaLabel={`项目${r.i + 1} 占比`}
                value={r.statedShare}
                disabled={readOnly}
                onChange={(p) => set(r.i, { statedShare: p })}
              />
            ),
          },
          {
            title: '用途',
            key: 'purpose',
            render: (_: unknown, r: ProjectLine & { i: number }) => (
              <Input
                aria-label={`项目${r.i + 1} 用途`}
                value={r.purpose ?? ''}
                disabled={readOnly}
                onChange={(e) => set(r.i, { purpose: e.target.value || undefined })}
              />
            ),
          },
          ...(readOnly
            ? []
            : [
                {
                  title: '操作',
                  key: 'ops',
                  width: 70,
                  render: (_: unknown, r: ProjectLine & { i: number }) => (
                    <Button
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={`删除项目${r.i + 1}`}
                      onClick={() =>
                        edit(base, (v) => (Array.isArray(v) ? v.filter((_, j) => j !== r.i) : v))
                      }
                    />
                  ),
                },
              ]),
        ]}
      />
      {!readOnly && (
        <Button
          icon={<PlusOutlined />}
          style={{ marginTop: 8 }}
          onClick={() => update(base, [...projects, { name: '新项目' }])}
        >
          添加项目
        </Button>
      )}
    </>
  );
}

/** 绩效指标: goals, the indicator tree, bonus/penalty, stated vs computed total. */
export function IndicatorsSection() {
  const { readOnly, update } = useEditing();
  const stated = useEditorSelect((s) => s.body.stated);
  const empty = useEditorSelect((s) => s.body.indicators.length === 0);
  const sheet = useEditorSelect((s) => s.sheet);
  const rulebook = useEditorSelect((s) => s.rulebook);
  return (
    <>
      <Descriptions size="small" bordered column={4} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="填报总分">
          <span data-path="stated.total">{stated.total ?? '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label="计算总分">
          <span
            data-testid="computed-total"
            className={
              sheet && stated.total !== undefined && Math.abs(sheet.total - stated.total) >= 0.005
                ? 'computed-differs'
                : ''
            }
          >
            {sheet ? sheet.total : '—'}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label="填报等级">{stated.grade ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="计算等级">{sheet?.grade ?? '—'}</Descriptions.Item>
      </Descriptions>
      <FieldGrid>
        <NumberField path="stated.total" label="自评总分（填报）" />
        <TextField path="stated.grade" label="自评等级（填报）" />
      </FieldGrid>
      {empty && !readOnly && (
        <Button
          type="dashed"
          style={{ marginBottom: 8 }}
          onClick={() => update('indicators', skeletonFromRulebook(rulebook.tree))}
        >
          按指标体系“{rulebook.name}”生成指标框架
        </Button>
      )}
      <IndicatorTable basePath="indicators" />
      <AdjustmentsTable />
    </>
  );
}

const CHAPTERS: readonly [ChapterKey, string][] = [
  ['problems', '存在的问题及原因分析'],
  ['improvements', '下一步改进措施'],
  ['application', '绩效自评结果拟应用和公开情况'],
  ['other', '其他需要说明的情况'],
];

/** One narrative chapter, created on first input when the evaluation has none. */
export function ChapterField({
  chapterKey,
  label,
  title,
}: {
  chapterKey: ChapterKey;
  label: string;
  /** The chapter's heading in the report, stored with it; none: the report's customary one. */
  title?: string;
}) {
  const { update, readOnly } = useEditing();
  const chapters = useEditorSelect((s) => s.body.chapters);
  const index = chapters.findIndex((c) => c.key === chapterKey);
  const chapter: Chapter | undefined = chapters[index];
  const path = index >= 0 ? `chapters[${index}]` : `chapters[${chapters.length}]`;
  const hit = useEditorSelect(
    (s) => s.focusPath !== null && index >= 0 && s.focusPath.startsWith(path),
  );
  return (
    <div
      data-path={path}
      className={hit ? 'field field-hit' : 'field'}
      style={{ marginBottom: 16 }}
    >
      <label htmlFor={`chapter-${chapterKey}`}>{label}</label>
      <Input.TextArea
        id={`chapter-${chapterKey}`}
        disabled={readOnly}
        autoSize={{ minRows: 3, maxRows: 14 }}
        value={chapter?.paragraphs.join('\n') ?? ''}
        onChange={(e) => {
          const paragraphs = e.target.value.split('\n');
          update(path, {
            key: chapterKey,
            ...(chapter?.title ? { title: chapter.title } : title ? { title } : {}),
            paragraphs,
          });
        }}
      />
    </div>
  );
}

/** 问题与措施 and the other closing chapters. */
export function ProblemsSection() {
  return (
    <>
      {CHAPTERS.map(([key, label]) => (
        <ChapterField key={key} chapterKey={key} label={label} title={label} />
      ))}
    </>
  );
}

const COST_ROWS: readonly [string, string][] = [
  ['threePublic', '三公经费'],
  ['vehicles', '1. 公务用车购置和维护经费'],
  ['vehiclePurchase', '其中：公车购置'],
  ['vehicleOperation', '其中：公车运行维护'],
  ['overseas', '2. 出国经费'],
  ['reception', '3. 公务接待'],
  ['projects', '项目支出'],
  ['publicFunds', '公用经费'],
  ['office', '其中：办公经费'],
  ['utilitiesTravel', '水费、电费、差旅费'],
  ['meetingsTraining', '会议费、培训费'],
  ['procurement', '政府采购金额'],
  ['basicBudgetAdjustment', '部门基本支出预算调整'],
];

/** 附件1 基础数据表. */
export function BaseDataSection() {
  const { update, readOnly } = useEditing();
  const baseData = useEditorSelect((s) => (s.body.kind === 'department' ? s.body.baseData : null));
  if (baseData === null) return <NotForProject />;
  const cell = (row: string, col: 'previousActual' | 'budget' | 'actual', label: string) => {
    const path = `baseData.${row}.${col}`;
    return (
      <PathCell path={path}>
        <MoneyInput
          ariaLabel={label}
          value={getAt(baseData, [row, col]) as never}
          disabled={readOnly}
          onChange={(a) => update(path, a)}
        />
      </PathCell>
    );
  };
  return (
    <>
      <Typography.Title level={5}>财政供养人员情况</Typography.Title>
      <FieldGrid>
        <NumberField path="baseData.staffing.authorized" label="编制数" integer />
        <NumberField path="baseData.staffing.actual" label="实际在职人数" integer />
        <PercentField path="baseData.staffing.statedControlRate" label="控制率（填报）" />
      </FieldGrid>
      <Typography.Title level={5}>经费控制情况（万元）</Typography.Title>
      <Table
        size="small"
        bordered
        pagination={false}
        rowKey="key"
        dataSource={COST_ROWS.map(([key, label]) => ({ key, label }))}
        columns={[
          { title: '项目', dataIndex: 'label', width: 220 },
          {
            title: '上年决算数',
            key: 'p',
            render: (_: unknown, r: { key: string; label: string }) =>
              cell(r.key, 'previousActual', `${r.label} 上年决算数`),
          },
          {
            title: '本年预算数',
            key: 'b',
            render: (_: unknown, r: { key: string; label: string }) =>
              cell(r.key, 'budget', `${r.label} 本年预算数`),
          },
          {
            title: '本年决算数',
            key: 'a',
            render: (_: unknown, r: { key: string; label: string }) =>
              cell(r.key, 'actual', `${r.label} 本年决算数`),
          },
        ]}
      />
      <div style={{ marginTop: 16 }}>
        <TextField path="baseData.savingsMeasures" label="厉行节约保障措施" multiline wide />
      </div>
    </>
  );
}

/** 附件3 项目支出绩效自评表: one card per project, each with its own indicator tree. */
export function ProjectEvaluationsSection() {
  const { update, readOnly } = useEditing();
  const list = useEditorSelect((s) =>
    s.body.kind === 'department' ? s.body.projectEvaluations : null,
  );
  const rulebookId = useEditorSelect((s) => s.body.rulebookId);
  const meta = useEditorSelect((s) => s.body.meta);
  if (list === null) return <IndicatorTable basePath="indicators" />;
  if (list.length === 0 && readOnly) return <Empty description="未附项目支出自评表" />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {list.length === 0 && <Empty description="未附项目支出自评表" />}
      <Collapse
        items={list.map((p, i) => ({
          key: String(i),
          label: `${p.projectName}${p.stated.total !== undefined ? `（自评 ${p.stated.total} 分）` : ''}`,
          children: (
            <>
              <FieldGrid>
                <TextField path={`projectEvaluations[${i}].projectName`} label="项目名称" />
                <TextField path={`projectEvaluations[${i}].implementer`} label="实施单位" />
                <MoneyField
                  path={`projectEvaluations[${i}].funds.total.budget`}
                  label="全年预算数"
                />
                <MoneyField
                  path={`projectEvaluations[${i}].funds.total.executed`}
                  label="全年执行数"
                />
                <NumberField
                  path={`projectEvaluations[${i}].stated.total`}
                  label="自评总分（填报）"
                />
              </FieldGrid>
              <IndicatorTable basePath={`projectEvaluations[${i}].indicators`} />
            </>
          ),
        }))}
      />
      {!readOnly && (
        <Button
          icon={<PlusOutlined />}
          onClick={() =>
            update('projectEvaluations', [
              ...list,
              {
                schemaVersion: 1,
                kind: 'project',
                rulebookId,
                projectName: '新项目',
                meta: { ...meta, legalBasis: [] },
                funds: {},
                goals: [],
                indicators: [],
                adjustments: [],
                stated: {},
                chapters: [],
                outline: [],
              },
            ])
          }
        >
          添加项目支出自评表
        </Button>
      )}
    </Space>
  );
}

export { Field };
