// Every route the API documents, called with wrong input of every kind, by every kind of caller:
// none may answer 500, and every refusal is the one error shape with a Chinese message. Bad
// addresses (ids that are not ids, too long, escaped, broken %-escapes), bad queries
// (words for numbers, huge numbers, repeated keys) and bad bodies (wrong JSON types, each
// documented property given a value of another type, nulls, a body where none is expected).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '@jixiao/db/testing';
import { Client, createWorld, login, targetBody } from './testing/harness.ts';
import type { World } from './testing/harness.ts';
import { storedData } from './testing/stored-data.ts';

interface Operation {
  parameters?: { in: string; name: string }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}
interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
}
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const BAD_IDS = [
  'x',
  '0',
  '-1',
  '1e999',
  '%E4%B8%AD%E6%96%87',
  'a'.repeat(400),
  '..%2F..',
  '%20',
  '%E4%B8',
  '%ZZ',
];

const han = /[\u4e00-\u9fff]/;

/** Why an answer of 400 or more is not a refusal in the one error shape with a Chinese message. */
function refusalFault(res: { statusCode: number; body: string }): string | null {
  if (res.statusCode >= 500) return 'server error';
  if (res.statusCode < 400) return null;
  try {
    const error = (JSON.parse(res.body) as { error?: { code?: unknown; message?: unknown } }).error;
    if (typeof error?.code !== 'string') return 'no error code';
    if (typeof error.message !== 'string' || !han.test(error.message))
      return 'message not in Chinese';
    return null;
  } catch {
    return 'not JSON';
  }
}
const BAD_QUERY = [
  'abc',
  '-1',
  '99999999999999999999',
  '1e309',
  '[]',
  '%E2%80%8B',
  'x'.repeat(3000),
];

/** A value of another type than the schema asks for. */
function wrongFor(schema: JsonSchema | undefined): unknown[] {
  const type = Array.isArray(schema?.type) ? schema.type[0] : schema?.type;
  switch (type) {
    case 'string':
      return [12, [], { a: 1 }, null];
    case 'number':
    case 'integer':
      return ['十二', -1e308, 1e308, 1.5, [], null];
    case 'boolean':
      return ['true', 0];
    case 'array':
      return [{}, 'x', [null, 1, 'x', {}]];
    case 'object':
      return [[], 'x', 1, { '': null }];
    default:
      return [null, [], {}];
  }
}

/** Bodies to send to an operation: whole bodies of the wrong kind, then one property spoiled at a time. */
function badBodies(op: Operation): unknown[] {
  const schema = op.requestBody?.content?.['application/json']?.schema;
  const bodies: unknown[] = [null, [], 'x', 42, {}, { unknown: true }];
  for (const [name, property] of Object.entries(schema?.properties ?? {}))
    for (const value of wrongFor(property)) bodies.push({ [name]: value });
  return bodies;
}

