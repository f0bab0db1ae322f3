import { existsSync, readFileSync } from 'node:fs';
import { auditDocument } from '../audit-document.ts';
import type { DocumentAudit } from '../audit-document.ts';
import type { Verified } from './invented-table-models.ts';

/**
 * A folder of reports with their verified findings (findings.json: `findings` by file, `clean`
 * files, optionally `holdout` files written after the fixes), audited once per file: the shared
 * loading, measuring and printing of the corpus tests (web-corpus, invented-prose,
 * invented-tables).
 */
export interface Corpus {
  findings: Record<string, Verified[]>;
  clean: string[];
  holdout: string[];
  /** Every file named, with findings or clean. */
  files: string[];
  auditOf(file: string): DocumentAudit;
}

/** Reads `findings.json` of a folder (a URL ending in /); undefined when the folder is absent. */
export function loadCorpus(dir: URL): Corpus | undefined {
  const index = new URL('findings.json', dir);
  if (!existsSync(index)) return undefined;
  const data = JSON.parse(readFileSync(index, 'utf8')) as {
    findings: Record<string, Verified[]>;
    clean: string[];
    holdout?: string[];
  };
  const audits = new Map<string, DocumentAudit>();
  return {
    findings: data.findings,
    clean: data.clean,
    holdout: data.holdout ?? [],
    files: [...Object.keys(data.findings), ...data.clean],
    auditOf(file) {
      let a = audits.get(file);
      if (!a) {
        a = auditDocument(new Uint8Array(readFileSync(new URL(file, dir))), file);
        audits.set(file, a);
      }
      return a;
    },
  };
}

/** What a corpus test asserts and prints: recall, and what the clean files got. */
export interface Measure {
  /** Findings counted for recall, and how many of them were found with their category. */
  counted: number;
  found: number;
  /** "file category: where" of each counted finding not found. */
  missed: string[];
  /** Uncertain findings (not counted when only certain ones are) reported at all. */
  uncertainReported: number;
  uncertain: number;
  /** Uncertain findings reported as errors: at most a warning is allowed. */
  uncertainAsErrors: string[];
  cleanFiles: number;
  /** "file code: message" of every error and every warning on a clean file. */
  falseErrors: string[];
  cleanWarnings: string[];
}

/**
 * Measures the files `select` keeps. Recall counts the certain findings, or all of them with
 * `countUncertain` (the invented tables, whose uncertain findings are still meant to be found).
 */
export function measure(
  corpus: Corpus,
  select: (file: string) => boolean = () => true,
  countUncertain = false,
): Measure {
  const listed = Object.entries(corpus.findings)
    .filter(([file]) => select(file))
    .flatMap(([file, list]) => list.map((v) => ({ file, ...v })));
  const reported = (v: { file: string; category: string }): boolean =>
    corpus.auditOf(v.file).findings.some((f) => f.category === v.category);
  const counted = listed.filter((v) => countUncertain || !v.uncertain);
  const uncertain = listed.filter((v) => v.uncertain);
  const missed = counted.filter((v) => !reported(v));
  const clean = corpus.clean.filter(select);
  const onClean = (severity: string): string[] =>
    clean.flatMap((file) =>
      corpus
        .auditOf(file)
        .findings.filter((f) => f.severity === severity)
        .map((f) => `${file} ${f.code}: ${f.message}`),
    );
  return {
    counted: counted.length,
    found: counted.length - missed.length,
    missed: missed.map((v) => `${v.file} ${v.category}: ${v.where}`),
    uncertainReported: uncertain.filter(reported).length,
    uncertain: uncertain.length,
    uncertainAsErrors: uncertain.flatMap((v) =>
      corpus
        .auditOf(v.file)
        .findings.filter((f) => f.category === v.category && f.severity === 'error')
        .map((f) => `${v.file} ${f.code}: ${f.message}`),
    ),
    cleanFiles: clean.length,
    falseErrors: onClean('error'),
    cleanWarnings: onClean('warning'),
  };
}

/** The lines a corpus test prints: recall, alarms on the clean files, and what was missed. */
export function report(label: string, m: Measure): string {
  const percent = Math.round((100 * m.found) / Math.max(1, m.counted));
  const lines = [
    `${label}: ${m.found}/${m.counted} findings found (${percent}%)` +
      (m.uncertain > 0 ? `, ${m.uncertainReported}/${m.uncertain} uncertain ones reported` : '') +
      `; ${m.falseErrors.length} errors and ${m.cleanWarnings.length} warnings on ${m.cleanFiles} clean files`,
    ...m.missed.map((x) => `  missed: ${x}`),
    ...m.falseErrors.map((x) => `  false error: ${x}`),
    ...m.cleanWarnings.map((x) => `  warning on clean: ${x}`),
  ];
  return lines.join('\n');
}

/** The corpus, or a clear failure where a test that needs it runs without it. */
export function present(corpus: Corpus | undefined): Corpus {
  if (!corpus) throw new Error('corpus folder or its findings.json is missing');
  return corpus;
}

/** Measures once, on first use: tests of one corpus share the audits and the figures. */
export function lazily(make: () => Measure): () => Measure {
  let done: Measure | undefined;
  return () => (done ??= make());
}

/** Files the audit could not read at all (`ok` false): every corpus file must be read. */
export function unread(corpus: Corpus, select: (file: string) => boolean = () => true): string[] {
  return corpus.files.filter(select).filter((file) => !corpus.auditOf(file).ok);
}
