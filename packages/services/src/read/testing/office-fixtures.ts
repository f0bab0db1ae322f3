import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { deflateSync } from 'node:zlib';
import {
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { parseTextLines } from '@jixiao/documents';
import type { Gray } from '../raster-rulings.ts';
import { imageSize } from '../tesseract-ocr.ts';

/** True when `command` runs (installed and on PATH). */
export function installed(command: string, args: string[] = ['--version']): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

/** The official fonts the writer names, mapped to Noto CJK (as `npm run preview` does). */
function fontConfig(dir: string): NodeJS.ProcessEnv {
  const aliases = [
    ['方正小标宋简体', 'Noto Serif CJK SC'],
    ['黑体', 'Noto Sans CJK SC'],
    ['仿宋_GB2312', 'Noto Serif CJK SC'],
    ['楷体_GB2312', 'Noto Serif CJK SC'],
    ['宋体', 'Noto Serif CJK SC'],
  ]
    .map(
      ([from, to]) =>
        `<alias binding="same"><family>${from}</family><prefer><family>${to}</family></prefer></alias>`,
    )
    .join('');
  const file = path.join(dir, 'fonts.conf');
  writeFileSync(
    file,
    `<?xml version="1.0"?><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>${aliases}</fontconfig>`,
  );
  return { ...process.env, FONTCONFIG_FILE: file };
}

/**
 * Converts files with one LibreOffice run (`filter` as `--convert-to` takes it) into `outDir`;
 * returns the paths of the outputs, in the order of `files`.
 */
export function libreOfficeConvert(
  files: string[],
  filter: string,
  outDir: string,
  workDir: string,
  infilter?: string,
): string[] {
  const profile = pathToFileURL(path.join(workDir, 'lo-profile')).href;
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=${profile}`,
      '--headless',
      ...(infilter ? [`--infilter=${infilter}`] : []),
      '--convert-to',
      filter,
      '--outdir',
      outDir,
      ...files,
    ],
    { env: fontConfig(workDir), stdio: 'ignore', timeout: 300_000 },
  );
  const ext = filter.split(':')[0] ?? filter;
  return files.map((f) => path.join(outDir, `${path.basename(f).replace(/\.[^.]+$/, '')}.${ext}`));
}

/** Renders pages of a PDF to JPEG files at `dpi` (pdftoppm); returns them in page order. */
export function pdfToJpegs(
  pdf: string,
  dpi: number,
  prefix: string,
  pages?: [number, number],
): string[] {
  const range = pages ? ['-f', String(pages[0]), '-l', String(pages[1])] : [];
  execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-jpeg', ...range, pdf, prefix], {
    timeout: 300_000,
  });
  const dir = path.dirname(prefix);
  const base = path.basename(prefix);
  const page = (f: string): number => Number(/-(\d+)\.jpg$/.exec(f)?.[1] ?? 0);
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${base}-`) && f.endsWith('.jpg'))
    .sort((a, b) => page(a) - page(b))
    .map((f) => path.join(dir, f));
}

/** Width, height and colour components of a JPEG (the readers' own imageSize). */
function jpegSize(bytes: Uint8Array): { width: number; height: number; components: number } {
  const size = imageSize(bytes);
  if (size?.components === undefined) throw new Error('not a JPEG');
  return { width: size.width, height: size.height, components: size.components };
}

