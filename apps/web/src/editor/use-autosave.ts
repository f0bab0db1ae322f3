import { useCallback, useEffect, useRef, useState } from 'react';
import type { Evaluation } from '@jixiao/domain';
import {
  api,
  ApiError,
  errorText,
  type EvaluationRecord,
  type EvaluationWithBody,
} from '../api.ts';

export type SaveState =
  | { kind: 'saved'; at: string }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'conflict'; current: EvaluationWithBody | EvaluationRecord | null }
  | { kind: 'error'; message: string };

/**
 * Debounced autosave with optimistic versions. On 409 the user's body stays untouched in the
 * editor; the caller offers to reload theirs or to overwrite with the user's own text.
 */
export function useAutosave(
  id: string,
  initialVersion: number,
  body: Evaluation,
  dirty: boolean,
  delayMs = 1200,
) {
  const [version, setVersion] = useState(initialVersion);
  const [state, setState] = useState<SaveState>({ kind: 'saved', at: '' });
  const versionRef = useRef(version);
  versionRef.current = version;
  const inFlight = useRef(false);
  const pending = useRef(false);
  const bodyRef = useRef(body);
  bodyRef.current = body;
  const blocked = state.kind === 'conflict';

  const save = useCallback(
    async (overrideVersion?: number) => {
      if (inFlight.current) {
        pending.current = true;
        return;
      }
      inFlight.current = true;
      setState({ kind: 'saving' });
      const sent = bodyRef.current;
      try {
        const rec = await api.saveEvaluation(id, overrideVersion ?? versionRef.current, sent);
        setVersion(rec.version);
        versionRef.current = rec.version;
        const changed = bodyRef.current !== sent;
        setState(changed ? { kind: 'dirty' } : { kind: 'saved', at: rec.updatedAt });
        if (changed) pending.current = true;
      } catch (e) {
        if (e instanceof ApiError && e.code === 'VERSION_CONFLICT') {
          pending.current = false;
          const current = (e.details.current ?? null) as EvaluationWithBody | null;
          setState({ kind: 'conflict', current });
        } else setState({ kind: 'error', message: errorText(e) });
      } finally {
        inFlight.current = false;
      }
      if (pending.current) {
        pending.current = false;
        setTimeout(() => void saveRef.current(), 0);
      }
    },
    [id],
  );

  const saveRef = useRef(save);
  saveRef.current = save;

  useEffect(() => {
    if (!dirty || blocked) return;
    setState((s) => (s.kind === 'saving' ? s : { kind: 'dirty' }));
    const t = setTimeout(() => void save(), delayMs);
    return () => clearTimeout(t);
  }, [body, dirty, blocked, save, delayMs]);

  return { version, setVersion, state, setState, save };
}
