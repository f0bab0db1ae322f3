import type { Block } from '../read/block.ts';
import type { Sentence } from '../extract/text.ts';
import { QUOTED_NAME } from '../extract/claim-relations.ts';
import { squash } from '../extract/text.ts';

/** "附件：X绩效自评表", "附表2：2023年度X项目支出绩效自评表": the name of what the table is of. */
const ATTACHED =
  /^附[件表]\d*[：:]?(?:(?:19|20)\d{2}年度?)?(.{6,60}?)(?:支出)?(?:绩效自评表|绩效评价表|自评表|评价表)$/;
const YEAR = /^(?:19|20)\d{2}年度?/;

/** One attachment named otherwise than the project the text names. */
export interface AttachmentName {
  line: number;
  raw: string;
  /** The name in the attachment's title. */
  stated: string;
  /** The name the text gives, in quotes. */
  expected: string;
  /** The line where the text names it. */
  lineA: number;
}

/** The number of single-character edits that turn a into b, or Infinity past `limit`. */
function editsBetween(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return Infinity;
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(
        (row[j] ?? 0) + 1,
        (next[j - 1] ?? 0) + 1,
        (row[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      next.push(v);
      best = Math.min(best, v);
    }
    if (best > limit) return Infinity;
    row = next;
  }
  return row[b.length] ?? Infinity;
}

/** Two names of one thing written differently: same start and end, a few characters apart. */
function sameThingOtherwise(a: string, b: string): boolean {
  if (a === b || a.includes(b) || b.includes(a)) return false;
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let q = 0;
  while (q < a.length - p && q < b.length - p && a.at(-1 - q) === b.at(-1 - q)) q++;
  if (p < 4 || q < 2) return false;
  const limit = Math.min(4, Math.floor(Math.min(a.length, b.length) / 3));
  return editsBetween(a, b, limit) <= limit;
}

/**
 * "附件：三亚市中小学智慧教室建设项目绩效自评表" while the text names the project
 * “三亚市中小学校智慧校园建设项目”: an attachment whose title names the project otherwise (the
 * name it gives appears nowhere else in the text).
 */
export function attachmentNames(
  blocks: readonly Block[],
  sentences: readonly Sentence[],
): AttachmentName[] {
  const quoted: { name: string; line: number }[] = [];
  for (const s of sentences) {
    if (!s.text.includes('“') && !s.text.includes('"') && !s.text.includes('「')) continue;
    for (const m of s.text.matchAll(QUOTED_NAME))
      if (m[1]) quoted.push({ name: m[1].replace(YEAR, ''), line: s.line });
  }
  if (quoted.length === 0) return [];
  const attached: { block: Block; stated: string }[] = [];
  for (const b of blocks) {
    if (b.kind === 'table' || !/附[件表]/.test(b.text)) continue;
    const stated = ATTACHED.exec(squash(b.text))?.[1];
    if (stated) attached.push({ block: b, stated });
  }
  const out: AttachmentName[] = [];
  for (const { block: b, stated } of attached) {
    // The name of the attachment is the text's own somewhere else: another thing it names.
    if (sentences.some((s) => s.line !== b.line && s.text.includes(stated))) continue;
    if (quoted.some((q) => q.name === stated || q.name.includes(stated) || stated.includes(q.name)))
      continue;
    const like = quoted.find((q) => sameThingOtherwise(stated, q.name));
    // Several attachments of names alike ("供水管网改造", "排水管网改造") are several projects:
    // which of them the text names otherwise cannot be told.
    if (
      like &&
      attached.some((a) => a.stated !== stated && sameThingOtherwise(a.stated, like.name))
    )
      continue;
    if (like)
      out.push({ line: b.line, raw: b.text.trim(), stated, expected: like.name, lineA: like.line });
  }
  return out;
}
