/** The cache version of bundle-cache.js (re-exported). */
export const CACHE_VERSION: number;
/** bundle-cache.js's (re-exported). */
export const RECENT_CHANGE_MS: number;
/** The cache folders worker-bundle.ts's defaultCacheDirs names, in its order. */
export function cacheDirs(): string[];
/** The CLI's entry source, which build-cli.ts bundles. */
export const CLI_ENTRY: string;
/** The entry of the prebuilt bundle `name` of `entry` when it matches the sources, else null. */
export function findPrebuiltCli(
  name?: string,
  dirs?: readonly string[],
  entry?: string,
): Promise<string | null>;
