import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bytes, table } from '../format.js';
import { describeMachine } from '../machine.js';
import { replaceSections } from '../readme-section.js';
import { checkStored, type StoredCheck } from './check-stored.js';
import { libraryReplan, type LibraryReplan } from './library-replan.js';
import { loadNodes } from './load-nodes.js';
import { loadReports, type LoadReportsResult, type Submitter } from './load-reports.js';
import { processCpuSeconds } from './process-cpu.js';
import { publishPlan, replanLatency, type ReplanLatency } from './replan-latency.js';
import { requestJson } from './request-json.js';
import { sampleEnterprises } from './sample-report.js';
import { BENCH_POSTGRES_SETTINGS, startBenchCluster, type BenchCluster } from './postgres-cluster.js';
import { postgresInsertRate } from './postgres-commit-rate.js';
import { publicationReadCost, type PublicationReadCost } from './publication-read-cost.js';
import { sqliteInsertRate } from './sqlite-insert-rate.js';
import { solveWorkersBench } from './solve-workers.js';
import { startServer, type RunningServer } from './start-server.js';

/**
 * Load benchmark of the planning service: acknowledged, durable report submissions per second
 * and their latency under autocannon, checked against the store afterwards; re-plan latency of the
 * 1930 example; against a minimal fastify + SQLite server and SQLite alone in the same run. Writes
 * the `service` section of bench/README.md.
 *
 *   node dist/bench/service/run.js [--duration 20] [--connections 32] [--replans 10]
 *                                  [--no-reference] [--no-readme] [--quick]
 *                                  [--no-postgres | --postgres-only]
 *
 * --quick: 5 s of load, 3 re-plans, README left alone. The PostgreSQL rows (one and two API nodes
 * on one cluster the benchmark starts, PostgreSQL alone, the cost of reading the publication)
 * need PostgreSQL's server programs; --postgres-only runs just those (README left alone).
 */
const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..', '..');
const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(`--${name}`);
const arg = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const quick = flag('quick');
const duration = Number(arg('duration', quick ? '5' : '20'));
const connections = Number(arg('connections', '32'));
const replans = Number(arg('replans', quick ? '3' : '10'));
const warmupSeconds = quick ? 1 : 3;
const postgresOnly = flag('postgres-only');
const withPostgres = !flag('no-postgres');
const writeReadme = !quick && !flag('no-readme') && !postgresOnly;
const targetRate = 2000;
const targetReplanMs = 200;

const cli = join(repo, 'dist', 'src', 'cli', 'main.js');
const haveService = existsSync(join(repo, 'src', 'cli', 'commands', 'serve.ts'));

interface LoadRow {
  readonly what: string;
  readonly load?: LoadReportsResult;
  readonly check?: StoredCheck;
  /** Acknowledged reports per second (NaN when the check failed). */
  readonly rate: number;
  readonly cpuPerThousand: number;
  readonly note: string;
  /** The 1-minute load average when the row's measurement ended (the machine is shared). */
  readonly load1?: number;
}

function log(text: string): void {
  process.stderr.write(`${text}\n`);
}

