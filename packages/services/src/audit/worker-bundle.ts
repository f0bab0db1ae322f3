import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Esbuild from 'esbuild';
import {
  CACHE_VERSION,
  cachedBundle,
  digestOf,
  settingsFiles,
  settingsIn,
  stampOf,
  stampsOf,
  writeAtomically,
} from '../../lib/bundle-cache.js';
import type { Stamp } from '../../lib/bundle-cache.js';

export { CACHE_VERSION, RECENT_CHANGE_MS } from '../../lib/bundle-cache.js';

/**
 * An audit process that imports TypeScript through tsx compiles every module it loads, in every
 * new process: about half a second of start-up each. Bundling the worker's entry and all it
 * imports into one plain JavaScript file once, and starting processes from that file, leaves only
 * the parse. The bundle is kept in a cache folder under the name of a digest of every byte it was
 * built from; a change to any of those files changes the digest, so a stale bundle is never used.
 */

export interface BundleRequest {
  /** Absolute path of the entry module. */
  entry: string;
  /** Name of the bundle in the cache folder: `<name>.<digest>.mjs` (`.cjs`: see `format`). */
  name: string;
  /** Folders to keep bundles in, tried in order until one is writable. */
  cacheDirs: readonly string[];
  /**
   * Leave installed packages out (any import but `@jixiao/*` and relative ones): they are loaded
   * from node_modules at run time, by the absolute path the build resolved them to.
   */
  externalPackages?: boolean;
  /**
   * Keep each module's `import.meta.url` its source file's URL, so paths worked out from it (the
   * repository root, a worker's entry) are the same as when the sources run.
   */
  sourceUrls?: boolean;
  /**
   * Modules loaded by `import()` stay chunks of their own: the bundle is a folder
   * `<name>.<digest>/` holding `<name>.mjs` and its chunks.
   */
  splitting?: boolean;
  /**
   * `cjs`: one CommonJS script `<name>.<digest>.cjs` (not with `splitting`, `externalPackages` or
   * `sourceUrls`), which lib/cached-script.cjs runs with a V8 code cache; `import.meta.url` in it
   * is the bundle's own URL, as in an ES module bundle, and `import()` is a require() (of an ES
   * module too, which Node 20.19 and later can do). `esm` (the default): an ES module.
   */
  format?: 'esm' | 'cjs';
}

/** What the last build of `name` read: checked before a cached bundle is used. */
interface InputList {
  key: string;
  /** The files esbuild read. */
  inputs: string[];
  /** Their folders and the folders above: a package.json or tsconfig.json there counts too. */
  folders: string[];
  /** The digest of the bytes of the inputs and settings when `stamps` were taken. */
  digest?: string;
  /**
   * Each input's, then each settings file's (folders × SETTINGS) stamp, taken before its bytes
   * were read for `digest`: when every file still has its stamp, the bytes are the same and the
   * digest need not be computed again (the start of every command would otherwise read and hash
   * some 400 files).
   */
  stamps?: Stamp[];
}

