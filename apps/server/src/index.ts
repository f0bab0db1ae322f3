export { buildApp } from './app.ts';
export type { AppOptions, TrustProxy } from './app.ts';
export { startServer } from './start-server.ts';
export type { ServerOptions, RunningServer } from './start-server.ts';
