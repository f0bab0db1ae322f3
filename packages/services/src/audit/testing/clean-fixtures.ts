import { readFileSync } from 'node:fs';
import { DepartmentEvaluation, ProjectEvaluation } from '@jixiao/domain';
import {
  departmentReportBlocks,
  projectReportBlocks,
  renderProjectDocx,
  renderReportDocx,
  resolveOptions,
} from '@jixiao/documents';
import type { WriterBlock } from './writer-types.ts';

/** The clean example evaluations (fixtures/evaluations), projects and departments. */
export const CLEAN_FIXTURES = [
  'clean-central-project',
  'clean-sichuan-project',
  'clean-hubei-project',
  'clean-hunan-department',
  'clean-huaihua-department',
  'clean-guangdong-department',
] as const;

/** A clean fixture as jixiao's writer states it (figures as stated): its blocks and its .docx. */
export interface WrittenFixture {
  year: number;
  blocks: WriterBlock[];
  docx: () => Promise<Uint8Array>;
}

/** Reads fixture `name` (a `-project` name is a project evaluation) and writes it. */
export function writtenFixture(name: string): WrittenFixture {
  const data: unknown = JSON.parse(
    readFileSync(
      new URL(`../../../../../fixtures/evaluations/${name}.json`, import.meta.url),
      'utf8',
    ),
  );
  const options = { figures: 'stated' as const };
  if (name.endsWith('-project')) {
    const e = ProjectEvaluation.parse(data);
    return {
      year: e.meta.year,
      blocks: projectReportBlocks(e, undefined, resolveOptions(options)),
      docx: () => renderProjectDocx(e, undefined, options),
    };
  }
  const e = DepartmentEvaluation.parse(data);
  return {
    year: e.meta.year,
    blocks: departmentReportBlocks(e, undefined, resolveOptions(options)),
    docx: () => renderReportDocx(e, undefined, options),
  };
}
