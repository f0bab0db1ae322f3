import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** What a parameter holds while the query is compiled: a string no caller ever binds. */
const MARK = '\u0000jixiao-param\u0000';

interface Template {
  compiled: CompiledQuery<unknown>;
  /** For each compiled parameter: the name of the value to bind, or the constant compiled in. */
  slots: ({ name: string } | { value: unknown })[];
}

/**
 * A query built once with the query builder and compiled once per database, then run many times
 * with new values: the builder and the compiler cost more than SQLite itself on a short statement,
 * and the hot paths (saving an evaluation) run several of them per request.
 */
export interface ReusableQuery<P extends Record<string, unknown>, R> {
  /** The compiled query with `values` bound, for `executeQuery` on `db` or one of its transactions. */
  bind(db: Kysely<Database>, values: P): CompiledQuery<R>;
}

/**
 * Declares a reusable query. `build` receives `param(name)`, a placeholder to put wherever a value
 * goes (typed as that value); every name of P must be used, and a placeholder may only stand for a
 * whole value (never be concatenated into a string), which is checked when the query is compiled.
 */
export function reusableQuery<P extends Record<string, unknown>, R = unknown>(
  names: readonly (keyof P & string)[],
  build: (
    db: Kysely<Database>,
    param: <K extends keyof P & string>(name: K) => P[K],
  ) => Compilable<R>,
): ReusableQuery<P, R> {
  const templates = new WeakMap<object, Template>();
  const compile = (db: Kysely<Database>): Template => {
    const param = <K extends keyof P & string>(name: K): P[K] => `${MARK}${name}` as P[K];
    const compiled = build(db, param).compile();
    const used = new Set<string>();
    const slots = compiled.parameters.map((value) => {
      if (typeof value === 'string' && value.includes(MARK)) {
        const name = value.startsWith(MARK) ? value.slice(MARK.length) : '';
        if (!names.includes(name)) {
          throw new Error(`reusable query: placeholder used inside a larger value: ${value}`);
        }
        used.add(name);
        return { name };
      }
      return { value };
    });
    const unused = names.filter((n) => !used.has(n));
    if (unused.length > 0)
      throw new Error(`reusable query: unused parameters ${unused.join(', ')}`);
    return { compiled, slots };
  };
  return {
    bind(db, values) {
      let template = templates.get(db);
      if (template === undefined) {
        template = compile(db);
        templates.set(db, template);
      }
      const parameters = template.slots.map((slot) =>
        'name' in slot ? values[slot.name] : slot.value,
      );
      return { ...template.compiled, parameters };
    },
  };
}