/** The esbuild that tsx runs (it is always installed with tsx), or an Error when missing. */
export function loadEsbuild(): typeof Esbuild | Error {
  try {
    const require = createRequire(import.meta.url);
    const fromTsx = createRequire(require.resolve('tsx/esm/api'));
    return fromTsx('esbuild') as typeof Esbuild;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** Folders for the cache: node_modules/.cache/jixiao beside the installed tsx, then the OS temp. */
export function defaultCacheDirs(tmp: string): string[] {
  const dirs: string[] = [];
  try {
    const tsx = createRequire(import.meta.url).resolve('tsx/esm/api');
    const marker = `${path.sep}node_modules${path.sep}`;
    const at = tsx.lastIndexOf(marker);
    if (at >= 0) dirs.push(path.join(tsx.slice(0, at + marker.length), '.cache', 'jixiao'));
  } catch {
    // No tsx: only the temporary folder.
  }
  dirs.push(path.join(tmp, 'jixiao-cache'));
  return dirs;
}

const loaderFor = (file: string): Esbuild.Loader => {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.ts' || ext === '.mts' || ext === '.cts') return 'ts';
  if (ext === '.tsx') return 'tsx';
  if (ext === '.json') return 'json';
  return 'js';
};

function buildKey(esbuildVersion: string): string {
  return `v${CACHE_VERSION}|esbuild ${esbuildVersion}|node ${process.versions.node}`;
}

/**
 * The version of the esbuild that tsx runs, from its package.json: finding a cached bundle does
 * not load esbuild itself (about 20 ms). An Error when it is missing.
 */
function esbuildVersion(): string | Error {
  try {
    const require = createRequire(import.meta.url);
    const fromTsx = createRequire(require.resolve('tsx/esm/api'));
    const manifest = JSON.parse(readFileSync(fromTsx.resolve('esbuild/package.json'), 'utf8')) as {
      version?: unknown;
    };
    if (typeof manifest.version !== 'string') return new Error('esbuild has no version');
    return manifest.version;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** The folders holding `files` and every folder above them. */
function foldersOf(files: readonly string[]): string[] {
  const folders = new Set<string>();
  for (const file of files) {
    for (let dir = path.dirname(file); !folders.has(dir); dir = path.dirname(dir)) {
      folders.add(dir);
      if (path.dirname(dir) === dir) break;
    }
  }
  return [...folders].sort();
}

/** The cached bundle when every input it was built from is unchanged, else null. */
function cached(
  dir: string,
  name: string,
  key: string,
  layout: Layout,
  entry: string,
): Promise<string | null> {
  return cachedBundle(
    dir,
    name,
    (listed) => listed === key,
    (digest) => bundlePath(dir, name, digest, layout),
    entry,
  );
}

/** How a bundle is laid out: one ES module, ES modules split into chunks, or one CommonJS script. */
type Layout = 'esm' | 'split' | 'cjs';

/** Where a bundle lives: one file, or (split) the entry file in a folder of its own. */
function bundlePath(dir: string, name: string, digest: string, layout: Layout): string {
  if (layout === 'split') return path.join(dir, `${name}.${digest}`, `${name}.mjs`);
  return path.join(dir, `${name}.${digest}.${layout === 'cjs' ? 'cjs' : 'mjs'}`);
}

const SOURCE_URL = '__jixiaoSourceUrl';
/** In a CommonJS bundle, the bundle's own URL, which `import.meta.url` is defined as. */
const BUNDLE_URL = '__jixiaoBundleUrl';

/**
 * Removes this bundle's versions built over a day ago from other sources (a process still running
 * from one notices that it is gone and starts its processes from the sources instead).
 */
async function pruneOld(dir: string, name: string, keep: string): Promise<void> {
  const day = 86_400_000;
  for (const entry of await readdir(dir)) {
    const file = path.join(dir, entry);
    if (!entry.startsWith(`${name}.`) || file === keep || file === path.dirname(keep)) continue;
    // The kept bundle's code caches (lib/cached-script.cjs) stay with it.
    if (entry.startsWith(`${path.basename(keep)}.`)) continue;
    if (entry.endsWith('.inputs.json')) continue;
    const info = await stat(file).catch(() => null);
    if (info && Date.now() - info.mtimeMs > day) await rm(file, { force: true, recursive: true });
  }
}

/**
 * The path of a bundle of `entry` and everything it imports (node_modules included) as one ES
 * module for Node (or CommonJS script, or ES module and chunks: see `format` and `splitting`), built when no cached bundle matches the current sources. The digest covers
 * exactly the bytes esbuild compiled (they are read through a plugin), the esbuild and Node
 * versions. Returns an Error when esbuild is missing, the build fails or no folder is writable.
 */
export async function bundledScript(request: BundleRequest): Promise<string | Error> {
  const version = esbuildVersion();
  if (version instanceof Error) return version;
  const key = buildKey(version);
  const splitting = request.splitting ?? false;
  const commonJs = request.format === 'cjs';
  if (commonJs && (splitting || request.externalPackages || request.sourceUrls))
    return new Error('a CommonJS bundle is one file of everything it imports');
  const layout: Layout = splitting ? 'split' : commonJs ? 'cjs' : 'esm';
  for (const dir of request.cacheDirs) {
    const hit = await cached(dir, request.name, key, layout, request.entry);
    if (hit) return hit;
  }
  const esbuild = loadEsbuild();
  if (esbuild instanceof Error) return esbuild;
  // The version the key names is the one that builds (a reinstall between the two: no cache).
  if (esbuild.version !== version) return new Error('esbuild changed while looking for a bundle');
  const read = new Map<string, Uint8Array>();
  /** Each input's stamp, taken before esbuild read it (undefined: changed too recently). */
  const stamped = new Map<string, Stamp | undefined>();
  // esbuild reads every file through this plugin: the digest covers exactly what it compiled.
  const digestInputs: Esbuild.Plugin = {
    name: 'digest-inputs',
    setup(build) {
      build.onLoad({ filter: /.*/ }, async (args) => {
        if (args.namespace !== 'file') return undefined;
        stamped.set(args.path, stampOf(args.path, Date.now()));
        const bytes = await readFile(args.path);
        read.set(args.path, bytes);
        const text = request.sourceUrls ? new TextDecoder().decode(bytes) : '';
        if (!text.includes('import.meta.url'))
          return { contents: bytes, loader: loaderFor(args.path) };
        // `import.meta.url` is defined as this name, declared in each module that uses it (the
        // bundler keeps each module's declaration its own).
        const url = JSON.stringify(pathToFileURL(args.path).href);
        return {
          contents: `const ${SOURCE_URL} = ${url};\n${text}`,
          loader: loaderFor(args.path),
        };
      });
    },
  };
  // Installed packages are imported by the file the resolver finds for them, as Node would.
  const leaveOutPackages: Esbuild.Plugin = {
    name: 'external-packages',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.path.startsWith('@jixiao/') || args.path.startsWith('node:')) return undefined;
        if (args.pluginData === 'external-packages') return undefined;
        const found = await build.resolve(args.path, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          importer: args.importer,
          pluginData: 'external-packages',
        });
        if (found.errors.length > 0 || found.external || !path.isAbsolute(found.path))
          return { path: args.path, external: true };
        return { path: pathToFileURL(found.path).href, external: true };
      });
    },
  };
  let result: Esbuild.BuildResult<{ write: false }>;
  try {
    result = await esbuild.build({
      entryPoints: [request.entry],
      bundle: true,
      platform: 'node',
      format: commonJs ? 'cjs' : 'esm',
      target: `node${process.versions.node.split('.')[0] ?? '20'}`,
      write: false,
      logLevel: 'silent',
      ...(splitting
        ? {
            splitting: true,
            outdir: '/bundle',
            entryNames: request.name,
            outExtension: { '.js': '.mjs' },
          }
        : {}),
      // Only the conditions Node itself applies: an installed package loads as from the sources.
      ...(request.externalPackages ? { conditions: [] } : {}),
      ...(request.sourceUrls ? { define: { 'import.meta.url': SOURCE_URL } } : {}),
      // A script run from a V8 code cache loses its `import()` callback (Node 20), so a CommonJS
      // bundle imports by require(): Node 20.19 and later load ES modules that way too.
      ...(commonJs
        ? { define: { 'import.meta.url': BUNDLE_URL }, supported: { 'dynamic-import': false } }
        : {}),
      // pdfjs-dist (4 MB) is loaded from node_modules on the first PDF, not parsed by every
      // audit process at start (the bundle lives in node_modules/.cache, so it resolves).
      external: ['pdfjs-dist', 'pdfjs-dist/*'],
      banner: {
        js: commonJs
          ? `const ${BUNDLE_URL} = require('node:url').pathToFileURL(__filename).href;`
          : // Bundled CommonJS modules may call require(): give the ES module one.
            "import { createRequire as __jixiaoRequire } from 'node:module'; const require = __jixiaoRequire(import.meta.url);",
      },
      plugins: request.externalPackages ? [leaveOutPackages, digestInputs] : [digestInputs],
    });
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
  const outputs = result.outputFiles;
  if (outputs.length === 0) return new Error('esbuild produced no output');
  const inputs = [...read.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const folders = foldersOf(inputs.map(([file]) => file));
  const settingsStamps = stampsOf(settingsFiles(folders));
  const digest = digestOf(key, [...inputs, ...(await settingsIn(folders))]);
  const inputStamps: Stamp[] = [];
  for (const [file] of inputs) {
    const stamp = stamped.get(file);
    if (stamp !== undefined) inputStamps.push(stamp);
  }
  const stamps =
    settingsStamps && inputStamps.length === inputs.length
      ? [...inputStamps, ...settingsStamps]
      : undefined;
  const list: InputList = {
    key,
    inputs: inputs.map(([file]) => file),
    folders,
    digest,
    ...(stamps ? { stamps } : {}),
  };
  let lastError: Error = new Error('no cache folder');
  for (const dir of request.cacheDirs) {
    const bundle = bundlePath(dir, request.name, digest, layout);
    try {
      await mkdir(path.dirname(bundle), { recursive: true });
      // Another process may have built the same bundle meanwhile: same digest, same bytes. The
      // entry is written last, so a bundle whose entry exists is whole.
      if (!existsSync(bundle)) {
        const entryPath = path.join('/bundle', `${request.name}.mjs`);
        const ordered = [
          ...outputs.filter((o) => o.path !== entryPath),
          ...outputs.filter((o) => o.path === entryPath),
        ];
        for (const out of splitting ? ordered : outputs) {
          const target = splitting
            ? path.join(path.dirname(bundle), path.relative('/bundle', out.path))
            : bundle;
          await writeAtomically(target, out.contents);
        }
      }
      await writeAtomically(path.join(dir, `${request.name}.inputs.json`), JSON.stringify(list));
      await pruneOld(dir, request.name, bundle).catch(() => undefined);
      return bundle;
    } catch (error) {
      lastError = error instanceof Error ? error : new Error(String(error));
    }
  }
  return lastError;
}
