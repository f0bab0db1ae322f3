import { useCallback, useEffect, useRef, useState } from 'react';
import type { Evaluation } from '@jixiao/domain';
import {
  api,
  ApiError,
  errorText,
  type EvaluationRecord,
  type EvaluationWithBody,
} from '../api.ts';
import {
  dropUnsavedCopy,
  keepUnsavedCopy,
  registerFlush,
  trackSave,
} from '../lib/pending-edits.ts';
import { mergeEdits } from '../lib/merge-edits.ts';
import { sameValue } from '../lib/same-value.ts';

export type SaveState =
  | { kind: 'saved'; at: string }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  /**
   * Someone else saved meanwhile and changed fields this page changed too (`clashes`, paths), or
   * the server did not send its body: the user chooses; nothing typed is dropped meanwhile.
   */
  | { kind: 'conflict'; current: EvaluationWithBody | EvaluationRecord | null; clashes: string[] }
  /** The server could not be reached (or failed): the edit is kept and the save retried. */
  | { kind: 'retrying'; message: string }
  /** The server refused the save (not a conflict): the edit is kept until the user changes it. */
  | { kind: 'error'; message: string };

const RETRY_FIRST_MS = 2_000;
const RETRY_MAX_MS = 30_000;

/** A failure that may pass by itself: no connection, a server error, a gateway. */
function retryable(e: unknown): boolean {
  return !(e instanceof ApiError) || e.status === 0 || e.status >= 500 || e.status === 429;
}

/**
 * Debounced autosave with optimistic versions, that loses nothing typed: leaving the editor by
 * any route (link, menu, logout, reload, closing the tab) saves what is pending first; until the
 * server has it, a copy stays in the browser; a failed save is retried until the server is back.
 * On 409 the other save is merged with this page's edits field by field (`mergeEdits`): where the
 * two changed different fields, `onMerged` gets the body holding both and it is saved on top of
 * the other version; where both changed one field, the user's body stays untouched and the
 * caller offers to merge (keeping the user's values there) or to reload.
 */
