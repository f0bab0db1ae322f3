import { isAtomic } from './diff.ts';
import { formatPath, type PathKey } from './paths.ts';
import { sameValue } from './same-value.ts';

/** A three-way merge of two edits of one body: what both kept, and where both changed one field. */
export interface Merge<T> {
  /** Base with both sides' changes; where both changed the same field, `mine`'s value. */
  merged: T;
  /** Paths (findings' notation) of the fields both sides changed to different values. */
  clashes: string[];
}

function isPlain(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Merges `mine` and `theirs`, two edits of `base`, field by field: a field changed on one side
 * only takes that side's value, so neither user's typing is lost where they touched different
 * fields. An amount, a percentage or a target is one field (its figure and text go together);
 * a list whose length changed on one side only is taken whole from that side, and when both
 * sides changed its length (rows added or removed by both) it is one clash: its rows' positions
 * no longer say which row is which.
 */
export function mergeEdits<T>(base: T, mine: T, theirs: T): Merge<T> {
  const clashes: string[] = [];
  const merged = merge(base, mine, theirs, [], clashes) as T;
  return { merged, clashes };
}

function merge(
  base: unknown,
  mine: unknown,
  theirs: unknown,
  keys: PathKey[],
  clashes: string[],
): unknown {
  if (sameValue(mine, theirs)) return mine;
  if (sameValue(base, theirs)) return mine;
  if (sameValue(base, mine)) return theirs;
  if (Array.isArray(base) && Array.isArray(mine) && Array.isArray(theirs)) {
    if (mine.length === base.length && theirs.length === base.length)
      return base.map((b: unknown, i) => merge(b, mine[i], theirs[i], [...keys, i], clashes));
  } else if (
    isPlain(base) &&
    isPlain(mine) &&
    isPlain(theirs) &&
    !isAtomic(base) &&
    !isAtomic(mine) &&
    !isAtomic(theirs)
  ) {
    const out: Record<string, unknown> = {};
    for (const k of new Set([...Object.keys(mine), ...Object.keys(theirs), ...Object.keys(base)])) {
      const v = merge(base[k], mine[k], theirs[k], [...keys, k], clashes);
      if (v !== undefined) out[k] = v;
    }
    return out;
  }
  clashes.push(formatPath(keys));
  return mine;
}
