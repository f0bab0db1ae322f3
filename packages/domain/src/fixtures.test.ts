import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Evaluation } from './evaluation.ts';
import { parseDecimalToFen } from './money.ts';
import { parsePercent } from './ratio.ts';
import { Rulebook } from './rulebook.ts';
import { scoreEvaluation } from './scoring/score-evaluation.ts';
import { checkEvaluation } from './checks/check-evaluation.ts';

const fixturesDir = new URL('../../../fixtures/evaluations/', import.meta.url);
const rulebooksDir = new URL('../../../rulebooks/', import.meta.url);
// The example reports live beside the repository (see fixtures/README.md).
const corpusDir = new URL('../../../../shared/corpus/', import.meta.url);

const files = readdirSync(fixturesDir)
  .filter((f) => f.endsWith('.json'))
  .sort();
const cleanFiles = files.filter((f) => f.startsWith('clean-'));
const corpusFiles = files.filter((f) => /^\d{3}_[0-9a-f]+\.json$/.test(f));

function readJson(url: URL): unknown {
  return JSON.parse(readFileSync(url, 'utf8'));
}

function loadEvaluation(file: string): Evaluation {
  return Evaluation.parse(readJson(new URL(file, fixturesDir)));
}

function loadRulebook(id: string): Rulebook {
  return Rulebook.parse(readJson(new URL(`${id}.json`, rulebooksDir)));
}

/** Every object in a JSON tree with the path it sits at. */
function* objects(value: unknown, path = '$'): Generator<[string, Record<string, unknown>]> {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) yield* objects(v, `${path}[${i}]`);
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    yield [path, record];
    for (const [k, v] of Object.entries(record)) yield* objects(v, `${path}.${k}`);
  }
}

describe('evaluation fixtures', () => {
  it('include the four corpus reports and one clean evaluation per rulebook', () => {
    expect(corpusFiles).toEqual([
      '000_1b4dc649ed6af86d.json',
      '002_a7b055efa2efa46e.json',
      '003_673b39950d73d57f.json',
      '004_66e78293cd0851a8.json',
    ]);
    const books = readdirSync(rulebooksDir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => `clean-${f}`)
      .sort();
    expect(cleanFiles).toEqual(books);
  });

  describe.each(files)('%s', (file) => {
    const raw = readJson(new URL(file, fixturesDir));

    it('parses with the Evaluation schema', () => {
      const result = Evaluation.safeParse(raw);
      const issues = result.success
        ? []
        : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
      expect(issues).toEqual([]);
    });

    it('names existing rulebooks of its kind (attached project tables too)', () => {
      const evaluation = Evaluation.parse(raw);
      const attached = evaluation.kind === 'department' ? evaluation.projectEvaluations : [];
      for (const e of [evaluation, ...attached]) {
        expect(existsSync(new URL(`${e.rulebookId}.json`, rulebooksDir)), e.rulebookId).toBe(true);
        expect(loadRulebook(e.rulebookId).kind).toBe(e.kind);
      }
    });

    it('stores every amount as the exact 分 of its written figure', () => {
      for (const [path, o] of objects(raw)) {
        if (typeof o.fen !== 'number' || typeof o.text !== 'string') continue;
        const unit = o.unit === '元' || o.unit === '亿元' ? o.unit : '万元';
        expect(parseDecimalToFen(o.text, unit), path).toBe(o.fen);
      }
    });

    it('stores every percentage as its written text says', () => {
      for (const [path, o] of objects(raw)) {
        if (typeof o.value !== 'number' || typeof o.decimals !== 'number') continue;
        if (typeof o.text !== 'string') continue;
        const p = parsePercent(o.text);
        expect(p && { value: p.value, decimals: p.decimals }, path).toEqual({
          value: o.value,
          decimals: o.decimals,
        });
      }
    });
  });
});

describe.skipIf(!existsSync(corpusDir)).each(corpusFiles)('%s cites its report', (file) => {
  it('every source excerpt sits on the line it names', () => {
    const lines = readFileSync(new URL(file.replace(/\.json$/, '.txt'), corpusDir), 'utf8').split(
      '\n',
    );
    const raw = readJson(new URL(file, fixturesDir));
    let cited = 0;
    for (const [path, o] of objects(raw)) {
      const source = o.source;
      if (source === null || typeof source !== 'object') continue;
      const { line, excerpt } = source as { line?: number; excerpt?: string };
      if (line === undefined) continue;
      expect(line, path).toBeLessThanOrEqual(lines.length);
      if (excerpt !== undefined) {
        expect(lines[line - 1], path).toContain(excerpt);
        cited += 1;
      }
    }
    expect(cited).toBeGreaterThan(10);
  });

  it('every outline heading sits on the line it names', () => {
    const lines = readFileSync(new URL(file.replace(/\.json$/, '.txt'), corpusDir), 'utf8').split(
      '\n',
    );
    const evaluation = loadEvaluation(file);
    expect(evaluation.outline.length).toBeGreaterThan(10);
    for (const h of evaluation.outline) {
      if (h.line === undefined) continue;
      const text = (lines[h.line - 1] ?? '').replace(/\s/g, '');
      expect(text, `${h.numberText}${h.title}`).toContain(h.title.replace(/\s/g, ''));
      expect(text, `${h.numberText}${h.title}`).toContain(h.numberText);
    }
  });
});

describe.each(cleanFiles)('clean fixture %s', (file) => {
  const evaluation = loadEvaluation(file);
  const rulebook = loadRulebook(evaluation.rulebookId);

  it('yields no findings at all', () => {
    const findings = checkEvaluation(evaluation, rulebook);
    expect(findings.map((f) => `${f.code} ${f.path}: ${f.message}`)).toEqual([]);
  });

  it('scores to its stated total and grade', () => {
    const sheet = scoreEvaluation(evaluation, rulebook);
    expect(sheet.total).toBe(evaluation.stated.total);
    expect(sheet.capsApplied).toEqual([]);
    if (evaluation.stated.grade !== undefined) expect(sheet.grade).toBe(evaluation.stated.grade);
    // Every leaf scored by a rule of the book, not merely taken as stated: the fixture is meant
    // to exercise the rules.
    const unbound = sheet.nodes
      .filter((n) => n.isLeaf && n.ruleKind === 'stated')
      .map((n) => `${n.path} ${n.name}`);
    expect(unbound).toEqual([]);
  });
});
