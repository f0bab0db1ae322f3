export {
  readDocument,
  formatOf,
  MAX_INPUT_BYTES,
  readErrorMessage,
  headingInfo,
  headingNumber,
  decodeText,
  parseTextLines,
  usualForms,
  nestedMessage,
  readZipDirectory,
  ZipError,
} from './read/index.ts';
export type {
  Block as SourceBlock,
  BlockKind as SourceBlockKind,
  TableRow as SourceTableRow,
  SourceDocument,
  SourceFormat,
  ReadResult,
  ReadError,
  ReadErrorCode,
  HeadingNumber,
  NumberStyle as HeadingNumberStyle,
  HeadingInfo,
  ReadableFormat,
} from './read/index.ts';
export * from './write/index.ts';
export * from './extract/index.ts';
export * from './audit/index.ts';
export * from './xlsx/index.ts';
export * from './targets/index.ts';
