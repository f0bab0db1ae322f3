import { describe, expect, it } from 'vitest';
import { auditDocument } from './audit-document.ts';
import type { DocumentAudit } from './audit-document.ts';
import { textSources } from './testing/text-sources.ts';
import { RENDERINGS } from './testing/perturb-text.ts';

/**
 * Every clean text report we hold (the web corpus's clean files, the invented prose and tables,
 * the example evaluations written as text), in every rendering real copies come in (PDF text,
 * hard wraps, page footers, full-width digits, thousands separators, 元, other header words,
 * stray blanks, titles and cells spread out one character at a time, clause marks typed
 * half-width, relation words written another way), must get no error; the files with planted
 * findings must keep their findings.
 * The matrix of false errors and recall per rendering is printed.
 */
const audit = (text: string, name: string): DocumentAudit =>
  auditDocument(new TextEncoder().encode(text), name);

const SOURCES = textSources();

interface Cell {
  falseErrors: string[];
  found: number;
  counted: number;
  lost: string[];
}

function measureRendering(label: string): Cell {
  const render = label === 'as written' ? (text: string) => text : RENDERINGS[label];
  if (!render) throw new Error(`no rendering ${label}`);
  const cell: Cell = { falseErrors: [], found: 0, counted: 0, lost: [] };
  for (const s of SOURCES) {
    const a = audit(render(s.text, s.name), s.name);
    if (s.planted.length === 0) {
      for (const f of a.findings.filter((x) => x.severity === 'error'))
        cell.falseErrors.push(`${s.name} ${f.code}: ${f.message}`);
      continue;
    }
    const categories = new Set<string>(a.findings.map((f) => f.category));
    for (const c of s.planted) {
      cell.counted++;
      if (categories.has(c)) cell.found++;
      else cell.lost.push(`${s.name} ${c}`);
    }
  }
  return cell;
}

/**
 * Planted findings kept per rendering, of the 177 certain ones in the files with findings: the
 * floor is what was reached (as written: 177); the lost ones are printed. Joining lines a hard
 * wrap cut before prose and tables are read raised hard-wrapped text from 146 to 154 and PDF
 * text (run together, wrapped, with page footers) from 144 to 152 (of 154 then). The eighth
 * batch of invented prose brought 9 more (163 before): 169 kept as written before its round,
 * every rendering 3 more after it; the batch after that round brought 5 more, kept in every
 * rendering once that batch's fixes were made. The batch held out before the ninth round brought
 * 13 more (190): 183 kept as written before its round, all 13 in every rendering after it.
 * Of the 592 counted since: 万元 as 元 kept 573 before a slip of 万元 for 元 was looked for once
 * the text's 万元 are restated in 元 (a figure ten thousand times its namesake, its parts, its
 * share or what makes its rate), 585 after.
 */
// Raised to what every rendering keeps of the 607 certain findings after round ur (the floors
// had stayed at the 190 of an earlier count, so a loss could not fail the test).
const FLOORS: Record<string, number> = {
  'as written': 604,
  'cells run together': 600,
  'hard-wrapped': 593,
  'page headers and footers': 604,
  'full-width digits': 604,
  'half-width digits': 604,
  'thousands separators': 604,
  '万元 as 元': 600,
  'header synonyms': 604,
  'blank lines and stray spaces': 602,
  'letter-spaced titles and cells': 604,
  // Measured before the fixes they asked for: 588/592 (a clause's half-width comma before a
  // date said done) and 582/592 (截止 for 截至, 年初批复预算 for 年初预算, 共计得分 for 合计得分,
  // "其中:" before a year; the title year fix came of a year rendering since dropped, as 2023年度 and 2023年 may name different years), the 589 of the text as written after.
  'half-width punctuation': 604,
  'other wordings': 604,
  'PDF text: run together, wrapped, with page footers': 589,
};

describe('clean reports in every rendering real copies come in', () => {
  it.each(Object.keys(FLOORS))('%s: no error on a clean file, planted findings kept', (label) => {
    const m = measureRendering(label);
    console.log(
      [
        `${label}: ${m.falseErrors.length} false errors; ${m.found}/${m.counted} planted findings kept`,
        ...m.falseErrors.map((x) => `  false error: ${x}`),
        ...m.lost.map((x) => `  lost: ${x}`),
      ].join('\n'),
    );
    expect(m.falseErrors).toEqual([]);
    expect(m.found).toBeGreaterThanOrEqual(FLOORS[label] ?? m.counted);
  });
});
