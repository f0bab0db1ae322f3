export * from './parse-rulebook.ts';
