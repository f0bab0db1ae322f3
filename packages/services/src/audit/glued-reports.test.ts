import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditDocument } from './audit-document.ts';

/**
 * Whole reports written on one line, as web pages' text and PDFs copied as one paragraph give
 * them: the invented reports exported as PDF text (and as web pages' text), and the invented
 * prose excerpts, with every line joined to the next by a space (the lines of a PDF) or by
 * nothing (paragraphs of a page whose breaks were lost). The planted findings found are measured
 * against the same files as written (floors keep what was reached); clean files must get no
 * error, and every finding names the file's one line.
 */

interface Planted {
  category: string;
  uncertain?: boolean;
}
interface Batch {
  findings: Record<string, Planted[]>;
  clean?: string[];
}

const glue = (text: string, by: string): string =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(by);

function batch(
  folder: string | URL,
  which: RegExp,
): { file: string; text: string; planted: string[]; clean: boolean }[] {
  const dir = typeof folder === 'string' ? new URL(`./${folder}/`, import.meta.url) : folder;
  const found = JSON.parse(readFileSync(new URL('findings.json', dir), 'utf8')) as Batch;
  return readdirSync(dir)
    .filter((f) => which.test(f))
    .sort()
    .map((file) => ({
      file,
      text: readFileSync(new URL(file, dir), 'utf8'),
      planted: (found.findings[file] ?? [])
        .filter((p) => p.uncertain !== true)
        .map((p) => p.category),
      clean: (found.clean ?? []).includes(file),
    }));
}

function measure(
  cases: ReturnType<typeof batch>,
  by: string,
): {
  planted: number;
  found: number;
  cleanErrors: string[];
  cleanWarnings: string[];
  lines: number[];
} {
  let planted = 0;
  let found = 0;
  const cleanErrors: string[] = [];
  const cleanWarnings: string[] = [];
  const lines = new Set<number>();
  for (const c of cases) {
    const findings = auditDocument(new TextEncoder().encode(glue(c.text, by)), c.file).findings;
    for (const f of findings) if (f.line !== null) lines.add(f.line);
    for (const category of c.planted) {
      planted++;
      if (findings.some((f) => f.category === category)) found++;
    }
    if (!c.clean) continue;
    for (const f of findings) {
      const said = `${c.file} ${f.code} ${f.message}`;
      if (f.severity === 'error') cleanErrors.push(said);
      if (f.severity === 'warning') cleanWarnings.push(said);
    }
  }
  return { planted, found, cleanErrors, cleanWarnings, lines: [...lines] };
}

