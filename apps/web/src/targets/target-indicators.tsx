import { Button, Input, InputNumber, Space, Table } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { parseExpression, type IndicatorNode } from '@jixiao/domain';

interface Row {
  key: string;
  path: number[];
  depth: number;
  node: IndicatorNode;
}

function flatten(nodes: readonly IndicatorNode[], base: number[], depth: number, out: Row[]) {
  nodes.forEach((node, i) => {
    const path = [...base, i];
    out.push({ key: path.join('.'), path, depth, node });
    if (node.children) flatten(node.children, path, depth + 1, out);
  });
}

/** A copy of the tree with the node at `path` replaced by `fn(node)` (removed when it returns null). */
function change(
  nodes: readonly IndicatorNode[],
  path: readonly number[],
  fn: (n: IndicatorNode) => IndicatorNode | null,
): IndicatorNode[] {
  const [head, ...rest] = path;
  const out: IndicatorNode[] = [];
  nodes.forEach((n, i) => {
    if (i !== head) out.push(n);
    else if (rest.length === 0) {
      const next = fn(n);
      if (next !== null) out.push(next);
    } else out.push({ ...n, children: change(n.children ?? [], rest, fn) });
  });
  return out;
}

const LEVELS = ['一级指标', '二级指标', '三级指标', '四级指标'];

/** The targets' indicator tree as an editable table: name, 年度指标值, unit, weight. */
export function TargetIndicators({
  value,
  onChange,
  readOnly,
}: {
  value: IndicatorNode[];
  onChange: (next: IndicatorNode[]) => void;
  readOnly: boolean;
}) {
  const rows: Row[] = [];
  flatten(value, [], 0, rows);
  const set = (path: number[], fields: Partial<IndicatorNode>) =>
    onChange(
      change(value, path, (n) => {
        const next: IndicatorNode = { ...n, ...fields };
        for (const k of Object.keys(fields) as (keyof IndicatorNode)[])
          if (fields[k] === undefined) delete next[k];
        return next;
      }),
    );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Table<Row>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        aria-label="绩效指标"
        columns={[
          {
            title: '指标',
            render: (_: unknown, r) => (
              <div style={{ paddingLeft: r.depth * 20 }}>
                <Input
                  aria-label={`${LEVELS[r.depth] ?? '指标'}名称`}
                  value={r.node.name}
                  disabled={readOnly}
                  placeholder={LEVELS[r.depth] ?? '指标'}
                  onChange={(e) => set(r.path, { name: e.target.value })}
                />
              </div>
            ),
          },
          {
            title: '年度指标值',
            width: 200,
            render: (_: unknown, r) =>
              (r.node.children ?? []).length > 0 ? null : (
                <Input
                  aria-label={`${r.node.name}年度指标值`}
                  value={r.node.target?.text ?? ''}
                  disabled={readOnly}
                  placeholder="如 ≥12项、=100%"
                  onChange={(e) => {
                    const text = e.target.value;
                    set(r.path, {
                      target: text.trim() === '' ? undefined : { ...parseExpression(text), text },
                    });
                  }}
                />
              ),
          },
          {
            title: '计量单位',
            width: 110,
            render: (_: unknown, r) =>
              (r.node.children ?? []).length > 0 ? null : (
                <Input
                  aria-label={`${r.node.name}计量单位`}
                  value={r.node.unit ?? ''}
                  disabled={readOnly}
                  onChange={(e) =>
                    set(r.path, { unit: e.target.value === '' ? undefined : e.target.value })
                  }
                />
              ),
          },
          {
            title: '分值',
            width: 100,
            render: (_: unknown, r) => (
              <InputNumber
                aria-label={`${r.node.name}分值`}
                value={r.node.weight ?? null}
                min={0}
                max={100}
                disabled={readOnly}
                onChange={(v) => set(r.path, { weight: v ?? undefined })}
              />
            ),
          },
          ...(readOnly
            ? []
            : [
                {
                  title: '操作',
                  width: 170,
                  render: (_: unknown, r: Row) => (
                    <Space size={4}>
                      {r.depth < 3 && (
                        <Button
                          size="small"
                          icon={<PlusOutlined />}
                          onClick={() =>
                            set(r.path, {
                              children: [...(r.node.children ?? []), { name: '新指标' }],
                            })
                          }
                        >
                          下级
                        </Button>
                      )}
                      <Button
                        size="small"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={`删除${r.node.name}`}
                        onClick={() => onChange(change(value, r.path, () => null))}
                      />
                    </Space>
                  ),
                },
              ]),
        ]}
      />
      {!readOnly && (
        <Button
          icon={<PlusOutlined />}
          onClick={() => onChange([...value, { name: '新一级指标' }])}
        >
          添加一级指标
        </Button>
      )}
    </Space>
  );
}
