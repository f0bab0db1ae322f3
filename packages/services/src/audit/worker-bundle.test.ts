import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledScript, defaultCacheDirs, RECENT_CHANGE_MS } from './worker-bundle.ts';

const root = mkdtempSync(path.join(tmpdir(), 'jixiao-bundle-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const src = path.join(root, 'src');
const cache = path.join(root, 'cache');
const entry = path.join(src, 'entry.ts');
mkdirSync(src, { recursive: true });
const write = (file: string, text: string): void => {
  writeFileSync(path.join(src, file), text);
};

async function run(file: string): Promise<unknown> {
  const mod = (await import(`${pathToFileURL(file).href}?t=${performance.now()}`)) as {
    value: unknown;
  };
  return mod.value;
}

describe('bundledScript', () => {
  it('builds once, reuses the bundle while the sources stay the same, rebuilds when one changes', async () => {
    write(
      'entry.ts',
      "import { part } from './part.ts';\nexport const value: string = `v-${part}`;\n",
    );
    write('part.ts', "export const part: string = 'one';\n");
    write('data.json', '{"n": 1}\n');
    const request = { entry, name: 'w', cacheDirs: [cache] };

    const first = await bundledScript(request);
    if (first instanceof Error) throw first;
    expect(path.dirname(first)).toBe(cache);
    expect(await run(first)).toBe('v-one');
    const builtAt = statSync(first).mtimeMs;

    const second = await bundledScript(request);
    expect(second).toBe(first);
    expect(statSync(first).mtimeMs).toBe(builtAt);

    // A change in an imported module, however small, is a new bundle.
    write('part.ts', "export const part: string = 'two';\n");
    const third = await bundledScript(request);
    if (third instanceof Error) throw third;
    expect(third).not.toBe(first);
    expect(await run(third)).toBe('v-two');

    // A newly imported file is followed too (the entry changed to import it).
    write(
      'entry.ts',
      "import { part } from './part.ts';\nimport data from './data.json' with { type: 'json' };\nexport const value: string = `v-${part}-${data.n}`;\n",
    );
    const fourth = await bundledScript(request);
    if (fourth instanceof Error) throw fourth;
    expect(await run(fourth)).toBe('v-two-1');
    write('data.json', '{"n": 2}\n');
    const fifth = await bundledScript(request);
    if (fifth instanceof Error) throw fifth;
    expect(fifth).not.toBe(fourth);
    expect(await run(fifth)).toBe('v-two-2');
    const { inputs } = JSON.parse(readFileSync(path.join(cache, 'w.inputs.json'), 'utf8')) as {
      inputs: string[];
    };
    expect(inputs).toEqual(
      expect.arrayContaining(['data.json', 'entry.ts', 'part.ts'].map((f) => path.join(src, f))),
    );

    // So is a change in the settings that decide how files resolve and compile.
    writeFileSync(path.join(root, 'tsconfig.json'), '{ "compilerOptions": {} }\n');
    const sixth = await bundledScript(request);
    expect(sixth).not.toBe(fifth);
    writeFileSync(path.join(root, 'tsconfig.json'), '{ "compilerOptions": { "strict": true } }\n');
    const seventh = await bundledScript(request);
    expect(seventh).not.toBe(sixth);
    expect(await bundledScript(request)).toBe(seventh);
  });

  it('trusts the files’ stamps once they are older than a clock tick, and still sees a change of the same size', async () => {
    write('entry.ts', "import { part } from './part.ts';\nexport const value: string = part;\n");
    write('part.ts', "export const part: string = 'aaa';\n");
    const request = { entry, name: 'st', cacheDirs: [cache] };
    const listFile = path.join(cache, 'st.inputs.json');
    const stamps = (): unknown =>
      (JSON.parse(readFileSync(listFile, 'utf8')) as { stamps?: unknown }).stamps;
    const first = await bundledScript(request);
    if (first instanceof Error) throw first;
    // Just written: their stamps could outlive a second change within the same tick.
    expect(stamps()).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, RECENT_CHANGE_MS + 100));
    // Found by digest, and the stamps recorded for the next check.
    expect(await bundledScript(request)).toBe(first);
    expect(Array.isArray(stamps())).toBe(true);
    expect(await bundledScript(request)).toBe(first);
    // The same number of bytes, other bytes: the stamp differs, the digest decides.
    write('part.ts', "export const part: string = 'bbb';\n");
    const changed = await bundledScript(request);
    if (changed instanceof Error) throw changed;
    expect(changed).not.toBe(first);
    expect(await run(changed)).toBe('bbb');
  });

  it('builds a CommonJS script whose import.meta.url is its own and whose import() is a require()', async () => {
    write('esm.mjs', "export const kind = 'esm';\n");
    write(
      'cjs-entry.ts',
      "export const url: string = import.meta.url;\nexport const kind = async (): Promise<string> => ((await import('./esm.mjs')) as { kind: string }).kind;\n",
    );
    const built = await bundledScript({
      entry: path.join(src, 'cjs-entry.ts'),
      name: 'c',
      cacheDirs: [cache],
      format: 'cjs',
    });
    if (built instanceof Error) throw built;
    expect(path.basename(built)).toMatch(/^c\.[0-9a-f]+\.cjs$/);
    expect(readFileSync(built, 'utf8')).not.toContain('import(');
    const mod = createRequire(import.meta.url)(built) as {
      url: string;
      kind: () => Promise<string>;
    };
    expect(mod.url).toBe(pathToFileURL(built).href);
    expect(await mod.kind()).toBe('esm');
  });

  it('uses the next folder when one cannot be written, and says so when none can', async () => {
    const blocked = path.join(root, 'a-file');
    writeFileSync(blocked, '');
    write('entry.ts', 'export const value = 1;\n');
    const other = path.join(root, 'other-cache');
    const built = await bundledScript({
      entry,
      name: 'x',
      cacheDirs: [path.join(blocked, 'cache'), other],
    });
    if (built instanceof Error) throw built;
    expect(path.dirname(built)).toBe(other);
    const none = await bundledScript({ entry, name: 'y', cacheDirs: [path.join(blocked, 'c')] });
    expect(none).toBeInstanceOf(Error);
  });

  it('returns the build error instead of a bundle', async () => {
    write('broken.ts', 'export const = ;\n');
    const result = await bundledScript({
      entry: path.join(src, 'broken.ts'),
      name: 'z',
      cacheDirs: [cache],
    });
    expect(result).toBeInstanceOf(Error);
  });

  it('keeps its cache under node_modules/.cache/jixiao, then the temporary folder', () => {
    const dirs = defaultCacheDirs('/tmp-x');
    expect(dirs.at(-1)).toBe(path.join('/tmp-x', 'jixiao-cache'));
    expect(dirs[0]).toMatch(/node_modules[\\/]\.cache[\\/]jixiao$/);
  });
});