describe('whole reports written on one line', () => {
  const reports = batch('invented-reports', /\.(?:pdf|web)\.txt$/);
  const prose = batch('invented-prose', /\.txt$/);

  // Measured: with the lines joined by spaces, 19 of 108 before such a line was read as the lines
  // it was (its prose was taken for one cut paragraph, its tables missed), 107 after; clean
  // reports 10 warnings before, none after. With the sixth round of reports: 136 of 137; with the
  // seventh, 151 of 163 (a clean report's letter-spaced headings, "二、绩 效 目 标", had been split
  // into a line a letter, a numbering gap: kept on one line since); with the fourteenth, 329 of 357
  // untouched (a clean report's 其中 going on past its sentence a warning), 339 after its fixes;
  // with the fifteenth, 377 of 405 untouched (the 住房公积金 report's six warnings), 387 after.
  it('finds the planted findings of reports whose PDF lines were joined by spaces (floor 387)', () => {
    const m = measure(reports, ' ');
    console.log(
      `reports joined by spaces: ${m.found}/${m.planted}`,
      ...m.cleanWarnings.map((w) => `\n  clean: ${w}`),
    );
    expect(m.planted).toBeGreaterThanOrEqual(108);
    expect(m.found).toBeGreaterThanOrEqual(387);
    expect(m.cleanErrors).toEqual([]);
    expect(m.cleanWarnings).toEqual([]);
    expect(m.lines).toEqual([1]);
  });

  // Measured: 19 of 108 before, 46 with the chapters split, 63 with the tables' rows split too
  // (their reading is uncertain: warnings); 75 of 137 with the sixth round of reports; 104 with
  // tables whose cells keep their spaces read as such (not as lines joined by spaces), their rows
  // given back where a figure runs on into a name, and numbers repeated or skipped after a stop;
  // with the seventh round, 81 of 163 before those, 113 after; with the fourteenth, 234 of 357
  // untouched and 238 after its fixes (its county table is not read joined by nothing); 240 with
  // later fixes to tables; 243 once a list table among paragraphs joined by nothing, its cells
  // parted by spaces, was given back its header after the sentence announcing it ("…见下表：
  // 县（区） 下达资金（万元）…", "补贴人次汉台区") and a row a line ("…98.05% 5,210南郑区 …"):
  // the county tables of r69 (支出进度, 补贴人次 合计) and r33 read; with the fifteenth, 273 of
  // 405 untouched and 275 after (before the list tables' fix).
  it('finds the planted findings of reports whose paragraphs were joined by nothing (floor 275)', () => {
    const m = measure(reports, '');
    console.log(`reports joined by nothing: ${m.found}/${m.planted}`);
    expect(m.found).toBeGreaterThanOrEqual(275);
    expect(m.cleanErrors).toEqual([]);
  });

  // Measured: 262 of 344 before with one false error (a 其中 taken for last year's figure's parts),
  // 292 after with none (and 5 warnings on clean excerpts); 333 of 374 with later rounds and a
  // part (第N部分) read right after the title; 344 with an excerpt's outline opening at any chapter,
  // list items left whole and sign-off fields apart; 528 of 568 with round ur untouched, 537 after
  // its fixes.
  it('finds the planted findings of prose excerpts joined by nothing (floor 537)', () => {
    const m = measure(prose, '');
    console.log(`prose joined by nothing: ${m.found}/${m.planted}`);
    expect(m.found).toBeGreaterThanOrEqual(537);
    expect(m.cleanErrors).toEqual([]);
    expect(m.lines).toEqual([1]);
  });

  // Measured: prose excerpts 270 of 344 before with 3 false errors on clean ones, 321 after with
  // none (and 3 warnings); 351 of 374 with later rounds, 356 with numbers skipped after a stop
  // and a table ending before the prose line after it; 538 of 568 with round ur untouched, 547
  // after its fixes.
  it('finds the planted findings of prose excerpts joined by spaces (floor 547)', () => {
    const m = measure(prose, ' ');
    console.log(
      `prose joined by spaces: ${m.found}/${m.planted}`,
      ...m.cleanWarnings.map((w) => `\n  clean: ${w}`),
    );
    expect(m.found).toBeGreaterThanOrEqual(547);
    expect(m.cleanErrors).toEqual([]);
    expect(m.cleanWarnings.length).toBeLessThanOrEqual(3);
    expect(m.lines).toEqual([1]);
  });
});

// The real published excerpts (../shared/corpus/web, beside the repository) with their verified
// findings: three of the seventeen came as one line already, and any of them may.
describe('the real excerpts written on one line', () => {
  const web = batch(new URL('../../../../../shared/corpus/web/', import.meta.url), /^\d+\.txt$/);

  // Measured: 1 of 5 by spaces and by nothing before. A text ending on its list of attachments
  // was taken for one cut short at its last line, which as one line was the whole text; a list
  // item opening on a year ("分别是：1、2023年") was not set apart from the sum before it; a
  // 自评表 on the line the text stops on lost its fund rows and first groups to the cut; a
  // template's label run on after its title was not seen. Now 5 of 5 by spaces, 4 by nothing;
  // 5 by nothing once a 年度总体目标 row run together with its header words and two amounts
  // ("…实际完成情况43.237.24", 006) was parted into its goal and achievement.
  it('keeps their verified findings when their lines are joined by spaces (5 of 5)', () => {
    const m = measure(web, ' ');
    console.log(`real excerpts joined by spaces: ${m.found}/${m.planted}`);
    expect(m.planted).toBeGreaterThanOrEqual(5);
    expect(m.found).toBe(m.planted);
    expect(m.cleanErrors).toEqual([]);
    expect(m.cleanWarnings).toEqual([]);
  });

  it('keeps their verified findings when their lines are joined by nothing (5 of 5)', () => {
    const m = measure(web, '');
    console.log(`real excerpts joined by nothing: ${m.found}/${m.planted}`);
    expect(m.found).toBe(m.planted);
    expect(m.cleanErrors).toEqual([]);
    expect(m.cleanWarnings).toEqual([]);
  });
});

