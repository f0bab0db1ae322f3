import { parseRulebook } from '@jixiao/domain';
import type { Rulebook } from '@jixiao/domain';
import hunanDepartment from '../../../../rulebooks/hunan-department.json' with { type: 'json' };
import huaihuaDepartment from '../../../../rulebooks/huaihua-department.json' with { type: 'json' };
import guangdongDepartment from '../../../../rulebooks/guangdong-department.json' with { type: 'json' };
import centralProject from '../../../../rulebooks/central-project.json' with { type: 'json' };
import sichuanProject from '../../../../rulebooks/sichuan-project.json' with { type: 'json' };
import hubeiProject from '../../../../rulebooks/hubei-project.json' with { type: 'json' };
import finance2013Department from '../../../../rulebooks/finance-2013-department.json' with { type: 'json' };

/**
 * The rulebooks shipped in rulebooks/*.json, bundled as JSON modules so that services never touch
 * the file system. Adding a rulebook = adding its file and one line here.
 */
const BUILTIN_SOURCES: readonly { file: string; data: unknown }[] = [
  { file: 'hunan-department.json', data: hunanDepartment },
  { file: 'huaihua-department.json', data: huaihuaDepartment },
  { file: 'guangdong-department.json', data: guangdongDepartment },
  { file: 'central-project.json', data: centralProject },
  { file: 'sichuan-project.json', data: sichuanProject },
  { file: 'hubei-project.json', data: hubeiProject },
  { file: 'finance-2013-department.json', data: finance2013Department },
];

let cache: readonly Rulebook[] | undefined;

/**
 * Validates every built-in rulebook (once, at first use). A rulebook that fails its schema is a
 * defect in the shipped data, not a user error, so it throws with every problem listed.
 */
function loadBuiltins(): readonly Rulebook[] {
  if (cache) return cache;
  const books: Rulebook[] = [];
  const seen = new Set<string>();
  for (const { file, data } of BUILTIN_SOURCES) {
    const result = parseRulebook(data);
    if (!result.ok) {
      const lines = result.issues.map((i) => `  ${i.path}: ${i.message}`).join('\n');
      throw new Error(`built-in rulebook rulebooks/${file} is invalid:\n${lines}`);
    }
    const book = result.rulebook;
    if (`${book.id}.json` !== file) {
      throw new Error(
        `built-in rulebook rulebooks/${file} has id "${book.id}"; the file name must be the id`,
      );
    }
    if (seen.has(book.id)) throw new Error(`duplicate built-in rulebook id "${book.id}"`);
    seen.add(book.id);
    books.push(book);
  }
  cache = books;
  return books;
}

/** Every built-in rulebook, in a stable order (department books first, then project books). */
export function builtinRulebooks(): Rulebook[] {
  return [...loadBuiltins()];
}

/** The built-in rulebook with this id, or undefined. */
export function findRulebook(id: string): Rulebook | undefined {
  return loadBuiltins().find((book) => book.id === id);
}

/** The ids of the built-in rulebooks, for messages listing what exists. */
export function builtinRulebookIds(): string[] {
  return loadBuiltins().map((book) => book.id);
}
