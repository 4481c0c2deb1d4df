import { mrioAccounts, type MrioOptions } from '../../src/leontief/mrio-accounts.js';
import { readExiobase3 } from '../../src/model/import/exiobase3/read-exiobase3.js';
import { peakRssBytes, resetPeakRss } from '../memory.js';

/** What one run of Plenty on the download measured (printed as the last line, JSON). */
export interface PlentyCaseResult {
  readonly readSeconds: number;
  /** CPU seconds (user + system) of the step: what it costs on a machine shared with others. */
  readonly readCpuSeconds: number;
  readonly readPeakBytes: number;
  readonly accountsSeconds: number;
  readonly accountsCpuSeconds: number;
  /** Peak of the process while the accounts were computed (the table read is still held). */
  readonly accountsPeakBytes: number;
  readonly status: string;
  readonly residual: number;
  readonly regions: readonly string[];
  readonly x: readonly number[];
  /** The satellite's D_cba_reg, stressors × regions, row-major (and the other accounts by region). */
  readonly D_cba_reg: readonly number[];
  readonly D_pba_reg: readonly number[];
  readonly D_imp_reg: readonly number[];
  readonly D_exp_reg: readonly number[];
  /** The satellite's D_imp, stressors × products, row-major. */
  readonly D_imp: readonly number[];
}

/**
 * Reads the download given as the first argument with readExiobase3 (every number kept, as pymrio
 * keeps it), then computes all of pymrio's accounts with mrioAccounts (x, A, B and per extension
 * S, M, M_down, D_cba, D_pba, D_imp, D_exp and their region totals), in this fresh process so that
 * the peak memory is its own. The second argument, if any, is mrioAccounts' `importSolves`.
 */
async function main(): Promise<void> {
  const path = process.argv[2];
  const importSolves = (process.argv[3] ?? 'auto') as NonNullable<MrioOptions['importSolves']>;
  resetPeakRss();
  const cpu = (since: NodeJS.CpuUsage): number => {
    const u = process.cpuUsage(since);
    return (u.user + u.system) / 1e6;
  };
  let t = performance.now();
  let c = process.cpuUsage();
  const table = await readExiobase3(path);
  const readSeconds = (performance.now() - t) / 1000;
  const readCpuSeconds = cpu(c);
  const readPeakBytes = peakRssBytes();
  process.stderr.write(`plenty: read in ${readSeconds.toFixed(1)} s\n`);
  t = performance.now();
  c = process.cpuUsage();
  const accounts = mrioAccounts(table, undefined, { importSolves });
  const accountsSeconds = (performance.now() - t) / 1000;
  const accountsCpuSeconds = cpu(c);
  const satellite = accounts.extensions.find((e) => e.name === 'satellite');
  const result: PlentyCaseResult = {
    readSeconds,
    readCpuSeconds,
    readPeakBytes,
    accountsSeconds,
    accountsCpuSeconds,
    accountsPeakBytes: peakRssBytes(),
    status: accounts.status,
    residual: accounts.relativeResidual,
    regions: accounts.regions,
    x: Array.from(accounts.x),
    D_cba_reg: Array.from(satellite?.D_cba_reg ?? []),
    D_pba_reg: Array.from(satellite?.D_pba_reg ?? []),
    D_imp_reg: Array.from(satellite?.D_imp_reg ?? []),
    D_exp_reg: Array.from(satellite?.D_exp_reg ?? []),
    D_imp: Array.from(satellite?.D_imp ?? []),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
