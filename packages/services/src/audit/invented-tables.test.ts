import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditDocument } from './audit-document.ts';
import type { DocumentAudit } from './audit-document.ts';
import type { Verified } from './testing/invented-table-models.ts';

/**
 * Invented 自评表 excerpts in the templates of provinces the web corpus does not hold (项目支出,
 * 部门整体, 转移支付 and 衔接资金 tables, 评分表), each flattened as real copies are: one cell per
 * line, cells run together (with spaces or with nothing), tabs, runs of spaces, html with merged
 * cells, Word; some cut short. Written by testing/write-invented-tables.ts and by hand; the
 * findings were written before the product ran on them. Targets: ≥ 90% of the findings found with
 * their category, no error on a clean file, no uncertain finding as an error.
 */
const dir = new URL('./invented-tables/', import.meta.url);

interface Findings {
  findings: Record<string, Verified[]>;
  clean: string[];
}

const audits = new Map<string, DocumentAudit>();
const auditOf = (file: string): DocumentAudit => {
  let a = audits.get(file);
  if (!a) {
    a = auditDocument(new Uint8Array(readFileSync(new URL(file, dir))), file);
    audits.set(file, a);
  }
  return a;
};

const data = JSON.parse(readFileSync(new URL('findings.json', dir), 'utf8')) as Findings;

describe('invented 自评表 excerpts from other provinces, in every flattening', () => {
  const verified = Object.entries(data.findings).flatMap(([file, list]) =>
    list.map((f) => ({ file, ...f })),
  );

  // The target is 90%; measured: 25/39 on the first run, 30/39 after the fixes that came with
  // this set. The floor keeps what was reached; the missed ones are printed.
  it('finds the findings with their category (target 90%, floor 30/39)', () => {
    const missed = verified.filter(
      (v) => !auditOf(v.file).findings.some((f) => f.category === v.category),
    );
    const found = verified.length - missed.length;
    console.log(
      `invented tables: ${found}/${verified.length} findings found; missed:\n${missed
        .map((m) => `  ${m.file} ${m.category}: ${m.where}`)
        .join('\n')}`,
    );
    expect(found).toBeGreaterThanOrEqual(30);
  });

  it('reports an uncertain finding at most as a warning', () => {
    const asErrors = verified
      .filter((v) => v.uncertain)
      .flatMap((v) =>
        auditOf(v.file)
          .findings.filter((f) => f.category === v.category && f.severity === 'error')
          .map((f) => `${v.file} ${f.code}: ${f.message}`),
      );
    expect(asErrors).toEqual([]);
  });

  it('gives the clean files no error and few warnings', () => {
    const alarms = data.clean.flatMap((file) =>
      auditOf(file)
        .findings.filter((f) => f.severity === 'error')
        .map((f) => `${file} ${f.code}: ${f.message}`),
    );
    const warnings = data.clean.flatMap((file) =>
      auditOf(file)
        .findings.filter((f) => f.severity === 'warning')
        .map((f) => `${file} ${f.code}: ${f.message}`),
    );
    console.log(
      `invented tables: ${alarms.length} errors and ${warnings.length} warnings on ${data.clean.length} clean files\n${[
        ...alarms,
        ...warnings,
      ].join('\n')}`,
    );
    expect(alarms).toEqual([]);
    expect(warnings.length).toBeLessThanOrEqual(data.clean.length);
  });
});

describe('held-out 自评表 excerpts, written after the fixes and measured untouched', () => {
  const hold = new URL('./invented-tables/holdout/', import.meta.url);
  const held = JSON.parse(readFileSync(new URL('findings.json', hold), 'utf8')) as Findings;
  const auditHeld = (file: string): DocumentAudit =>
    auditDocument(new Uint8Array(readFileSync(new URL(file, hold))), file);

  it('prints recall and false errors, and reads every file', () => {
    const verified = Object.entries(held.findings).flatMap(([file, list]) =>
      list.map((f) => ({ file, ...f })),
    );
    const found = verified.filter((v) =>
      auditHeld(v.file).findings.some((f) => f.category === v.category),
    ).length;
    const alarms = held.clean.flatMap((file) =>
      auditHeld(file).findings.filter((f) => f.severity === 'error'),
    );
    console.log(
      `held-out tables: ${found}/${verified.length} findings found, ${alarms.length} errors on ${held.clean.length} clean files`,
    );
    for (const file of [...Object.keys(held.findings), ...held.clean])
      expect(auditHeld(file).ok).toBe(true);
  });
});
