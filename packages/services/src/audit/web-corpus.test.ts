import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { auditDocument } from './audit-document.ts';
import type { DocumentAudit } from './audit-document.ts';

/**
 * Real published pieces from other provinces (../shared/corpus/web, beside the repository), with
 * hand-verified findings in findings.json: every certain finding must be found with its category,
 * an uncertain one may be at most a warning, and the clean files must get no error. Recall and
 * false alarms are printed.
 */
const web = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../../shared/corpus/web');
const has = existsSync(join(web, 'findings.json'));

interface Verified {
  category: string;
  stated: string;
  expected: string;
  where: string;
  uncertain: boolean;
}
interface Findings {
  findings: Record<string, Verified[]>;
  clean: string[];
}

const audits = new Map<string, DocumentAudit>();
const auditOf = (file: string): DocumentAudit => {
  let a = audits.get(file);
  if (!a) {
    a = auditDocument(new Uint8Array(readFileSync(join(web, file))), file);
    audits.set(file, a);
  }
  return a;
};

describe.runIf(has)('the web corpus of real reports from other provinces', () => {
  const data = has
    ? (JSON.parse(readFileSync(join(web, 'findings.json'), 'utf8')) as Findings)
    : { findings: {}, clean: [] };
  const certain = Object.entries(data.findings).flatMap(([file, list]) =>
    list.filter((f) => !f.uncertain).map((f) => ({ file, ...f })),
  );
  const uncertain = Object.entries(data.findings).flatMap(([file, list]) =>
    list.filter((f) => f.uncertain).map((f) => ({ file, ...f })),
  );

  it('finds every certain finding with its category', () => {
    const missed = certain.filter(
      (v) => !auditOf(v.file).findings.some((f) => f.category === v.category),
    );
    const found = certain.length - missed.length;
    const soft = uncertain.filter((v) =>
      auditOf(v.file).findings.some((f) => f.category === v.category),
    ).length;
    console.log(
      `web corpus: ${found}/${certain.length} certain findings found, ${soft}/${uncertain.length} uncertain ones reported`,
    );
    expect(missed.map((m) => `${m.file} ${m.category}: ${m.where}`)).toEqual([]);
  });

  it('reports an uncertain finding at most as a warning', () => {
    const asErrors = uncertain.flatMap((v) =>
      auditOf(v.file)
        .findings.filter((f) => f.category === v.category && f.severity === 'error')
        .map((f) => `${v.file} ${f.code}: ${f.message}`),
    );
    expect(asErrors).toEqual([]);
  });

  it('gives the clean files no error', () => {
    const alarms = data.clean.flatMap((file) =>
      auditOf(file)
        .findings.filter((f) => f.severity === 'error')
        .map((f) => `${file} ${f.code}: ${f.message}`),
    );
    const warnings = data.clean.reduce(
      (n, file) => n + auditOf(file).findings.filter((f) => f.severity === 'warning').length,
      0,
    );
    console.log(
      `web corpus: ${alarms.length} errors and ${warnings} warnings on ${data.clean.length} clean files`,
    );
    expect(alarms).toEqual([]);
  });

  it('says how much of each file it understood, and never calls an unread file clean', () => {
    for (const file of [...Object.keys(data.findings), ...data.clean]) {
      const a = auditOf(file);
      expect(a.ok).toBe(true);
      const u = a.summary.understanding;
      expect(u).not.toBeNull();
      if (u && u.status !== 'recognised') expect(u.message).toMatch(/未能识别自评表结构/);
    }
    // The 自评表 written one cell per line is read as a table, with its layout named.
    const table = auditOf('006.txt').summary;
    expect(table.understanding?.status).toBe('recognised');
    expect(table.understanding?.template?.id).toBe('central-project-table');
    expect(table.computedTotal).not.toBeNull();
  });
});
