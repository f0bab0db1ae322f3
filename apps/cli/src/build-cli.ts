import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { bundledScript, defaultCacheDirs } from '@jixiao/services/audit';

/**
 * Builds the prebuilt CLI: main.ts and every workspace source it imports, bundled by esbuild
 * (commands stay chunks loaded when they run; installed packages are imported from node_modules),
 * cached under a digest of those sources (see worker-bundle.ts). Returns the entry's path, or why
 * it could not be built.
 */
export function buildCli(): Promise<string | Error> {
  return bundledScript({
    entry: fileURLToPath(new URL('./main.ts', import.meta.url)),
    name: 'cli',
    cacheDirs: defaultCacheDirs(tmpdir()),
    externalPackages: true,
    sourceUrls: true,
    splitting: true,
  });
}
