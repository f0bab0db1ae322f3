import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditDocument } from './audit-document.ts';
import { CLEAN_FIXTURES, writtenFixture } from './testing/clean-fixtures.ts';
import { applyInjection, injectionsFor } from './testing/inject.ts';
import type { Injection } from './testing/inject.ts';
import { blocksToHtml, blocksToText } from './testing/render-text.ts';

interface Source {
  name: string;
  year: number;
  text: string;
  html: string;
  documentXml: string;
  zip: JSZip;
}

const sources: Source[] = [];
const tally = new Map<string, { cases: number; found: number }>();
const count = (key: string, found: boolean): void => {
  const t = tally.get(key) ?? { cases: 0, found: 0 };
  t.cases++;
  if (found) t.found++;
  tally.set(key, t);
};

const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

async function mutatedDocx(source: Source, injection: Injection): Promise<Uint8Array | undefined> {
  const xml = applyInjection(source.documentXml, {
    ...injection,
    find: escapeXml(injection.find),
    replace: escapeXml(injection.replace),
  });
  if (xml === undefined) return undefined;
  const zip = await JSZip.loadAsync(await source.zip.generateAsync({ type: 'uint8array' }));
  zip.file('word/document.xml', xml);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

beforeAll(async () => {
  for (const name of CLEAN_FIXTURES) {
    const { year, blocks, docx: write } = writtenFixture(name);
    const docx = await write();
    const zip = await JSZip.loadAsync(docx);
    const documentXml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    sources.push({
      name,
      year,
      text: blocksToText(blocks),
      html: blocksToHtml(blocks),
      documentXml,
      zip,
    });
  }
});

afterAll(() => {
  const rows = [...tally.entries()].map(([k, v]) => `${k.padEnd(28)} ${v.found}/${v.cases}`);
  console.info(`generated error injection, found/cases:\n${rows.join('\n')}`);
});

const errorsOf = (bytes: Uint8Array, file: string) =>
  auditDocument(bytes, file).findings.filter((f) => f.severity === 'error');

describe('generated reports', () => {
  it.each(CLEAN_FIXTURES)(
    '%s written as .txt, .html and .docx yields no error finding',
    async (name) => {
      const source = sources.find((s) => s.name === name);
      expect(source).toBeDefined();
      if (!source) return;
      expect(errorsOf(new TextEncoder().encode(source.text), `${name}.txt`)).toEqual([]);
      expect(errorsOf(new TextEncoder().encode(source.html), `${name}.html`)).toEqual([]);
      const docx = await source.zip.generateAsync({ type: 'uint8array' });
      expect(errorsOf(docx, `${name}.docx`)).toEqual([]);
    },
  );

  it('reads a report cut short anywhere without alarms about what lies beyond the cut', () => {
    for (const source of sources) {
      const bytes = new TextEncoder().encode(source.text);
      for (let k = 1; k < 20; k++) {
        const cut = bytes.subarray(0, Math.floor((bytes.length * k) / 20));
        const audit = auditDocument(cut, `${source.name}-${k}.txt`);
        expect(audit.ok).toBe(true);
        expect(
          audit.findings.filter((f) => f.severity !== 'info').map((f) => `${k} ${f.code}`),
        ).toEqual([]);
      }
    }
  });

  it('injects hundreds of errors, one at a time, and finds each with the right category', async () => {
    const missed: string[] = [];
    let cases = 0;
    for (const source of sources) {
      for (const injection of injectionsFor(source.text, source.year)) {
        const text = applyInjection(source.text, injection);
        if (text !== undefined) {
          cases++;
          const found = auditDocument(new TextEncoder().encode(text), 'case.txt').findings.some(
            (f) => f.category === injection.category,
          );
          count(`txt ${injection.kind}`, found);
          if (!found)
            missed.push(
              `${source.name}.txt ${injection.kind}: ${injection.find} → ${injection.replace}`,
            );
        }
        const html = applyInjection(source.html, {
          ...injection,
          find: escapeXml(injection.find),
          replace: escapeXml(injection.replace),
        });
        if (html !== undefined) {
          cases++;
          const found = auditDocument(new TextEncoder().encode(html), 'case.html').findings.some(
            (f) => f.category === injection.category,
          );
          count(`html ${injection.kind}`, found);
          if (!found)
            missed.push(
              `${source.name}.html ${injection.kind}: ${injection.find} → ${injection.replace}`,
            );
        }
        const docx = await mutatedDocx(source, injection);
        if (docx) {
          cases++;
          const found = auditDocument(docx, 'case.docx').findings.some(
            (f) => f.category === injection.category,
          );
          count(`docx ${injection.kind}`, found);
          if (!found)
            missed.push(
              `${source.name}.docx ${injection.kind}: ${injection.find} → ${injection.replace}`,
            );
        }
      }
    }
    expect(cases).toBeGreaterThanOrEqual(500);
    expect(missed).toEqual([]);
  }, 180_000);
});
