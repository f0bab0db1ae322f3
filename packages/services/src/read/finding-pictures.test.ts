import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderFilePlaces } from './finding-pictures.ts';
import type { PageCrop, PagePlace } from './page-crops.ts';
import { encodeIndexedPng } from './png-encode.ts';
import { decodePngGray } from './png-decode.ts';
import { parsePgm } from './raster-rulings.ts';
import { decodeCrop } from './testing/decode-crop.ts';
import { assemblePdf, grayImagePdf, installed } from './testing/office-fixtures.ts';
import type { GrayPage } from './testing/office-fixtures.ts';

const poppler = installed('pdftoppm', ['-v']);
const dir = mkdtempSync(path.join(tmpdir(), 'jixiao-finding-pictures-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const RED = [212, 56, 13];

/**
 * A 600 × 900 pixel scan (a 144 × 216 pt page at 300 dpi, as OCR takes a picture) with one
 * black bar at pixels 150–450 across and 300–360 down, and the place OCR would give that bar.
 */
function scan(): { gray: GrayPage; bar: PagePlace } {
  const gray = { width: 600, height: 900, data: new Uint8Array(600 * 900).fill(255) };
  for (let y = 300; y < 360; y++) gray.data.fill(0, y * 600 + 150, y * 600 + 450);
  const pt = (px: number): number => (px * 72) / 300;
  return { gray, bar: { page: 1, bbox: [pt(150), pt(900 - 360), pt(450), pt(900 - 300)] } };
}

/** Where the red outline is in a crop: the smallest box holding all its red pixels. */
function outline(crop: PageCrop): [number, number, number, number] | undefined {
  const img = decodeCrop(crop);
  let box: [number, number, number, number] | undefined;
  for (let y = 0; y < crop.height; y++)
    for (let x = 0; x < crop.width; x++) {
      if (img.at(x, y).join() !== RED.join()) continue;
      box = box
        ? [Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y)]
        : [x, y, x, y];
    }
  return box;
}

/** The crop of a whole picture at 96 dpi: its size, and the bar outlined where it is. */
function expectBarOutlined(crop: PageCrop | undefined): void {
  expect(crop).toBeDefined();
  if (!crop) return;
  // 600 × 900 pixels at 300 dpi are 192 × 288 at 96 dpi; the bar is 48–144 across, 96–115 down.
  expect([crop.width, crop.height]).toEqual([192, 288]);
  const box = outline(crop);
  expect(box).toBeDefined();
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = box ?? [];
  for (const [got, want] of [
    [x0, 48],
    [y0, 96],
    [x1, 144],
    [y1, 115],
  ] as const)
    expect(Math.abs(got - want), `outline ${box?.join(',')}`).toBeLessThanOrEqual(4);
  // Inside the outline the bar shows, tinted; above it the paper stays white.
  const img = decodeCrop(crop);
  expect(img.at(96, 105)[0]).toBeLessThan(40);
  expect(img.at(96, 40)).toEqual([255, 255, 255]);
}

describe.skipIf(!poppler)('pictures of findings read from a picture (.png/.jpg)', () => {
  it('draws a PNG upload as its one page, the finding outlined where OCR placed it', async () => {
    const { gray, bar } = scan();
    const palette = new Uint8Array(256 * 3).map((_, i) => Math.floor(i / 3));
    const png = encodeIndexedPng({ ...gray, pixels: gray.data, palette });
    const { crops, note } = await renderFilePlaces(png, '表格照片.PNG', [bar], { fullPage: true });
    expect(note).toBeUndefined();
    expectBarOutlined(crops[0]);
  });

  it('draws a JPEG upload the same way', async () => {
    const { gray } = scan();
    const pdf = path.join(dir, 'bar.pdf');
    writeFileSync(pdf, grayImagePdf([gray], 300));
    execFileSync('pdftoppm', [
      '-r',
      '300',
      '-gray',
      '-jpeg',
      '-singlefile',
      pdf,
      path.join(dir, 'bar'),
    ]);
    const jpeg = new Uint8Array(readFileSync(path.join(dir, 'bar.jpg')));
    const { bar } = scan();
    const { crops } = await renderFilePlaces(jpeg, 'scan.jpeg', [undefined, bar], {
      fullPage: true,
    });
    expect(crops[0]).toBeUndefined();
    expectBarOutlined(crops[1]);
  });

  it('says why when a picture cannot be decoded, and draws nothing for a .docx', async () => {
    const { gray, bar } = scan();
    const png = encodeIndexedPng({ ...gray, pixels: gray.data, palette: new Uint8Array(768) });
    const cut = await renderFilePlaces(png.slice(0, 200), 'cut.png', [bar]);
    expect(cut.crops).toEqual([undefined]);
    expect(cut.note).toMatch(/图片无法解码/);
    const docx = await renderFilePlaces(png, 'report.docx', [bar]);
    expect(docx).toEqual({ crops: [undefined] });
  });
});

describe.skipIf(!poppler)('decoding a PNG to grey', () => {
  it('reads what pdftoppm writes (adaptive row filters; grey, RGB and 1-bit) as its PGM', () => {
    // Grey levels, a gradient and thin strokes: every row filter has something to do.
    const content = [
      ...Array.from({ length: 10 }, (_, i) => `${i / 10} g ${10 + i * 18} 20 16 60 re f`),
      '0.2 0.5 0.8 rg 20 100 160 30 re f',
      '0 g 0.7 w 10 150 m 190 190 l S 30 140 m 170 110 l S',
    ].join('\n');
    const pdf = path.join(dir, 'levels.pdf');
    writeFileSync(
      pdf,
      assemblePdf([
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>',
        `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
      ]),
    );
    const render = (args: string[], name: string, ext: string): Uint8Array => {
      execFileSync('pdftoppm', ['-r', '150', ...args, '-singlefile', pdf, path.join(dir, name)]);
      return new Uint8Array(readFileSync(path.join(dir, `${name}.${ext}`)));
    };
    const pgm = parsePgm(render(['-gray'], 'levels', 'pgm'));
    const grey = decodePngGray(render(['-gray', '-png'], 'levels-grey', 'png'), 1e6);
    const rgb = decodePngGray(render(['-png'], 'levels-rgb', 'png'), 1e6);
    expect(pgm).toBeDefined();
    if (!pgm || !grey || !rgb) throw new Error('a PNG was not decoded');
    expect([grey.width, grey.height]).toEqual([pgm.width, pgm.height]);
    expect(Buffer.from(grey.data).equals(Buffer.from(pgm.data))).toBe(true);
    // From colour, luma: within a few levels of poppler's own grey.
    let off = 0;
    for (let i = 0; i < pgm.data.length; i++)
      off = Math.max(off, Math.abs((rgb.data[i] ?? 0) - (pgm.data[i] ?? 0)));
    expect(off).toBeLessThanOrEqual(3);
    const mono = decodePngGray(render(['-mono', '-png'], 'levels-mono', 'png'), 1e6);
    expect(mono?.width).toBe(pgm.width);
    expect(new Set(mono?.data)).toEqual(new Set([0, 255]));
    expect(decodePngGray(render(['-png'], 'levels-rgb', 'png'), 1000)).toBeUndefined();
  });
});
