// Benchmark of the platform API, each figure against a bare Fastify route measured in the same run:
//   1. GET an evaluation            (target ≥ 50% of the bare route's requests/s). Two baselines:
//      the bare route answering {"ok":true}, and the bare route sending the very bytes of the GET
//      response from memory (a 14 kB JSON); the second tells what the payload alone costs. Then the
//      same GET as browsers ask for it (Accept-Encoding: gzip), which gets the response compressed.
//   2. PUT a save with validation, scoring, checks and a revision (target ≥ 1,000 saves/s on SQLite)
//   3. the dashboard over 10,000 evaluations on SQLite (target p95 < 200 ms)
//   4. the dashboard over 100,000 evaluations on PostgreSQL (target p95 < 500 ms; skipped without initdb)
// Loopback only (127.0.0.1), bounded durations. Run: npx tsx bench/api.ts [--seconds 5] [--no-pg]
// The load generator (autocannon) runs in a child process for every figure, the bare route included,
// so client and server never share one event loop; each run follows 2 s of unmeasured warm-up load.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { openStore, sql } from '@jixiao/db';
import type { DatabaseTarget, Insertable, Database, Store } from '@jixiao/db';
import { startPostgresCluster } from '@jixiao/db/testing';
import {
  createContext,
  createDepartment,
  createEvaluation,
  createRegion,
  createUser,
  loadActor,
} from '@jixiao/services';
import type { ServiceContext } from '@jixiao/services';
import { buildApp } from '@jixiao/server';

const args = process.argv.slice(2);
const SECONDS = Number(args[args.indexOf('--seconds') + 1] ?? 5) || 5;
const WITH_PG = !args.includes('--no-pg');
const CONNECTIONS = 8;
/** The save target is also measured with this many connections (browsers of a busy office). */
const MANY_CONNECTIONS = 50;
const PASSWORD = 'Bench-passw0rd';
const BODY = JSON.parse(
  readFileSync(
    new URL('../fixtures/evaluations/clean-hunan-department.json', import.meta.url),
    'utf8',
  ),
) as Record<string, unknown>;

async function listen(app: FastifyInstance): Promise<string> {
  return app.listen({ port: 0, host: '127.0.0.1' });
}

/** What the child load generator runs: plain GETs, or saves that carry each evaluation's version. */
type Load =
  | { kind: 'get'; url: string; headers?: Record<string, string> }
  | {
      kind: 'saves';
      url: string;
      headers: Record<string, string>;
      ids: string[];
      /** Connections for this run (default CONNECTIONS). */
      connections?: number;
    };

interface LoadResult {
  requests: { average: number; total: number };
  latency: { p97_5: number };
  non2xx: number;
  statuses: [number, number][];
}

/** Seconds of load before each measured run (same for every route), so the JIT has warmed up. */
const WARMUP = 2;

/** Runs autocannon in a child process (this file with --load) and returns its summary. */
async function cannon(load: Load): Promise<LoadResult & { cpuMicros: number }> {
  const script = fileURLToPath(import.meta.url);
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', script, '--load', JSON.stringify(load), '--seconds', String(SECONDS)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  let cpu0: NodeJS.CpuUsage | undefined;
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    if (cpu0 === undefined && out.includes('warmed\n')) cpu0 = process.cpuUsage();
  });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`load generator exited with ${String(code)}: ${out}`);
  const result = JSON.parse(out.slice(out.indexOf('warmed\n') + 'warmed\n'.length)) as LoadResult;
  // Server CPU (user + system) per request of the measured run: this process serves while the
  // child loads it, so the figure holds even when other work on the machine slows the wall clock.
  const cpu = process.cpuUsage(cpu0);
  return { ...result, cpuMicros: (cpu.user + cpu.system) / Math.max(1, result.requests.total) };
}

