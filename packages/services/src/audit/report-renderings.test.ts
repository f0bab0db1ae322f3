import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditDocument } from './audit-document.ts';
import { RENDERINGS } from './testing/perturb-text.ts';
import { loadCorpus, present } from './testing/measure-corpus.ts';

/**
 * The whole invented reports (invented-reports/: narrative chapters with their 附件 自评表, as
 * PDF text and portal text) in every rendering real copies come in (`testing/perturb-text.ts`):
 * no error on a clean report, and the certain findings planted kept, by category. These are
 * long documents whose tables a PDF flattened, so a rendering reaches what the short excerpts of
 * the other rendering tests cannot: a stray space inside a cell of a row run together, a
 * full-width figure in a table read one cell per line, a title spread over its width.
 *
 * Measured when this test was written, before any fix made for it (of 357 certain findings; 351
 * as written): stray spaces and blank lines 312 with 3 false errors on the clean reports (a
 * group's weight against only the leaves above a blank line), full-width digits 328, letter-
 * spaced cells 349 with 7 false errors (a figure spread digit by digit cut into two cells),
 * 万元 as 元 347, other wordings 347, hard-wrapped and PDF text 348, the others 351.
 *
 * Stray spaces: the false errors came of blank lines the rendering put inside a sentence a PDF
 * had wrapped, which no copy has (a blank line now follows a sentence's end only: 309 kept).
 * Then a cell's words a stray space parted in a row whose cells a space parts are one cell where
 * together they make a word of the table's vocabulary ("二 级指标", "效益指 标", "社会 效益指标")
 * or where one is a lone character that is no cell of its own ("全年实际 值"): 325; and a list
 * table's row label so parted ("八五三 农场 10.20 1,530.00…") is one label: 331. A leaf's name
 * parted between its second-level group and its target ("质量指标 轮作 面积核查准确率 100%"), a
 * lone character after a whole group name opening the word after it, and a 偏差原因 parted after
 * the row's last figure: 337; a unit cut from its multiple ("≤6.5万 元") and a leaf's name in
 * quotation marks ("“三公”经费 控制"): 340; a list table's header words so parted ("全年 执行",
 * "支 出金额（万元）") are one where together they name a column: 344.
 *
 * Other wordings: 年初批复预算 read as the 年初预算 the 自评表 holds, and figures as of a date
 * after the signing said 截止到: 351. Hard-wrapped: a line opening on a clause mark goes on with
 * the prose before it, however short that line: 349.
 *
 * After the fixes: full-width digits 351 (figures folded to ASCII where a report is read), letter-
 * spaced cells 351 with no false error (a figure spread with its thousands comma joined whole),
 * 万元 as 元 351 (a slip of 万元 for 元 found again once the text's 万元 are restated in 元: a figure
 * ten thousand times its namesake or its parts, an actual ten thousand times short of its target;
 * a long value alone on its line no longer taken for a row run together).
 */
const DIR = new URL('./invented-reports/', import.meta.url);
const corpus = present(loadCorpus(DIR));
const texts = (files: readonly string[]): string[] => files.filter((f) => f.endsWith('.txt'));
const read = (file: string): string => readFileSync(new URL(file, DIR), 'utf8');

interface Cell {
  found: number;
  counted: number;
  lost: string[];
  falseErrors: string[];
}

function measureRendering(render: (text: string, seed: string) => string): Cell {
  const cell: Cell = { found: 0, counted: 0, lost: [], falseErrors: [] };
  const auditOf = (file: string) =>
    auditDocument(new TextEncoder().encode(render(read(file), file)), file);
  for (const file of texts(corpus.clean))
    for (const f of auditOf(file).findings.filter((x) => x.severity === 'error'))
      cell.falseErrors.push(`${file} ${f.code}: ${f.message}`);
  for (const [file, verified] of Object.entries(corpus.findings)) {
    if (!file.endsWith('.txt')) continue;
    const categories = new Set<string>(auditOf(file).findings.map((f) => f.category));
    for (const v of verified.filter((x) => !x.uncertain)) {
      cell.counted++;
      if (categories.has(v.category)) cell.found++;
      else cell.lost.push(`${file} ${v.category}`);
    }
  }
  return cell;
}

const FORMS: Record<string, (text: string, seed: string) => string> = {
  'as written': (text) => text,
  ...RENDERINGS,
};

/**
 * Certain findings each rendering must keep, of 405 with the fifteenth batch of reports (r71–r74,
 * measured after its round and the fixes above): raised as fixes land, never lowered.
 */
const FLOORS: Record<string, number> = {
  'as written': 399,
  'cells run together': 399,
  'hard-wrapped': 397,
  'page headers and footers': 399,
  'full-width digits': 399,
  'half-width digits': 399,
  'thousands separators': 399,
  '万元 as 元': 399,
  'header synonyms': 399,
  'blank lines and stray spaces': 391,
  'letter-spaced titles and cells': 399,
  'half-width punctuation': 399,
  'other wordings': 399,
  'PDF text: run together, wrapped, with page footers': 397,
};

/** Renderings whose false errors on the clean reports are known and not yet mended. */
const KNOWN_FALSE_ERRORS: Record<string, number> = {};

describe('whole invented reports in every rendering real copies come in', () => {
  it('has a floor for every rendering', () => {
    expect(Object.keys(FLOORS).sort()).toEqual(Object.keys(FORMS).sort());
  });

  it.each(Object.keys(FORMS))('%s: no error on a clean report, planted findings kept', (form) => {
    const render = FORMS[form];
    if (!render) throw new Error(`no rendering ${form}`);
    const m = measureRendering(render);
    console.log(
      [
        `whole reports, ${form}: ${m.found}/${m.counted} planted findings kept; ${m.falseErrors.length} false errors`,
        ...m.falseErrors.map((x) => `  false error: ${x}`),
        ...m.lost.map((x) => `  lost: ${x}`),
      ].join('\n'),
    );
    expect(m.falseErrors.length).toBeLessThanOrEqual(KNOWN_FALSE_ERRORS[form] ?? 0);
    expect(m.found).toBeGreaterThanOrEqual(FLOORS[form] ?? m.counted);
  });
});
