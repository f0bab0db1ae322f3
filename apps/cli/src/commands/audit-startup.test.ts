import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCli } from '../build-cli.ts';

/** The chunks a module of the prebuilt CLI imports statically, itself included, transitively. */
function staticClosure(dir: string, first: string): Map<string, string> {
  const seen = new Map<string, string>();
  const queue = [first];
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    if (seen.has(name)) continue;
    const text = readFileSync(path.join(dir, name), 'utf8');
    seen.set(name, text);
    // `import … from "./x.mjs"` and `import "./x.mjs"`; not `import("./x.mjs")`, loaded later.
    for (const m of text.matchAll(/(?:from\s*|\bimport\s*)"\.\/([^"]+\.mjs)"/g)) {
      if (m[1] !== undefined) queue.push(m[1]);
    }
  }
  return seen;
}

describe('jixiao audit', () => {
  it('starts its audit processes before it loads the audit: its module imports none of it', async () => {
    const entry = await buildCli();
    if (entry instanceof Error) throw entry;
    const dir = path.dirname(entry);
    const main = readFileSync(entry, 'utf8');
    const chunk = /import\("\.\/(audit-[A-Z0-9]+\.mjs)"\)/.exec(main)?.[1];
    expect(chunk).toBeDefined();
    const closure = staticClosure(dir, chunk ?? '');
    const code = [...closure.values()].join('\n');
    // It starts the processes…
    expect(code).toContain('function prestartAuditWorkers(');
    // …and holds no reader, extraction or check, nor the schemas (zod) the domain builds.
    for (const heavy of [
      'function extractEvaluation(',
      'function readDocx(',
      'function checkEvaluation(',
    ]) {
      expect(code).not.toContain(heavy);
    }
    expect(code).not.toMatch(/from\s*"file:[^"]*\/node_modules\/zod\//);
    // The rest of the command comes after, and what it loads for text and json is as light.
    const run = /import\("\.\/(audit-run-[A-Z0-9]+\.mjs)"\)/.exec(code)?.[1];
    expect(run).toBeDefined();
    const rest = [...staticClosure(dir, run ?? '').values()].join('\n');
    expect(rest).toContain('function auditBatch(');
    expect(rest).not.toContain('function extractEvaluation(');
    expect(rest).not.toMatch(/from\s*"file:[^"]*\/node_modules\/zod\//);
  }, 60_000);
});
