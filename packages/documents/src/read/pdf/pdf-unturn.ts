import type { Bbox, Block } from '../block.ts';
import type { PageContent } from './pdf-page.ts';
import { roundBox } from './pdf-page.ts';

/**
 * The box, found on a page picture that was turned `degrees` clockwise (as seen) about its
 * centre to level it, as it lies on the page as scanned: its corners turned back, and the box
 * around them (a level box around the tilted one, so the outline covers what was read).
 */
export function unturnBox(box: Bbox, degrees: number, width: number, height: number): Bbox {
  const t = (degrees * Math.PI) / 180;
  const cos = Math.cos(t);
  const sin = Math.sin(t);
  const cx = width / 2;
  const cy = height / 2;
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [x, y] of [
    [box[0], box[1]],
    [box[2], box[1]],
    [box[0], box[3]],
    [box[2], box[3]],
  ] as const) {
    // Turning back a clockwise turn is an anticlockwise one; points have y upwards.
    const dx = x - cx;
    const dy = y - cy;
    xs.push(cx + cos * dx - sin * dy);
    ys.push(cy + sin * dx + cos * dy);
  }
  return roundBox([Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]);
}

/**
 * Puts the boxes of blocks, rows and cells on pages OCR read turned (PageContent.turned) back
 * where they lie on the page as scanned, so a finding's outline falls on the page a reviewer sees.
 * The layout itself is built on the levelled page, where lines are level.
 */
export function unturnBoxes(blocks: Block[], contents: readonly PageContent[]): void {
  const turned = new Map<number, PageContent>();
  for (const c of contents) if (c.turned) turned.set(c.number, c);
  if (turned.size === 0) return;
  const back = (page: number | undefined, box: Bbox): Bbox => {
    const c = page === undefined ? undefined : turned.get(page);
    return c?.turned ? unturnBox(box, c.turned, c.width, c.height) : box;
  };
  for (const b of blocks) {
    if (b.bbox) b.bbox = back(b.page, b.bbox);
    for (const r of b.rows ?? []) {
      if (r.bbox) r.bbox = back(r.page, r.bbox);
      if (r.cellBoxes) r.cellBoxes = r.cellBoxes.map((x) => (x ? back(r.page, x) : x));
    }
  }
}
