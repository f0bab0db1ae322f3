export { extractEvaluation, chapterKeyOf, UNKNOWN_UNIT } from './extract-evaluation.ts';
export type { ExtractedReport, ExtractionWarning } from './extract-evaluation.ts';
export { buildOutline } from './outline.ts';
export type { OutlineEntry, NumberingIssue } from './outline.ts';
export type { RulebookGuess } from './rulebook-guess.ts';
export { squash, excerptOf } from './text.ts';
export type { Sentence } from './text.ts';
