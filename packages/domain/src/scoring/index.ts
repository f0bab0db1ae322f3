export * from './parse-rulebook.ts';
export * from './score-evaluation.ts';
export { scoreLeaf, type LeafScore } from './score-leaf.ts';
export { normalizeIndicatorName } from './bind-indicators.ts';
