import { describe, expect, it } from 'vitest';
import { auditDocument } from './audit-document.ts';
import { RENDERINGS } from './testing/perturb-text.ts';
import { seeded } from './testing/seeded.ts';
import { textSources } from './testing/text-sources.ts';

/**
 * Whatever text comes in, the audit answers with findings or a read error, never an exception:
 * every report we hold, damaged the ways real copies are (lines dropped, repeated or cut short,
 * a character lost or stray, digits misread) and then rendered as real copies come in.
 * Deterministic (seeded), so a failure names the document that threw.
 */
const SOURCES = textSources();
const STRAYS = ['', ' ', '\t', '0', '.', '（', '分', '%', '万元', '—', '\n', '年'];

function damaged(text: string, random: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  let lines = text.split('\n');
  const edits = 1 + Math.floor(random() * 5);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(random() * lines.length);
    const line = lines[at] ?? '';
    switch (Math.floor(random() * 6)) {
      case 0:
        lines.splice(at, 1 + Math.floor(random() * 5));
        break;
      case 1:
        lines.splice(at, 0, pick(lines));
        break;
      case 2: {
        const c = Math.floor(random() * (line.length + 1));
        lines[at] = line.slice(0, c) + pick(STRAYS) + line.slice(c + (random() < 0.5 ? 1 : 0));
        break;
      }
      case 3:
        lines = lines.slice(at);
        break;
      case 4:
        lines = lines.slice(0, at + 1);
        break;
      default:
        lines[at] = line.replace(/\d/g, (d) =>
          random() < 0.3 ? String(pick([...'0123456789'])) : d,
        );
    }
  }
  return lines.join('\n');
}

describe('the audit of damaged text', () => {
  it('never throws, over 1,500 damaged and re-rendered copies of every report we hold', () => {
    const random = seeded('never-throws');
    const renderings = Object.values(RENDERINGS);
    const thrown: string[] = [];
    for (let n = 0; n < 1_500; n++) {
      const source = SOURCES[n % SOURCES.length];
      if (!source) continue;
      let text = damaged(source.text, random);
      if (random() < 0.5) text = (renderings[n % renderings.length] ?? ((t) => t))(text, `${n}`);
      try {
        const audit = auditDocument(new TextEncoder().encode(text), source.name);
        expect(audit.findings).toBeInstanceOf(Array);
      } catch (error) {
        thrown.push(`#${n} ${source.name}: ${String(error).slice(0, 160)}`);
      }
    }
    expect(thrown).toEqual([]);
  }, 120_000);

  it('takes a year the model cannot hold (1923年 in the title) for no year, and reads on', () => {
    const text = '1923年度部门整体支出绩效自评报告\n一、部门概况\n本部门2023年预算执行率98.5%。\n';
    const audit = auditDocument(new TextEncoder().encode(text), 'x.txt');
    expect(audit.findings).toBeInstanceOf(Array);
  });
});
