export * from './target-record.ts';
export * from './target-forms.ts';
export * from './target-workflow.ts';
