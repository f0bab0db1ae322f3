import { memo } from 'react';
import { Button, Input, InputNumber, Popconfirm, Space, Tooltip, Typography } from 'antd';
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
} from '@jixiao/domain';
import { differs } from './score-differences.tsx';
import { IndicatorAttachments } from '../attachments/indicator-attachments.tsx';

/** What a row can do to the tree; the functions stay the same object while the table lives. */
export interface RowActions {
  set: (key: string, fields: Partial<IndicatorNode>) => void;
  move: (key: string, index: number, delta: number) => void;
  remove: (key: string, index: number, node: IndicatorNode) => void;
  addChild: (key: string) => void;
}

export interface IndicatorRowProps {
  rowKey: string;
  depth: number;
  index: number;
  siblings: number;
  node: IndicatorNode;
  computed: ScoreNode | undefined;
  hit: boolean;
  readOnly: boolean;
  actions: RowActions;
}

let renders = 0;
/** How many indicator rows have rendered in this page (the typing benchmark reads it). */
export const indicatorRowRenders = (): number => renders;

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

function countNodes(nodes: readonly IndicatorNode[]): number {
  return nodes.reduce((n, c) => n + 1 + countNodes(c.children ?? []), 0);
}

/** The computed score as the row shows it: a sheet recomputed on every keystroke gives new
 * objects, so rows compare what they show, not the object. */
function sameComputed(a: ScoreNode | undefined, b: ScoreNode | undefined): boolean {
  return (
    a === b ||
    (a !== undefined &&
      b !== undefined &&
      a.computedScore === b.computedScore &&
      a.statedScore === b.statedScore &&
      a.ruleKind === b.ruleKind &&
      a.path === b.path)
  );
}

/**
 * One row of the indicator table. Memoised: a keystroke re-renders only the row whose node
 * changed and the rows whose computed score moved (its groups), not the whole tree.
 */
export const IndicatorRow = memo(function IndicatorRow(props: IndicatorRowProps) {
  renders += 1;
  const { rowKey, depth, index, siblings, node, computed, hit, readOnly, actions } = props;
  const set = (fields: Partial<IndicatorNode>) => actions.set(rowKey, fields);
  const leaf = !node.children;
  const name = node.name;
  return (
    <tr data-path={rowKey} data-row={rowKey} className={`indicator-row${hit ? ' field-hit' : ''}`}>
      <td data-col="name">
        <div style={{ paddingLeft: depth * 16 }}>
          <Input
            aria-label={`指标名称 ${name}`}
            value={name}
            disabled={readOnly}
            variant={leaf ? 'outlined' : 'filled'}
            style={{ fontWeight: leaf ? 400 : 600 }}
            suffix={<IndicatorAttachments rowKey={rowKey} />}
            onChange={(e) => set({ name: e.target.value })}
          />
        </div>
      </td>
      <td data-col="weight">
        <InputNumber
          aria-label={`${name} 分值`}
          value={node.weight ?? null}
          disabled={readOnly}
          keyboard={false}
          controls={false}
          min={0}
          max={1000}
          precision={2}
          style={{ width: '100%' }}
          onChange={(v) => set({ weight: typeof v === 'number' ? v : undefined })}
        />
      </td>
      <td data-col="target">
        {leaf && (
          <Input
            aria-label={`${name} 年度指标值`}
            value={exprText(node.target)}
            disabled={readOnly}
            onChange={(e) => set({ target: toExpression(e.target.value) })}
          />
        )}
      </td>
      <td data-col="actual">
        {leaf && (
          <Input
            aria-label={`${name} 实际完成值`}
            value={exprText(node.actual)}
            disabled={readOnly}
            onChange={(e) => set({ actual: toExpression(e.target.value) })}
          />
        )}
      </td>
      <td data-col="unit">
        {leaf && (
          <Input
            aria-label={`${name} 度量单位`}
            value={node.unit ?? ''}
            disabled={readOnly}
            onChange={(e) => set({ unit: e.target.value || undefined })}
          />
        )}
      </td>
      <td data-col="score">
        <InputNumber
          aria-label={`${name} 得分`}
          value={node.score ?? null}
          disabled={readOnly}
          keyboard={false}
          controls={false}
          min={0}
          max={1000}
          precision={2}
          style={{ width: '100%' }}
          onChange={(v) => set({ score: typeof v === 'number' ? v : undefined })}
        />
      </td>
      <td data-col="computed">
        <Computed
          node={computed}
          name={name}
          adopt={readOnly ? undefined : (score) => set({ score })}
        />
      </td>
      <td data-col="reason">
        {leaf && (
          <Input.TextArea
            aria-label={`${name} 偏差原因`}
            value={node.deviationReason ?? ''}
            disabled={readOnly}
            autoSize={{ minRows: 1, maxRows: 4 }}
            onChange={(e) => set({ deviationReason: e.target.value || undefined })}
          />
        )}
      </td>
      {!readOnly && (
        <td data-col="ops">
          <Space size={2}>
            <Tooltip title="上移">
              <Button
                size="small"
                tabIndex={-1}
                aria-label={`上移 ${name}`}
                icon={<ArrowUpOutlined />}
                disabled={index === 0}
                onClick={() => actions.move(rowKey, index, -1)}
              />
            </Tooltip>
            <Tooltip title="下移">
              <Button
                size="small"
                tabIndex={-1}
                aria-label={`下移 ${name}`}
                icon={<ArrowDownOutlined />}
                disabled={index === siblings - 1}
                onClick={() => actions.move(rowKey, index, 1)}
              />
            </Tooltip>
            <Tooltip title="添加下级指标">
              <Button
                size="small"
                tabIndex={-1}
                aria-label={`在 ${name} 下添加指标`}
                icon={<PlusOutlined />}
                onClick={() => actions.addChild(rowKey)}
              />
            </Tooltip>
            {node.children && node.children.length > 0 ? (
              <Popconfirm
                title={`删除指标组“${name}”？`}
                description={`其下 ${countNodes(node.children)} 个指标将一并删除（可撤销）。`}
                okText="删除"
                okButtonProps={{ danger: true }}
                cancelText="取消"
                onConfirm={() => actions.remove(rowKey, index, node)}
              >
                <Button
                  size="small"
                  tabIndex={-1}
                  danger
                  aria-label={`删除 ${name}`}
                  title="删除"
                  icon={<DeleteOutlined />}
                />
              </Popconfirm>
            ) : (
              <Tooltip title="删除">
                <Button
                  size="small"
                  tabIndex={-1}
                  danger
                  aria-label={`删除 ${name}`}
                  icon={<DeleteOutlined />}
                  onClick={() => actions.remove(rowKey, index, node)}
                />
              </Tooltip>
            )}
          </Space>
        </td>
      )}
    </tr>
  );
}, sameRow);

function sameRow(a: IndicatorRowProps, b: IndicatorRowProps): boolean {
  return (
    a.rowKey === b.rowKey &&
    a.depth === b.depth &&
    a.index === b.index &&
    a.siblings === b.siblings &&
    a.node === b.node &&
    a.hit === b.hit &&
    a.readOnly === b.readOnly &&
    a.actions === b.actions &&
    sameComputed(a.computed, b.computed)
  );
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
          tabIndex={-1}
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
