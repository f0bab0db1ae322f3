import { describe, expect, it } from 'vitest';
import { lazily, loadCorpus, measure, present, report, unread } from './testing/measure-corpus.ts';

/**
 * Real published pieces from other provinces (../shared/corpus/web, beside the repository), with
 * hand-verified findings in findings.json: every certain finding must be found with its category,
 * an uncertain one may be at most a warning, and the clean files must get no error. Recall and
 * false alarms are printed.
 */
const corpus = loadCorpus(new URL('../../../../../shared/corpus/web/', import.meta.url));

describe.runIf(corpus !== undefined)('the web corpus of real reports from other provinces', () => {
  const m = lazily(() => measure(present(corpus)));

  it('finds every certain finding with its category', () => {
    console.log(report('web corpus', m()));
    expect(m().missed).toEqual([]);
  });

  it('reports an uncertain finding at most as a warning', () => {
    expect(m().uncertainAsErrors).toEqual([]);
  });

  it('gives the clean files no error', () => {
    expect(m().falseErrors).toEqual([]);
  });

  it('says how much of each file it understood, and never calls an unread file clean', () => {
    const web = present(corpus);
    expect(unread(web)).toEqual([]);
    for (const file of web.files) {
      const u = web.auditOf(file).summary.understanding;
      expect(u).not.toBeNull();
      if (u && u.status !== 'recognised') expect(u.message).toMatch(/未能识别自评表结构/);
    }
    // The 自评表 written one cell per line is read as a table, with its layout named.
    const table = web.auditOf('006.txt').summary;
    expect(table.understanding?.status).toBe('recognised');
    expect(table.understanding?.template?.id).toBe('central-project-table');
    expect(table.computedTotal).not.toBeNull();
  });
});
