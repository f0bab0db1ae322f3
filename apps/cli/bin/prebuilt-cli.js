// Finds the prebuilt CLI that matches the sources, in plain JavaScript so that the check costs no
// TypeScript loader. It reads what packages/services/src/audit/worker-bundle.ts writes: the list
// of the files the last build compiled (`cli.inputs.json`) and the bundle named by the digest of
// those files' bytes; a bundle is used only when the digest of the files as they are now names it.
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Must equal CACHE_VERSION in worker-bundle.ts (a test checks it). */
export const CACHE_VERSION = 1;
const SETTINGS = ['package.json', 'tsconfig.json', 'package-lock.json'];

/** The cache folders worker-bundle.ts's defaultCacheDirs names, in its order. */
export function cacheDirs() {
  const dirs = [];
  try {
    const tsx = createRequire(import.meta.url).resolve('tsx/esm/api');
    const marker = `${path.sep}node_modules${path.sep}`;
    const at = tsx.lastIndexOf(marker);
    if (at >= 0) dirs.push(path.join(tsx.slice(0, at + marker.length), '.cache', 'jixiao'));
  } catch {
    // No tsx: only the temporary folder.
  }
  dirs.push(path.join(tmpdir(), 'jixiao-cache'));
  return dirs;
}

/** Must equal RECENT_CHANGE_MS in worker-bundle.ts (a test checks it). */
export const RECENT_CHANGE_MS = 1000;

/**
 * A file's [size, mtimeMs, ctimeMs], null where there is none, undefined when it cannot be told
 * or changed too recently (worker-bundle.ts's stampOf).
 */
function stampOf(file, now) {
  try {
    const s = statSync(file);
    if (now - Math.max(s.mtimeMs, s.ctimeMs) < RECENT_CHANGE_MS) return undefined;
    return [s.size, s.mtimeMs, s.ctimeMs];
  } catch (error) {
    return error.code === 'ENOENT' || error.code === 'ENOTDIR' ? null : undefined;
  }
}

const sameStamp = (a, b) =>
  a === null || b === null || a === undefined || b === undefined
    ? a === b
    : a[0] === b[0] && a[1] === b[1] && a[2] === b[2];

const filesOf = (list) => [
  ...list.inputs,
  ...list.folders.flatMap((folder) => SETTINGS.map((s) => path.join(folder, s))),
];

async function matching(dir, name) {
  const listFile = path.join(dir, `${name}.inputs.json`);
  const list = JSON.parse(await readFile(listFile, 'utf8'));
  if (typeof list.key !== 'string' || !Array.isArray(list.inputs) || !Array.isArray(list.folders))
    return null;
  if (
    !list.key.startsWith(`v${CACHE_VERSION}|`) ||
    !list.key.endsWith(`|node ${process.versions.node}`)
  )
    return null;
  const bundleOf = (digest) => path.join(dir, `${name}.${digest}`, `${name}.mjs`);
  // Every file as stamped when its digest was taken: no need to read and hash them again.
  const files = filesOf(list);
  const now = Date.now();
  if (
    typeof list.digest === 'string' &&
    Array.isArray(list.stamps) &&
    list.stamps.length === files.length &&
    files.every((file, i) => sameStamp(stampOf(file, now), list.stamps[i]))
  ) {
    const bundle = bundleOf(list.digest);
    if (existsSync(bundle)) return bundle;
  }
  // Stamped before the bytes are read: a change while they are read shows at the next check.
  const stamps = [];
  for (const file of files) {
    const stamp = stampOf(file, now);
    if (stamp === undefined) break;
    stamps.push(stamp);
  }
  const absent = new Uint8Array();
  const [inputs, settings] = await Promise.all([
    Promise.all(list.inputs.map(async (file) => [file, await readFile(file)])),
    Promise.all(
      list.folders.flatMap((folder) =>
        SETTINGS.map(async (s) => {
          const file = path.join(folder, s);
          return [file, await readFile(file).catch(() => absent)];
        }),
      ),
    ),
  ]);
  const hash = createHash('sha256');
  hash.update(list.key);
  for (const [file, bytes] of [...inputs, ...settings]) {
    hash.update(`\0${file}\0${bytes.length}\0`);
    hash.update(bytes);
  }
  const digest = hash.digest('hex').slice(0, 24);
  const bundle = bundleOf(digest);
  if (!existsSync(bundle)) return null;
  // The files are as built: their stamps now stand for their bytes, for the next start.
  if (stamps.length === files.length) {
    const temporary = `${listFile}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify({ ...list, digest, stamps }))
      .then(() => rename(temporary, listFile))
      .catch(() => undefined);
  }
  return bundle;
}

/** The entry of the prebuilt bundle `name` when it matches the sources, else null. */
export async function findPrebuiltCli(name = 'cli', dirs = cacheDirs()) {
  for (const dir of dirs) {
    const hit = await matching(dir, name).catch(() => null);
    if (hit) return hit;
  }
  return null;
}
