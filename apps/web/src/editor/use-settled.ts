import { startTransition, useEffect, useState } from 'react';

/** How long the editor waits after the last edit before it scores and checks the body again. */
export const RESCORE_DELAY_MS = 250;

/**
 * `value` once it has stayed the same for `delayMs`, handed over as a transition. The editor
 * scores and checks this settled body, not every keystroke's: re-scoring a 200-indicator
 * evaluation and rendering its findings takes longer than a keystroke may, so while the user
 * types only the typed field renders, and the scores follow at the first pause.
 */
export function useSettled<T>(value: T, delayMs = RESCORE_DELAY_MS): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => startTransition(() => setSettled(value)), delayMs);
    return () => clearTimeout(t);
  }, [value, delayMs]);
  return settled;
}
