export { buildApp } from './app.ts';
export type { AppOptions } from './app.ts';
export { startServer } from './start-server.ts';
export type { ServerOptions, RunningServer } from './start-server.ts';
