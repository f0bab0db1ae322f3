/** The global through which a process that ran without a usable cache saves one (once). */
export const SAVE_CODE_CACHE: unique symbol;
export function codeCacheFile(file: string): string;
export function cachedCode(bytes: Buffer, digest: Buffer): Buffer | undefined;
export function codeCacheBytes(data: Buffer, digest: Buffer): Buffer;
export function runCachedScript(file: string): boolean;
