// Runs a CommonJS bundle (the audit processes' script) through V8 with a code cache kept beside
// it, so that a new process neither compiles the bundle's top level nor, for the functions the
// cache holds, compiles them lazily as they are first called: with a cache taken after a process
// has audited some files, a new audit process spends about 0.1 s less CPU before it is ready and
// about 0.3 s less over its first 25 reports. Node 20 has no such cache for ES modules, hence a
// CommonJS bundle run as a script. Plain CommonJS itself: an audit process starts with it (`node
// cached-script.cjs <bundle>`), before any TypeScript loader, and a CommonJS entry starts about
// 40 ms sooner than an ES module one.
'use strict';
const { createHash } = require('node:crypto');
const { readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const path = require('node:path');
const vm = require('node:vm');

const MAGIC = Buffer.from('jixiao code cache 1\n');
const DIGEST_BYTES = 32;

/** The global through which a process that ran without a usable cache saves one (once). */
const SAVE_CODE_CACHE = Symbol.for('jixiao.saveCodeCache');

/**
 * What a cache was made for: the bundle's bytes, this Node and the V8 options of the process (V8
 * refuses a cache made under other options, and the pool starts processes with two sets).
 */
function sourceDigest(source) {
  return createHash('sha256')
    .update(source)
    .update(`\0${process.version}\0${process.arch}\0${JSON.stringify(process.execArgv)}`)
    .digest();
}

/** The cache file of `file` for this process's Node and V8 options. */
function codeCacheFile(file) {
  const options = createHash('sha256')
    .update(`${process.version}\0${process.arch}\0${JSON.stringify(process.execArgv)}`)
    .digest('hex')
    .slice(0, 12);
  return `${file}.${options}.code`;
}

/**
 * The cached code in `bytes` when they hold a cache made for `digest` whose own digest still
 * matches (a cut or damaged file is not handed to V8), else undefined.
 */
function cachedCode(bytes, digest) {
  const head = MAGIC.length + 2 * DIGEST_BYTES;
  if (bytes.length <= head || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const made = bytes.subarray(MAGIC.length, MAGIC.length + DIGEST_BYTES);
  const sum = bytes.subarray(MAGIC.length + DIGEST_BYTES, head);
  const data = bytes.subarray(head);
  if (!made.equals(digest)) return undefined;
  if (!createHash('sha256').update(data).digest().equals(sum)) return undefined;
  return data;
}

/** The bytes of a cache file holding `data`, made for `digest`. */
function codeCacheBytes(data, digest) {
  return Buffer.concat([MAGIC, digest, createHash('sha256').update(data).digest(), data]);
}

const readOrUndefined = (file) => {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
};

let temporaries = 0;

/**
 * Compiles and runs the CommonJS script `file` as Node would run it as the main module, with the
 * code cache beside it when there is a valid one. When there is none (or V8 refused it), the
 * script may call `globalThis[SAVE_CODE_CACHE]()` once it has run its usual work, which writes the
 * cache for the next processes; a cache that cannot be written is no cache. Returns whether a
 * cache was used.
 */
function runCachedScript(file) {
  const bytes = readFileSync(file);
  const digest = sourceDigest(bytes);
  const cacheFile = codeCacheFile(file);
  const stored = readOrUndefined(cacheFile);
  const cachedData = stored === undefined ? undefined : cachedCode(stored, digest);
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${bytes.toString('utf8')}\n})`;
  // No import() callback: Node 20 loses it for a script compiled from a cache, so the script
  // imports by require() (worker-bundle.ts builds it so).
  const options = { filename: file };
  let script;
  try {
    script = new vm.Script(wrapped, cachedData ? { ...options, cachedData } : options);
  } catch (error) {
    // A script that does not compile fails below as it would have; anything else was the cache.
    if (cachedData === undefined) throw error;
    script = new vm.Script(wrapped, options);
  }
  const used = cachedData !== undefined && script.cachedDataRejected !== true;
  if (!used) {
    globalThis[SAVE_CODE_CACHE] = () => {
      delete globalThis[SAVE_CODE_CACHE];
      const temporary = `${cacheFile}.${process.pid}.${++temporaries}.tmp`;
      try {
        writeFileSync(temporary, codeCacheBytes(script.createCachedData(), digest));
        renameSync(temporary, cacheFile);
      } catch {
        // A folder that cannot be written: the next process compiles as this one did.
        rmSync(temporary, { force: true });
      }
    };
  }
  const module = { exports: {}, filename: file, id: '.', loaded: false };
  script
    .runInThisContext()
    .call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  return used;
}

module.exports = { SAVE_CODE_CACHE, codeCacheFile, cachedCode, codeCacheBytes, runCachedScript };

if (require.main === module) runCachedScript(process.argv[2]);
