import { headingNumber } from './figures.ts';
import type { Block, HeadingLevel } from './model.ts';

/** Collects blocks and numbers headings itself, so the numbering is always consecutive. */
export class Outline {
  readonly blocks: Block[] = [];
  private readonly counters = [0, 0, 0, 0];

  heading(level: HeadingLevel, text: string): void {
    const n = (this.counters[level - 1] ?? 0) + 1;
    this.counters[level - 1] = n;
    for (let l = level; l < 4; l++) this.counters[l] = 0;
    this.blocks.push({ kind: 'heading', level, number: headingNumber(level, n), text });
  }

  paragraph(text: string): void {
    this.blocks.push({ kind: 'paragraph', text });
  }

  /** Paragraphs, or the customary "无。" when there are none. */
  paragraphsOrNone(texts: readonly string[]): void {
    const kept = texts.filter((t) => t.trim() !== '');
    if (kept.length === 0) this.paragraph('无。');
    for (const t of kept) this.paragraph(t);
  }

  push(block: Block): void {
    this.blocks.push(block);
  }
}
