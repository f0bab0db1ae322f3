import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readErrorMessage } from '@jixiao/documents/audit-core';
import type { ReadError } from '@jixiao/documents/audit-core';
import { runTool } from './run-tool.ts';

/** LibreOffice starts slowly on a busy machine; a conversion that takes longer is given up. */
const CONVERT_TIMEOUT_MS = 180_000;

const failure = (code: ReadError['code'], detail?: string): { error: ReadError } => ({
  error: { code, message: readErrorMessage(code, detail) },
});

/** One conversion at a time per process: LibreOffice refuses a second one on the same profile. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Converts a legacy office file (.doc/.wps → docx, .xls/.et → xlsx) with LibreOffice
 * (`soffice --headless --convert-to`), in a scratch folder, with its own profile per process
 * (kept, so only the first conversion pays for creating it). A missing LibreOffice is a Chinese
 * error that says what to install.
 */
export function convertWithLibreOffice(
  bytes: Uint8Array,
  fileName: string,
  target: 'docx' | 'xlsx',
): Promise<Uint8Array | { error: ReadError }> {
  const run = queue.then(() => convert(bytes, fileName, target));
  queue = run.catch(() => undefined);
  return run;
}

async function convert(
  bytes: Uint8Array,
  fileName: string,
  target: 'docx' | 'xlsx',
): Promise<Uint8Array | { error: ReadError }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'jixiao-convert-'));
  try {
    const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? 'doc';
    const input = path.join(dir, `input.${ext}`);
    const out = path.join(dir, 'out');
    await mkdir(out);
    await writeFile(input, bytes);
    const profile = path.join(tmpdir(), `jixiao-lo-profile-${process.pid}`);
    const filter = target === 'docx' ? 'docx:MS Word 2007 XML' : 'xlsx:Calc MS Excel 2007 XML';
    const result = await runTool(
      'soffice',
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--norestore',
        '--convert-to',
        filter,
        '--outdir',
        out,
        input,
      ],
      { timeoutMs: CONVERT_TIMEOUT_MS },
    );
    if (result.missing) return failure('converter-missing');
    if (result.timedOut) return failure('convert-failed', `超过 ${CONVERT_TIMEOUT_MS / 1000} 秒`);
    const produced = (await readdir(out)).find((f) => f.toLowerCase().endsWith(`.${target}`));
    if (!result.ok || !produced) return failure('convert-failed', result.message.slice(0, 200));
    return new Uint8Array(await readFile(path.join(out, produced)));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
