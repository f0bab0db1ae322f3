#!/usr/bin/env node
// The `jixiao` command. It runs the prebuilt CLI (src/main.ts and the workspace sources it
// imports, bundled by esbuild and cached under a digest of those sources) when one matches the
// sources as they are; otherwise it builds it through the TypeScript loader first, and runs the
// sources themselves when no bundle can be built or JIXIAO_CLI=source asks for them.
import { pathToFileURL } from 'node:url';
import { findPrebuiltCli } from './prebuilt-cli.js';

// main.ts runs the command when this mark is set, whatever paths the bundle was built with.
globalThis[Symbol.for('jixiao.command')] = true;
const fromSource = process.env.JIXIAO_CLI === 'source';
const prebuilt = fromSource ? null : await findPrebuiltCli();
if (prebuilt !== null) {
  await import(pathToFileURL(prebuilt).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const built = fromSource ? null : await (await import('../src/build-cli.ts')).buildCli();
  await import(typeof built === 'string' ? pathToFileURL(built).href : '../src/main.ts');
}
