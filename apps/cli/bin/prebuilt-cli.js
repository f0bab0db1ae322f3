// Finds the prebuilt CLI that matches the sources, in plain JavaScript so that the check costs no
// TypeScript loader. It reads what packages/services/src/audit/worker-bundle.ts writes, with the
// same plain-JavaScript lookup (packages/services/lib/bundle-cache.js): the list of the files the last build compiled
// (`cli.inputs.json`) and the bundle named by the digest of those files' bytes; a bundle is used
// only when the files as they are now give that digest.
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CACHE_VERSION, cachedBundle } from '@jixiao/services/bundle-cache';

export { CACHE_VERSION, RECENT_CHANGE_MS } from '@jixiao/services/bundle-cache';

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

/**
 * Whether a list's build key is one this start can use: of this cache version and this Node
 * (the esbuild version in the middle is not read here, which would cost a module resolution).
 */
const usableKey = (key) =>
  key.startsWith(`v${CACHE_VERSION}|`) && key.endsWith(`|node ${process.versions.node}`);

/** The CLI's entry source, which build-cli.ts bundles. */
export const CLI_ENTRY = fileURLToPath(new URL('../src/main.ts', import.meta.url));

/**
 * The entry of the prebuilt bundle `name` of `entry` when it matches the sources, else null (a
 * bundle built in another checkout of the repository is not this one's).
 */
export async function findPrebuiltCli(name = 'cli', dirs = cacheDirs(), entry = CLI_ENTRY) {
  for (const dir of dirs) {
    const hit = await cachedBundle(
      dir,
      name,
      usableKey,
      (digest) => path.join(dir, `${name}.${digest}`, `${name}.mjs`),
      entry,
    );
    if (hit) return hit;
  }
  return null;
}
