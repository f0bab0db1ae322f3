import { readFileSync } from 'node:fs';
import { loadCorpus, present } from './measure-corpus.ts';
import type { Corpus } from './measure-corpus.ts';
import { CLEAN_FIXTURES, writtenFixture } from './clean-fixtures.ts';
import type { Verified } from './invented-table-models.ts';
import { blocksToText } from './render-text.ts';

/** A text report we hold, with the certain findings planted in it (none for a clean file). */
export interface TextSource {
  name: string;
  text: string;
  /** Categories of the findings planted in it (empty for a clean file). */
  planted: string[];
  /** The certain findings planted in it, as findings.json states them. */
  verified: Verified[];
}

function textsOf(corpus: Corpus, dir: URL): TextSource[] {
  const read = (file: string): string => readFileSync(new URL(file, dir), 'utf8');
  return [
    ...corpus.clean
      .filter((f) => f.endsWith('.txt'))
      .map((f) => ({ name: f, text: read(f), planted: [], verified: [] })),
    ...Object.entries(corpus.findings)
      .filter(([f]) => f.endsWith('.txt'))
      .map(([f, list]) => {
        const verified = list.filter((v) => !v.uncertain);
        return { name: f, text: read(f), planted: verified.map((v) => v.category), verified };
      }),
  ];
}

function examples(): TextSource[] {
  return CLEAN_FIXTURES.map((name) => ({
    name: `${name}.txt`,
    text: blocksToText(writtenFixture(name).blocks),
    planted: [],
    verified: [],
  }));
}

/**
 * Every text report we hold: the web corpus's files (when the shared corpus is there), the
 * invented prose and tables, and the clean example evaluations written as text.
 */
export function textSources(): TextSource[] {
  const web = new URL('../../../../../../shared/corpus/web/', import.meta.url);
  const webCorpus = loadCorpus(web);
  const prose = new URL('../invented-prose/', import.meta.url);
  const tables = new URL('../invented-tables/', import.meta.url);
  return [
    ...(webCorpus ? textsOf(webCorpus, web) : []),
    ...textsOf(present(loadCorpus(prose)), prose),
    ...textsOf(present(loadCorpus(tables)), tables),
    ...examples(),
  ];
}
