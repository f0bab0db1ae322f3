import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { bundledScript, defaultCacheDirs } from '@jixiao/services/audit';
import { auditWorkerScript } from '@jixiao/services/audit-pool';

/**
 * Builds the prebuilt CLI: main.ts and every workspace source it imports, bundled by esbuild
 * (commands stay chunks loaded when they run; installed packages are imported from node_modules),
 * cached under a digest of those sources (see worker-bundle.ts), and beside it the bundle its
 * audit processes run, so that `npm ci` (and the first run after a change) builds both and the
 * first `jixiao audit` does not wait for one. Returns the CLI entry's path, or why it could not
 * be built.
 */
export async function buildCli(): Promise<string | Error> {
  const [cli] = await Promise.all([
    bundledScript({
      entry: fileURLToPath(new URL('./main.ts', import.meta.url)),
      name: 'cli',
      cacheDirs: defaultCacheDirs(tmpdir()),
      externalPackages: true,
      sourceUrls: true,
      splitting: true,
    }),
    // Its own failure shows on the first audit, which then runs the sources.
    auditWorkerScript(),
  ]);
  return cli;
}
