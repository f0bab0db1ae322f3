import { memo, useMemo, type HTMLAttributes } from 'react';
import {
  App,
  Button,
  Input,
  InputNumber,
  Popconfirm,
  Space,
  Table,
  Tooltip,
  Typography,
} from 'antd';
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import {
  parseExpression,
  ruleKindName,
  type Expression,
  type IndicatorNode,
  type ScoreNode,
  type ScoreSheet,
} from '@jixiao/domain';
import { formatPath, getAt, parsePath, type PathKey } from '../lib/paths.ts';
import { useEditor } from './editor-context.tsx';
import { differs } from './score-differences.tsx';

interface Row {
  key: string;
  keys: PathKey[];
  depth: number;
  node: IndicatorNode;
  index: number;
  siblings: number;
}

function flatten(
  nodes: readonly IndicatorNode[],
  base: PathKey[],
  depth: number,
  out: Row[],
): void {
  nodes.forEach((node, index) => {
    const keys = [...base, index];
    out.push({ key: formatPath(keys), keys, depth, node, index, siblings: nodes.length });
    if (node.children) flatten(node.children, [...keys, 'children'], depth + 1, out);
  });
}

const exprText = (e: Expression | undefined) => e?.text ?? '';

function toExpression(text: string): Expression | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  try {
    return { ...parseExpression(t), text };
  } catch {
    return { kind: 'text', text };
  }
}

/**
 * The indicator tree as an editable table: add, remove and reorder; weight, target, actual,
 * unit, stated score, reason; the computed score beside the stated one.
 */
