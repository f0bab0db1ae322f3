/** A file's size, modification and change times, or null where there is no file. */
export type Stamp = [size: number, mtimeMs: number, ctimeMs: number] | null;

export const CACHE_VERSION: number;
export const RECENT_CHANGE_MS: number;
export function settingsFiles(folders: readonly string[]): string[];
export function stampOf(file: string, now: number): Stamp | undefined;
export function stampsOf(files: readonly string[]): Stamp[] | undefined;
export function settingsIn(folders: readonly string[]): Promise<[string, Uint8Array][]>;
export function digestOf(key: string, inputs: readonly (readonly [string, Uint8Array])[]): string;
export function writeAtomically(file: string, data: string | Uint8Array): Promise<void>;
export function cachedBundle(
  dir: string,
  name: string,
  acceptKey: (key: string) => boolean,
  bundleOf: (digest: string) => string,
  entry: string,
): Promise<string | null>;
