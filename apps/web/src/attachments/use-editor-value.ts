import { useCallback, useContext, useSyncExternalStore } from 'react';
import { EditorContext, type EditorState } from '../editor/editor-context.tsx';

/**
 * One value derived from the editor's state, outside the editor's own fields: the reader
 * re-renders when that value changes (compared with Object.is), not on every keystroke. Outside
 * an editor, `pick` gets null.
 */
export function useEditorValue<T>(pick: (state: EditorState | null) => T): T {
  const editor = useContext(EditorContext);
  const subscribe = useCallback(
    (listener: () => void) => {
      if (editor === null) return () => undefined;
      editor.listeners.add(listener);
      return () => {
        editor.listeners.delete(listener);
      };
    },
    [editor],
  );
  return useSyncExternalStore(subscribe, () => pick(editor?.current ?? null));
}
