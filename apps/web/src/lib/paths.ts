/**
 * Paths into an evaluation in the findings' notation: "indicators[1].children[0].score".
 * Reading and immutable writing by path, so an edit touches only the objects on its way.
 */
export type PathKey = string | number;

export function parsePath(path: string): PathKey[] {
  const keys: PathKey[] = [];
  const re = /([^.[\]]+)|\[(\d+)\]/g;
  for (let m = re.exec(path); m; m = re.exec(path)) {
    if (m[2] !== undefined) keys.push(Number(m[2]));
    else if (m[1] !== undefined) keys.push(m[1]);
  }
  return keys;
}

export function formatPath(keys: readonly PathKey[]): string {
  let out = '';
  for (const k of keys) out += typeof k === 'number' ? `[${k}]` : out ? `.${k}` : k;
  return out;
}

function child(value: unknown, key: PathKey): unknown {
  if (value === null || typeof value !== 'object') return undefined;
  return (value as Record<PathKey, unknown>)[key];
}

export function getAt(root: unknown, path: string | readonly PathKey[]): unknown {
  const keys = typeof path === 'string' ? parsePath(path) : path;
  let v = root;
  for (const k of keys) v = child(v, k);
  return v;
}

/** Returns a copy of `root` with `value` at `path` (undefined removes an object key). */
export function setAt<T>(root: T, path: string | readonly PathKey[], value: unknown): T {
  const keys = typeof path === 'string' ? parsePath(path) : path;
  return setKeys(root, keys, 0, value) as T;
}

function setKeys(node: unknown, keys: readonly PathKey[], i: number, value: unknown): unknown {
  const key = keys[i];
  if (key === undefined) return value;
  if (typeof key === 'number') {
    const arr = Array.isArray(node) ? [...(node as unknown[])] : [];
    arr[key] = setKeys(arr[key], keys, i + 1, value);
    return arr;
  }
  const obj: Record<string, unknown> =
    node !== null && typeof node === 'object' ? { ...(node as Record<string, unknown>) } : {};
  const next = setKeys(obj[key], keys, i + 1, value);
  if (next === undefined) delete obj[key];
  else obj[key] = next;
  return obj;
}
