import {
  createContext,
  useCallback,
  useContext,
  useLayoutEffect,
  useState,
  useSyncExternalStore,
} from 'react';
import type { Evaluation, Rulebook, ScoreSheet } from '@jixiao/domain';
import { getAt } from '../lib/paths.ts';

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

function useStore(): EditorStore {
  const store = useContext(EditorContext);
  if (!store) throw new Error('useEditor outside EditorContext');
  return store;
}

function useSubscribe(store: EditorStore) {
  return useCallback(
    (listener: () => void) => {
      store.listeners.add(listener);
      return () => {
        store.listeners.delete(listener);
      };
    },
    [store],
  );
}

/** The whole state: the reader renders again on every change (every keystroke). */
export function useEditor(): EditorState {
  const store = useStore();
  return useSyncExternalStore(useSubscribe(store), () => store.current);
}

/**
 * One part of the state: the reader renders again only when that part changes (compared with
 * `Object.is`), so a keystroke in one field does not render every other field of the editor.
 * `select` must return a value kept from the state (a node of the body, a flag), not a new object.
 */
export function useEditorSelect<T>(select: (s: EditorState) => T): T {
  const store = useStore();
  return useSyncExternalStore(useSubscribe(store), () => select(store.current));
}

/** The editor's ways to change the body and whether it may (they change only with the status). */
export function useEditing(): Pick<EditorState, 'update' | 'patch' | 'edit' | 'readOnly'> {
  const update = useEditorSelect((s) => s.update);
  const patch = useEditorSelect((s) => s.patch);
  const edit = useEditorSelect((s) => s.edit);
  const readOnly = useEditorSelect((s) => s.readOnly);
  return { update, patch, edit, readOnly };
}

/** The value at `path` in the body (unchanged paths keep their objects through edits). */
export function useBodyAt(path: string): unknown {
  return useEditorSelect((s) => getAt(s.body, path));
}

/** Whether a clicked finding points at `path` or inside it. */
export function useHit(path: string): boolean {
  return useEditorSelect(
    (s) => s.focusPath !== null && (s.focusPath === path || s.focusPath.startsWith(`${path}.`)),
  );
}
