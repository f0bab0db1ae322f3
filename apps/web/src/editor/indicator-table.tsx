import { useCallback, useMemo } from 'react';
import { App, Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { IndicatorNode, ScoreNode, ScoreSheet } from '@jixiao/domain';
import { formatPath, getAt, parsePath, type PathKey } from '../lib/paths.ts';
import { useEditing, useEditorSelect } from './editor-context.tsx';
import { onGridKeyDown } from './grid-keys.ts';
import { IndicatorRow, type RowActions } from './indicator-row.tsx';

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

const NO_ROWS: IndicatorNode[] = [];

const asList = (v: unknown) => (Array.isArray(v) ? (v as IndicatorNode[]) : []);

/** The list a row's key sits in: "indicators[1].children[0]" → "indicators[1].children". */
const parentOf = (key: string) => key.slice(0, key.lastIndexOf('['));

/**
 * The indicator tree as an editable table: add, remove and reorder; weight, target, actual,
 * unit, stated score, reason; the computed score beside the stated one.
 */
export function IndicatorTable({ basePath }: { basePath: string }) {
  const { update, patch, edit, readOnly } = useEditing();
  const baseKeys = useMemo(() => parsePath(basePath), [basePath]);
  // Only this table's tree, scores and focus: an edit elsewhere does not render it.
  const list = useEditorSelect(
    (s) => (getAt(s.body, baseKeys) as IndicatorNode[] | undefined) ?? NO_ROWS,
  );
  const focusPath = useEditorSelect((s) => s.focusPath);
  const sheet = useEditorSelect((s) => s.sheet);
  const { message } = App.useApp();
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

  // One set of row actions for the table's life: rows compare it by identity.
  const remove = useCallback(
    (key: string, index: number, node: IndicatorNode) => {
      const parent = parentOf(key);
      edit(parent, (v) => asList(v).filter((_, i) => i !== index));
      const undoKey = `undo-${key}`;
      // A deleted row can come back at its place; the revision history keeps every version too.
      message.open({
        key: undoKey,
        type: 'info',
        duration: 10,
        content: (
          <span>
            已删除“{node.name}”
            <Button
              type="link"
              size="small"
              onClick={() => {
                edit(parent, (v) => {
                  const arr = [...asList(v)];
                  arr.splice(Math.min(index, arr.length), 0, node);
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
    },
    [edit, message],
  );
  const actions: RowActions = useMemo(
    () => ({
      set: (key, fields) => patch(key, fields),
      move: (key, index, delta) =>
        edit(parentOf(key), (v) => {
          const arr = [...asList(v)];
          const a = arr[index];
          const b = arr[index + delta];
          if (!a || !b) return v;
          arr[index] = b;
          arr[index + delta] = a;
          return arr;
        }),
      remove,
      addChild: (key) => edit(`${key}.children`, (v) => [...asList(v), { name: '新指标' }]),
    }),
    [patch, edit, remove],
  );
  const addTop = () => update(basePath, [...list, { name: '新一级指标', children: [] }]);

  return (
    <>
      <div className="indicator-grid-wrap">
        <table
          className={readOnly ? 'indicator-grid read-only' : 'indicator-grid'}
          onKeyDown={onGridKeyDown}
        >
          <thead>
            <tr>
              <th>指标</th>
              <th>分值</th>
              <th>年度指标值</th>
              <th>实际完成值</th>
              <th>单位</th>
              <th>得分（填报）</th>
              <th>计算得分</th>
              <th>偏差原因分析及改进措施</th>
              {!readOnly && <th>操作</th>}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={readOnly ? 8 : 9} className="indicator-grid-empty">
                  尚无指标，请添加一级指标
                </td>
              </tr>
            ) : (
              rows.map((r) => (
                <IndicatorRow
                  key={r.key}
                  rowKey={r.key}
                  depth={r.depth}
                  index={r.index}
                  siblings={r.siblings}
                  node={r.node}
                  computed={byPath.get(r.key)}
                  hit={r.key === hitKey}
                  readOnly={readOnly}
                  actions={actions}
                />
              ))
            )}
          </tbody>
        </table>
      </div>
      {!readOnly && (
        <Button icon={<PlusOutlined />} onClick={addTop} style={{ marginTop: 8 }}>
          添加一级指标
        </Button>
      )}
    </>
  );
}

function indexSheet(sheet: ScoreSheet | null): Map<string, ScoreNode> {
  const m = new Map<string, ScoreNode>();
  for (const n of sheet?.nodes ?? []) m.set(n.path, n);
  return m;
}
