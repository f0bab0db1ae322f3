export { checkDocument, documentCheckMessage } from './document-checks.ts';
export type { DocumentCheckCode } from './document-checks.ts';
export { locateFindings } from './locate.ts';
