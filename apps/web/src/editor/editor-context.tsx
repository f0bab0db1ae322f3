import {
  createContext,
  useCallback,
  useContext,
  useLayoutEffect,
  useState,
  useSyncExternalStore,
} from 'react';
import type { Evaluation, Rulebook, ScoreSheet } from '@jixiao/domain';

/** What every bound field of the editor needs: the body, one way to change it, and focus. */
export interface EditorState {
  body: Evaluation;
  update: (path: string, value: unknown) => void;
  /** Merges fields into the object at `path`, reading it from the latest body (no stale copy). */
  patch: (path: string, fields: Record<string, unknown>) => void;
  /** Replaces the value at `path` with `fn(current)`, current read from the latest body. */
  edit: (path: string, fn: (current: unknown) => unknown) => void;
  readOnly: boolean;
  /** The path a clicked finding points to (highlighted until another is clicked). */
  focusPath: string | null;
  sheet: ScoreSheet | null;
  rulebook: Rulebook;
}

/** The editor's state behind one object that stays the same while the editor lives. */
export interface EditorStore {
  current: EditorState;
  listeners: Set<() => void>;
}

export const EditorContext = createContext<EditorStore | null>(null);

function notify(store: EditorStore): void {
  for (const listener of store.listeners) listener();
}

const sameState = (a: EditorState, b: EditorState) =>
  (Object.keys(a) as (keyof EditorState)[]).every((k) => a[k] === b[k]);

/**
 * The store a provider passes down. Its identity never changes, so a keystroke does not make
 * React search the whole tree below for readers of a changed context (with 200 indicator rows,
 * that search was most of a keystroke's time); readers subscribe instead. An edit publishes the
 * new body at once (`publishBody`), so the field typed into renders in the keystroke's own
 * render and keeps its caret; the rest (scores, focus) is published by the provider's render,
 * and readers not rendered with it are told after the commit.
 */
export function useEditorStore(state: EditorState): EditorStore {
  const [store] = useState<EditorStore>(() => ({ current: state, listeners: new Set() }));
  // Kept when nothing changed, so readers that rendered with a published body do not again.
  if (!sameState(store.current, state)) store.current = state;
  const current = store.current;
  useLayoutEffect(() => notify(store), [store, current]);
  return store;
}

/** Makes `body` the store's body now and tells its readers (an edit, inside its event). */
export function publishBody(store: EditorStore, body: Evaluation): void {
  if (store.current.body === body) return;
  store.current = { ...store.current, body };
  notify(store);
}

export function useEditor(): EditorState {
  const store = useContext(EditorContext);
  if (!store) throw new Error('useEditor outside EditorContext');
  const subscribe = useCallback(
    (listener: () => void) => {
      store.listeners.add(listener);
      return () => {
        store.listeners.delete(listener);
      };
    },
    [store],
  );
  return useSyncExternalStore(subscribe, () => store.current);
}
