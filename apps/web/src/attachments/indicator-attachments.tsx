import { useState, useSyncExternalStore } from 'react';
import { Badge, Button, Drawer, Tooltip } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { parsePath } from '../lib/paths.ts';
import { indicatorKey } from './attachments-api.ts';
import { AttachmentsPanel } from './attachments-panel.tsx';
import { useAttachmentsStore } from './attachments-store.tsx';
import { useEditorValue } from './use-editor-value.ts';

/**
 * The names from the top of the tree to the row at `rowKey` ("indicators[0].children[2]"), or
 * null for a row outside the evaluation's own tree (a project table's).
 */
export function namesAt(body: unknown, rowKey: string): string[] | null {
  const keys = parsePath(rowKey);
  if (keys[0] !== 'indicators') return null;
  const names: string[] = [];
  let current: unknown = body;
  for (const key of keys) {
    if (current === null || typeof current !== 'object') return null;
    current = (current as Record<string | number, unknown>)[key];
    if (typeof key === 'number') {
      const name = (current as { name?: unknown } | undefined)?.name;
      if (typeof name !== 'string') return null;
      names.push(name);
    }
  }
  return names;
}

const never = () => () => undefined;

/**
 * A row's paper clip: how many supporting documents the indicator has; a click opens them (and
 * the upload, while the evaluation is editable). Reads the editor's body and the files through
 * their stores, so it re-renders when its own names or count change, not on every keystroke.
 */
export function IndicatorAttachments({ rowKey }: { rowKey: string }) {
  const store = useAttachmentsStore();
  const key = useEditorValue((state) => {
    const names = state === null ? null : namesAt(state.body, rowKey);
    return names === null ? null : indicatorKey(names);
  });
  const count = useSyncExternalStore(store?.subscribe ?? never, () =>
    key === null || store === null ? 0 : store.countFor(key),
  );
  const [open, setOpen] = useState(false);
  if (store === null || key === null) return null;
  if (count === 0 && !store.editable) return null;
  const names = key.split('\u0001');
  const name = names.at(-1) ?? '';
  return (
    <>
      <Tooltip title={count > 0 ? `${count} 个证明材料` : '上传证明材料'}>
        <Badge count={count} size="small" offset={[-2, 2]}>
          <Button
            size="small"
            type="text"
            tabIndex={-1}
            aria-label={`${name} 的证明材料（${count}）`}
            icon={<PaperClipOutlined style={{ color: count > 0 ? '#1677ff' : '#bbb' }} />}
            onClick={() => setOpen(true)}
          />
        </Badge>
      </Tooltip>
      <Drawer
        title={`证明材料：${names.join(' / ')}`}
        open={open}
        onClose={() => setOpen(false)}
        size="large"
      >
        {open && <AttachmentsPanel indicator={names} />}
      </Drawer>
    </>
  );
}
