import { spawn, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { compileEconomy } from '../../src/compile/compile-economy.js';
import { parseEconomy } from '../../src/model/parse-economy.js';
import { solvePlan } from '../../src/plan/solve-plan.js';
import { buildServer } from '../../src/server/index.js';
import { cancellable } from '../../src/service/solve-task.js';
import { openPostgresStore } from '../../src/store/index.js';
import { testDatabase } from '../../test/helpers/postgres.js';
import { table } from '../format.js';
import { describeMachine } from '../machine.js';
import { generatePlanModel } from '../plan-gen/generate-plan-model.js';
import { replaceSections } from '../readme-section.js';

/**
 * Scenario solves per minute with one and with two solve workers (`plenty worker`, each a process
 * of its own, concurrency 1) on one PostgreSQL (issue 13 item 7): `jobs` scenarios of generated
 * models (bench/plan-gen, `size` items × periods, seeds 1…jobs, the weighted objective by HiGHS)
 * submitted at once through an API node (`POST /api/scenarios/:id/solve`, the node running no
 * worker itself), timed from the first submission to the last job done. Every answer is checked:
 * each job done, its plan optimal, and its objective equal (within 1e-9 relative) to a direct
 * solve of the same model in this process. Writes the `solve-workers` section of bench/README.md.
 *
 *   node dist/bench/service/solve-workers.js [--jobs 12] [--size 800] [--no-readme] [--quick]
 *
 * PostgreSQL: PLENTY_TEST_POSTGRES, or a throwaway cluster as the tests start one.
 */
export interface SolveWorkersOptions {
  readonly jobs: number;
  readonly size: number;
  readonly writeReadme: boolean;
}

interface Row {
  readonly workers: number;
  readonly seconds: number;
  readonly perMinute: number;
  readonly checked: string;
  readonly load: number;
}

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..', '..');
const cli = join(repo, 'dist', 'src', 'cli', 'main.js');
const SOLVE = { objective: 'weighted' as const, solver: 'highs' as const };
const TOKEN = 'bench-solve-workers-planner';

function log(text: string): void {
  process.stderr.write(`${text}\n`);
}

/** A `plenty worker` process, once it says it is ready. */
async function startWorker(url: string): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.PLENTY_STORE;
  const child = spawn(process.execPath, [cli, 'worker', '--store', url], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const reader = createInterface({ input: child.stdout! });
  await new Promise<void>((resolve, reject) => {
    reader.on('line', (line) => {
      if (line.startsWith('worker ')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`plenty worker exited (${code}) before it was ready`)));
  });
  return child;
}

/** The objective of a direct solve of each model (the reference every stored plan is checked against). */
async function directObjectives(texts: readonly string[]): Promise<number[]> {
  const out: number[] = [];
  for (const [i, text] of texts.entries()) {
    const c = compileEconomy(parseEconomy(text, { file: `model-${i + 1}.json`, format: 'json' }));
    const r = await solvePlan(c, { objective: { kind: SOLVE.objective }, solver: cancellable(SOLVE.solver, new AbortController().signal) });
    if (r.status !== 'optimal') throw new Error(`the direct solve of model ${i + 1} is ${r.status}`);
    out.push(r.objectiveValue);
  }
  return out;
}

/** One run: a fresh database, `workers` worker processes, every model's scenario solved. */
async function run(workers: number, texts: readonly string[], expected: readonly number[]): Promise<Row> {
  const db = await testDatabase();
  const store = await openPostgresStore(db.url);
  const children: ChildProcess[] = [];
  try {
    await store.tokens.add(TOKEN, 'planner', null, 'bench');
    const scenarios: number[] = [];
    for (const [i, text] of texts.entries()) {
      await store.models.add(`m${i + 1}`, `Generated plan ${i + 1}`, text, 'json');
      scenarios.push((await store.scenarios.add(`m${i + 1}`, 1, 'base', [])).id);
    }
    const api = await buildServer({ store, workers: 0 });
    try {
      for (let w = 0; w < workers; w++) children.push(await startWorker(db.url));
      const load = loadavg()[0];
      const t0 = performance.now();
      const jobIds: number[] = [];
      for (const id of scenarios) {
        const r = await api.inject({ method: 'POST', url: `/api/scenarios/${id}/solve`, headers: { authorization: `Bearer ${TOKEN}` }, payload: SOLVE });
        if (r.statusCode !== 202) throw new Error(`POST solve: ${r.statusCode} ${r.body}`);
        jobIds.push((JSON.parse(r.body) as { jobId: number }).jobId);
      }
      const ends = new Map<number, { status: string; planId?: number; error?: string }>();
      while (ends.size < jobIds.length) {
        for (const id of jobIds) {
          if (ends.has(id)) continue;
          const j = await store.jobs.get(id);
          if (j !== undefined && j.status !== 'queued' && j.status !== 'running') ends.set(id, { status: j.status, ...(j.planId === null ? {} : { planId: j.planId }), ...(j.error === null ? {} : { error: j.error }) });
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const seconds = (performance.now() - t0) / 1000;
      const problems: string[] = [];
      for (const [i, id] of jobIds.entries()) {
        const end = ends.get(id)!;
        if (end.status !== 'done' || end.planId === undefined) {
          problems.push(`job ${id} ${end.status}${end.error === undefined ? '' : `: ${end.error}`}`);
          continue;
        }
        const plan = await store.plans.get(end.planId);
        const objective = plan?.objective ?? Number.NaN;
        if (plan?.status !== 'optimal') problems.push(`plan ${end.planId} ${plan?.status}`);
        else if (!(Math.abs(objective - expected[i]) <= 1e-9 * Math.max(1, Math.abs(expected[i])))) problems.push(`plan ${end.planId}: objective ${objective}, direct ${expected[i]}`);
      }
      const plans = Number((await store.pool.query<{ n: string }>('SELECT count(*) AS n FROM plans')).rows[0].n);
      if (plans !== jobIds.length) problems.push(`${plans} plans stored for ${jobIds.length} jobs`);
      const checked = problems.length === 0 ? `all ${jobIds.length} optimal, objective = direct solve, one plan each` : `CHECK FAILED: ${problems.slice(0, 3).join('; ')}`;
      const row: Row = { workers, seconds, perMinute: problems.length === 0 ? (jobIds.length / seconds) * 60 : Number.NaN, checked, load };
      log(`${workers} worker(s): ${jobIds.length} solves in ${seconds.toFixed(1)} s = ${row.perMinute.toFixed(1)}/min; ${checked}`);
      return row;
    } finally {
      await api.close();
    }
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await Promise.all(children.map((c) => (c.exitCode !== null ? Promise.resolve() : new Promise((resolve) => c.once('exit', resolve)))));
    await store.close();
    await db.drop();
  }
}

/** Runs the benchmark; returns the section's text (and writes it into bench/README.md when asked). */
export async function solveWorkersBench(options: SolveWorkersOptions): Promise<string> {
  const machine = describeMachine();
  const texts = Array.from({ length: options.jobs }, (_, i) => JSON.stringify(generatePlanModel({ size: options.size, seed: i + 1 }).model));
  log(`solve workers: direct solves of ${options.jobs} generated models (size ${options.size})`);
  const d0 = performance.now();
  const expected = await directObjectives(texts);
  const directSeconds = (performance.now() - d0) / 1000;
  const rows: Row[] = [];
  for (const workers of [1, 2]) rows.push(await run(workers, texts, expected));
  const section = [
    '### Scenario solves per minute with solve workers (PostgreSQL)',
    '',
    `\`npm run bench:service\` (or \`node dist/bench/service/solve-workers.js [--jobs N] [--size N]\`): ${options.jobs} scenarios of`,
    `generated models (bench/plan-gen, ${options.size} items × periods, seeds 1–${options.jobs}; the weighted objective by HiGHS), submitted`,
    'at once through an API node started with `--workers 0`, run by one and by two `plenty worker` processes',
    '(concurrency 1 each) on a fresh PostgreSQL database; timed from the first submission to the last job',
    'done. Checked: every job done, its plan optimal with the objective of a direct solve of the same model',
    `(within 1e-9 relative), one plan per job. The same solves one after another in one process, without`,
    `the service: ${directSeconds.toFixed(1)} s (${((options.jobs / directSeconds) * 60).toFixed(1)}/min).`,
    '',
    `- Date: ${machine.date}; ${machine.cpu}, ${machine.cores} cores; Node ${machine.node}; the machine is shared (load below).`,
    '',
    table(
      ['workers', 'solves', 'seconds', 'solves per minute', 'load (1 min) at start', 'answers'],
      rows.map((r) => [String(r.workers), String(options.jobs), r.seconds.toFixed(1), Number.isNaN(r.perMinute) ? '–' : r.perMinute.toFixed(1), r.load.toFixed(1), r.checked]),
    ),
  ].join('\n');
  if (options.writeReadme) replaceSections(join(repo, 'bench', 'README.md'), new Map([['solve-workers', section]]));
  return section;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const arg = (name: string, fallback: string): string => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
  };
  const quick = args.includes('--quick');
  const section = await solveWorkersBench({ jobs: Number(arg('jobs', quick ? '4' : '12')), size: Number(arg('size', quick ? '400' : '800')), writeReadme: !quick && !args.includes('--no-readme') });
  console.log(section);
  process.exit(0);
}
