/**
 * What listing and loading reports needs, without the readers: which files are reports, the size
 * limit, and the Chinese message of a read error. `jixiao audit` lists and loads with these while
 * its audit processes start, before it loads anything heavier.
 */
export { formatOf, MAX_INPUT_BYTES } from './read/format-of.ts';
export type { ReadableFormat } from './read/format-of.ts';
export { readErrorMessage } from './read/block.ts';
