export * from './target-form.ts';
export * from './target-checks.ts';
export * from './from-targets.ts';
export * from './target-tie.ts';
export * from './monitoring.ts';
export * from './target-changes.ts';