/** Assembles objects into a PDF with a correct cross-reference table. */
export function assemblePdf(objects: (string | Uint8Array[])[], trailer = ''): Uint8Array {
  const parts: Uint8Array[] = [];
  const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
  let length = 0;
  const push = (b: Uint8Array): void => {
    parts.push(b);
    length += b.length;
  };
  push(enc('%PDF-1.4\n%\u00e2\u00e3\n'));
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(length);
    push(enc(`${i + 1} 0 obj\n`));
    if (typeof o === 'string') push(enc(o));
    else for (const b of o) push(b);
    push(enc('\nendobj\n'));
  });
  const xref = length;
  push(
    enc(
      `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets
        .map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)
        .join(
          '',
        )}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailer}>>\nstartxref\n${xref}\n%%EOF\n`,
    ),
  );
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** An image-only PDF: one page per JPEG, each filling a page of its size at `dpi`. */
export function imageOnlyPdf(jpegs: string[], dpi: number): Uint8Array {
  const objects: (string | Uint8Array[])[] = ['', ''];
  const kids: number[] = [];
  for (const file of jpegs) {
    const bytes = new Uint8Array(readFileSync(file));
    const { width, height, components } = jpegSize(bytes);
    const space =
      components === 1 ? '/DeviceGray' : components === 4 ? '/DeviceCMYK' : '/DeviceRGB';
    const w = (width * 72) / dpi;
    const h = (height * 72) / dpi;
    const image = objects.length + 1;
    objects.push([
      new TextEncoder().encode(
        `<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace ${space} /BitsPerComponent 8 /Filter /DCTDecode /Length ${bytes.length} >>\nstream\n`,
      ),
      bytes,
      new TextEncoder().encode('\nendstream'),
    ]);
    const content = `q ${w.toFixed(2)} 0 0 ${h.toFixed(2)} 0 0 cm /Im0 Do Q`;
    objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    const page = objects.length + 1;
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w.toFixed(2)} ${h.toFixed(2)}] /Resources << /XObject << /Im0 ${image} 0 R >> >> /Contents ${image + 1} 0 R >>`,
    );
    kids.push(page);
  }
  objects[0] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  return assemblePdf(objects);
}

/** A PDF of `pages` empty A4 pages (a file far longer than any report). */
export function blankPagesPdf(pages: number): Uint8Array {
  const objects: string[] = ['<< /Type /Catalog /Pages 2 0 R >>', ''];
  const kids: number[] = [];
  for (let i = 0; i < pages; i++) {
    kids.push(objects.length + 1);
    objects.push('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>');
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${pages} >>`;
  return assemblePdf(objects);
}

/** A page tree that claims a million pages behind one real page. */
export function pageCountBombPdf(): Uint8Array {
  return assemblePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1000000 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ]);
}

