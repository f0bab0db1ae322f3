import type { ParamValue } from '@jixiao/domain';

/** The figures and names a document finding carries, which its Chinese message is built from. */
export type Params = Record<string, ParamValue>;

/** A finding's parameter as message text: an absent one reads as nothing. */
export const str = (p: Params, k: string): string => String(p[k] ?? '');
