import { useCallback, type Dispatch, type RefObject, type SetStateAction } from 'react';
import type { Evaluation } from '@jixiao/domain';
import { getAt, setAt } from '../lib/paths.ts';
import { publishBody, type EditorStore } from './editor-context.tsx';

/**
 * The editor's three ways to change the body, each reading the latest one (no stale copy). With
 * the editor's store, the new body is published to its readers inside the edit's own event.
 */
export function useBodyEdits(
  setBody: Dispatch<SetStateAction<Evaluation>>,
  storeRef: RefObject<EditorStore | null>,
) {
  const apply = useCallback(
    (fn: (b: Evaluation) => Evaluation) => {
      const store = storeRef.current;
      if (!store) {
        setBody(fn);
        return;
      }
      const next = fn(store.current.body);
      publishBody(store, next);
      setBody(next);
    },
    [setBody, storeRef],
  );
  const update = useCallback(
    (path: string, value: unknown) => apply((b) => setAt(b, path, value)),
    [apply],
  );
  const patch = useCallback(
    (path: string, fields: Record<string, unknown>) =>
      apply((b) => {
        const current = getAt(b, path);
        const next: Record<string, unknown> = {
          ...(current !== null && typeof current === 'object' ? current : {}),
          ...fields,
        };
        for (const k of Object.keys(next)) if (next[k] === undefined) delete next[k];
        return setAt(b, path, next);
      }),
    [apply],
  );
  const edit = useCallback(
    (path: string, fn: (current: unknown) => unknown) =>
      apply((b) => setAt(b, path, fn(getAt(b, path)))),
    [apply],
  );
  return { update, patch, edit };
}
