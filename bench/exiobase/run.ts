import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runCase } from '../child.js';
import { benchSourceDir, runPythonCase } from '../python-case.js';
import type { ImportCaseResult } from './import-case.js';
import type { PlentyCaseResult } from './plenty-case.js';
import { writeSyntheticDownload, type DownloadWritten } from './write-download.js';

/** What pymrio_case.py prints. */
interface PymrioResult {
  readonly parseSeconds: number;
  readonly calcAllSeconds: number;
  readonly parseCpuSeconds: number;
  readonly calcAllCpuSeconds: number;
  readonly peakBytes: number;
  readonly regions: readonly string[];
  readonly x: readonly number[];
  readonly D_cba_reg: readonly (readonly number[])[];
  readonly D_pba_reg: readonly (readonly number[])[];
  readonly D_imp_reg: readonly (readonly number[])[];
  readonly D_exp_reg: readonly (readonly number[])[];
  readonly D_imp: readonly (readonly number[])[];
}

const sourceDir = benchSourceDir(import.meta.url, 'exiobase');

/** Largest relative difference between two arrays (scaled by the larger magnitude, floor 1e-300). */
function worstRelative(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) return Number.POSITIVE_INFINITY;
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(Math.abs(a[i]), Math.abs(b[i]), 1e-300));
  return worst;
}

const gb = (bytes: number): string => (bytes / 2 ** 30).toFixed(2);
const s = (seconds: number): string => seconds.toFixed(1);

/**
 * The EXIOBASE benchmark: writes a synthetic full-size EXIOBASE 3 pxp download (49 regions × 200
 * products, Z and Y as text in the real layout, a satellite extension), then in fresh processes
 * reads it with Plenty (readExiobase3) and computes all accounts (mrioAccounts), and runs pymrio's
 * parse_exiobase3 + calc_all on the same files; checks that x and the consumption-based accounts
 * (D_cba_reg) agree, and prints the table (written into README.md beside this file with --readme).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      regions: { type: 'string', default: '49' },
      products: { type: 'string', default: '200' },
      stressors: { type: 'string', default: '1113' },
      seed: { type: 'string', default: '1' },
      'no-pymrio': { type: 'boolean', default: false },
      download: { type: 'string' },
      readme: { type: 'boolean', default: false },
      'import-solves': { type: 'string', default: 'auto' },
    },
  });
  const shape = { regions: Number(values.regions), products: Number(values.products), stressors: Number(values.stressors), seed: Number(values.seed) };
  const dir = await mkdtemp(join(tmpdir(), 'plenty-exiobase-bench-'));
  try {
    let t = performance.now();
    // --download DIR: write the download there once and keep it (a later run with the same DIR reuses it).
    const at = values.download ?? dir;
    const info = join(at, 'written.json');
    const kept = values.download === undefined ? undefined : await readFile(info, 'utf8').then((text) => JSON.parse(text) as DownloadWritten, () => undefined);
    const written: DownloadWritten = kept ?? (await writeSyntheticDownload(at, shape));
    if (values.download !== undefined && kept === undefined) await writeFile(info, JSON.stringify(written));
    process.stderr.write(`${kept === undefined ? 'wrote' : 'reusing'} ${written.n} products, ${written.nonZeros} non-zeros of Z, ${gb(written.bytes)} GB in ${s((performance.now() - t) / 1000)} s\n`);
    t = performance.now();
    const plenty = await runCase<PlentyCaseResult>('exiobase/plenty-case.js', [written.path, values['import-solves']]);
    const plentyTotal = (performance.now() - t) / 1000;
    process.stderr.write(`plenty: read ${s(plenty.readSeconds)} s, accounts ${s(plenty.accountsSeconds)} s (${plenty.status})\n`);
    // The command a user runs: the download into a binary model file, read back and checked.
    const imported = await runCase<ImportCaseResult>('exiobase/import-case.js', [written.path]);
    const { expected } = imported;
    const got = { products: imported.products, inputs: imported.inputs, uses: imported.uses };
    if (got.products !== expected.products || got.inputs !== expected.inputs || got.uses !== expected.uses || !(imported.worstCoefficient <= 1e-15)) {
      process.stderr.write(`the imported model holds ${JSON.stringify(got)}, not ${JSON.stringify(expected)}; its coefficients differ from the download's by up to ${imported.worstCoefficient}\n`);
      process.exitCode = 1;
      return;
    }
    process.stderr.write(`plenty import exiobase3 -o MODEL.parquet: ${s(imported.seconds)} s, peak ${gb(imported.peakBytes)} GB\n`);
    const load = loadavg()[0];
    const pymrio = values['no-pymrio'] ? 'not run (--no-pymrio)' : await runPythonCase<PymrioResult>(join(sourceDir, 'pymrio_case.py'), [written.path]);
    const lines = table(shape, written, plenty, plentyTotal, pymrio, imported);
    const disagreement = typeof pymrio === 'string' ? undefined : disagreements(plenty, pymrio);
    if (disagreement !== undefined) {
      // Timings of accounts that are not pymrio's are not reported.
      process.stderr.write(`the accounts disagree with pymrio's: ${disagreement}\n`);
      process.exitCode = 1;
      return;
    }
    lines.push(`Machine: ${cpus().length} cores, ${gb(totalmem())} GB; load average ${load.toFixed(1)} when pymrio started (the machine was shared: wall-clock times stretch with the load, CPU seconds much less).`);
    process.stdout.write(`${lines.join('\n')}\n`);
    if (values.readme) await writeReadme(lines);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Accounts compared with pymrio's must agree to this relative difference (issue 10: 1e-9). */
const AGREEMENT = 1e-9;

