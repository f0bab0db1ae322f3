/** Must equal CACHE_VERSION in worker-bundle.ts. */
export const CACHE_VERSION: number;
/** The cache folders worker-bundle.ts's defaultCacheDirs names, in its order. */
export function cacheDirs(): string[];
/** The entry of the prebuilt bundle `name` when it matches the sources, else null. */
export function findPrebuiltCli(name?: string, dirs?: readonly string[]): Promise<string | null>;
