import { describe, expect, it } from 'vitest';
import type { Block } from '../block.ts';
import { layoutPages } from './pdf-layout.ts';
import type { PageContent } from './pdf-page.ts';
import { unturnBox } from './pdf-unturn.ts';

const centre = (b: readonly number[]): [number, number] => [
  ((b[0] ?? 0) + (b[2] ?? 0)) / 2,
  ((b[1] ?? 0) + (b[3] ?? 0)) / 2,
];

describe('boxes read on a levelled page, put back on the page as scanned', () => {
  it('turns a box about the page centre, anticlockwise for a clockwise levelling', () => {
    // A 600 × 800 page; a small box on the right edge, level with the centre.
    const box = unturnBox([590, 398, 600, 402], 2, 600, 800);
    const [x, y] = centre(box);
    // Its centre is 295 pt right of the page centre; turned 2° anticlockwise, up by 295·sin 2° ≈ 10.3 pt.
    expect(y - 400).toBeCloseTo(295 * Math.sin((2 * Math.PI) / 180), 1);
    expect(x - 300).toBeCloseTo(295 * Math.cos((2 * Math.PI) / 180), 1);
    // The centre stays; no turn, no change; the box grows to hold the tilted one.
    expect(centre(unturnBox([290, 390, 310, 410], 2, 600, 800))).toEqual([300, 400]);
    expect(unturnBox([10, 20, 30, 40], 0, 600, 800)).toEqual([10, 20, 30, 40]);
    expect(box[3] - box[1]).toBeGreaterThan(4);
  });

  it('lays out the levelled page and gives each block its box on the scanned one', () => {
    const page = (turned?: number): PageContent => ({
      number: 1,
      width: 600,
      height: 800,
      runs: [{ text: '全年执行数1000.00万元。', x: 400, y: 700, width: 150, size: 12 }],
      segments: [],
      ocr: true,
      ...(turned ? { turned } : {}),
    });
    const level = layoutPages([page()]);
    const turned = layoutPages([page(-1.5)]);
    const box = (blocks: Block[]): readonly number[] => blocks[0]?.bbox ?? [];
    expect(turned[0]?.text).toBe(level[0]?.text);
    // Up and right of the centre, turned back 1.5° clockwise: it moves right and down.
    const [lx, ly] = centre(box(level));
    const [tx, ty] = centre(box(turned));
    expect(tx).toBeGreaterThan(lx + 5);
    expect(ty).toBeLessThan(ly - 1);
  });
});
