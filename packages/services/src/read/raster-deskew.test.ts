import { describe, expect, it } from 'vitest';
import { estimateSkew, rotatePage } from './raster-deskew.ts';

/** A page of text-like bars: 30 lines of dark strokes, 1200 × 1600 pixels. */
function lines(): { width: number; height: number; data: Uint8Array } {
  const width = 1200;
  const height = 1600;
  const data = new Uint8Array(width * height).fill(255);
  for (let line = 0; line < 30; line++)
    for (let y = 100 + line * 45; y < 120 + line * 45; y++)
      for (let x = 100; x < 1100; x++) if (x % 30 < 22) data[y * width + x] = 0;
  return { width, height, data };
}

describe('straightening a scanned page', () => {
  it.each([1.5, -2.2, 0.7])('finds a page turned by %s° and turns it back', (degrees) => {
    const turned = rotatePage(lines(), degrees);
    const skew = estimateSkew(turned);
    expect(Math.abs(skew + degrees)).toBeLessThanOrEqual(0.1);
    // Turned back, the lines are level again: the sharpest profile is at 0°.
    expect(Math.abs(estimateSkew(rotatePage(turned, skew)))).toBeLessThanOrEqual(0.1);
  });

  it('leaves a straight or empty page alone', () => {
    expect(estimateSkew(lines())).toBe(0);
    const blank = { width: 300, height: 300, data: new Uint8Array(90_000).fill(255) };
    expect(estimateSkew(blank)).toBe(0);
  });
});
