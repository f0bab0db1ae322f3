import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openStore } from '@jixiao/db';
import type { Store } from '@jixiao/db';
import { TEST_DIALECTS, createTestDatabase } from '@jixiao/db/testing';
import type { TestDatabase } from '@jixiao/db/testing';
import { SESSION_CACHE_MS, loadActor, login, logout, sessionFor } from './auth.ts';
import { createContext } from './context.ts';
import type { ServiceContext } from './context.ts';
import { createRegion, createUser, updateUser } from './directory.ts';

const PASSWORD = 'Passw0rd-cache';

describe.each(TEST_DIALECTS)('cached sessions on %s', (dialect) => {
  let testDb: TestDatabase;
  let store: Store;
  let here: ServiceContext;
  let elsewhere: ServiceContext;
  let regionId: string;
  beforeAll(async () => {
    testDb = await createTestDatabase(dialect);
    store = await openStore(testDb.target);
    // Two contexts on one database stand for two server processes.
    here = createContext(store);
    elsewhere = createContext(store);
    regionId = (await createRegion(here, { name: '示范市', financeBureau: '示范市财政局' })).id;
    await createUser(here, null, { username: 'admin', password: PASSWORD, role: 'admin' });
    await createUser(here, null, {
      username: 'user',
      password: PASSWORD,
      role: 'reviewer',
      regionId,
    });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  afterAll(async () => {
    await store.close();
    testDb.dispose();
  });

  const signIn = (username: string) =>
    login(here, { username, password: PASSWORD, ip: '127.0.0.1' });

  it('ends a session at once where it was logged out, elsewhere within the cache time', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { token, actor } = await signIn('user');
    expect((await sessionFor(here, token))?.actor.username).toBe('user');
    expect((await sessionFor(elsewhere, token))?.actor.username).toBe('user');
    await logout(here, token, actor);
    expect(await sessionFor(here, token)).toBeNull();
    vi.setSystemTime(Date.now() + SESSION_CACHE_MS + 1);
    expect(await sessionFor(elsewhere, token)).toBeNull();
  });

  it('applies a disabled account or a new role to the next request on the same process', async () => {
    const admin = await loadActor(here, (await signIn('admin')).actor.id);
    if (admin === null) throw new Error('admin missing');
    const { token, actor } = await signIn('user');
    expect((await sessionFor(here, token))?.actor.role).toBe('reviewer');
    await updateUser(here, admin, actor.id, { role: 'admin' });
    expect((await sessionFor(here, token))?.actor.role).toBe('admin');
    await updateUser(here, admin, actor.id, { disabled: true });
    expect(await sessionFor(here, token)).toBeNull();
  });

  it('still refuses a session that expires while it sits in the cache', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    await createUser(here, null, {
      username: 'late',
      password: PASSWORD,
      role: 'reviewer',
      regionId,
    });
    const { token, actor } = await signIn('late');
    const soon = new Date(Date.now() + SESSION_CACHE_MS / 4).toISOString();
    await store.db
      .updateTable('sessions')
      .set({ expires_at: soon })
      .where('user_id', '=', actor.id)
      .execute();
    expect(await sessionFor(here, token)).not.toBeNull();
    vi.setSystemTime(Date.now() + SESSION_CACHE_MS / 2);
    expect(await sessionFor(here, token)).toBeNull();
  });
});