export function useAutosave(
  id: string,
  initialVersion: number,
  initialSavedBody: Evaluation,
  body: Evaluation,
  enabled: boolean,
  onMerged: (merged: Evaluation, current: EvaluationWithBody) => void,
  delayMs = 1200,
) {
  const [version, setVersionState] = useState(initialVersion);
  const [state, setStateValue] = useState<SaveState>({ kind: 'saved', at: '' });
  const mounted = useRef(true);
  const versionRef = useRef(initialVersion);
  const stateRef = useRef(state);
  const bodyRef = useRef(body);
  bodyRef.current = body;
  const enabledRef = useRef(enabled);
  enabledRef.current = enabled;
  /** The body the server has (as far as this page knows). */
  const savedBody = useRef<Evaluation>(initialSavedBody);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const retryTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const attempts = useRef(0);
  const onMergedRef = useRef(onMerged);
  onMergedRef.current = onMerged;

  const setState = useCallback((s: SaveState) => {
    stateRef.current = s;
    if (mounted.current) setStateValue(s);
  }, []);
  const setVersion = useCallback((v: number) => {
    versionRef.current = v;
    if (mounted.current) setVersionState(v);
  }, []);

  const unsaved = useCallback(
    () => enabledRef.current && bodyRef.current !== savedBody.current,
    [],
  );

  const saveOnce = useCallback(
    async (opts: { overrideVersion?: number; keepalive?: boolean }): Promise<void> => {
      const sent = bodyRef.current;
      if (!enabledRef.current) return;
      if (sent === savedBody.current && opts.overrideVersion === undefined) return;
      // A conflict waits for the user's choice; only "overwrite" sends again.
      if (stateRef.current.kind === 'conflict' && opts.overrideVersion === undefined) return;
      if (retryTimer.current) clearTimeout(retryTimer.current);
      retryTimer.current = null;
      keepUnsavedCopy(id, versionRef.current, sent);
      setState({ kind: 'saving' });
      try {
        const rec = await api.saveEvaluation(id, opts.overrideVersion ?? versionRef.current, sent, {
          keepalive: opts.keepalive ?? false,
        });
        accept(rec.version, sent, rec.updatedAt);
      } catch (e) {
        if (e instanceof ApiError && e.code === 'VERSION_CONFLICT') {
          const current = (e.details.current ?? null) as EvaluationWithBody | null;
          // The server already has exactly this text (a save sent as the page went away landed
          // after this page had loaded): nothing to resolve.
          if (current && 'body' in current && sameValue(current.body, sent)) {
            accept(current.version, sent, current.updatedAt);
            return;
          }
          if (current && 'body' in current) {
            // What is typed now, not only what was sent: typing may have gone on meanwhile.
            const { clashes } = mergeEdits(savedBody.current, bodyRef.current, current.body);
            if (clashes.length === 0) {
              adopt(current);
              return;
            }
            setState({ kind: 'conflict', current, clashes });
          } else setState({ kind: 'conflict', current, clashes: [] });
        } else if (retryable(e)) {
          attempts.current += 1;
          setState({ kind: 'retrying', message: errorText(e) });
          if (mounted.current) {
            const wait = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** (attempts.current - 1));
            retryTimer.current = setTimeout(() => void enqueueRef.current({}), wait);
          }
        } else setState({ kind: 'error', message: errorText(e) });
      }

      /**
       * Takes the other version as what the server has and hands the editor both sides' edits
       * merged; the debounced save then sends them on top of that version.
       */
      function adopt(current: EvaluationWithBody): void {
        const { merged } = mergeEdits(savedBody.current, bodyRef.current, current.body);
        setVersion(current.version);
        savedBody.current = current.body;
        attempts.current = 0;
        if (sameValue(merged, current.body)) {
          savedBody.current = merged;
          dropUnsavedCopy(id);
          setState({ kind: 'saved', at: current.updatedAt });
        } else {
          keepUnsavedCopy(id, current.version, merged);
          setState({ kind: 'dirty' });
        }
        onMergedRef.current(merged, current);
      }

      function accept(v: number, body: Evaluation, at: string): void {
        setVersion(v);
        savedBody.current = body;
        attempts.current = 0;
        if (bodyRef.current === body) {
          dropUnsavedCopy(id);
          setState({ kind: 'saved', at });
        } else setState({ kind: 'dirty' });
      }
    },
    [id, setState, setVersion],
  );

  const enqueue = useCallback(
    (opts: { overrideVersion?: number; keepalive?: boolean }): Promise<void> => {
      const next = queue.current.then(() => saveOnce(opts));
      queue.current = next.catch(() => undefined);
      return next;
    },
    [saveOnce],
  );
  const enqueueRef = useRef(enqueue);
  enqueueRef.current = enqueue;

  /** Saves what is pending now; true when the server has everything typed. */
  const flush = useCallback(
    async (keepalive = false): Promise<boolean> => {
      await enqueue({ keepalive });
      return !unsaved();
    },
    [enqueue, unsaved],
  );

  const save = useCallback(
    (overrideVersion?: number) => enqueue(overrideVersion === undefined ? {} : { overrideVersion }),
    [enqueue],
  );

  /**
   * Resolves a conflict by merging: the other version's changes everywhere, this page's where
   * both changed a field. The merged body is handed to `onMerged` and saved on that version.
   */
  const merge = useCallback(() => {
    const s = stateRef.current;
    if (s.kind !== 'conflict' || s.current === null || !('body' in s.current)) return;
    const current = s.current;
    const { merged } = mergeEdits(savedBody.current, bodyRef.current, current.body);
    setVersion(current.version);
    savedBody.current = current.body;
    keepUnsavedCopy(id, current.version, merged);
    setState({ kind: 'dirty' });
    onMergedRef.current(merged, current);
  }, [id, setState, setVersion]);

  // The debounced save after typing stops.
  useEffect(() => {
    if (!enabled || body === savedBody.current) return;
    if (stateRef.current.kind !== 'saving' && stateRef.current.kind !== 'conflict')
      setState(stateRef.current.kind === 'retrying' ? stateRef.current : { kind: 'dirty' });
    const t = setTimeout(() => void enqueue({}), delayMs);
    return () => clearTimeout(t);
  }, [body, enabled, enqueue, delayMs, setState]);

  // Every route out: logout waits on the registered flush; the page going away (reload, close,
  // another site) sends the save with keepalive and keeps the browser's copy; a hidden tab saves
  // now; the browser warns before unloading while anything is unsaved; back online, retry.
  useEffect(() => {
    const unregister = registerFlush(() => flush());
    const leaving = () => {
      if (!unsaved()) return;
      keepUnsavedCopy(id, versionRef.current, bodyRef.current);
      void enqueue({ keepalive: true });
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') leaving();
    };
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!unsaved()) return;
      keepUnsavedCopy(id, versionRef.current, bodyRef.current);
      e.preventDefault();
      // Older browsers show the warning only when returnValue is set.
      e.returnValue = '';
    };
    const onOnline = () => {
      if (unsaved()) void enqueue({});
    };
    window.addEventListener('pagehide', leaving);
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('online', onOnline);
    return () => {
      unregister();
      window.removeEventListener('pagehide', leaving);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('online', onOnline);
    };
  }, [id, enqueue, flush, unsaved]);

  // Leaving the editor inside the app (menu, link, back): save what is pending; the next page
  // that loads this evaluation waits for it (pending-edits.ts).
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      if (retryTimer.current) clearTimeout(retryTimer.current);
      if (unsaved()) {
        keepUnsavedCopy(id, versionRef.current, bodyRef.current);
        trackSave(enqueue({}));
      }
    };
  }, [id, enqueue, unsaved]);

  return { version, state, setState, save, merge, flush };
}
