// Finds the prebuilt CLI that matches the sources, in plain JavaScript so that the check costs no
// TypeScript loader. It reads what packages/services/src/audit/worker-bundle.ts writes: the list
// of the files the last build compiled (`cli.inputs.json`) and the bundle named by the digest of
// those files' bytes; a bundle is used only when the digest of the files as they are now names it.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
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

async function matching(dir, name) {
  const list = JSON.parse(await readFile(path.join(dir, `${name}.inputs.json`), 'utf8'));
  if (typeof list.key !== 'string' || !Array.isArray(list.inputs) || !Array.isArray(list.folders))
    return null;
  if (
    !list.key.startsWith(`v${CACHE_VERSION}|`) ||
    !list.key.endsWith(`|node ${process.versions.node}`)
  )
    return null;
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
  const bundle = path.join(dir, `${name}.${hash.digest('hex').slice(0, 24)}`, `${name}.mjs`);
  return existsSync(bundle) ? bundle : null;
}

/** The entry of the prebuilt bundle `name` when it matches the sources, else null. */
export async function findPrebuiltCli(name = 'cli', dirs = cacheDirs()) {
  for (const dir of dirs) {
    const hit = await matching(dir, name).catch(() => null);
    if (hit) return hit;
  }
  return null;
}
