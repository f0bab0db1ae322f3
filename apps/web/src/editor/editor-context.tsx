import { createContext, useContext } from 'react';
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

export const EditorContext = createContext<EditorState | null>(null);

export function useEditor(): EditorState {
  const ctx = useContext(EditorContext);
  if (!ctx) throw new Error('useEditor outside EditorContext');
  return ctx;
}
