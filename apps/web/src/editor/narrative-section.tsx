import { Button, Input, InputNumber, Select, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Adjustment, ChapterKey, DepartmentEvaluation } from '@jixiao/domain';

type GoalPair = DepartmentEvaluation['goals'][number];
import { useEditing, useEditorSelect } from './editor-context.tsx';
import { FieldGrid, LinesField, PathCell } from './fields.tsx';
import { ChapterField } from './sections.tsx';

/** The chapters the report generates from the figures, each with the unit's own words added. */
const NARRATIVE: readonly [ChapterKey, string][] = [
  ['opening', '开篇说明（标题后、第一章前）'],
  ['overview', '部门（单位）基本情况：补充说明'],
  ['budget', '一般公共预算支出情况：补充说明'],
  ['otherBudgets', '政府性基金、国有资本经营、社会保险基金预算支出：补充说明'],
  ['implementation', '项目组织实施情况'],
  ['assets', '资产管理情况：补充说明'],
  ['performance', '绩效情况：补充说明'],
];

/** 报告文字: the legal basis, the goals and every chapter's own words. */
export function NarrativeSection() {
  return (
    <>
      <FieldGrid>
        <LinesField
          path="meta.legalBasis"
          label="依据文件（每行一个，如《中华人民共和国预算法》）"
          rows={2}
        />
      </FieldGrid>
      <GoalsTable />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        各章文字
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        报告中的金额、比例和得分由系统根据填报数据生成；这里填写的文字接在对应章节的生成内容之后。
      </Typography.Paragraph>
      {NARRATIVE.map(([key, label]) => (
        <ChapterField key={key} chapterKey={key} label={label} />
      ))}
    </>
  );
}

/** 年度总体目标: 预期目标 | 实际完成情况. */
function GoalsTable() {
  const { update, edit, readOnly } = useEditing();
  const goals = useEditorSelect((s) => s.body.goals);
  const list = (v: unknown) => (Array.isArray(v) ? (v as GoalPair[]) : []);
  return (
    <>
      <Typography.Title level={5}>绩效目标</Typography.Title>
      <Table<GoalPair & { i: number }>
        size="small"
        bordered
        pagination={false}
        rowKey="i"
        dataSource={goals.map((g, i) => ({ ...g, i }))}
        locale={{ emptyText: '尚无绩效目标' }}
        columns={[
          {
            title: '预期目标',
            key: 'expected',
            render: (_, g) => (
              <PathCell path={`goals[${g.i}].expected`}>
                <Input.TextArea
                  aria-label={`绩效目标${g.i + 1} 预期目标`}
                  value={g.expected}
                  disabled={readOnly}
                  autoSize={{ minRows: 1, maxRows: 6 }}
                  onChange={(e) => update(`goals[${g.i}].expected`, e.target.value)}
                />
              </PathCell>
            ),
          },
          {
            title: '实际完成情况',
            key: 'actual',
            render: (_, g) => (
              <PathCell path={`goals[${g.i}].actual`}>
                <Input.TextArea
                  aria-label={`绩效目标${g.i + 1} 实际完成情况`}
                  value={g.actual ?? ''}
                  disabled={readOnly}
                  autoSize={{ minRows: 1, maxRows: 6 }}
                  onChange={(e) =>
                    update(
                      `goals[${g.i}].actual`,
                      e.target.value === '' ? undefined : e.target.value,
                    )
                  }
                />
              </PathCell>
            ),
          },
          ...(readOnly
            ? []
            : [
                {
                  title: '',
                  key: 'ops',
                  width: 48,
                  render: (_: unknown, g: GoalPair & { i: number }) => (
                    <Button
                      size="small"
                      danger
                      aria-label={`删除绩效目标${g.i + 1}`}
                      icon={<DeleteOutlined />}
                      onClick={() => edit('goals', (v) => list(v).filter((_, j) => j !== g.i))}
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
          onClick={() => edit('goals', (v) => [...list(v), { expected: '' }])}
        >
          添加绩效目标
        </Button>
      )}
    </>
  );
}

/** 加减分: bonus and penalty items, applied after the indicator tree. */
export function AdjustmentsTable() {
  const { update, edit, readOnly } = useEditing();
  const adjustments = useEditorSelect((s) => s.body.adjustments);
  const list = (v: unknown) => (Array.isArray(v) ? (v as Adjustment[]) : []);
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        加减分
      </Typography.Title>
      <Table<Adjustment & { i: number }>
        size="small"
        bordered
        pagination={false}
        rowKey="i"
        dataSource={adjustments.map((a, i) => ({ ...a, i }))}
        locale={{ emptyText: '无加减分' }}
        columns={[
          {
            title: '事项',
            key: 'name',
            render: (_, a) => (
              <PathCell path={`adjustments[${a.i}]`}>
                <Input
                  aria-label={`加减分${a.i + 1} 事项`}
                  value={a.name}
                  disabled={readOnly}
                  onChange={(e) => update(`adjustments[${a.i}].name`, e.target.value)}
                />
              </PathCell>
            ),
          },
          {
            title: '加分/减分',
            key: 'kind',
            width: 110,
            render: (_, a) => (
              <Select
                aria-label={`加减分${a.i + 1} 类型`}
                value={a.kind}
                disabled={readOnly}
                style={{ width: '100%' }}
                options={[
                  { label: '加分', value: 'bonus' },
                  { label: '减分', value: 'penalty' },
                ]}
                onChange={(k) => update(`adjustments[${a.i}].kind`, k)}
              />
            ),
          },
          {
            title: '分数',
            key: 'points',
            width: 100,
            render: (_, a) => (
              <InputNumber
                aria-label={`加减分${a.i + 1} 分数`}
                value={a.points}
                min={0}
                max={100}
                precision={2}
                disabled={readOnly}
                style={{ width: '100%' }}
                onChange={(v) =>
                  update(`adjustments[${a.i}].points`, typeof v === 'number' ? v : 0)
                }
              />
            ),
          },
          {
            title: '理由',
            key: 'reason',
            render: (_, a) => (
              <Input.TextArea
                aria-label={`加减分${a.i + 1} 理由`}
                value={a.reason ?? ''}
                disabled={readOnly}
                autoSize={{ minRows: 1, maxRows: 4 }}
                onChange={(e) =>
                  update(
                    `adjustments[${a.i}].reason`,
                    e.target.value === '' ? undefined : e.target.value,
                  )
                }
              />
            ),
          },
          ...(readOnly
            ? []
            : [
                {
                  title: '',
                  key: 'ops',
                  width: 48,
                  render: (_: unknown, a: Adjustment & { i: number }) => (
                    <Button
                      size="small"
                      danger
                      aria-label={`删除加减分${a.i + 1}`}
                      icon={<DeleteOutlined />}
                      onClick={() =>
                        edit('adjustments', (v) => list(v).filter((_, j) => j !== a.i))
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
          onClick={() =>
            edit('adjustments', (v) => [
              ...list(v),
              { name: '加减分事项', kind: 'bonus', points: 0 },
            ])
          }
        >
          添加加减分
        </Button>
      )}
    </>
  );
}
