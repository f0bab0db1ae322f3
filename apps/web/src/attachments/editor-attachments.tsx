import type { IndicatorNode } from '@jixiao/domain';
import { AttachmentsPanel } from './attachments-panel.tsx';
import { useAttachments } from './attachments-store.tsx';
import { useEditorValue } from './use-editor-value.ts';

const NONE: readonly IndicatorNode[] = [];

/** The editor's 证明材料 tab: the panel, with the evaluation's indicators to tie an upload to. */
export function EditorAttachments() {
  const indicators = useEditorValue((state) => state?.body.indicators ?? NONE);
  return <AttachmentsPanel indicators={indicators} />;
}

/** The tab's title with the number of files. */
export function AttachmentsTabLabel() {
  const { items } = useAttachments();
  return <span>证明材料{items.length > 0 ? `（${items.length}）` : ''}</span>;
}
