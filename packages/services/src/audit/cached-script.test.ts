import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cachedCode, codeCacheBytes } from '../../lib/cached-script.cjs';

const runner = fileURLToPath(new URL('../../lib/cached-script.cjs', import.meta.url));
const root = mkdtempSync(path.join(tmpdir(), 'jixiao-code-cache-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// A script that says whether it ran without a cache (the save hook is set), uses what a CommonJS
// module has (require, __filename), requires an ES module (as a bundle's import() does, pdfjs-dist
// for one), then saves a cache when asked to.
const script = path.join(root, 'script.cjs');
writeFileSync(path.join(root, 'esm.mjs'), "export const kind = 'function';\n");
const writeScript = (word: string): void => {
  writeFileSync(
    script,
    `const save = globalThis[Symbol.for('jixiao.saveCodeCache')];
const name = require('node:path').basename(__filename);
Promise.resolve(require('./esm.mjs')).then((esm) => {
  console.log([${JSON.stringify(word)}, name, esm.kind, save ? 'compiled' : 'cached'].join(' '));
  if (save) save();
});
`,
  );
};
const run = (): string =>
  execFileSync(process.execPath, [runner, script], { encoding: 'utf8' }).trim();
const cacheFile = (): string => {
  const files = execFileSync('ls', [root], { encoding: 'utf8' }).split('\n');
  const found = files.find((f) => f.endsWith('.code'));
  if (!found) throw new Error('no code cache');
  return path.join(root, found);
};

describe('runCachedScript', () => {
  it('runs a CommonJS script, saves its code cache when asked and uses it in the next process', () => {
    writeScript('one');
    expect(run()).toBe('one script.cjs function compiled');
    expect(run()).toBe('one script.cjs function cached');
  });

  it('compiles again, and saves a new cache, when the cache is damaged, cut or of other bytes', () => {
    writeScript('two');
    run();
    expect(run()).toBe('two script.cjs function cached');
    const file = cacheFile();
    const bytes = readFileSync(file);
    const damaged = Buffer.from(bytes);
    damaged[damaged.length - 10] = (damaged[damaged.length - 10] ?? 0) ^ 0xff;
    writeFileSync(file, damaged);
    expect(run()).toBe('two script.cjs function compiled');
    expect(run()).toBe('two script.cjs function cached');
    writeFileSync(file, bytes.subarray(0, 40));
    expect(run()).toBe('two script.cjs function compiled');
    // The same length, other bytes: a cache made for the old script is not used.
    writeScript('six');
    expect(run()).toBe('six script.cjs function compiled');
    expect(run()).toBe('six script.cjs function cached');
  });

  it('gives back the cached code only for the digest it was made for, and whole', () => {
    const digest = Buffer.alloc(32, 1);
    const data = Buffer.from('code');
    const bytes = codeCacheBytes(data, digest);
    expect(cachedCode(bytes, digest)?.toString()).toBe('code');
    expect(cachedCode(bytes, Buffer.alloc(32, 2))).toBeUndefined();
    expect(cachedCode(bytes.subarray(0, bytes.length - 1), digest)).toBeUndefined();
    expect(cachedCode(Buffer.from('nonsense'), digest)).toBeUndefined();
  });
});