/** Starts a server on a fresh data folder, warms it up, loads it, checks the store, stops it. */
async function loadServer(what: string, start: (dir: string) => Promise<RunningServer>, submitters: (server: RunningServer) => Promise<{ planner: string | undefined; submitters: Submitter[] }>): Promise<LoadRow> {
  const dir = mkdtempSync(join(tmpdir(), 'plenty-bench-service-'));
  let server: RunningServer | undefined;
  try {
    server = await start(dir);
    const who = await submitters(server);
    const pid = server.child.pid ?? 0;
    log(`${what}: warming up ${warmupSeconds} s`);
    await loadReports({ url: server.url, connections, durationSeconds: warmupSeconds, submitters: who.submitters, runId: 'warmup' });
    log(`${what}: ${duration} s with ${connections} connections`);
    const runId = `bench-${randomBytes(4).toString('hex')}`;
    const cpu0 = processCpuSeconds(pid);
    const load = await loadReports({ url: server.url, connections, durationSeconds: duration, submitters: who.submitters, runId });
    const cpu = processCpuSeconds(pid) - cpu0;
    // Let answers in flight land before reading back.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const check = await checkStored(server.url, who.planner, runId, load.acknowledged, connections);
    const rate = check.ok && load.acknowledged.size > 0 ? load.acknowledged.size / load.durationSeconds : NaN;
    const refused = [...load.statuses].filter(([s]) => s !== 201).map(([s, n]) => `${n} × ${s}`);
    const note = [
      check.ok ? `store holds all ${load.acknowledged.size} acknowledged` : `CHECK FAILED: ${check.missing} missing, ${check.duplicates} twice, ${check.unacknowledged} unacknowledged`,
      check.unacknowledged > 0 ? `${check.unacknowledged} in flight at the end also stored` : '',
      refused.length > 0 ? `refused: ${refused.join(', ')}` : '',
      load.errors > 0 ? `${load.errors} errors` : '',
    ].filter((s) => s !== '').join('; ');
    log(`${what}: ${rate.toFixed(0)}/s, p50 ${load.p50} ms, p99 ${load.p99} ms; ${note}${load.sampleRefusal === undefined ? '' : `\n  e.g. ${load.sampleRefusal}`}`);
    return { what, load, check, rate, cpuPerThousand: (cpu / Math.max(1, load.sent)) * 1000, note };
  } catch (error) {
    log(`${what}: ${(error as Error).message}`);
    return { what, rate: NaN, cpuPerThousand: NaN, note: `failed: ${(error as Error).message.split('\n')[0]}` };
  } finally {
    await server?.stop('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

const machine = describeMachine();
const load0 = loadavg()[0];
const rows: LoadRow[] = [];
/** Adds a row with the load average as its measurement ends. */
const push = (row: LoadRow): void => {
  rows.push({ ...row, load1: loadavg()[0] });
};
let replan: ReplanLatency | undefined;
let replanFailure = 'not measured (the service did not run)';
let library: LibraryReplan | undefined;
let libraryFailure = '';

const sqliteCases: { perTransaction: number; synchronous: 'FULL' | 'NORMAL' }[] = [
  { perTransaction: 1, synchronous: 'FULL' },
  { perTransaction: 64, synchronous: 'FULL' },
  { perTransaction: 1, synchronous: 'NORMAL' },
];
for (const { perTransaction, synchronous } of postgresOnly ? [] : sqliteCases) {
  log(`SQLite alone, ${perTransaction} per transaction, synchronous ${synchronous}`);
  const rate = sqliteInsertRate({ perTransaction, synchronous, seconds: quick ? 1 : 3 });
  const commits = perTransaction === 1 ? 'a commit per report' : `${perTransaction} reports per commit`;
  push({ what: `better-sqlite3 alone, ${commits}, \`synchronous = ${synchronous}\` (in process, no HTTP)`, rate, cpuPerThousand: NaN, note: 'row count checked' });
}

if (!flag('no-reference') && !postgresOnly) {
  for (const synchronous of ['FULL', 'NORMAL']) {
    push(
      await loadServer(
        `reference: fastify + SQLite, no validation, no tokens, \`synchronous = ${synchronous}\``,
        (dir) => startServer({ args: [join(here, 'reference-server.js'), '--port', '0', '--data', dir, '--synchronous', synchronous] }),
        () => Promise.resolve({ planner: undefined, submitters: sampleEnterprises.map((enterprise) => ({ enterprise, token: undefined })) }),
      ),
    );
  }
}

const servicePlanner = `bench-${randomBytes(16).toString('hex')}`;
const startService = (dir: string, sync: string): Promise<RunningServer> =>
  startServer({ args: [cli, 'serve', '--port', '0', '--data', dir, '--sync', sync], env: { PLENTY_PLANNER_TOKEN: servicePlanner }, cwd: repo });

/** Registers the example's enterprises; each submits with its own token. */
async function registerEnterprises(server: RunningServer): Promise<{ planner: string; submitters: Submitter[] }> {
  const submitters: Submitter[] = [];
  for (const enterprise of sampleEnterprises) {
    const res = await requestJson(server.url, '/api/enterprises', { token: servicePlanner, body: { id: enterprise.id, name: enterprise.id } });
    if (res.status !== 201) throw new Error(`POST /api/enterprises: ${res.status} ${JSON.stringify(res.body)}`);
    submitters.push({ enterprise, token: (res.body as { token: string }).token });
  }
  return { planner: servicePlanner, submitters };
}

if (haveService && !postgresOnly) {
  for (const published of [false, true]) {
    for (const sync of ['full', 'normal']) {
      const what = `Plenty service (\`plenty serve --sync ${sync}\`): validation, tokens${published ? ', a published plan: each report checked against it and its alerts raised' : ', no published plan'}`;
      push(
        await loadServer(what, (dir) => startService(dir, sync), async (server) => {
          if (published) await publishPlan(server.url, servicePlanner);
          return registerEnterprises(server);
        }),
      );
    }
  }
  log(`re-plan of the 1930 example over HTTP, ${replans} times, on a fresh store`);
  const dir = mkdtempSync(join(tmpdir(), 'plenty-bench-replan-'));
  let server: RunningServer | undefined;
  try {
    server = await startService(dir, 'full');
    replan = await replanLatency(server.url, servicePlanner, replans);
    log(`re-plan over HTTP: median ${replan.medianMs.toFixed(1)} ms`);
  } catch (error) {
    const message = (error as Error).message.split('\n')[0];
    replanFailure = /: 501 /.test(message) ? 'not in the service yet (`POST /api/replan` answers 501 not-implemented)' : message;
    log(`re-plan over HTTP: ${replanFailure}`);
  } finally {
    await server?.stop('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
} else {
  log('plenty serve is not in this tree yet: only the references run');
}

let pgVersion: string | undefined;
let pgFailure = '';
let publication: PublicationReadCost | undefined;
const pgPool = 10;
if (haveService && withPostgres) {
  let cluster: BenchCluster | undefined;
  try {
    log('PostgreSQL: starting a cluster of its own');
    cluster = await startBenchCluster();
    pgVersion = cluster.version;
    const pgCases: { connections: number; perTransaction: number; synchronousCommit: 'on' | 'off' }[] = [
      { connections: 1, perTransaction: 1, synchronousCommit: 'on' },
      { connections: 8, perTransaction: 1, synchronousCommit: 'on' },
      { connections: 32, perTransaction: 1, synchronousCommit: 'on' },
      { connections: 1, perTransaction: 64, synchronousCommit: 'on' },
      { connections: 8, perTransaction: 1, synchronousCommit: 'off' },
    ];
    for (const c of pgCases) {
      log(`PostgreSQL alone, ${c.connections} connection(s), ${c.perTransaction} per transaction, synchronous_commit ${c.synchronousCommit}`);
      const rate = await postgresInsertRate({ url: await cluster.database(), ...c, seconds: quick ? 1 : 3 });
      const commits = c.perTransaction === 1 ? 'a commit per report' : `${c.perTransaction} reports per commit`;
      push({ what: `PostgreSQL alone (node-postgres, no HTTP), ${c.connections} connection${c.connections === 1 ? '' : 's'}, ${commits}, \`synchronous_commit = ${c.synchronousCommit}\``, rate, cpuPerThousand: NaN, note: 'row count checked' });
    }
    log('PostgreSQL: the cost of reading the publication per report, and of LISTEN/NOTIFY');
    publication = await publicationReadCost(await cluster.database(), quick ? 1 : 3);
    const pgCluster = cluster;
    for (const [nodes, published] of [[1, false], [1, true], [2, true]] as const) {
      const what = `Plenty service on PostgreSQL, ${nodes} API node${nodes === 1 ? '' : 's'} (\`plenty serve --store postgres://…\`, pool ${pgPool} each)${published ? ', a published plan' : ', no published plan'}`;
      const running: RunningServer[] = [];
      try {
        const url = await pgCluster.database();
        const env = { PLENTY_PLANNER_TOKEN: servicePlanner, PLENTY_PG_POOL: String(pgPool) };
        // One after the other: the first loads the examples into the empty database.
        for (let k = 0; k < nodes; k++) running.push(await startServer({ args: [cli, 'serve', '--port', '0', '--store', url], env, cwd: repo }));
        if (published) await publishPlan(running[0].url, servicePlanner);
        const who = await registerEnterprises(running[0]);
        log(`${what}: ${duration} s with ${connections} connections`);
        const r = await loadNodes({ nodes: running, planner: who.planner, submitters: who.submitters, connections, durationSeconds: duration, warmupSeconds });
        log(`${what}: ${r.rate.toFixed(0)}/s, p50 ${r.load.p50} ms, p99 ${r.load.p99} ms; ${r.note}${r.load.sampleRefusal === undefined ? '' : `\n  e.g. ${r.load.sampleRefusal}`}`);
        push({ what, load: r.load, check: r.check, rate: r.rate, cpuPerThousand: r.cpuPerRequest * 1000, note: r.note });
      } catch (error) {
        log(`${what}: ${(error as Error).message}`);
        push({ what, rate: NaN, cpuPerThousand: NaN, note: `failed: ${(error as Error).message.split('\n')[0]}` });
      } finally {
        await Promise.all(running.map((n) => n.stop('SIGTERM')));
      }
    }
  } catch (error) {
    pgFailure = (error as Error).message.split('\n')[0];
    log(`PostgreSQL: ${pgFailure}`);
  } finally {
    cluster?.stop();
  }
}

if (!postgresOnly) {
  log(`re-plan of the 1930 example through the library, ${replans} times`);
  try {
    library = await libraryReplan(repo, replans);
    log(`re-plan in the library: median ${library.medianMs.toFixed(1)} ms`);
  } catch (error) {
    libraryFailure = (error as Error).message.split('\n')[0];
    log(`re-plan in the library: ${libraryFailure}`);
  }
}

const fmt = (x: number, digits = 0): string => (Number.isFinite(x) ? x.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '–');
const loadTable = table(
  ['what', 'acknowledged reports/s', 'p50 latency', 'p99 latency', 'server CPU per 1,000', 'load (1 min)', 'check'],
  rows.map((r) => [
    r.what,
    fmt(r.rate),
    r.load === undefined ? '–' : `${fmt(r.load.p50, 1)} ms`,
    r.load === undefined ? '–' : `${fmt(r.load.p99, 1)} ms`,
    Number.isFinite(r.cpuPerThousand) ? `${fmt(r.cpuPerThousand * 1000)} ms` : '–',
    r.load1 === undefined ? '–' : fmt(r.load1, 1),
    r.note,
  ]),
);
const verdict = (ok: boolean | undefined): string => (ok === undefined ? 'not measured' : ok ? 'met' : 'MISSED');
const serviceRows = rows.filter((r) => r.what.startsWith('Plenty service (`plenty serve --sync'));
const rateVerdict = serviceRows.length === 0 ? 'not measured' : serviceRows.map((r) => `${verdict(r.rate >= targetRate)} with ${/--sync (\w+)/.exec(r.what)?.[1] ?? '?'} sync${r.what.includes('no published plan') ? '' : ' and a published plan'}`).join(', ');
const ms = (x: number): string => `${fmt(x, 1)} ms`;
const replanRows: string[][] = [
  replan === undefined
    ? ['`POST /api/replan` → job done (HTTP, job polled every 2 ms)', '–', '–', '–', '–', replanFailure]
    : ['`POST /api/replan` → job done (HTTP, job polled every 2 ms)', ms(replan.medianMs), ms(replan.minMs), ms(replan.maxMs), String(replan.runs), replan.note],
  library === undefined
    ? ['`replan()` in the library (no HTTP, no store)', '–', '–', '–', '–', libraryFailure]
    : [
        '`replan()` in the library (no HTTP, no store)',
        ms(library.medianMs),
        ms(library.minMs),
        ms(library.maxMs),
        String(library.runs),
        `${library.status}, ${library.stages} LP stages; medians: formulate ${ms(library.formulateMs)}, LP solves ${ms(library.stagesMs)}, read-out ${ms(library.readMs)}; the first plan (\`solvePlan\`, HiGHS cold) ${ms(library.solveMs)}`,
      ],
];
const publicationTable =
  publication === undefined
    ? ''
    : table(
        ['keeping the published plan current on every node', 'per report', 'a publication is seen by another node'],
        [
          [
            'versioned read (what the service does): the publication row (plan id and time) read with every report; the plan itself kept by its id',
            `one round trip: median ${fmt(publication.readMicros)} µs on one connection; PostgreSQL answers ${fmt(publication.readsPerSecond)} such reads/s from 8 connections`,
            'at that node\'s next request',
          ],
          [
            'LISTEN/NOTIFY: the plan kept in memory, dropped on a NOTIFY sent in the publishing transaction',
            'nothing (one listening connection per node)',
            `after the notification arrives: median ${fmt(publication.notifyMedianMs, 2)} ms, at most ${fmt(publication.notifyMaxMs, 2)} ms after the COMMIT was sent (${publication.notifications} publications); a request in between answers from the old plan`,
          ],
        ],
      );
const replanTable = table(['re-plan of examples/ussr-1930 from 1931', 'median', 'min', 'max', 'runs', 'note'], replanRows);
const replanMs = replan?.medianMs ?? library?.medianMs;
const section = [
  '## Planning service',
  '',
  'How many enterprise reports the service takes per second, durably, and how long a re-plan takes;',
  '`npm run bench:service` (about eight minutes; `-- --quick` for a short run that leaves this file alone,',
  '`-- --postgres-only` for the PostgreSQL rows alone, `-- --no-postgres` without them).',
  '',
  `[autocannon](https://github.com/mcollina/autocannon) drives ${connections} keep-alive connections for ${duration} s (after a ${warmupSeconds} s warm-up)`,
  'against a server started on a fresh data folder, in the same process as the benchmark (client and',
  'server share the machine\'s cores). Every request is a `POST /api/reports` with a new `reportId`, from',
  'the 1930 example\'s enterprises, each with its own token, all for 1930. The service runs on a fresh',
  'store without a published plan (a report is validated and stored) and with the 1930 plan solved and',
  'published (a report is also checked against the plan, and the alerts of its enterprise and period are',
  'raised in the same transaction). A report counts when it was answered',
  '201, and only after the run is checked: every acknowledged id read back from `GET /api/reports`,',
  'none twice (requests in flight when the load stops may be stored without their answer). Latency is',
  'autocannon\'s, over all answers. Server CPU is the server process\'s user + system time per 1,000',
  'requests. The references, in the same run: the same load on a minimal fastify server taking reports',
  'into the same table with the same SQLite settings (WAL journal, one transaction per report) but no',
  'validation, tokens or alerts: the overhead of our stack; and better-sqlite3 inserting the same rows',
  'alone, a commit per report and 64 per commit (what group commit could give). `synchronous = FULL`',
  'syncs the WAL to disk at every commit (an acknowledged report survives a power cut); `NORMAL` syncs',
  'at checkpoints only (it survives a crash of the process, as the crash test checks, not of the machine).',
  '',
  'The PostgreSQL rows (issue 13): the benchmark starts a PostgreSQL cluster of its own on this machine',
  `(PostgreSQL ${pgVersion ?? '–'}, its data on the same disk as the SQLite folders) with ${BENCH_POSTGRES_SETTINGS.map((x) => `\`${x}\``).join(', ')}:`,
  'a commit is answered once its WAL is on disk, as with `synchronous = FULL`. Each service row gets a',
  `fresh database; each node is a \`plenty serve --store postgres://…\` process with a pool of ${pgPool} connections`,
  '(`PLENTY_PG_POOL`); with two nodes the connections are split between them and every answer of both is',
  'checked the same way (read back through the first node). "PostgreSQL alone" is node-postgres inserting',
  'the same rows into a table of the same shape from 1, 8 or 32 connections: the ceiling under any number',
  'of API nodes on that server (PostgreSQL commits the WAL of concurrent transactions together, so its',
  'commits/s grow with the connections until the disk\'s flush rate or the CPU binds).',
  ...(pgFailure === '' ? [] : ['', `PostgreSQL rows not measured: ${pgFailure}`]),
  '',
  `- Date: ${machine.date}; ${machine.cpu}, ${machine.cores} cores, ${bytes(machine.memoryBytes)}; Node ${machine.node}; ${machine.os}`,
  `- Load average (1 minute) at the start: ${load0.toFixed(1)}, at the end: ${loadavg()[0].toFixed(1)}`,
  `- Targets: at least ${fmt(targetRate)} acknowledged reports/s: ${rateVerdict};`,
  `  re-plan of the 1930 example under ${targetReplanMs} ms: ${verdict(replanMs === undefined ? undefined : replanMs < targetReplanMs)}${replan === undefined && library !== undefined ? ' (library only)' : ''}`,
  '',
  loadTable,
  '',
  ...(publicationTable === '' ? [] : [publicationTable, '']),
  replanTable,
].join('\n');

console.log(section);
if (writeReadme) replaceSections(join(repo, 'bench', 'README.md'), new Map([['service', section]]));

// Scenario solves per minute with one and two solve workers on PostgreSQL: a section of its own (bench/service/solve-workers.ts).
if (!flag('no-workers')) console.log(await solveWorkersBench({ jobs: quick ? 4 : 12, size: quick ? 400 : 800, writeReadme }));