/** What disagrees with pymrio beyond AGREEMENT (or the regions' order), undefined if nothing. */
function disagreements(p: PlentyCaseResult, py: PymrioResult): string | undefined {
  if (p.status !== 'converged') return `Plenty's solves: ${p.status}`;
  if (py.regions.join() !== p.regions.join()) return 'the regions are in another order';
  const pairs: [string, readonly number[], readonly number[]][] = [
    ['x', p.x, py.x],
    ['D_cba_reg', p.D_cba_reg, py.D_cba_reg.flat()],
    ['D_pba_reg', p.D_pba_reg, py.D_pba_reg.flat()],
    ['D_imp_reg', p.D_imp_reg, py.D_imp_reg.flat()],
    ['D_exp_reg', p.D_exp_reg, py.D_exp_reg.flat()],
    ['D_imp', p.D_imp, py.D_imp.flat()],
  ];
  const bad = pairs.map(([name, a, b]) => [name, worstRelative(a, b)] as const).filter(([, d]) => !(d <= AGREEMENT));
  return bad.length === 0 ? undefined : bad.map(([name, d]) => `${name} ${d.toExponential(1)}`).join(', ');
}

function table(shape: { stressors: number }, w: DownloadWritten, p: PlentyCaseResult, plentyTotal: number, py: PymrioResult | string, imp: ImportCaseResult): string[] {
  const ours = p.readSeconds + p.accountsSeconds;
  const lines = [
    `Synthetic EXIOBASE 3 pxp download: ${w.n} products, ${w.nonZeros.toLocaleString('en')} non-zeros in Z (${((100 * w.nonZeros) / (w.n * w.n)).toFixed(1)}%), ${shape.stressors} stressors, ${gb(w.bytes)} GB of text.`,
    '',
    '| step | Plenty | pymrio | ratio (pymrio / Plenty) |',
    '|---|---|---|---|',
  ];
  if (typeof py === 'string') {
    lines.push(`| read the download | ${s(p.readSeconds)} s (CPU ${s(p.readCpuSeconds)} s), peak ${gb(p.readPeakBytes)} GB | ${py} | |`);
    lines.push(`| all accounts (calc_all) | ${s(p.accountsSeconds)} s (CPU ${s(p.accountsCpuSeconds)} s), peak ${gb(p.accountsPeakBytes)} GB | | |`);
  } else {
    const row = (what: string, wall: number, cpu: number, pyWall: number, pyCpu: number): string =>
      `| ${what} | ${s(wall)} s (CPU ${s(cpu)} s) | ${s(pyWall)} s (CPU ${s(pyCpu)} s) | ${(pyWall / wall).toFixed(1)}× (CPU ${(pyCpu / cpu).toFixed(1)}×) |`;
    lines.push(row('read the download (parse_exiobase3)', p.readSeconds, p.readCpuSeconds, py.parseSeconds, py.parseCpuSeconds));
    lines.push(row('all accounts (calc_all)', p.accountsSeconds, p.accountsCpuSeconds, py.calcAllSeconds, py.calcAllCpuSeconds));
    lines.push(row('both', ours, p.readCpuSeconds + p.accountsCpuSeconds, py.parseSeconds + py.calcAllSeconds, py.parseCpuSeconds + py.calcAllCpuSeconds));
    lines.push(`| peak memory | ${gb(Math.max(p.readPeakBytes, p.accountsPeakBytes))} GB | ${gb(py.peakBytes)} GB | ${(py.peakBytes / Math.max(p.readPeakBytes, p.accountsPeakBytes)).toFixed(1)}× |`);
    const e = (a: readonly number[], b: readonly (readonly number[])[]): string => worstRelative(a, b.flat()).toExponential(1);
    lines.push(
      '',
      `Agreement (largest relative difference): x ${worstRelative(p.x, py.x).toExponential(1)}; the satellite's accounts by region (${shape.stressors} × ${py.regions.length}) D_cba_reg ${e(p.D_cba_reg, py.D_cba_reg)}, D_pba_reg ${e(p.D_pba_reg, py.D_pba_reg)}, D_imp_reg ${e(p.D_imp_reg, py.D_imp_reg)}, D_exp_reg ${e(p.D_exp_reg, py.D_exp_reg)}; D_imp by product (${shape.stressors} × ${p.x.length}) ${e(p.D_imp, py.D_imp)}; regions in the same order: ${py.regions.join() === p.regions.join() ? 'yes' : 'NO'}.`,
    );
  }
  lines.push(`Plenty's solves: ${p.status}, worst relative residual ${p.residual.toExponential(1)}; the Plenty process took ${s(plentyTotal)} s end to end.`);
  lines.push(
    `\`plenty import exiobase3\` of the download into a model file (\`-o MODEL.parquet\`, ${gb(imp.fileBytes)} GB; read back: ${imp.products} products, ${imp.inputs.toLocaleString('en')} input and ${imp.uses.toLocaleString('en')} stressor coefficients, each within ${imp.worstCoefficient.toExponential(0)} of the download's): ${s(imp.seconds)} s (CPU ${s(imp.cpuSeconds)} s), peak ${gb(imp.peakBytes)} GB.`,
  );
  return lines;
}

/** Replaces the text between the bench markers of README.md beside this file. */
async function writeReadme(lines: readonly string[]): Promise<void> {
  const path = join(sourceDir, 'README.md');
  const text = await readFile(path, 'utf8');
  const start = '<!-- bench:exiobase:start -->';
  const end = '<!-- bench:exiobase:end -->';
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error(`README.md lacks the markers ${start} … ${end}`);
  await writeFile(path, `${text.slice(0, a + start.length)}\n${lines.join('\n')}\n${text.slice(b)}`);
}

await main();
