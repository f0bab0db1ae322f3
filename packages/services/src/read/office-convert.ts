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

/** What LibreOffice is asked to write: a modern office file, or a PDF of a .docx. */
export type ConvertTarget = 'docx' | 'xlsx' | 'pdf';

const FILTERS: Record<ConvertTarget, string> = {
  docx: 'docx:MS Word 2007 XML',
  xlsx: 'xlsx:Calc MS Excel 2007 XML',
  pdf: 'pdf:writer_pdf_Export',
};

/**
 * The official fonts a report names (GB/T 9704) and the Noto CJK faces that stand in for them
 * where they are not installed, so a PDF keeps the serif body and sans-serif 黑体 headings.
 */
const FONT_ALIASES: [string, string][] = [
  ['方正小标宋简体', 'Noto Serif CJK SC'],
  ['黑体', 'Noto Sans CJK SC'],
  ['仿宋_GB2312', 'Noto Serif CJK SC'],
  ['楷体_GB2312', 'Noto Serif CJK SC'],
  ['宋体', 'Noto Serif CJK SC'],
];

let fontsConf: Promise<string> | undefined;

/** A fontconfig file of this process's own with the aliases (installed fonts are preferred). */
function fontConfigFile(): Promise<string> {
  fontsConf ??= (async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'jixiao-fonts-'));
    const aliases = FONT_ALIASES.map(
      ([from, to]) =>
        `  <alias binding="same"><family>${from}</family><accept><family>${to}</family></accept></alias>`,
    ).join('\n');
    const file = path.join(dir, 'fonts.conf');
    await writeFile(
      file,
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n${aliases}\n</fontconfig>\n`,
    );
    return file;
  })();
  return fontsConf;
}

/** One conversion at a time per process: LibreOffice refuses a second one on the same profile. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Converts a legacy office file (.doc/.wps → docx, .xls/.et → xlsx) with LibreOffice
 * (`soffice --headless --convert-to`), or a .docx to PDF, in a scratch folder, with its own profile per process
 * (kept, so only the first conversion pays for creating it). A missing LibreOffice is a Chinese
 * error that says what to install.
 */
export function convertWithLibreOffice(
  bytes: Uint8Array,
  fileName: string,
  target: ConvertTarget,
): Promise<Uint8Array | { error: ReadError }> {
  const run = queue.then(() => convert(bytes, fileName, target));
  queue = run.catch(() => undefined);
  return run;
}

async function convert(
  bytes: Uint8Array,
  fileName: string,
  target: ConvertTarget,
): Promise<Uint8Array | { error: ReadError }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'jixiao-convert-'));
  try {
    const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? 'doc';
    const input = path.join(dir, `input.${ext}`);
    const out = path.join(dir, 'out');
    await mkdir(out);
    await writeFile(input, bytes);
    const profile = path.join(tmpdir(), `jixiao-lo-profile-${process.pid}`);
    const env =
      target === 'pdf' ? { ...process.env, FONTCONFIG_FILE: await fontConfigFile() } : undefined;
    const result = await runTool(
      'soffice',
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--norestore',
        '--convert-to',
        FILTERS[target],
        '--outdir',
        out,
        input,
      ],
      { timeoutMs: CONVERT_TIMEOUT_MS, ...(env ? { env } : {}) },
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
