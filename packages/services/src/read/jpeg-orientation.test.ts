import { describe, expect, it } from 'vitest';
import { jpegOrientation, orientedPlacement } from './jpeg-orientation.ts';
import { withExifOrientation } from './testing/office-fixtures.ts';

/** A JPEG's header up to its frame: start of image, a JFIF segment, a baseline frame of 40 × 30. */
const bare = new Uint8Array([
  0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xc0,
  0, 11, 8, 0, 30, 0, 40, 1, 1, 0x11, 0,
]);

/** Where the unit square's corner (u, v) lands under the PDF matrix. */
const apply = (m: readonly number[], u: number, v: number): [number, number] => [
  (m[0] ?? 0) * u + (m[2] ?? 0) * v + (m[4] ?? 0),
  (m[1] ?? 0) * u + (m[3] ?? 0) * v + (m[5] ?? 0),
];

describe('EXIF orientation of a JPEG', () => {
  it('reads the tag in either byte order, and 1 when there is none', () => {
    expect(jpegOrientation(bare)).toBe(1);
    for (let o = 1; o <= 8; o++) {
      expect(jpegOrientation(withExifOrientation(bare, o))).toBe(o);
      expect(jpegOrientation(withExifOrientation(bare, o, true))).toBe(o);
    }
  });

  it('takes a damaged or out-of-range tag for upright, and never reads past the file', () => {
    const tagged = withExifOrientation(bare, 6);
    expect(jpegOrientation(withExifOrientation(bare, 9))).toBe(1);
    expect(jpegOrientation(tagged.subarray(0, 20))).toBe(1);
    const wrongOrder = tagged.slice();
    wrongOrder[10] = 0x41; // "AM": neither byte order
    expect(jpegOrientation(wrongOrder)).toBe(1);
    expect(jpegOrientation(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBe(1);
  });

  it('puts the stored picture on the page the way each orientation is seen', () => {
    // The stored top-left corner (u 0, v 1) and top-right corner (u 1, v 1), on a 40 × 30 picture.
    const cases: [number, [number, number], [number, number], [number, number]][] = [
      // orientation, page size, where stored top-left and top-right land (PDF y grows upwards)
      [1, [40, 30], [0, 30], [40, 30]],
      [2, [40, 30], [40, 30], [0, 30]],
      [3, [40, 30], [40, 0], [0, 0]],
      [4, [40, 30], [0, 0], [40, 0]],
      [5, [30, 40], [0, 40], [0, 0]],
      [6, [30, 40], [30, 40], [30, 0]],
      [7, [30, 40], [30, 0], [30, 40]],
      [8, [30, 40], [0, 0], [0, 40]],
    ];
    for (const [orientation, size, topLeft, topRight] of cases) {
      const placed = orientedPlacement(orientation, 40, 30);
      expect([placed.width, placed.height], `orientation ${orientation}`).toEqual(size);
      expect(apply(placed.matrix, 0, 1), `orientation ${orientation}`).toEqual(topLeft);
      expect(apply(placed.matrix, 1, 1), `orientation ${orientation}`).toEqual(topRight);
    }
  });
});
