// A child process for the crash-safety and multi-process tests (run with tsx):
//   child.ts serve <target-json> [options-json]       → prints "listening <url>", serves until killed
//   child.ts demo <target-json>                       → starts the server with --demo, prints "listening <url>"
//   child.ts save-burst <target-json> <id> <username> → saves in a loop, printing "saved <version>" after each
import { openStore } from '@jixiao/db';
import type { DatabaseTarget } from '@jixiao/db';
import { createContext, getEvaluation, loadActor, updateEvaluation } from '@jixiao/services';
import { buildApp } from '../app.ts';
import { startServer } from '../start-server.ts';
import type { AppOptions } from '../app.ts';

const [mode, targetJson, id, username] = process.argv.slice(2);
const target = JSON.parse(targetJson ?? '{}') as DatabaseTarget;
const store = await openStore(target);
const ctx = createContext(store);

if (mode === 'serve') {
  const options = JSON.parse(id ?? '{}') as Pick<AppOptions, 'batchLimit' | 'userBatchLimit'>;
  const app = await buildApp({ ctx, ...options });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  process.stdout.write(`listening ${url}\n`);
} else if (mode === 'demo') {
  await store.close();
  const server = await startServer({ target, port: 0, demo: true });
  process.stdout.write(`listening ${server.url}\n`);
} else if (mode === 'save-burst' && id !== undefined && username !== undefined) {
  const user = await ctx.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  const actor = await loadActor(ctx, user.id);
  if (actor === null) throw new Error('no actor');
  let current = await getEvaluation(ctx, actor, id);
  for (let i = 0; ; i += 1) {
    const body = { ...current.body, meta: { ...current.body.meta, phone: `burst-${i}` } };
    const saved = await updateEvaluation(ctx, actor, id, { version: current.version, body });
    process.stdout.write(`saved ${saved.version} burst-${i}\n`);
    current = { ...current, version: saved.version, body };
  }
} else {
  process.stderr.write('usage: child.ts serve|save-burst …\n');
  process.exit(2);
}
