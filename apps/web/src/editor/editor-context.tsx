import { createContext, useContext } from 'react';
import type { Evaluation, ScoreSheet } from '@jixiao/domain';

/** What every bound field of the editor needs: the body, one way to change it, and focus. */
export interface EditorState {
  body: Evaluation;
  update: (path: string, value: unknown) => void;
  readOnly: boolean;
  /** The path a clicked finding points to (highlighted until another is clicked). */
  focusPath: string | null;
  sheet: ScoreSheet | null;
}

export const EditorContext = createContext<EditorState | null>(null);

export function useEditor(): EditorState {
  const ctx = useContext(EditorContext);
  if (!ctx) throw new Error('useEditor outside EditorContext');
  return ctx;
}