/** A one-page PDF whose content streams inflate to `copies` × 100 MB of nothing. */
export function flateBombPdf(copies: number): Uint8Array {
  const packed = deflateSync(Buffer.alloc(100 * 1024 * 1024, 0x20), { level: 9 });
  const objects: (string | Uint8Array[])[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents [${Array.from({ length: copies }, (_, i) => `${i + 4} 0 R`).join(' ')}] >>`,
  ];
  for (let i = 0; i < copies; i++) {
    objects.push([
      new TextEncoder().encode(`<< /Filter /FlateDecode /Length ${packed.length} >>\nstream\n`),
      new Uint8Array(packed),
      new TextEncoder().encode('\nendstream'),
    ]);
  }
  return assemblePdf(objects);
}

/**
 * Prints UTF-8 text files to PDF with one LibreOffice run (as a unit would print a report kept
 * as text); returns the PDFs' paths, in the order of `files`.
 */
export function printTextToPdf(files: string[], outDir: string, workDir: string): string[] {
  return printToPdf(files, 'Text (encoded):UTF8,LF,,,', outDir, workDir);
}

/**
 * Prints web pages to PDF with one LibreOffice run, laid out as Writer prints a page (its
 * tables ruled as their borders say); returns the PDFs' paths, in the order of `files`.
 */
export function printHtmlToPdf(files: string[], outDir: string, workDir: string): string[] {
  return printToPdf(files, 'HTML (StarWriter)', outDir, workDir);
}

function printToPdf(files: string[], infilter: string, outDir: string, workDir: string): string[] {
  return libreOfficeConvert(files, 'pdf', outDir, workDir, infilter);
}

/**
 * A report kept as text written as a Word file: a paragraph per line and its tab-per-cell
 * tables as real tables with borders (how such a text was exported from Word), each row as
 * the text has it, its last cell spanning what is left of the widest row.
 */
export async function textReportDocx(text: string): Promise<Uint8Array> {
  const TEXT_WIDTH = 9000; // twips, inside A4's default margins
  const children = parseTextLines(text, 'report.txt').blocks.map((b) => {
    if (b.kind !== 'table' || !b.rows) return new Paragraph({ children: [new TextRun(b.text)] });
    const columns = Math.max(...b.rows.map((r) => r.cells.length));
    const width = Math.floor(TEXT_WIDTH / columns);
    return new Table({
      width: { size: width * columns, type: WidthType.DXA },
      columnWidths: Array.from({ length: columns }, () => width),
      layout: TableLayoutType.FIXED,
      rows: b.rows.map(
        (row) =>
          new TableRow({
            children: row.cells.map(
              (cell, i) =>
                new TableCell({
                  width: { size: width, type: WidthType.DXA },
                  columnSpan: i === row.cells.length - 1 ? columns - i : 1,
                  children: cell.split('\n').map((line) => new Paragraph(line)),
                }),
            ),
          }),
      ),
    });
  });
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

/** A grey page picture: `width` × `height` samples, 0 black to 255 white (the readers' own type). */
export type GrayPage = Gray;

/** Renders one page of a PDF in grey at `dpi` (pdftoppm, PGM). */
export function pdfPageGray(pdf: string, page: number, dpi: number, prefix: string): GrayPage {
  execFileSync(
    'pdftoppm',
    [
      '-r',
      String(dpi),
      '-gray',
      '-f',
      String(page),
      '-l',
      String(page),
      '-singlefile',
      pdf,
      prefix,
    ],
    { timeout: 300_000 },
  );
  const bytes = new Uint8Array(readFileSync(`${prefix}.pgm`));
  // P5 header: magic, width, height, maxval, one white-space byte, then the samples.
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(
    new TextDecoder('latin1').decode(bytes.subarray(0, 40)),
  );
  if (!header) throw new Error('not a PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  return {
    width,
    height,
    data: bytes.subarray(header[0].length, header[0].length + width * height),
  };
}

/**
 * The page with scanner noise: every sample moved by up to ±`amplitude` and a share `specks` of
 * them turned black or white, from a fixed seed (the same noise on every run).
 */
export function noisyGray(page: GrayPage, amplitude: number, specks: number, seed = 12): GrayPage {
  let state = seed >>> 0;
  const random = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const out = new Uint8Array(page.data.length);
  page.data.forEach((v, i) => {
    const r = random();
    if (r < specks / 2) out[i] = 0;
    else if (r < specks) out[i] = 255;
    else out[i] = Math.max(0, Math.min(255, Math.round(v + (random() * 2 - 1) * amplitude)));
  });
  return { width: page.width, height: page.height, data: out };
}

/** An image-only PDF of grey pages (Flate-compressed samples), each a page of its size at `dpi`. */
export function grayImagePdf(pages: readonly GrayPage[], dpi: number): Uint8Array {
  const objects: (string | Uint8Array[])[] = ['<< /Type /Catalog /Pages 2 0 R >>', ''];
  const kids: number[] = [];
  for (const p of pages) {
    const packed = new Uint8Array(deflateSync(p.data));
    const w = ((p.width * 72) / dpi).toFixed(2);
    const h = ((p.height * 72) / dpi).toFixed(2);
    const image = objects.length + 1;
    objects.push([
      new TextEncoder().encode(
        `<< /Type /XObject /Subtype /Image /Width ${p.width} /Height ${p.height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${packed.length} >>\nstream\n`,
      ),
      packed,
      new TextEncoder().encode('\nendstream'),
    ]);
    const content = `q ${w} 0 0 ${h} 0 0 cm /Im0 Do Q`;
    objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    kids.push(objects.length + 1);
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << /Im0 ${image} 0 R >> >> /Contents ${image + 1} 0 R >>`,
    );
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  return assemblePdf(objects);
}

/** The page turned a quarter anticlockwise: how a camera held sideways stores an upright page. */
export function quarterTurnLeft(page: GrayPage): GrayPage {
  const { width, height, data } = page;
  const out = new Uint8Array(width * height);
  // Stored row r (of `width` rows) is the page's column width - 1 - r, read top to bottom.
  for (let r = 0; r < width; r++)
    for (let c = 0; c < height; c++) out[r * height + c] = data[c * width + (width - 1 - r)] ?? 255;
  return { width: height, height: width, data: out };
}

/**
 * The JPEG with an EXIF segment (APP1, big- or little-endian TIFF) whose orientation tag says how
 * its pixels are to be shown, put right after the start-of-image marker.
 */
export function withExifOrientation(
  jpeg: Uint8Array,
  orientation: number,
  littleEndian = false,
): Uint8Array {
  const tiff = new DataView(new ArrayBuffer(26));
  tiff.setUint16(0, littleEndian ? 0x4949 : 0x4d4d);
  tiff.setUint16(2, 42, littleEndian);
  tiff.setUint32(4, 8, littleEndian);
  tiff.setUint16(8, 1, littleEndian);
  tiff.setUint16(10, 0x0112, littleEndian);
  tiff.setUint16(12, 3, littleEndian);
  tiff.setUint32(14, 1, littleEndian);
  tiff.setUint16(18, orientation, littleEndian);
  tiff.setUint32(22, 0, littleEndian);
  const exif = new Uint8Array([0x45, 0x78, 0x69, 0x66, 0, 0]);
  const length = 2 + exif.length + tiff.byteLength;
  const segment = new Uint8Array([0xff, 0xe1, length >> 8, length & 0xff]);
  return Buffer.concat([
    jpeg.subarray(0, 2),
    segment,
    exif,
    new Uint8Array(tiff.buffer),
    jpeg.subarray(2),
  ]);
}