describe.each(TEST_DIALECTS)('no input makes a 500 on any documented route (%s)', (dialect) => {
  let world: World;
  let clients: [string, Client][] = [];
  let paths: Record<string, Partial<Record<Lowercase<Method>, Operation>>> = {};
  /** Real records where a route asks for one: an approved 绩效目标 and its monitoring report. */
  const real = { formId: '', roundId: '' };
  beforeAll(async () => {
    world = await createWorld(dialect, { worker: false });
    clients = [
      ['anonymous', new Client(world.app)],
      ['filer', await login(world.app, 'filer-a')],
      ['reviewer', await login(world.app, 'reviewer')],
      ['admin', await login(world.app, 'admin')],
    ];
    const [, filer, reviewer] = clients.map(([, c]) => c);
    const head = await login(world.app, 'head-a');
    if (!filer || !reviewer) throw new Error('callers missing');
    const form = await filer.post('/api/targets', {
      departmentId: world.departments.a,
      year: 2025,
      kind: 'department',
      rulebookId: 'hunan-department',
      body: targetBody(),
    });
    real.formId = form.json<{ id: string }>().id;
    await head.post(`/api/targets/${real.formId}/transitions`, { action: 'submit' });
    await reviewer.post(`/api/targets/${real.formId}/transitions`, { action: 'approve' });
    const round = await reviewer.post('/api/monitoring/rounds', {
      year: 2025,
      asOf: '2025-07-31',
      deadline: '2025-08-15',
    });
    real.roundId = round.json<{ id: string }>().id;
    await filer.put(`/api/monitoring/rounds/${real.roundId}/forms/${real.formId}`, {
      version: 0,
      figures: { executionExplanation: '第四季度集中支付。' },
    });
    const spec = await new Client(world.app).get('/api/docs/json');
    paths = spec.json<{ paths: typeof paths }>().paths;
  }, 120_000);
  afterAll(async () => world.close());

  it('answers each bad request with a refusal in Chinese, never a server error', async () => {
    const failures: string[] = [];
    const before = await storedData(world.store);
    let requests = 0;
    const statuses = new Map<number, number>();
    const methods: Method[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
    for (const [template, operations] of Object.entries(paths)) {
      // Logging out would end the callers' sessions half-way; it takes no input anyway.
      if (template === '/api/auth/logout') continue;
      for (const method of methods) {
        const op = operations[method.toLowerCase() as Lowercase<Method>];
        if (!op) continue;
        const params = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
        const queries = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
        const urls = BAD_IDS.map((id) =>
          params.reduce((url, name) => url.replace(`{${name}}`, id), template),
        );
        // A real record where an id is asked (an evaluation, or the 绩效目标 and monitoring round
        // of the routes of those), with bad queries and bodies: the input is what is wrong.
        const idFor = (name: string) =>
          name === 'formId' || template.startsWith('/api/targets/')
            ? real.formId
            : template.startsWith('/api/monitoring/rounds/')
              ? real.roundId
              : world.evaluations.a;
        const realUrl = params.reduce(
          (url, name) => url.replace(`{${name}}`, idFor(name)),
          template,
        );
        if (params.length > 0 && method !== 'DELETE') urls.push(realUrl);
        for (const q of queries) {
          for (const v of BAD_QUERY) urls.push(`${realUrl}?${q}=${v}`);
          urls.push(`${realUrl}?${q}=1&${q}=2`);
        }
        const bodies = method === 'GET' || method === 'DELETE' ? [undefined] : badBodies(op);
        for (const [who, client] of clients)
          for (const url of urls)
            for (const body of method === 'DELETE' && url === realUrl ? [] : bodies) {
              requests++;
              const headers: Record<string, string> = {};
              if (client.cookie !== null) headers['cookie'] = client.cookie;
              if (client.csrf !== null && method !== 'GET') headers['x-csrf-token'] = client.csrf;
              if (body !== undefined) headers['content-type'] = 'application/json';
              const res = await world.app.inject({
                method,
                url,
                headers,
                ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
              });
              statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
              const fault = refusalFault(res);
              if (fault !== null)
                failures.push(
                  `${fault}: ${who} ${method} ${url.slice(0, 120)} ${JSON.stringify(body)?.slice(0, 80)} → ${res.statusCode} ${res.body.slice(0, 160)}`,
                );
            }
      }
    }
    // Nothing the callers entered changed: every request above was refused or only read.
    expect(await storedData(world.store)).toEqual(before);
    // Broken uploads to every route that takes a body: no boundary, a boundary never closed, a
    // part without a name, a file part cut short.
    const broken: [string, string][] = [
      ['multipart/form-data', '--x\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc'],
      ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="file"'],
      [
        'multipart/form-data; boundary=x',
        '--x\r\nContent-Disposition: form-data\r\n\r\nabc\r\n--x--',
      ],
      [
        'multipart/form-data; boundary=x',
        '--x\r\nContent-Disposition: form-data; name="file"; filename="a.docx"\r\n\r\nPK\u0003\u0004',
      ],
      ['application/json', '{"a":'],
      ['text/plain', 'x'],
    ];
    // A fresh session: the calls above may have ended the first (a password changed, say).
    const admin = await login(world.app, 'admin');
    for (const [template, operations] of Object.entries(paths))
      for (const method of ['POST', 'PUT'] as const) {
        if (!operations[method.toLowerCase() as 'post' | 'put']) continue;
        const url = template.replace(/\{[^}]+\}/g, world.evaluations.a);
        for (const [type, payload] of broken) {
          requests++;
          const headers: Record<string, string> = { 'content-type': type };
          if (admin.cookie !== null) headers['cookie'] = admin.cookie;
          if (admin.csrf !== null) headers['x-csrf-token'] = admin.csrf;
          const res = await world.app.inject({ method, url, headers, payload });
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          const fault = refusalFault(res);
          if (fault !== null)
            failures.push(
              `${fault}: admin ${method} ${url} ${type} → ${res.statusCode} ${res.body.slice(0, 160)}`,
            );
        }
      }
    console.log(
      `${requests} bad requests over ${Object.keys(paths).length} routes; answers: ${[...statuses]
        .sort((a, b) => a[0] - b[0])
        .map(([code, n]) => `${code}×${n}`)
        .join(' ')}`,
    );
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(1000);
    // The bad input reached the routes' own checks, not only the sign-in wall.
    expect(statuses.get(400) ?? 0).toBeGreaterThan(requests / 4);
  }, 600_000);
});
