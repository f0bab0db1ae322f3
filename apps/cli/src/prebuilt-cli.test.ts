import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledScript, defaultCacheDirs, RECENT_CHANGE_MS } from '@jixiao/services/audit';

import * as finder from '../bin/prebuilt-cli.js';

const root = mkdtempSync(path.join(tmpdir(), 'jixiao-prebuilt-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const src = path.join(root, 'src');
const cache = path.join(root, 'cache');
const write = (file: string, text: string): void => {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
};

describe('the prebuilt CLI', () => {
  it('is a split bundle with the sources’ URLs, loading installed packages from node_modules', async () => {
    const pkg = path.join(root, 'node_modules', 'fake-pkg');
    write(path.join(pkg, 'package.json'), '{ "name": "fake-pkg", "main": "index.js" }\n');
    write(path.join(pkg, 'index.js'), "exports.hello = 'from-package';\n");
    write(
      path.join(src, 'entry.ts'),
      [
        "import { hello } from 'fake-pkg';",
        'export const here: string = import.meta.url;',
        'export const value: string = hello;',
        "export const later = async (): Promise<string> => (await import('./later.ts')).value;",
      ].join('\n'),
    );
    write(path.join(src, 'later.ts'), "export const value: string = 'later';\n");
    const entry = path.join(src, 'entry.ts');
    const request = {
      entry,
      name: 's',
      cacheDirs: [cache],
      externalPackages: true,
      sourceUrls: true,
      splitting: true,
    };
    const built = await bundledScript(request);
    if (built instanceof Error) throw built;
    expect(path.basename(built)).toBe('s.mjs');
    expect(readdirSync(path.dirname(built)).length).toBeGreaterThan(1); // later.ts is a chunk
    const mod = (await import(pathToFileURL(built).href)) as {
      here: string;
      value: string;
      later(): Promise<string>;
    };
    expect(mod.here).toBe(pathToFileURL(path.join(src, 'entry.ts')).href);
    expect(mod.value).toBe('from-package');
    await expect(mod.later()).resolves.toBe('later');
    const text = readFileSync(built, 'utf8');
    expect(text).toContain(pathToFileURL(path.join(pkg, 'index.js')).href);
    expect(text).not.toContain("exports.hello = 'from-package'");

    // The command's own check (plain JavaScript) finds exactly the bundle of the sources as they are.
    expect(await finder.findPrebuiltCli('s', [cache], entry)).toBe(built);
    write(path.join(src, 'later.ts'), "export const value: string = 'changed';\n");
    expect(await finder.findPrebuiltCli('s', [cache], entry)).toBeNull();
    const rebuilt = await bundledScript(request);
    if (rebuilt instanceof Error) throw rebuilt;
    expect(rebuilt).not.toBe(built);
    expect(await finder.findPrebuiltCli('s', [cache], entry)).toBe(rebuilt);

    // Once the files are older than a clock tick, their stamps are recorded and trusted; a change
    // of the same size still misses.
    await new Promise((resolve) => setTimeout(resolve, RECENT_CHANGE_MS + 100));
    expect(await finder.findPrebuiltCli('s', [cache], entry)).toBe(rebuilt);
    const list = JSON.parse(readFileSync(path.join(cache, 's.inputs.json'), 'utf8')) as {
      stamps?: unknown[];
    };
    expect(list.stamps?.length).toBeGreaterThan(0);
    expect(await finder.findPrebuiltCli('s', [cache], entry)).toBe(rebuilt);
    // A bundle built from another checkout's sources (a copied or moved repository, the shared
    // temporary cache) is not this checkout's, even while those sources are unchanged.
    const other = path.join(root, 'other', 'src', 'entry.ts');
    write(other, readFileSync(entry, 'utf8'));
    expect(await finder.findPrebuiltCli('s', [cache], other)).toBeNull();
    expect(await finder.findPrebuiltCli('s', [cache], entry)).toBe(rebuilt);

    write(path.join(src, 'later.ts'), "export const value: string = 'changes';\n");
    expect(await finder.findPrebuiltCli('s', [cache], entry)).toBeNull();
  });

  it('is looked for where the builder keeps it', () => {
    expect(finder.cacheDirs()).toEqual(defaultCacheDirs(tmpdir()));
  });

  it('runs as the jixiao command, and the sources run the same when asked for', () => {
    const bin = path.resolve(import.meta.dirname, '../bin/jixiao.js');
    const prebuilt = spawnSync(process.execPath, [bin, 'rulebooks', '--format', 'json'], {
      encoding: 'utf8',
    });
    const source = spawnSync(process.execPath, [bin, 'rulebooks', '--format', 'json'], {
      encoding: 'utf8',
      env: { ...process.env, JIXIAO_CLI: 'source' },
    });
    expect(prebuilt.status).toBe(0);
    expect(prebuilt.stdout).toBe(source.stdout);
    expect(JSON.parse(prebuilt.stdout)).toBeTruthy();
  }, 60_000);
});
