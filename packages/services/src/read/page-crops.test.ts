import { afterEach, describe, expect, it } from 'vitest';
import { cropAround, renderPageCrops } from './page-crops.ts';
import { assemblePdf, installed } from './testing/office-fixtures.ts';
import { decodeCrop as decode } from './testing/decode-crop.ts';

const RED: [number, number, number] = [212, 56, 13];
const white = (w: number, h: number) => ({
  width: w,
  height: h,
  data: new Uint8Array(w * h).fill(255),
});

describe('a picture of a place on a page', () => {
  it('cuts the band around the box, tints it and outlines it in red', () => {
    // 72 dpi: one pixel a point; the page is 200 × 300 points, the box 50–150 × 100–120 up.
    const crop = cropAround(white(200, 300), { page: 2, bbox: [50, 100, 150, 120] }, 72, {
      marginPt: 40,
      fullPage: false,
    });
    expect(crop).toBeDefined();
    if (!crop) return;
    // Box rows 180–200 from the top, 2 points of padding, 40 of margin: rows 138–242.
    expect([crop.page, crop.width, crop.height]).toEqual([2, 200, 104]);
    const img = decode(crop);
    expect(img.at(48, 40)).toEqual(RED); // top-left corner of the outline
    expect(img.at(151, 63)).toEqual(RED); // right edge, bottom row
    expect(img.at(100, 52)).toEqual([255, 230, 140]); // inside: paper tinted yellow
    expect(img.at(100, 10)).toEqual([255, 255, 255]); // above: untouched
    expect(img.at(20, 52)).toEqual([255, 255, 255]); // beside: untouched
  });

  it('gives the whole page when asked, and nothing for a box off the page', () => {
    const page = white(200, 300);
    const full = cropAround(page, { page: 1, bbox: [50, 100, 150, 120] }, 72, {
      marginPt: 40,
      fullPage: true,
    });
    expect([full?.width, full?.height]).toEqual([200, 300]);
    const off = cropAround(page, { page: 1, bbox: [50, 400, 150, 420] }, 72, {
      marginPt: 40,
      fullPage: false,
    });
    expect(off).toBeUndefined();
  });
});

/** A page of 300 × 400 points with a black square drawn at 100–140 × 200–240 (no fonts needed). */
const squarePdf = (pages = 1): Uint8Array => {
  const content = '0 g 100 200 40 40 re f';
  const kids = Array.from({ length: pages }, (_, i) => `${3 + i * 2} 0 R`).join(' ');
  const objects: string[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
  ];
  for (let i = 0; i < pages; i++)
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 400] /Contents ${4 + i * 2} 0 R >>`,
      `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    );
  return assemblePdf(objects);
};

describe.skipIf(!installed('pdftoppm', ['-v']))('pictures of places in a PDF', () => {
  const path = process.env.PATH;
  afterEach(() => {
    process.env.PATH = path;
  });

  it('finds the drawn square inside the red outline where the box says it is', async () => {
    const { crops, note } = await renderPageCrops(
      squarePdf(),
      [{ page: 1, bbox: [100, 200, 140, 240] }],
      { dpi: 72, marginPt: 20 },
    );
    expect(note).toBeUndefined();
    const crop = crops[0];
    expect(crop).toBeDefined();
    if (!crop) return;
    // Box rows 160–200 from the top; with padding and margin the band is rows 138–222.
    expect([crop.width, crop.height]).toEqual([300, 84]);
    const img = decode(crop);
    expect(img.at(120, 42)).toEqual([2, 2, 1]); // the square, black under the tint
    expect(img.at(98, 20)).toEqual(RED);
    expect(img.at(200, 42)).toEqual([255, 255, 255]);
  });

  it('draws at most the bound of pictures and says so', async () => {
    const places = Array.from({ length: 5 }, (_, i) => ({
      page: i + 1,
      bbox: [100, 200, 140, 240] as const,
    }));
    const { crops, note } = await renderPageCrops(squarePdf(5), places, { maxCrops: 3 });
    expect(crops.map((c) => c !== undefined)).toEqual([true, true, true, false, false]);
    expect(note).toContain('其余 2 处只附原文摘录');
  });

  it('says what to install when pdftoppm is missing, and draws nothing', async () => {
    process.env.PATH = '/nonexistent';
    const { crops, note } = await renderPageCrops(squarePdf(), [
      { page: 1, bbox: [100, 200, 140, 240] },
    ]);
    expect(crops).toEqual([undefined]);
    expect(note).toContain('poppler-utils');
  });

  it('leaves a page it cannot render without a picture, with a note', async () => {
    const { crops, note } = await renderPageCrops(squarePdf(), [
      { page: 7, bbox: [100, 200, 140, 240] },
    ]);
    expect(crops).toEqual([undefined]);
    expect(note).toContain('无法显示');
  });
});
