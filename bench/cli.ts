// Benchmark: a fresh `jixiao audit DIR` (a new process, as users run it) over 250 rendered
// fixture reports (.docx) against a fresh `node -e` loop of mammoth.extractRawText over the same
// files (the baseline), in alternating rounds of one run; and the same command through the
// TypeScript loader (JIXIAO_CLI=source), which is what the CLI cost before it was prebuilt.
// Target: the prebuilt CLI at least 2× as fast as the mammoth loop.
// Run: npm run bench:cli (-- --files N --rounds N)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { DepartmentEvaluation, ProjectEvaluation } from '@jixiao/domain';
import { renderProjectDocx, renderReportDocx } from '@jixiao/documents';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TARGET_RATIO = 2;
const arg = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  return Number.isInteger(value) && value > 0 ? value : fallback;
};
const FILES = arg('files', 250);
const ROUNDS = arg('rounds', 3);

/** The fixture evaluations rendered as reports, cycled to `count` files in a folder of their own. */
async function renderFixtures(dir: string, count: number): Promise<string[]> {
  const folder = path.join(root, 'fixtures/evaluations');
  const rendered: [string, Uint8Array][] = [];
  for (const name of readdirSync(folder)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const json: unknown = JSON.parse(readFileSync(path.join(folder, name), 'utf8'));
    const project = ProjectEvaluation.safeParse(json);
    const bytes = project.success
      ? await renderProjectDocx(project.data, undefined)
      : await renderReportDocx(DepartmentEvaluation.parse(json), undefined);
    rendered.push([name.replace(/\.json$/, ''), bytes]);
  }
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const [name, bytes] = rendered[i % rendered.length] ?? ['', new Uint8Array()];
    const file = path.join(dir, `${String(i).padStart(3, '0')}-${name}.docx`);
    writeFileSync(file, bytes);
    files.push(file);
  }
  return files;
}

// GNU time reports the CPU a process used: on a shared machine the wall time follows the other
// load, the CPU time much less.
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Wall time and (where GNU time is installed) CPU time of a fresh process, in ms. */
function timed(
  label: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): { wall: number; cpu: number } {
  const [command, argv] = GNU_TIME
    ? [GNU_TIME, ['-f', 'cpu %U %S', process.execPath, ...args]]
    : [process.execPath, args];
  const start = performance.now();
  const run = spawnSync(command, argv, { cwd: root, env, encoding: 'utf8' });
  const wall = performance.now() - start;
  // jixiao audit exits 1 when it found errors; 2 or a signal is a failure.
  if (run.status === null || run.status > 1)
    throw new Error(`${label} failed (${run.status ?? run.signal}): ${run.stderr.slice(-500)}`);
  const cpu = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(run.stderr);
  return { wall, cpu: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : Number.NaN };
}

interface Timing {
  wall: number;
  cpu: number;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

const dir = mkdtempSync(path.join(tmpdir(), 'jixiao-bench-cli-'));
try {
  const files = await renderFixtures(dir, FILES);
  const list = path.join(dir, 'files.json');
  writeFileSync(list, JSON.stringify(files));
  const bin = path.join(root, 'apps/cli/bin/jixiao.js');
  const audit = [bin, 'audit', dir, '--format', 'json', '-o', path.join(dir, 'out.json')];
  const mammoth = [
    '-e',
    `const m = require('mammoth'); const fs = require('node:fs');
     (async () => { for (const f of JSON.parse(fs.readFileSync(${JSON.stringify(list)}, 'utf8')))
       await m.extractRawText({ buffer: fs.readFileSync(f) }); })();`,
  ];
  // The prebuilt CLI is built once, as `npm ci` does (its prepare script), before any timing.
  timed('jixiao --help', [bin, '--help']);
  const source = { ...process.env, JIXIAO_CLI: 'source' };
  const times = { mammoth: [] as Timing[], prebuilt: [] as Timing[], source: [] as Timing[] };
  for (let r = 0; r < ROUNDS; r++) {
    times.mammoth.push(timed('mammoth loop', mammoth));
    times.prebuilt.push(timed('jixiao audit', audit));
    times.source.push(timed('jixiao audit (source)', audit, source));
  }
  const wall = (t: Timing[]): number => median(t.map((x) => x.wall));
  const cpu = (t: Timing[]): number => median(t.map((x) => x.cpu));
  const fmt = (t: Timing[]): string =>
    `${(wall(t) / 1000).toFixed(2)} s (${(wall(t) / FILES).toFixed(1)} ms a file)` +
    (GNU_TIME ? `, CPU ${(cpu(t) / 1000).toFixed(2)} s` : '');
  console.log(
    `${FILES} rendered fixture reports (.docx), ${ROUNDS} rounds, medians of fresh processes:`,
  );
  console.log(`  node -e mammoth.extractRawText loop (baseline)    ${fmt(times.mammoth)}`);
  console.log(`  jixiao audit DIR, prebuilt                         ${fmt(times.prebuilt)}`);
  console.log(`  jixiao audit DIR, through tsx (JIXIAO_CLI=source)  ${fmt(times.source)}`);
  const ratio = wall(times.mammoth) / wall(times.prebuilt);
  // Each round's two runs follow one another, so the machine's load hits them more alike than it
  // does runs of other rounds: the median of the rounds' ratios is the steadier figure.
  const perRound = median(times.mammoth.map((m, i) => m.wall / (times.prebuilt[i]?.wall ?? NaN)));
  console.log(
    `ratio (wall): prebuilt audit ${ratio.toFixed(2)}× as fast as the mammoth loop (target ≥ ${TARGET_RATIO}×: ${ratio >= TARGET_RATIO ? 'met' : 'NOT met'}); through tsx ${(wall(times.mammoth) / wall(times.source)).toFixed(2)}×`,
  );
  console.log(
    `ratio (wall), median of the rounds' ratios: ${perRound.toFixed(2)}× (${times.mammoth.map((m, i) => (m.wall / (times.prebuilt[i]?.wall ?? NaN)).toFixed(2)).join(', ')})`,
  );
  // GNU time counts the processes it waited for: the audit processes the command leaves to exit
  // with it are not among them, so this is the command's own process, where start-up is paid.
  if (GNU_TIME)
    console.log(
      `CPU of the command's own process (audit processes not counted): prebuilt ${(cpu(times.prebuilt) / 1000).toFixed(2)} s, through tsx ${(cpu(times.source) / 1000).toFixed(2)} s`,
    );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
