import { readFileSync, readdirSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '@jixiao/db';
import type { DatabaseTarget } from '@jixiao/db';
import { createContext, seedDemo } from '@jixiao/services';
import type { DemoAccount, ServiceContext } from '@jixiao/services';
import { buildApp } from './app.ts';
import type { TrustProxy } from './app.ts';

/** The repository root, computed from this file's place (apps/server/src). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export interface ServerOptions {
  target: DatabaseTarget;
  port: number;
  host?: string | undefined;
  demo?: boolean | undefined;
  demoPassword?: string | undefined;
  webDist?: string | undefined;
  logger?: boolean | undefined;
  /** Behind reverse proxies: the hops (or proxy addresses) whose X-Forwarded-* are trusted. */
  trustProxy?: TrustProxy | undefined;
}

export interface RunningServer {
  url: string;
  ctx: ServiceContext;
  demoAccounts: DemoAccount[] | null;
  close(): Promise<void>;
}

/** The four corpus reports as transcribed fixtures (numbered files), and the template of generated ones. */
export function readDemoFixtures(root = REPO_ROOT): { corpus: unknown[]; template: unknown } {
  const dir = join(root, 'fixtures', 'evaluations');
  const corpus = readdirSync(dir)
    .filter((name) => /^\d{3}_.*\.json$/.test(name))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as unknown);
  const template = JSON.parse(
    readFileSync(join(dir, 'clean-hunan-department.json'), 'utf8'),
  ) as unknown;
  return { corpus, template };
}

/** Whether another process has seeded the demo: its accounts appear within 30 s. */
async function someoneSeeded(ctx: ServiceContext): Promise<boolean> {
  for (let i = 0; i < 300; i += 1) {
    const users = await ctx.db.selectFrom('users').select('id').limit(1).execute();
    if (users.length > 0) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

/** Opens (and migrates) the database, seeds the demo when asked and the database is empty, listens. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  if ('sqliteFile' in options.target)
    mkdirSync(dirname(resolve(options.target.sqliteFile)), { recursive: true });
  const store = await openStore(options.target);
  const ctx = createContext(store);
  let demoAccounts: DemoAccount[] | null = null;
  if (options.demo === true) {
    const users = await ctx.db.selectFrom('users').select('id').limit(1).execute();
    if (users.length === 0) {
      try {
        demoAccounts = await seedDemo(ctx, {
          password: options.demoPassword ?? 'jixiao-demo',
          ...readDemoFixtures(),
        });
      } catch (error) {
        // Another process seeding the same database at once wins the race; its demo is the one.
        if (!(await someoneSeeded(ctx))) throw error;
      }
    }
    if (demoAccounts === null) {
      const rows = await ctx.db
        .selectFrom('users as u')
        .leftJoin('departments as d', 'd.id', 'u.department_id')
        .select(['u.username', 'u.role', 'd.name'])
        .orderBy('u.username')
        .execute();
      demoAccounts = rows.map((r) => ({
        username: r.username,
        role: r.role,
        departmentName: r.name,
      }));
    }
  }
  const webDist = options.webDist ?? join(REPO_ROOT, 'apps', 'web', 'dist');
  const app = await buildApp({
    ctx,
    webDist: existsSync(webDist) ? webDist : undefined,
    logger: options.logger ?? false,
    trustProxy: options.trustProxy,
  });
  const host = options.host ?? '127.0.0.1';
  try {
    await app.listen({ port: options.port, host });
  } catch (error) {
    // A port already taken must not leave the database and the app's timers holding the process.
    await app.close().catch(() => undefined);
    await store.close().catch(() => undefined);
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    ctx,
    demoAccounts,
    async close() {
      await app.close();
      await store.close();
    },
  };
}
