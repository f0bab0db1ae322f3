import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '@jixiao/db/testing';
import { Evaluation } from '@jixiao/domain';
import { createWorld, fixtureBody, login } from './testing/harness.ts';
import type { Client, World } from './testing/harness.ts';

const han = /[\u4e00-\u9fff]/;

/** Every path of a JSON value (object keys and array indexes), breadth first, at most `limit`. */
function pathsOf(value: unknown, limit = 2000): (string | number)[][] {
  const out: (string | number)[][] = [];
  const queue: { node: unknown; path: (string | number)[] }[] = [{ node: value, path: [] }];
  while (queue.length > 0 && out.length < limit) {
    const { node, path } = queue.shift() ?? { node: null, path: [] };
    if (node === null || typeof node !== 'object') continue;
    for (const [key, child] of Object.entries(node)) {
      const next = [...path, Array.isArray(node) ? Number(key) : key];
      out.push(next);
      queue.push({ node: child, path: next });
    }
  }
  return out;
}

/** A copy of `value` with the value at `path` replaced (or removed when `replacement` is undefined). */
function withValueAt(
  value: unknown,
  path: readonly (string | number)[],
  replacement: unknown,
): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path.at(-1);
  if (last === undefined) return replacement;
  if (replacement === undefined) delete node[last];
  else node[last] = replacement;
  return copy;
}

const base = fixtureBody();
const paths = pathsOf(base);

/** Near-valid bodies: the fixture with a few values replaced by anything JSON can hold, or removed. */
const nearValid = fc
  .array(
    fc.record({
      path: fc.constantFrom(...paths),
      value: fc.option(
        fc.oneof(
          fc.jsonValue({ maxDepth: 3 }),
          fc.integer(),
          fc.double(),
          fc.constantFrom(2 ** 53 + 1, -1, 1e300, '', '１２３', '100万元', null),
          fc.string({ unit: 'binary', maxLength: 40 }),
        ),
        { nil: undefined },
      ),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((edits) => {
    let body: unknown = base;
    for (const edit of edits) {
      try {
        body = withValueAt(body, edit.path, edit.value);
      } catch {
        // the path went away with an earlier edit
      }
    }
    return body;
  });

/** Valid bodies: the fixture with its texts replaced by any strings. */
const valid = fc
  .string({ maxLength: 30 })
  .map((text) => withValueAt(base, ['meta', 'title'], text === '' ? '标题' : text));

describe.each(TEST_DIALECTS)(
  'the evaluation schema and the save route under fuzz on %s',
  (dialect) => {
    let world: World;
    let filer: Client;
    beforeAll(async () => {
      world = await createWorld(dialect, { worker: false });
      filer = await login(world.app, 'filer-a');
    });
    afterAll(async () => world.close());

    it('parses or refuses any near-valid body as a value', () => {
      fc.assert(
        fc.property(fc.oneof(nearValid, valid), (body) => {
          const parsed = Evaluation.safeParse(body);
          if (!parsed.success) expect(parsed.error.issues.length).toBeGreaterThan(0);
        }),
        { numRuns: 300 },
      );
    });

    it('answers every save and evaluate with 2xx, or 4xx with Chinese messages: never 5xx', async () => {
      let version = (await filer.get(`/api/evaluations/${world.evaluations.a}`)).json<{
        version: number;
      }>().version;
      await fc.assert(
        fc.asyncProperty(fc.oneof(nearValid, valid), async (body) => {
          for (const res of [
            await filer.put(`/api/evaluations/${world.evaluations.a}`, { version, body }),
            await filer.post('/api/evaluate', { body }),
          ]) {
            expect(res.statusCode).toBeLessThan(500);
            if (res.statusCode === 200 && res.json<{ version?: number }>().version !== undefined)
              version = res.json<{ version: number }>().version;
            if (res.statusCode >= 400) {
              const error = res.json<{
                error: { message: string; details: { issues?: { message: string }[] } };
              }>().error;
              expect(error.message).toMatch(han);
              for (const issue of error.details.issues ?? []) expect(issue.message).toMatch(han);
            }
          }
        }),
        { numRuns: 80 },
      );
    }, 60_000);
  },
);
