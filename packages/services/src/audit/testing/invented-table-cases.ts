import { readdirSync, readFileSync } from 'node:fs';
import { loadCorpus, present } from './measure-corpus.ts';

/** An invented 自评表 file with the categories of its planted findings. */
export interface TableCase {
  /** Its path under invented-tables/ ("holdout-y/y4-….tabs.txt"). */
  file: string;
  text: string;
  planted: string[];
  clean: boolean;
}

const ROOT = new URL('../invented-tables/', import.meta.url);

/** The folders of invented tables: the first batch and every held-out one. */
export const TABLE_FOLDERS: readonly string[] = [
  '',
  ...readdirSync(ROOT)
    .filter((d) => d.startsWith('holdout'))
    .sort()
    .map((d) => `${d}/`),
];

/** Every invented table whose file name passes `which`, in every folder, its text as written. */
export function inventedTableCases(which: (file: string) => boolean): TableCase[] {
  return TABLE_FOLDERS.flatMap((folder) => {
    const dir = new URL(folder, ROOT);
    const corpus = present(loadCorpus(dir));
    return corpus.files.filter(which).map((file) => ({
      file: `${folder}${file}`,
      text: readFileSync(new URL(file, dir), 'utf8'),
      planted: (corpus.findings[file] ?? []).map((v) => v.category),
      clean: corpus.clean.includes(file),
    }));
  });
}
