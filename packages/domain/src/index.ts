export * from './money.ts';
export * from './ratio.ts';
export * from './points.ts';
export * from './expression.ts';
export * from './evaluation.ts';
export * from './rulebook.ts';
export * from './finding.ts';
export * from './score-sheet.ts';
