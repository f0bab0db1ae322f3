export * from './read/index.ts';
export * from './write/index.ts';
export * from './extract/index.ts';
