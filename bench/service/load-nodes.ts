import { randomBytes } from 'node:crypto';
import { checkStored, type StoredCheck } from './check-stored.js';
import { loadReports, type LoadReportsResult, type Submitter } from './load-reports.js';
import { processCpuSeconds } from './process-cpu.js';
import { requestJson } from './request-json.js';
import { sampleReport } from './sample-report.js';
import type { RunningServer } from './start-server.js';

/** One load run over one or more nodes of the service, checked against the store. */
export interface NodesLoad {
  /** The nodes' answers together; latencies are the slowest node's (autocannon keeps one histogram per run). */
  readonly load: LoadReportsResult;
  readonly check: StoredCheck;
  /** Acknowledged reports per second over all nodes (NaN when the check failed). */
  readonly rate: number;
  /** All nodes' CPU seconds per request. */
  readonly cpuPerRequest: number;
  readonly note: string;
}

export interface LoadNodesOptions {
  /** The service's nodes; the connections are split evenly between them. */
  readonly nodes: readonly RunningServer[];
  /** A planner's token (to read the reports back) and the enterprises that submit. */
  readonly planner: string;
  readonly submitters: readonly Submitter[];
  readonly connections: number;
  readonly durationSeconds: number;
  readonly warmupSeconds: number;
}

/** The answers of several runs at once as one: ids and statuses joined, the slowest node's latencies. */
function joined(runs: readonly LoadReportsResult[]): LoadReportsResult {
  const statuses = new Map<number, number>();
  for (const r of runs) for (const [s, n] of r.statuses) statuses.set(s, (statuses.get(s) ?? 0) + n);
  const refusal = runs.find((r) => r.sampleRefusal !== undefined)?.sampleRefusal;
  return {
    acknowledged: new Set(runs.flatMap((r) => [...r.acknowledged])),
    sent: runs.reduce((a, r) => a + r.sent, 0),
    statuses,
    p50: Math.max(...runs.map((r) => r.p50)),
    p90: Math.max(...runs.map((r) => r.p90)),
    p99: Math.max(...runs.map((r) => r.p99)),
    max: Math.max(...runs.map((r) => r.max)),
    durationSeconds: Math.max(...runs.map((r) => r.durationSeconds)),
    errors: runs.reduce((a, r) => a + r.errors, 0),
    timeouts: runs.reduce((a, r) => a + r.timeouts, 0),
    ...(refusal === undefined ? {} : { sampleRefusal: refusal }),
  };
}

/**
 * Drives every node at once (autocannon per node, the connections split between them, report ids
 * `RUN-nK-…` apart per node), after a warm-up of each, then reads the reports back through the
 * first node: every acknowledged id stored, none twice.
 */
export async function loadNodes(options: LoadNodesOptions): Promise<NodesLoad> {
  const { nodes } = options;
  const per = Math.max(1, Math.floor(options.connections / nodes.length));
  // One report through each node first, answered: the model is parsed and compiled (seconds on a
  // busy machine) before the warm-up, not in the measured time.
  for (const [k, n] of nodes.entries()) {
    const who = options.submitters[k % options.submitters.length];
    const res = await requestJson(n.url, '/api/reports', { token: who.token, body: sampleReport(`prime-n${k}`, who.enterprise, '1930', 1) });
    if (res.status !== 201) throw new Error(`the first report through node ${k}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
  }
  await Promise.all(nodes.map((n, k) => loadReports({ url: n.url, connections: per, durationSeconds: options.warmupSeconds, submitters: options.submitters, runId: `warmup-n${k}` })));
  const runId = `bench-${randomBytes(4).toString('hex')}`;
  const pids = nodes.map((n) => n.child.pid ?? 0);
  const cpu0 = pids.map(processCpuSeconds);
  const runs = await Promise.all(nodes.map((n, k) => loadReports({ url: n.url, connections: per, durationSeconds: options.durationSeconds, submitters: options.submitters, runId: `${runId}-n${k}` })));
  const cpu = pids.reduce((a, pid, k) => a + processCpuSeconds(pid) - cpu0[k], 0);
  const load = joined(runs);
  await new Promise((resolve) => setTimeout(resolve, 200));
  const check = await checkStored(nodes[0].url, options.planner, runId, load.acknowledged, per * nodes.length);
  const rate = check.ok && load.acknowledged.size > 0 ? load.acknowledged.size / load.durationSeconds : NaN;
  const refused = [...load.statuses].filter(([s]) => s !== 201).map(([s, n]) => `${n} × ${s}`);
  const note = [
    check.ok ? `store holds all ${load.acknowledged.size} acknowledged` : `CHECK FAILED: ${check.missing} missing, ${check.duplicates} twice, ${check.unacknowledged} unacknowledged`,
    check.unacknowledged > 0 ? `${check.unacknowledged} in flight at the end also stored` : '',
    refused.length > 0 ? `refused: ${refused.join(', ')}` : '',
    load.errors > 0 ? `${load.errors} errors` : '',
    nodes.length > 1 ? `p50/p99 of the slower node; per node ${runs.map((r) => `${r.acknowledged.size}`).join(' + ')}` : '',
  ].filter((s) => s !== '').join('; ');
  return { load, check, rate, cpuPerRequest: cpu / Math.max(1, load.sent), note };
}