/** The child side: warms up, says so, runs the measured load and prints its summary as JSON. */
async function runLoad(load: Load): Promise<void> {
  const statuses = new Map<number, number>();
  let run: (duration: number) => Promise<autocannon.Result>;
  if (load.kind === 'get') {
    run = (duration) =>
      autocannon({
        connections: CONNECTIONS,
        duration,
        url: load.url,
        ...(load.headers !== undefined ? { headers: load.headers } : {}),
      });
  } else {
    // Each request saves one evaluation, carrying the version the previous save returned.
    // autocannon resets a connection's context on every pass, so the evaluations sit in a pool: a
    // request borrows one (with the version of its last save) and returns it with the new version.
    const pool = load.ids.map((id) => ({ id, version: 1 }));
    const body = JSON.stringify(BODY);
    run = (duration) =>
      autocannon({
        connections: load.connections ?? CONNECTIONS,
        duration,
        url: load.url,
        requests: [
          {
            method: 'PUT',
            setupRequest: (request, context) => {
              const item = pool.shift() ?? { id: '', version: 1 };
              (context as { item?: typeof item }).item = item;
              return {
                ...request,
                path: `/api/evaluations/${item.id}`,
                headers: load.headers,
                body: `{"version":${item.version},"body":${body}}`,
              };
            },
            onResponse: (status, text, context) => {
              statuses.set(status, (statuses.get(status) ?? 0) + 1);
              const item = (context as { item?: { id: string; version: number } }).item;
              if (item === undefined) return;
              const json = JSON.parse(text) as {
                version?: number;
                error?: { details?: { current?: { version?: number } } };
              };
              const version = status === 200 ? json.version : json.error?.details?.current?.version;
              if (version !== undefined) item.version = version;
              pool.push(item);
            },
          },
        ],
      });
  }
  await run(WARMUP);
  statuses.clear();
  process.stdout.write('warmed\n');
  const result = await run(SECONDS);
  const summary: LoadResult = {
    requests: { average: result.requests.average, total: result.requests.total },
    latency: { p97_5: result.latency.p97_5 },
    non2xx: result.non2xx,
    statuses: [...statuses],
  };
  process.stdout.write(JSON.stringify(summary));
}

interface World {
  store: Store;
  ctx: ServiceContext;
  app: FastifyInstance;
  url: string;
  cookie: string;
  csrf: string;
  regionId: string;
  departmentId: string;
}

async function world(target: DatabaseTarget): Promise<World> {
  const store = await openStore(target);
  const ctx = createContext(store);
  const region = await createRegion(ctx, { name: '示范市', financeBureau: '示范市财政局' });
  const dept = await createDepartment(ctx, null, {
    code: 'B0',
    name: '基准单位',
    regionId: region.id,
  });
  await createUser(ctx, null, { username: 'admin', password: PASSWORD, role: 'admin' });
  await createUser(ctx, null, {
    username: 'filer',
    password: PASSWORD,
    role: 'filer',
    departmentId: dept.id,
  });
  const app = await buildApp({ ctx, worker: false });
  const url = await listen(app);
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: PASSWORD }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return {
    store,
    ctx,
    app,
    url,
    cookie,
    csrf: csrfToken,
    regionId: region.id,
    departmentId: dept.id,
  };
}

/** Inserts `count` department evaluations for one year with realistic derived columns, in chunks. */
async function bulkEvaluations(w: World, count: number, year: number): Promise<void> {
  const now = new Date().toISOString();
  const body = JSON.stringify(BODY);
  const departments: {
    id: string;
    code: string;
    name: string;
    region_id: string;
    parent_id: null;
    created_at: string;
  }[] = [];
  for (let i = 0; i < count; i += 1) {
    departments.push({
      id: `bd${i}`,
      code: `BD${i}`,
      name: `基准单位${i}`,
      region_id: w.regionId,
      parent_id: null,
      created_at: now,
    });
  }
  let seed = 7;
  const rnd = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const statuses = ['draft', 'submitted', 'returned', 'approved', 'published'] as const;
  const categories = ['sum', 'ratio', 'score-subtotal', 'unit', 'year', 'completeness'];
  for (let start = 0; start < count; start += 500) {
    const slice = departments.slice(start, start + 500);
    const rows: Insertable<Database['evaluations']>[] = slice.map((d, i) => {
      const computed = Math.round((55 + rnd() * 45) * 100) / 100;
      const budget = Math.round(1e6 + rnd() * 1e9);
      const rate = 0.6 + rnd() * 0.4;
      return {
        id: `be${start + i}`,
        department_id: d.id,
        year,
        kind: 'department',
        rulebook_id: 'hunan-department',
        round_id: null,
        status: statuses[(start + i) % statuses.length] ?? 'draft',
        version: 1,
        title: `${year}年度${d.name}部门整体支出绩效自评报告`,
        stated_total: Math.min(100, Math.round((computed + rnd() * 5) * 100) / 100),
        computed_total: computed,
        score_bucket: Math.min(9, Math.floor(computed / 10)),
        execution_rate: rate,
        budget_fen: budget,
        executed_fen: Math.round(budget * rate),
        error_count: Math.floor(rnd() * 4),
        warning_count: Math.floor(rnd() * 6),
        info_count: Math.floor(rnd() * 3),
        created_at: now,
        updated_at: now,
        updated_by: 'bench',
        published_at: null,
      };
    });
    await w.store.db.transaction().execute(async (trx) => {
      await trx.insertInto('departments').values(slice).execute();
      await trx.insertInto('evaluations').values(rows).execute();
      await trx
        .insertInto('revisions')
        .values(
          rows.map((r) => ({
            evaluation_id: r.id ?? '',
            version: 1,
            body,
            saved_by: 'bench',
            saved_at: now,
          })),
        )
        .execute();
      await trx
        .insertInto('evaluation_findings')
        .values(
          rows.flatMap((r) =>
            categories
              .filter(() => rnd() < 0.4)
              .map((category) => ({
                evaluation_id: r.id ?? '',
                category,
                count: 1 + Math.floor(rnd() * 3),
                year,
                kind: 'department',
                department_id: r.department_id,
              })),
          ),
        )
        .execute();
    });
  }
}

