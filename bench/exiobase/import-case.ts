import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importCommand } from '../../src/cli/commands/import.js';
import { loadColumnarEconomy } from '../../src/model/binary/index.js';
import { readExiobase3 } from '../../src/model/import/exiobase3/read-exiobase3.js';
import { tableOutput } from '../../src/model/import/io-table-to-economy.js';
import { worstEntryDifference } from '../check.js';
import { peakRssBytes, resetPeakRss } from '../memory.js';

/** What `plenty import exiobase3 DOWNLOAD -o MODEL.parquet` measured (printed as the last line, JSON). */
export interface ImportCaseResult {
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly peakBytes: number;
  readonly fileBytes: number;
  /** What the written model holds, read back with the loader (the check before the figures count). */
  readonly products: number;
  readonly resources: number;
  /** Input coefficients (non-zeros of Z with output) and stressor coefficients (non-zeros of F). */
  readonly inputs: number;
  readonly uses: number;
  /** The same counts from the download, read again after the timing (as `plenty import` reads it). */
  readonly expected: { readonly products: number; readonly inputs: number; readonly uses: number };
  /** The largest relative difference of a written coefficient from the download's (z_ij / x_j, f_qj / x_j). */
  readonly worstCoefficient: number;
}

/**
 * Runs the command `plenty import exiobase3` on the download given as the first argument, writing
 * the binary model a user would write (-o MODEL.parquet, into a temporary folder), in this fresh
 * process so that its peak memory is its own; then loads the written file as `plenty analyze`
 * does and reports what it holds, beside what the download holds (read again after the timing):
 * the counts, and every coefficient against z_ij / x_j and f_qj / x_j.
 */
async function main(): Promise<void> {
  const path = process.argv[2];
  const dir = await mkdtemp(join(tmpdir(), 'plenty-exiobase-import-'));
  try {
    const output = join(dir, 'exio.parquet');
    resetPeakRss();
    const t = performance.now();
    const c = process.cpuUsage();
    await importCommand('exiobase3', path, { output });
    const seconds = (performance.now() - t) / 1000;
    const u = process.cpuUsage(c);
    const peakBytes = peakRssBytes();
    const fileBytes = (await stat(output)).size;
    const model = await loadColumnarEconomy(output);
    const table = await readExiobase3(path, { forModel: true });
    const x = tableOutput(table);
    const n = x.length;
    let inputs = 0;
    for (let k = 0; k < n * n; k++) if (table.Z[k] !== 0 && x[k % n] !== 0) inputs++;
    let uses = 0;
    for (const e of table.extensions) for (let k = 0; k < e.F.length; k++) if (e.F[k] !== 0 && x[k % n] !== 0) uses++;
    // Every coefficient written against the download's z_ij / x_j and f_qj / x_j.
    const F = table.extensions.flatMap((e) => Array.from({ length: e.stressors.length }, (_, q) => e.F.subarray(q * n, (q + 1) * n)));
    const worst = Math.max(
      worstEntryDifference(model.coefficients.consumes, (i, j) => table.Z[i * n + j] / x[j]),
      worstEntryDifference(model.coefficients.uses, (q, j) => F[q][j] / x[j]),
    );
    const result: ImportCaseResult = {
      seconds,
      cpuSeconds: (u.user + u.system) / 1e6,
      peakBytes,
      fileBytes,
      products: model.products.length,
      resources: model.resources.length,
      inputs: model.coefficients.consumes.values.length,
      uses: model.coefficients.uses.values.length,
      expected: { products: n, inputs, uses },
      worstCoefficient: worst,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
