import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The official fonts the report names, and the Noto CJK faces that stand in for them on Linux. */
const FONT_ALIASES: [string, string][] = [
  ['方正小标宋简体', 'Noto Serif CJK SC'],
  ['黑体', 'Noto Sans CJK SC'],
  ['仿宋_GB2312', 'Noto Serif CJK SC'],
  ['楷体_GB2312', 'Noto Serif CJK SC'],
  ['宋体', 'Noto Serif CJK SC'],
];

/** True when LibreOffice and poppler are installed. */
export async function previewToolsAvailable(): Promise<boolean> {
  try {
    await run('soffice', ['--version']);
    await run('pdftoppm', ['-v']);
    return true;
  } catch {
    return false;
  }
}

/** A scratch directory with a fontconfig file mapping the official fonts to Noto CJK SC. */
export async function previewWorkspace(): Promise<{
  dir: string;
  env: NodeJS.ProcessEnv;
  dispose(): Promise<void>;
}> {
  const dir = await mkdtemp(path.join(tmpdir(), 'jixiao-preview-'));
  const aliases = FONT_ALIASES.map(
    ([from, to]) =>
      `  <alias binding="same"><family>${from}</family><prefer><family>${to}</family></prefer></alias>`,
  ).join('\n');
  const conf = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
${aliases}
</fontconfig>
`;
  const fontsConf = path.join(dir, 'fonts.conf');
  await writeFile(fontsConf, conf);
  return {
    dir,
    env: { ...process.env, FONTCONFIG_FILE: fontsConf },
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Converts a .docx to PDF with LibreOffice (its own profile in `workDir`); returns the PDF path. */
export async function docxToPdf(
  docx: string,
  outDir: string,
  workDir: string,
  env: NodeJS.ProcessEnv,
): Promise<string> {
  const profile = pathToFileURL(path.join(workDir, 'lo-profile')).href;
  await run(
    'soffice',
    [
      `-env:UserInstallation=${profile}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      outDir,
      docx,
    ],
    { env, timeout: 180_000 },
  );
  return path.join(outDir, `${path.basename(docx).replace(/\.docx$/i, '')}.pdf`);
}

/** Renders PDF pages to PNG files `<prefix>-N.png` at `dpi`; returns their paths in page order. */
export async function pdfToPngs(
  pdf: string,
  prefix: string,
  dpi = 60,
  first?: number,
  last?: number,
): Promise<string[]> {
  const range = first !== undefined ? ['-f', String(first), '-l', String(last ?? first)] : [];
  await run('pdftoppm', ['-png', '-r', String(dpi), ...range, pdf, prefix]);
  const dir = path.dirname(prefix);
  const base = path.basename(prefix);
  const files = (await readdir(dir)).filter((f) => f.startsWith(`${base}-`) && f.endsWith('.png'));
  const page = (f: string) => Number(/-(\d+)\.png$/.exec(f)?.[1] ?? 0);
  return files.sort((a, b) => page(a) - page(b)).map((f) => path.join(dir, f));
}

/** The text of a PDF, page by page (pdftotext separates pages with form feeds). */
export async function pdfPages(pdf: string): Promise<string[]> {
  const { stdout } = await run('pdftotext', ['-layout', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 });
  const pages = stdout.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

/** Page numbers (1-based) where each attachment starts: a page whose first line is "附件N". */
export function attachmentPages(pages: readonly string[]): { label: string; page: number }[] {
  const out: { label: string; page: number }[] = [];
  pages.forEach((text, i) => {
    const first =
      text
        .split('\n')
        .find((l) => l.trim() !== '')
        ?.replace(/\s+/g, '') ?? '';
    const m = /^附件(\d+(?:-\d+)?)$/.exec(first);
    if (m?.[1]) out.push({ label: m[1], page: i + 1 });
  });
  return out;
}
