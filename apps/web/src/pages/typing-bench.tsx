import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { Evaluation, Rulebook } from '@jixiao/domain';
import { benchEvaluation, countLeaves } from '../lib/bench-evaluation.ts';
import { evaluateLocally } from '../lib/core.ts';
import {
  EditorContext,
  useEditorStore,
  type EditorState,
  type EditorStore,
} from '../editor/editor-context.tsx';
import { indicatorRowRenders } from '../editor/indicator-row.tsx';
import { ScoreDifferences } from '../editor/score-differences.tsx';
import { IndicatorsSection } from '../editor/sections.tsx';
import { useBodyEdits } from '../editor/use-body-edits.ts';
import { useSettled } from '../editor/use-settled.ts';

export interface TypingResult {
  leaves: number;
  keystrokes: number;
  /** From the keystroke to the next frame after React committed it (the typed text shown). */
  medianMs: number;
  p95Ms: number;
  /** Until the deferred re-score and re-check of that keystroke were committed too. */
  settledMedianMs: number;
  /** Indicator rows rendered per keystroke, both renders together (median). */
  rowRenders: number;
  /** Baseline: the same keystroke into one bare controlled input on this page. */
  baselineMedianMs: number;
}

const nextFrame = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? 0;
const p95 = (xs: readonly number[]) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))] ?? 0;
const r2 = (n: number) => Math.round(n * 100) / 100;

/** Types `text` into `input` the way a keystroke reaches React: value set, input event. */
function typeInto(input: HTMLInputElement, text: string): void {
  const property = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');
  // The prototype's setter, not the element's: React sees the change as a user's input.
  property?.set?.call(input, text);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

function BareInput() {
  const [v, setV] = useState('');
  return <input aria-label="基准输入框" value={v} onChange={(e) => setV(e.target.value)} />;
}

/**
 * The editor's 绩效指标 tab on a 200-indicator evaluation, with the editor's state, its deferred
 * re-score and re-check; replays keystrokes on 实际完成值 and times each to the screen.
 */
export function TypingBench({
  rulebook,
  keystrokes = 60,
  onDone,
}: {
  rulebook: Rulebook;
  keystrokes?: number;
  onDone: (r: TypingResult) => void;
}) {
  const [body, setBody] = useState<Evaluation>(() => benchEvaluation(rulebook.id));
  const deferred = useDeferredValue(useSettled(body));
  const core = useMemo(() => evaluateLocally(deferred, rulebook), [deferred, rulebook]);
  const storeRef = useRef<EditorStore | null>(null);
  const { update, patch, edit } = useBodyEdits(setBody, storeRef);
  const ctx: EditorState = useMemo(
    () => ({
      body,
      update,
      patch,
      edit,
      readOnly: false,
      focusPath: null,
      sheet: core.sheet,
      rulebook,
    }),
    [body, update, patch, edit, core.sheet, rulebook],
  );
  const store = useEditorStore(ctx);
  storeRef.current = store;
  const bodyRef = useRef(body);
  bodyRef.current = body;
  const settled = useRef<Evaluation | null>(null);
  useEffect(() => {
    settled.current = deferred;
  }, [deferred]);
  const root = useRef<HTMLDivElement>(null);
  const done = useRef(onDone);
  done.current = onDone;

  useEffect(() => {
    let live = true;
    const run = async () => {
      const el = root.current;
      if (!el) return;
      await nextFrame();
      const cells = [...el.querySelectorAll<HTMLInputElement>('td[data-col="actual"] input')];
      const bare = el.querySelector<HTMLInputElement>('input[aria-label="基准输入框"]');
      if (cells.length === 0 || !bare) return;
      const paint: number[] = [];
      const settle: number[] = [];
      const renders: number[] = [];
      const base: number[] = [];
      const warmUp = 5;
      for (let i = 0; i < keystrokes + warmUp && live; i++) {
        // Cells are looked up again: a row keeps its input, but be safe against a remount.
        const all = el.querySelectorAll<HTMLInputElement>('td[data-col="actual"] input');
        const input = all[(i * 37) % all.length];
        if (!input) break;
        const text = `${90 + (i % 10)}.${i % 10}%`;
        const r0 = indicatorRowRenders();
        const t0 = performance.now();
        typeInto(input, text);
        await nextFrame();
        const t1 = performance.now();
        while (settled.current !== bodyRef.current && live) await nextFrame();
        const t2 = performance.now();
        const b0 = performance.now();
        typeInto(bare, text);
        await nextFrame();
        const b1 = performance.now();
        if (i < warmUp) continue;
        paint.push(t1 - t0);
        settle.push(t2 - t0);
        renders.push(indicatorRowRenders() - r0);
        base.push(b1 - b0);
      }
      if (!live) return;
      done.current({
        leaves: countLeaves(bodyRef.current.indicators),
        keystrokes: paint.length,
        medianMs: r2(median(paint)),
        p95Ms: r2(p95(paint)),
        settledMedianMs: r2(median(settle)),
        rowRenders: median(renders),
        baselineMedianMs: r2(median(base)),
      });
    };
    void run();
    return () => {
      live = false;
    };
  }, [keystrokes]);

  // As in the editor: the section reads the state from the store, not from this render.
  const section = useMemo(() => <IndicatorsSection />, []);
  return (
    <div ref={root}>
      <BareInput />
      <EditorContext.Provider value={store}>
        <ScoreDifferences
          stated={body.stated}
          sheet={core.sheet}
          readOnly={false}
          adoptTotal={(total) => patch('stated', { total })}
        />
        {section}
      </EditorContext.Provider>
    </div>
  );
}
