/** Must equal CACHE_VERSION in worker-bundle.ts. */
export const CACHE_VERSION: number;
/** Must equal RECENT_CHANGE_MS in worker-bundle.ts. */
export const RECENT_CHANGE_MS: number;
/** The cache folders worker-bundle.ts's defaultCacheDirs names, in its order. */
export function cacheDirs(): string[];
/** The entry of the prebuilt bundle `name` when it matches the sources, else null. */
export function findPrebuiltCli(name?: string, dirs?: readonly string[]): Promise<string | null>;
