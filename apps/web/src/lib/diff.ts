import { formatPath, type PathKey } from './paths.ts';

/** One changed field between two versions of an evaluation. */
export interface FieldChange {
  path: string;
  before: unknown;
  after: unknown;
  kind: 'added' | 'removed' | 'changed';
}

function isPlain(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * A field-level diff: leaves (scalars) compared by path. An Amount or Percent is compared as a
 * whole (its `fen`/`value` and text), so a money change shows as one line, not three.
 */
export function diffFields(before: unknown, after: unknown): FieldChange[] {
  const out: FieldChange[] = [];
  walk(before, after, [], out);
  return out;
}

/** Keys that make an object one value (an amount, a percentage, a target), compared as a whole. */
const ATOMIC_KEYS = [
  ['fen', 'unit'],
  ['value', 'decimals'],
  ['kind', 'text'],
] as const;

export function isAtomic(v: unknown): boolean {
  return isPlain(v) && ATOMIC_KEYS.some((ks) => ks.every((k) => k in v)) && !('children' in v);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function walk(a: unknown, b: unknown, keys: PathKey[], out: FieldChange[]): void {
  if (same(a, b)) return;
  const path = formatPath(keys);
  // An added or removed object is listed field by field, like any other change.
  const container = (v: unknown) =>
    Array.isArray(v) ? [] : isPlain(v) && !isAtomic(v) ? {} : undefined;
  if (a === undefined && container(b) !== undefined) return walk(container(b), b, keys, out);
  if (b === undefined && container(a) !== undefined) return walk(a, container(a), keys, out);
  if (a === undefined) {
    out.push({ path, before: a, after: b, kind: 'added' });
    return;
  }
  if (b === undefined) {
    out.push({ path, before: a, after: b, kind: 'removed' });
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) walk(a[i], b[i], [...keys, i], out);
    return;
  }
  if (isPlain(a) && isPlain(b) && !isAtomic(a) && !isAtomic(b)) {
    const ks = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of ks) walk(a[k], b[k], [...keys, k], out);
    return;
  }
  out.push({ path, before: a, after: b, kind: 'changed' });
}

/** A value as one short line for the diff table. */
export function showValue(v: unknown): string {
  if (v === undefined || v === null) return '—';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isPlain(v)) {
    if (typeof v.text === 'string') return v.text;
    if (typeof v.fen === 'number' && typeof v.unit === 'string') return `${v.fen} 分`;
    if (typeof v.name === 'string') return v.name;
  }
  return JSON.stringify(v);
}
