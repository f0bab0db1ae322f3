import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '@jixiao/db/testing';
import { Client, createWorld } from './testing/harness.ts';
import type { World } from './testing/harness.ts';

describe.each(TEST_DIALECTS)('the web app on %s', (dialect) => {
  let world: World;
  const dist = mkdtempSync(join(tmpdir(), 'jixiao-dist-'));
  beforeAll(async () => {
    writeFileSync(
      join(dist, 'index.html'),
      '<!doctype html><title>jixiao</title><div id="root"></div>',
    );
    writeFileSync(join(dist, 'app.js'), 'console.log(1)');
    world = await createWorld(dialect, { webDist: dist });
  });
  afterAll(async () => {
    await world.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves the built files, falls back to index.html for app paths, and keeps /api 404s in JSON', async () => {
    const client = new Client(world.app);
    expect((await client.get('/app.js')).body).toBe('console.log(1)');
    const root = await client.get('/');
    expect(root.body).toContain('<div id="root">');
    const deep = await client.get('/review/123');
    expect(deep.statusCode).toBe(200);
    expect(deep.headers['content-type']).toMatch(/text\/html/);
    const api = await client.get('/api/unknown');
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('NOT_FOUND');
  });
});
