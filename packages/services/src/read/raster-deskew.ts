import type { Gray } from './raster-rulings.ts';

/** Turns tried when looking for a page's skew: up to 3° either way, a tenth of a degree apart. */
const MAX_SKEW_DEG = 3;
const STEP_DEG = 0.1;

/**
 * How far a scanned page is turned, in degrees (positive: its lines climb to the right as the
 * page is seen, i.e. counter-clockwise). Found by projection profiles: the ink is summed along
 * lines of each trial slope, and text lines and rulings line up — the sums peak sharpest — on
 * the page's own slope. 0 for a page with too little ink to tell.
 */
export function estimateSkew(page: Gray): number {
  const { width, height, data } = page;
  // Ink pixels, every other one of each row: plenty for the profiles, half the work. (Every
  // row is kept: skipping rows would leave half the bins empty on the level slope alone and
  // favour it.)
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x += 2)
      if ((data[y * width + x] ?? 255) < 128) {
        xs.push(x);
        ys.push(y);
      }
  if (xs.length < 500) return 0;
  const cx = width / 2;
  const spread = Math.ceil(width * Math.tan((MAX_SKEW_DEG * Math.PI) / 180)) + 2;
  const bins = new Float64Array(height + 2 * spread);
  let best = 0;
  let bestScore = -1;
  const steps = Math.round(MAX_SKEW_DEG / STEP_DEG);
  for (let step = -steps; step <= steps; step++) {
    const degrees = step * STEP_DEG;
    const slope = Math.tan((degrees * Math.PI) / 180);
    bins.fill(0);
    for (let i = 0; i < xs.length; i++) {
      // The row the pixel's line crosses the page's middle at, for a line of this slope
      // (rows count down, so a line climbing to the right has y falling as x grows).
      const row = Math.round((ys[i] ?? 0) + ((xs[i] ?? 0) - cx) * slope) + spread;
      bins[row] = (bins[row] ?? 0) + 1;
    }
    let score = 0;
    for (const b of bins) score += b * b;
    if (score > bestScore) {
      bestScore = score;
      best = degrees;
    }
  }
  return Math.round(best * 10) / 10;
}

/** The page turned by `degrees` clockwise as seen, about its centre (bilinear, white outside). */
export function rotatePage(page: Gray, degrees: number): Gray {
  const { width, height, data } = page;
  const out = new Uint8Array(width * height);
  const cos = Math.cos((degrees * Math.PI) / 180);
  const sin = Math.sin((degrees * Math.PI) / 180);
  const cx = width / 2;
  const cy = height / 2;
  const at = (x: number, y: number): number =>
    x < 0 || y < 0 || x >= width || y >= height ? 255 : (data[y * width + x] ?? 255);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      // Each output pixel takes its source by the opposite turn (rows count down).
      const dx = x - cx;
      const dy = y - cy;
      const sx = cos * dx + sin * dy + cx;
      const sy = -sin * dx + cos * dy + cy;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      const top = at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx;
      const bottom = at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx;
      out[y * width + x] = Math.round(top * (1 - fy) + bottom * fy);
    }
  return { width, height, data: out };
}
