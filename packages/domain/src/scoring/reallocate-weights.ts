import type { RulebookOptions } from '../rulebook.ts';
import { toHundredths } from '../points.ts';
import { normalizeIndicatorName, type BoundIndicator } from './bind-indicators.ts';

/** Per-indicator weight state while scoring. */
export interface WeightWork {
  /** Weight before reallocation: stated, else the rulebook's. */
  baseWeight: number | undefined;
  /** Multiplier from rescaling (own and ancestors'). */
  scale: number;
  /** Points moved in (+) or out (−) in hundredths. */
  movedHundredths: number;
  /** Dropped by rescaling: not assessed, or a group whose children all were not. */
  dropped: boolean;
  notes: string[];
}

/**
 * Moves the weight of not-assessed indicators where the report or the book says ('move'), or
 * drops them and rescales the assessed siblings so that their parent keeps its weight
 * ('rescale'); a group left with no assessed child drops out of its own level the same way.
 */
export function reallocateWeights(
  roots: readonly BoundIndicator[],
  all: readonly BoundIndicator[],
  options: RulebookOptions,
  get: (b: BoundIndicator) => WeightWork,
): void {
  const notAssessed = all.filter((b) => b.node.notAssessed === true);
  if (notAssessed.length === 0) return;
  const byRuleId = new Map<string, BoundIndicator>();
  const byName = new Map<string, BoundIndicator>();
  for (const b of all) {
    if (b.rule) byRuleId.set(b.rule.id, b);
    byName.set(normalizeIndicatorName(b.node.name), b);
  }
  const na = options.notApplicable;
  const dropped = new Set<BoundIndicator>();
  for (const b of notAssessed) {
    const w = get(b);
    const to = b.node.weightMovedTo ?? (na.mode === 'move' ? na.to : undefined);
    const target =
      to === undefined ? undefined : (byRuleId.get(to) ?? byName.get(normalizeIndicatorName(to)));
    if (target && !target.node.notAssessed && target !== b) {
      const h = toHundredths(w.baseWeight ?? 0);
      for (let at = b.parent; at; at = at.parent) get(at).movedHundredths -= h;
      // A report may already state the raised weight (分值 6 where the book says 3): keep it.
      const stated = target.node.weight;
      const book = target.rule?.weight;
      const alreadyMoved =
        stated !== undefined &&
        book !== undefined &&
        toHundredths(stated) === toHundredths(book) + h;
      for (let at = alreadyMoved ? target.parent : target; at; at = at.parent) {
        get(at).movedHundredths += h;
      }
      get(target).notes.push('weight-moved-in');
      w.notes.push('weight-moved-out');
    } else {
      dropped.add(b);
    }
  }
  if (dropped.size === 0) return;
  // Children come before their parents in reversed pre-order: a group whose children all
  // dropped out drops out itself.
  for (let i = all.length - 1; i >= 0; i--) {
    const b = all[i];
    if (b && b.children.length > 0 && b.children.every((c) => dropped.has(c))) dropped.add(b);
  }
  const levels = new Set<BoundIndicator | undefined>();
  for (const b of dropped) {
    if (b.parent === undefined || !dropped.has(b.parent)) levels.add(b.parent);
    get(b).dropped = true;
    get(b).notes.push('weight-rescaled-out');
  }
  for (const parent of levels) {
    const siblings = parent ? parent.children : roots;
    const weightOf = (s: BoundIndicator): number => get(s).baseWeight ?? 0;
    const kept = siblings.filter((s) => !dropped.has(s));
    const total = siblings.reduce((sum, s) => sum + weightOf(s), 0);
    const remaining = kept.reduce((sum, s) => sum + weightOf(s), 0);
    if (remaining <= 0) continue;
    for (const s of kept) {
      get(s).scale *= total / remaining;
      get(s).notes.push('weight-rescaled');
    }
  }
}
