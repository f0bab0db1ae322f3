import { normalizeDigits } from '@jixiao/domain';
import type { SourceRef } from '@jixiao/domain';
import type { Block } from '../read/block.ts';

const squashed = new Map<string, string>();

/** Forgets the paragraphs of the previous document (caches last one document, no longer). */
export function forgetSquashed(): void {
  squashed.clear();
}

/** Text for pattern matching: ASCII digits, no whitespace (Chinese needs none), ％ → %. */
export function squash(text: string): string {
  const hit = squashed.get(text);
  if (hit !== undefined) return hit;
  const out = squashUncached(text);
  // The same paragraphs are matched by several extractors: remember the recent ones.
  if (squashed.size > 5_000) squashed.clear();
  squashed.set(text, out);
  return out;
}

/** Full-width digits, point, minus or percent sign: most text has none, and skips their rewrites. */
const FULL_WIDTH_SIGNS = /[０-９．－％]/;
const SPACES = /[\s\u3000\u00a0]+/g;

function squashUncached(text: string): string {
  const wide = FULL_WIDTH_SIGNS.test(text)
    ? normalizeDigits(fullWidthSeparators(text)).replace(/[％]/g, '%')
    : text;
  return wide.replace(SPACES, '');
}

/**
 * Text typed in full-width digits writes its thousands separator as the full-width comma, which is
 * also the Chinese comma: between full-width digits and before exactly three of them it is the
 * separator ("３，２５１．０９").
 */
function fullWidthSeparators(text: string): string {
  if (!text.includes('，')) return text;
  return text.replace(/([０-９])，(?=[０-９]{3}(?![０-９]))/g, '$1,');
}

/** A number as written: "3385.52", "2,477.10". */
export const NUM = '(\\d+(?:,\\d{3})*(?:\\.\\d+)?)';

export interface Sentence {
  /** Squashed text of the sentence. */
  text: string;
  /** The sentence as written, for excerpts. */
  raw: string;
  line: number;
  /** Index of the block it came from. */
  block: number;
}

/** Splits paragraphs into sentences at 。！？ (keeping the stop), each with its line. */
export function sentencesOf(blocks: readonly Block[]): Sentence[] {
  const out: Sentence[] = [];
  blocks.forEach((b, index) => {
    if (b.kind === 'table') return;
    for (const part of splitAfterStops(b.text)) {
      const r = part.trim();
      // A sentence is seen once: squashed without the shared cache's hashing and upkeep.
      if (r !== '') out.push({ text: squashUncached(r), raw: r, line: b.line, block: index });
    }
  });
  return out;
}

/**
 * The text cut after each 。！？!? (the stop kept), as `text.split(/(?<=[。！？!?])/)` cuts it,
 * without running a look-behind at every character.
 */
export function splitAfterStops(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < text.length - 1; i++) {
    if (!isStop(text.charCodeAt(i))) continue;
    out.push(text.slice(from, i + 1));
    from = i + 1;
  }
  out.push(text.slice(from));
  return out;
}

/** 。！？!? */
const isStop = (c: number): boolean =>
  c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f;

const EXCERPT_MAX = 160;

/** A citation: the sentence shortened around `focus` when it is long. */
export function sourceRef(line: number, raw: string, focus?: string): SourceRef {
  return { line, excerpt: excerptOf(raw, focus) };
}

export function excerptOf(raw: string, focus?: string): string {
  const r = raw.trim();
  if (r.length <= EXCERPT_MAX) return r;
  const at = focus ? r.indexOf(focus) : -1;
  if (at < 0) return `${r.slice(0, EXCERPT_MAX)}…`;
  const start = Math.max(0, at - 60);
  const end = Math.min(r.length, start + EXCERPT_MAX);
  return `${start > 0 ? '…' : ''}${r.slice(start, end)}${end < r.length ? '…' : ''}`;
}

/** "3,385.52" → "3385.52" */
export function plainNumber(text: string): string {
  return text.replace(/,/g, '');
}
