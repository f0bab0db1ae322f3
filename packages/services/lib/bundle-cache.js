// How a prebuilt bundle is found again: the list of the files its build read
// (`<name>.inputs.json`), their stamps and the digest of their bytes. Plain JavaScript, so that
// the `jixiao` command (apps/cli/bin/prebuilt-cli.js) checks its prebuilt bundle before any
// TypeScript loader is started; src/audit/worker-bundle.ts, which builds the bundles, looks them
// up with the same code.
import { createHash } from 'node:crypto';
import { existsSync, realpathSync, statSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Bump when the layout of the cache or the way bundles are built changes. */
export const CACHE_VERSION = 2;

/**
 * Stamps of files changed this recently are not recorded: the kernel's clock for file times
 * advances in ticks, and a second change within the tick of the first would keep its stamp (git's
 * "racily clean" entries). Such a list is checked by its digest until a later check records them.
 */
export const RECENT_CHANGE_MS = 1000;

// The lock file stands for what node_modules holds: packages left out of a bundle are imported
// by the paths of the install it was built against.
const SETTINGS = ['package.json', 'tsconfig.json', 'package-lock.json'];

/** Each folder's settings files, in the order a list's stamps and digest take them. */
export const settingsFiles = (folders) =>
  folders.flatMap((dir) => SETTINGS.map((name) => path.join(dir, name)));

/** The stamp of `file` now; undefined when it cannot be told or the file changed too recently. */
export function stampOf(file, now) {
  try {
    const s = statSync(file);
    if (now - Math.max(s.mtimeMs, s.ctimeMs) < RECENT_CHANGE_MS) return undefined;
    return [s.size, s.mtimeMs, s.ctimeMs];
  } catch (error) {
    const code = error?.code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? null : undefined;
  }
}

/** Stamps of `files`, or undefined when one cannot be recorded. */
export function stampsOf(files) {
  const now = Date.now();
  const stamps = [];
  for (const file of files) {
    const stamp = stampOf(file, now);
    if (stamp === undefined) return undefined;
    stamps.push(stamp);
  }
  return stamps;
}

const sameStamp = (a, b) =>
  a === null || b === null || a === undefined || b === undefined
    ? a === b
    : a[0] === b[0] && a[1] === b[1] && a[2] === b[2];

const sameStamps = (a, b) =>
  Array.isArray(a) && a.length === b.length && a.every((x, i) => sameStamp(x, b[i]));

/** Every file a list's digest covers: its inputs, then each folder's settings files. */
const filesOf = (list) => [...list.inputs, ...settingsFiles(list.folders)];

/** Whether every file of `list` still has the stamp recorded with its digest. */
function unchanged(list) {
  const files = filesOf(list);
  if (!Array.isArray(list.stamps) || list.stamps.length !== files.length) return false;
  const now = Date.now();
  return files.every((file, i) => sameStamp(stampOf(file, now), list.stamps[i]));
}

/**
 * Each folder's package.json, tsconfig.json and lock file, or an empty entry where there is none:
 * they decide how imports resolve and how TypeScript compiles, and one may appear later.
 */
export async function settingsIn(folders) {
  const absent = new Uint8Array();
  return Promise.all(
    settingsFiles(folders).map(async (file) => [file, await readFile(file).catch(() => absent)]),
  );
}

/** Digest of the build key and each input's path and bytes. */
export function digestOf(key, inputs) {
  const hash = createHash('sha256');
  hash.update(key);
  for (const [file, bytes] of inputs) {
    hash.update(`\0${file}\0${bytes.length}\0`);
    hash.update(bytes);
  }
  return hash.digest('hex').slice(0, 24);
}

/** `entry` with its links resolved, as the bundler names the files it reads. */
function realEntry(entry) {
  try {
    return realpathSync(entry);
  } catch {
    return entry;
  }
}

let temporaries = 0;

/** Writes through a temporary file and a rename: a reader sees the old file or the new one. */
export async function writeAtomically(file, data) {
  const temporary = `${file}.${process.pid}.${++temporaries}.tmp`;
  await writeFile(temporary, data);
  await rename(temporary, file);
}

/**
 * The bundle the list `<name>.inputs.json` in `dir` names when it was built from `entry` and every
 * file it was built from is unchanged, else null. A list built from another checkout's entry (a
 * copied or moved repository, or the shared temporary cache) is never taken: its digest covers
 * that checkout's files, not these. When every file still has its recorded stamp the digest is trusted as it
 * stands (a start does not read and hash some 400 files); otherwise the files are read and hashed,
 * and where the digest names an existing bundle their stamps are recorded for the next check
 * (stamped before their bytes are read: a change meanwhile shows at the next check).
 */
export async function cachedBundle(dir, name, acceptKey, bundleOf, entry) {
  try {
    const listFile = path.join(dir, `${name}.inputs.json`);
    const list = JSON.parse(await readFile(listFile, 'utf8'));
    if (
      typeof list.key !== 'string' ||
      !acceptKey(list.key) ||
      !Array.isArray(list.inputs) ||
      !Array.isArray(list.folders) ||
      !(list.inputs.includes(entry) || list.inputs.includes(realEntry(entry)))
    )
      return null;
    if (typeof list.digest === 'string' && unchanged(list)) {
      const bundle = bundleOf(list.digest);
      if (existsSync(bundle)) return bundle;
    }
    const stamps = stampsOf(filesOf(list));
    const inputs = await Promise.all(list.inputs.map(async (file) => [file, await readFile(file)]));
    const digest = digestOf(list.key, [...inputs, ...(await settingsIn(list.folders))]);
    const bundle = bundleOf(digest);
    if (!existsSync(bundle)) return null;
    if (stamps && (list.digest !== digest || !sameStamps(list.stamps, stamps)))
      await writeAtomically(listFile, JSON.stringify({ ...list, digest, stamps })).catch(
        () => undefined,
      );
    return bundle;
  } catch {
    return null;
  }
}
