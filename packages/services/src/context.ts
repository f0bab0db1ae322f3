import { randomUUID } from 'node:crypto';
import type { Store } from '@jixiao/db';

/** What every service needs: the store, the clock and an id source (injected for tests). */
export interface ServiceContext extends Store {
  now(): Date;
  newId(): string;
}

export function createContext(
  store: Store,
  overrides: Partial<Pick<ServiceContext, 'now' | 'newId'>> = {},
): ServiceContext {
  return {
    ...store,
    now: overrides.now ?? (() => new Date()),
    newId: overrides.newId ?? (() => randomUUID()),
  };
}

export function nowIso(ctx: ServiceContext): string {
  return ctx.now().toISOString();
}