// The four example reports (../shared/corpus): Word documents of long paragraphs, whose lines
// joined by spaces are no PDF's short lines. Each error the report as written gets, by its code,
// is to be got from it on one line too.
describe('the example reports written on one line', () => {
  const dir = new URL('../../../../../shared/corpus/', import.meta.url);
  const reports = readdirSync(dir)
    .filter((f) => /^\d{3}_.*\.txt$/.test(f))
    .sort()
    .map((file) => ({ file, text: readFileSync(new URL(file, dir), 'utf8') }));
  const errors = (text: string, file: string): Set<string> =>
    new Set(
      auditDocument(new TextEncoder().encode(text), file)
        .findings.filter((f) => f.severity === 'error')
        .map((f) => f.code),
    );

  // Measured: 5 of 8 before (by spaces and by nothing alike). 002's chapters 5、 to 8、 (its own
  // slip for 五、 to 八、) were not chapters, so its closing chapters were never reached and the
  // text was taken for one cut short; a title ended by a space was read with its paragraph, and
  // an indicator's title with no number ("社会效益指标（分值10分…）") was run into the sentence
  // before it. Then 6 of 8 by spaces: 004's tables, one cell per line, were not read back whole.
  // Now all 8: its 基础数据表 is read label by label with the figures after each, and its 自评表's
  // group cells wrapped inside their names are put back together. Two of them are warnings there:
  // a table re-lined from one line had its cells parted at spaces, a cell's own words have spaces
  // too, so what rests on its figures is not certain (fail closed). No error comes up on one line
  // that the report as written does not give.
  it('keeps the errors of each as written when its lines are joined by spaces (all 8)', () => {
    let kept = 0;
    let all = 0;
    const lost: string[] = [];
    const added: string[] = [];
    for (const r of reports) {
      const before = errors(r.text, r.file);
      const joined = auditDocument(new TextEncoder().encode(glue(r.text, ' ')), r.file).findings;
      for (const code of before) {
        all++;
        if (joined.some((f) => f.code === code)) kept++;
        else lost.push(`${r.file} ${code}`);
      }
      for (const f of joined)
        if (f.severity === 'error' && !before.has(f.code)) added.push(`${r.file} ${f.code}`);
    }
    console.log(`example reports joined by spaces: ${kept}/${all} errors kept`, lost);
    expect(reports.length).toBe(4);
    expect(kept).toBe(all);
    expect(added).toEqual([]);
  });

  // Joined by nothing (a PDF's lines copied with their breaks lost), headings run on into their
  // text ("（6）资金下达合法性（3分）。我办无…本项指标不考核", "六、相关建议无相关建议。") and an
  // indicator's title with no number into the sentence before it. Measured before: 5 of 8 kept,
  // and two false errors (003: a score over a weight that the text moves to it; 002: a stated
  // total against 一级 scores with one of them lost). Now 6 of 8 and none: 004's two rest on
  // tables one cell per line, which nothing parts.
  it('keeps most errors of each when its lines are joined by nothing, and adds none', () => {
    let kept = 0;
    let all = 0;
    const added: string[] = [];
    for (const r of reports) {
      const before = errors(r.text, r.file);
      const joined = errors(glue(r.text, ''), r.file);
      for (const code of before) {
        all++;
        if (joined.has(code)) kept++;
      }
      for (const code of joined) if (!before.has(code)) added.push(`${r.file} ${code}`);
    }
    console.log(`example reports joined by nothing: ${kept}/${all} errors kept`);
    expect(all).toBe(8);
    expect(kept).toBeGreaterThanOrEqual(6);
    expect(added).toEqual([]);
  });

  // A copy that drops the empty lines (an editor's "remove blank lines", a web form's text
  // area) leaves 004's tables, one cell per line, with nothing parting their rows. Measured: 004
  // lost both its errors (its 基础数据表, 自评表 and project table read as one row of a table
  // that ran on over the notes and sign-offs after them, with a false weight subtotal). Now every
  // report gives the same findings as written, warnings and notes included.
  it('gives each the same findings when its empty lines are dropped', () => {
    const codes = (text: string, file: string): string[] =>
      auditDocument(new TextEncoder().encode(text), file)
        .findings.map((f) => `${f.severity} ${f.code}`)
        .sort();
    for (const r of reports) {
      const dense = r.text
        .split('\n')
        .filter((l) => l.trim() !== '')
        .join('\n');
      expect(codes(dense, r.file), r.file).toEqual(codes(r.text, r.file));
    }
  });
});
