export { targetTableBlock } from './target-table.ts';
export { renderTargetTableDocx, renderTargetTableXlsx } from './render-target-table.ts';
export { readTargetTable, targetFormFromRows } from './read-target-table.ts';
export type { GridRow, TargetTableRead } from './read-target-table.ts';
