export * from './block.ts';
export * from './heading.ts';
export { readDocument, formatOf, MAX_INPUT_BYTES } from './read-document.ts';
export type { ReadableFormat } from './read-document.ts';
export { decodeText, parseTextLines } from './read-text.ts';
export { usualForms } from './form-variants.ts';
export { nestedMessage, readZipDirectory, ZipError } from './zip.ts';
