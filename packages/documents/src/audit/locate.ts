import type { Finding } from '@jixiao/domain';
import type { ExtractedReport } from '../extract/extract-evaluation.ts';
import { excerptOf, squash } from '../extract/text.ts';

/**
 * Gives every finding a line and an excerpt: a finding made on the evaluation (a chapter text
 * without a position) is placed on the sentence its excerpt or stated figure comes from.
 */
export function locateFindings(findings: readonly Finding[], report: ExtractedReport): Finding[] {
  return findings.map((f) => {
    if (f.line !== undefined && f.excerpt !== undefined) return f;
    const probe = f.excerpt
      ? squash(f.excerpt)
          .replace(/^[“"]|[…”"]$/g, '')
          .slice(0, 24)
      : undefined;
    const stated = f.stated ? squash(f.stated) : undefined;
    const hit =
      (probe ? report.sentences.find((s) => s.text.includes(probe)) : undefined) ??
      (stated && stated.length >= 3
        ? report.sentences.find((s) => s.text.includes(stated))
        : undefined);
    if (!hit) return f;
    const out: Finding = { ...f };
    out.line ??= hit.line;
    out.excerpt ??= excerptOf(hit.raw, f.stated);
    return out;
  });
}