export const IndicatorTable = memo(function IndicatorTable({ basePath }: { basePath: string }) {
  const { body, update, patch, edit, readOnly, focusPath, sheet } = useEditor();
  const { message } = App.useApp();
  const list = (getAt(body, basePath) as IndicatorNode[] | undefined) ?? [];
  const baseKeys = useMemo(() => parsePath(basePath), [basePath]);
  const rows = useMemo(() => {
    const out: Row[] = [];
    flatten(list, baseKeys, 0, out);
    return out;
  }, [list, baseKeys]);
  const byPath = useMemo(() => indexSheet(sheet), [sheet]);
  // The deepest row a clicked finding points into.
  const hitKey = useMemo(() => {
    if (focusPath === null) return null;
    let best: string | null = null;
    for (const r of rows)
      if (
        (focusPath === r.key || focusPath.startsWith(`${r.key}.`)) &&
        r.key.length > (best?.length ?? -1)
      )
        best = r.key;
    return best;
  }, [rows, focusPath]);

  const parentPath = (r: Row) => formatPath(r.keys.slice(0, -1));
  const setNode = (r: Row, fields: Partial<IndicatorNode>) => patch(r.key, fields);
  const asList = (v: unknown) => (Array.isArray(v) ? (v as IndicatorNode[]) : []);
  const move = (r: Row, delta: number) =>
    edit(parentPath(r), (v) => {
      const arr = [...asList(v)];
      const a = arr[r.index];
      const b = arr[r.index + delta];
      if (!a || !b) return v;
      arr[r.index] = b;
      arr[r.index + delta] = a;
      return arr;
    });
  const remove = (r: Row) => {
    edit(parentPath(r), (v) => asList(v).filter((_, i) => i !== r.index));
    const undoKey = `undo-${r.key}`;
    // A deleted row can come back at its place; the revision history keeps every version too.
    message.open({
      key: undoKey,
      type: 'info',
      duration: 10,
      content: (
        <span>
          已删除“{r.node.name}”
          <Button
            type="link"
            size="small"
            onClick={() => {
              edit(parentPath(r), (v) => {
                const arr = [...asList(v)];
                arr.splice(Math.min(r.index, arr.length), 0, r.node);
                return arr;
              });
              message.destroy(undoKey);
            }}
          >
            撤销
          </Button>
        </span>
      ),
    });
  };
  const addChild = (r: Row) => edit(`${r.key}.children`, (v) => [...asList(v), { name: '新指标' }]);
  const addTop = () => update(basePath, [...list, { name: '新一级指标', children: [] }]);

  const columns = [
    {
      title: '指标',
      key: 'name',
      width: 260,
      fixed: 'left' as const,
      render: (_: unknown, r: Row) => (
        <div style={{ paddingLeft: r.depth * 18 }}>
          <Input
            aria-label={`指标名称 ${r.node.name}`}
            value={r.node.name}
            disabled={readOnly}
            variant={r.node.children ? 'filled' : 'outlined'}
            style={{ fontWeight: r.node.children ? 600 : 400 }}
            onChange={(e) => setNode(r, { name: e.target.value })}
          />
        </div>
      ),
    },
    {
      title: '分值',
      key: 'weight',
      width: 90,
      render: (_: unknown, r: Row) => (
        <InputNumber
          aria-label={`${r.node.name} 分值`}
          value={r.node.weight ?? null}
          disabled={readOnly}
          min={0}
          max={1000}
          precision={2}
          style={{ width: '100%' }}
          onChange={(v) => setNode(r, { weight: typeof v === 'number' ? v : undefined })}
        />
      ),
    },
    {
      title: '年度指标值',
      key: 'target',
      width: 140,
      render: (_: unknown, r: Row) =>
        r.node.children ? null : (
          <Input
            aria-label={`${r.node.name} 年度指标值`}
            value={exprText(r.node.target)}
            disabled={readOnly}
            onChange={(e) => setNode(r, { target: toExpression(e.target.value) })}
          />
        ),
    },
    {
      title: '实际完成值',
      key: 'actual',
      width: 140,
      render: (_: unknown, r: Row) =>
        r.node.children ? null : (
          <Input
            aria-label={`${r.node.name} 实际完成值`}
            value={exprText(r.node.actual)}
            disabled={readOnly}
            onChange={(e) => setNode(r, { actual: toExpression(e.target.value) })}
          />
        ),
    },
    {
      title: '单位',
      key: 'unit',
      width: 70,
      render: (_: unknown, r: Row) =>
        r.node.children ? null : (
          <Input
            aria-label={`${r.node.name} 度量单位`}
            value={r.node.unit ?? ''}
            disabled={readOnly}
            onChange={(e) => setNode(r, { unit: e.target.value || undefined })}
          />
        ),
    },
    {
      title: '得分（填报）',
      key: 'score',
      width: 95,
      render: (_: unknown, r: Row) => (
        <InputNumber
          aria-label={`${r.node.name} 得分`}
          value={r.node.score ?? null}
          disabled={readOnly}
          min={0}
          max={1000}
          precision={2}
          style={{ width: '100%' }}
          onChange={(v) => setNode(r, { score: typeof v === 'number' ? v : undefined })}
        />
      ),
    },
    {
      title: '计算得分',
      key: 'computed',
      width: 80,
      render: (_: unknown, r: Row) => (
        <Computed
          node={byPath.get(r.key)}
          name={r.node.name}
          adopt={readOnly ? undefined : (score) => setNode(r, { score })}
        />
      ),
    },
    {
      title: '偏差原因分析及改进措施',
      key: 'reason',
      render: (_: unknown, r: Row) =>
        r.node.children ? null : (
          <Input.TextArea
            aria-label={`${r.node.name} 偏差原因`}
            value={r.node.deviationReason ?? ''}
            disabled={readOnly}
            autoSize={{ minRows: 1, maxRows: 4 }}
            onChange={(e) => setNode(r, { deviationReason: e.target.value || undefined })}
          />
        ),
    },
    ...(readOnly
      ? []
      : [
          {
            title: '操作',
            key: 'ops',
            width: 150,
            render: (_: unknown, r: Row) => (
              <Space size={2}>
                <Tooltip title="上移">
                  <Button
                    size="small"
                    aria-label={`上移 ${r.node.name}`}
                    icon={<ArrowUpOutlined />}
                    disabled={r.index === 0}
                    onClick={() => move(r, -1)}
                  />
                </Tooltip>
                <Tooltip title="下移">
                  <Button
                    size="small"
                    aria-label={`下移 ${r.node.name}`}
                    icon={<ArrowDownOutlined />}
                    disabled={r.index === r.siblings - 1}
                    onClick={() => move(r, 1)}
                  />
                </Tooltip>
                <Tooltip title="添加下级指标">
                  <Button
                    size="small"
                    aria-label={`在 ${r.node.name} 下添加指标`}
                    icon={<PlusOutlined />}
                    onClick={() => addChild(r)}
                  />
                </Tooltip>
                {r.node.children && r.node.children.length > 0 ? (
                  <Popconfirm
                    title={`删除指标组“${r.node.name}”？`}
                    description={`其下 ${countNodes(r.node.children)} 个指标将一并删除（可撤销）。`}
                    okText="删除"
                    okButtonProps={{ danger: true }}
                    cancelText="取消"
                    onConfirm={() => remove(r)}
                  >
                    <Button
                      size="small"
                      danger
                      aria-label={`删除 ${r.node.name}`}
                      title="删除"
                      icon={<DeleteOutlined />}
                    />
                  </Popconfirm>
                ) : (
                  <Tooltip title="删除">
                    <Button
                      size="small"
                      danger
                      aria-label={`删除 ${r.node.name}`}
                      icon={<DeleteOutlined />}
                      onClick={() => remove(r)}
                    />
                  </Tooltip>
                )}
              </Space>
            ),
          },
        ]),
  ];

  return (
    <>
      <Table<Row>
        size="small"
        rowKey="key"
        dataSource={rows}
        columns={columns}
        pagination={false}
        bordered
        scroll={{ x: 1200 }}
        locale={{ emptyText: '尚无指标，请添加一级指标' }}
        onRow={(r) =>
          ({
            'data-path': r.key,
            className: r.key === hitKey ? 'field-hit' : '',
          }) as HTMLAttributes<HTMLElement>
        }
      />
      {!readOnly && (
        <Button icon={<PlusOutlined />} onClick={addTop} style={{ marginTop: 8 }}>
          添加一级指标
        </Button>
      )}
    </>
  );
});

function countNodes(nodes: readonly IndicatorNode[]): number {
  return nodes.reduce((n, c) => n + 1 + countNodes(c.children ?? []), 0);
}

function indexSheet(sheet: ScoreSheet | null): Map<string, ScoreNode> {
  const m = new Map<string, ScoreNode>();
  for (const n of sheet?.nodes ?? []) m.set(n.path, n);
  return m;
}

function Computed({
  node,
  name,
  adopt,
}: {
  node: ScoreNode | undefined;
  name: string;
  adopt: ((score: number) => void) | undefined;
}) {
  if (!node || node.computedScore === undefined)
    return <Typography.Text type="secondary">—</Typography.Text>;
  const computed = node.computedScore;
  const isDifferent = differs(node.statedScore, computed);
  return (
    <Space size={0} direction="vertical">
      <Tooltip title={node.ruleKind ? `计分规则：${ruleKindName(node.ruleKind)}` : undefined}>
        <span
          className={isDifferent ? 'computed-differs' : ''}
          data-testid={`computed-${node.path}`}
        >
          {computed}
        </span>
      </Tooltip>
      {isDifferent && adopt && (
        <Button
          type="link"
          size="small"
          style={{ padding: 0, height: 'auto' }}
          aria-label={`${name} 采用计算得分`}
          onClick={() => adopt(computed)}
        >
          采用
        </Button>
      )}
    </Space>
  );
}