/** Creates `count` (≤ 111) evaluations of the clean Hunan fixture, one a year (a unit has one a year), as the admin. */
async function someEvaluations(w: World, count: number): Promise<string[]> {
  const user = await w.ctx.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'admin')
    .executeTakeFirstOrThrow();
  const admin = await loadActor(w.ctx, user.id);
  if (admin === null) throw new Error('no admin');
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const created = await createEvaluation(w.ctx, admin, {
      departmentId: w.departmentId,
      year: 1990 + i,
      kind: 'department',
      rulebookId: 'hunan-department',
      body: { ...BODY, meta: { ...(BODY['meta'] as object), year: 1990 + i } },
    });
    ids.push(created.id);
  }
  return ids;
}

/** p50/p95 of sequential requests (exact percentiles; autocannon reports 97.5, not 95). */
async function latency(
  url: string,
  headers: Record<string, string>,
  n: number,
): Promise<{ p50: number; p95: number }> {
  const times: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const t0 = performance.now();
    const res = await fetch(url, { headers });
    if (res.status !== 200) throw new Error(`${url} → ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95) };
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function main(): Promise<void> {
  const bare = Fastify();
  bare.get('/bare', () => Promise.resolve({ ok: true }));
  // Filled with the GET response's bytes before it is loaded.
  let sameBytes = Buffer.alloc(0);
  bare.get('/bare-same-bytes', (_request, reply) =>
    reply.type('application/json; charset=utf-8').send(sameBytes),
  );
  const bareUrl = await listen(bare);
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-bench-'));
  const lines: string[] = [];
  // Each figure also goes to stderr as soon as it is measured, so a later failure loses none.
  const push = lines.push.bind(lines);
  lines.push = (...items: string[]) => {
    for (const item of items) process.stderr.write(`${item}\n`);
    return push(...items);
  };
  try {
    const w = await world({ sqliteFile: join(dir, 'bench.db') });
    const headers = {
      cookie: w.cookie,
      'x-csrf-token': w.csrf,
      'content-type': 'application/json',
    };
    // More evaluations than connections: autocannon may set up a request on a throw-away context.
    const ids = await someEvaluations(w, MANY_CONNECTIONS * 2);

    const baseline = await cannon({ kind: 'get', url: `${bareUrl}/bare` });
    lines.push(
      `bare Fastify route          ${fmt(baseline.requests.average)} req/s (the baseline), server CPU ${fmt(baseline.cpuMicros)} µs/request`,
    );

    const getUrl = `${w.url}/api/evaluations/${ids[0] ?? ''}`;
    sameBytes = Buffer.from(await (await fetch(getUrl, { headers })).arrayBuffer());
    const same = await cannon({ kind: 'get', url: `${bareUrl}/bare-same-bytes` });
    lines.push(
      `bare route, same ${fmt(sameBytes.length / 1024, 1)} kB    ${fmt(same.requests.average)} req/s = ${fmt((100 * same.requests.average) / baseline.requests.average, 1)}% of bare: the payload alone, server CPU ${fmt(same.cpuMicros)} µs/request`,
    );
    const get = await cannon({ kind: 'get', url: getUrl, headers });
    lines.push(
      `GET an evaluation           ${fmt(get.requests.average)} req/s = ${fmt((100 * get.requests.average) / baseline.requests.average, 1)}% of bare (target ≥ 50%) = ${fmt((100 * get.requests.average) / same.requests.average, 1)}% of the same-bytes route, non-2xx ${get.non2xx}, server CPU ${fmt(get.cpuMicros)} µs/request (${fmt((100 * baseline.cpuMicros) / get.cpuMicros, 1)}% / ${fmt((100 * same.cpuMicros) / get.cpuMicros, 1)}% of the two bare routes' rates by CPU)`,
    );

    // As a browser asks for it: the cached response's gzip form (about a fifth of the bytes).
    const gzipGet = await cannon({
      kind: 'get',
      url: getUrl,
      headers: { ...headers, 'accept-encoding': 'gzip, deflate, br' },
    });
    lines.push(
      `GET, Accept-Encoding: gzip  ${fmt(gzipGet.requests.average)} req/s = ${fmt((100 * gzipGet.requests.average) / baseline.requests.average, 1)}% of bare (target ≥ 50%), non-2xx ${gzipGet.non2xx}, server CPU ${fmt(gzipGet.cpuMicros)} µs/request`,
    );

    const saves = await cannon({ kind: 'saves', url: w.url, headers, ids });
    lines.push(
      `PUT save (validate+score+check+revision) ${fmt(saves.requests.average)} saves/s on SQLite with ${CONNECTIONS} connections (target ≥ 1,000) = ${fmt((100 * saves.requests.average) / baseline.requests.average, 1)}% of bare, non-2xx ${saves.non2xx} ${JSON.stringify(saves.statuses)}, server CPU ${fmt(saves.cpuMicros)} µs/save`,
    );
    const manySaves = await cannon({
      kind: 'saves',
      url: w.url,
      headers,
      ids,
      connections: MANY_CONNECTIONS,
    });
    lines.push(
      `PUT save with ${MANY_CONNECTIONS} connections ${fmt(manySaves.requests.average)} saves/s on SQLite (target ≥ 1,000), p97.5 ${manySaves.latency.p97_5} ms, non-2xx ${manySaves.non2xx}, server CPU ${fmt(manySaves.cpuMicros)} µs/save`,
    );

    const t0 = performance.now();
    await bulkEvaluations(w, 10_000, 2023);
    const loaded = performance.now() - t0;
    const dashUrl = `${w.url}/api/dashboard?year=2023&regionId=${w.regionId}`;
    await latency(dashUrl, headers, 5);
    const dash = await latency(dashUrl, headers, 100);
    const dashLoad = await cannon({ kind: 'get', url: dashUrl, headers });
    lines.push(
      `dashboard, 10,000 evaluations (SQLite): p50 ${fmt(dash.p50, 1)} ms, p95 ${fmt(dash.p95, 1)} ms sequential (target < 200); ${fmt(dashLoad.requests.average)} req/s with ${CONNECTIONS} connections, p97.5 ${dashLoad.latency.p97_5} ms (loaded in ${fmt(loaded / 1000, 1)} s)`,
    );
    await w.app.close();
    await w.store.close();

    if (WITH_PG) {
      let cluster: Awaited<ReturnType<typeof startPostgresCluster>> | undefined;
      try {
        cluster = await startPostgresCluster();
        const pgWorld = await world({ postgresUrl: cluster.createDatabase('bench') });
        const pgHeaders = { cookie: pgWorld.cookie, 'x-csrf-token': pgWorld.csrf };
        const [pgId = ''] = await someEvaluations(pgWorld, 1);
        const pgGet = await cannon({
          kind: 'get',
          url: `${pgWorld.url}/api/evaluations/${pgId}`,
          headers: pgHeaders,
        });
        lines.push(
          `GET an evaluation, PostgreSQL (no response cache: the record is read on every request) ${fmt(pgGet.requests.average)} req/s = ${fmt((100 * pgGet.requests.average) / baseline.requests.average, 1)}% of bare, non-2xx ${pgGet.non2xx}, server CPU ${fmt(pgGet.cpuMicros)} µs/request`,
        );
        const t1 = performance.now();
        await bulkEvaluations(pgWorld, 100_000, 2023);
        await sql`ANALYZE`.execute(pgWorld.store.db);
        const pgLoaded = performance.now() - t1;
        const pgUrl = `${pgWorld.url}/api/dashboard?year=2023&regionId=${pgWorld.regionId}`;
        await latency(pgUrl, pgHeaders, 3);
        const pg = await latency(pgUrl, pgHeaders, 40);
        lines.push(
          `dashboard, 100,000 evaluations (PostgreSQL): p50 ${fmt(pg.p50, 1)} ms, p95 ${fmt(pg.p95, 1)} ms sequential (target < 500) (loaded in ${fmt(pgLoaded / 1000, 1)} s)`,
        );
        await pgWorld.app.close();
        await pgWorld.store.close();
      } catch (error) {
        lines.push(
          `dashboard on PostgreSQL skipped: ${error instanceof Error ? error.message : String(error)}`,
        );
      } finally {
        cluster?.stop();
      }
    }
  } finally {
    await bare.close();
    rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(
    `\njixiao API benchmark (${SECONDS} s per run, ${CONNECTIONS} connections, 127.0.0.1)\n${lines.join('\n')}\n`,
  );
}

const loadAt = args.indexOf('--load');
if (loadAt >= 0) await runLoad(JSON.parse(args[loadAt + 1] ?? '{}') as Load);
else await main();
