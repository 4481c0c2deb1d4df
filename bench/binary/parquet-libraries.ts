/**
 * The measurement behind the choice of Parquet library (bench/README.md, "Parquet libraries"):
 * each candidate writes and reads back the same dataset — the coefficients of a synthetic
 * economy of n products (20 per product, bench/generate.ts) as (product, technique, amount)
 * triplets and the n product ids — each operation in a fresh process, checked (every triplet and
 * id identical) after its clock stops.
 *
 *   node dist/bench/binary/parquet-libraries.js --modules DIR [--n 1e7] [--libraries duckdb,hyparquet,…] [--readme]
 *
 * DIR is a folder where the candidates are installed (`npm install @duckdb/node-api hyparquet
 * hyparquet-writer parquet-wasm apache-arrow` in an empty folder): only the chosen one is a
 * dependency of Plenty.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeArray } from '../binary-files.js';
import { runCase } from '../child.js';
import { bytes, count, seconds, table } from '../format.js';
import { generateSparseEconomy } from '../generate.js';
import { describeMachine } from '../machine.js';
import { progress } from '../progress.js';
import { replaceSections } from '../readme-section.js';
import { adapterNamed, LIBRARIES } from './libraries/adapters.js';
import type { LibraryCaseResult } from './parquet-library-case.js';

function option(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : undefined;
}

/** Writes the raw dataset: triplets of A's entries by product (its CSR order) and ids. */
function writeRawDataset(dir: string, n: number, seed: number): { rows: number } {
  const { A } = generateSparseEconomy({ n, seed });
  const rows = A.rowPtr[n];
  const product = new Int32Array(rows);
  for (let i = 0; i < n; i++) product.fill(i, A.rowPtr[i], A.rowPtr[i + 1]);
  writeArray(join(dir, 'product.bin'), product);
  writeArray(join(dir, 'technique.bin'), A.colIdx);
  writeArray(join(dir, 'amount.bin'), A.values);
  // Ids as a multi-regional table names its products: region, then sector.
  const lines: string[] = [];
  for (let i = 0; i < n; i++) lines.push(`R${Math.floor(i / 1000)}_S${i % 1000}\n`);
  writeFileSync(join(dir, 'ids.txt'), lines.join(''));
  writeFileSync(join(dir, 'meta.json'), JSON.stringify({ rows, products: n }));
  return { rows };
}

/** Bytes on disk of the packages (and their dependencies, transitively) installed in `modules`. */
function installedBytes(modules: string, packages: readonly string[]): number {
  const seen = new Set<string>();
  const size = (path: string): number => {
    const s = statSync(path);
    return s.isDirectory() ? readdirSync(path).reduce((sum, f) => sum + size(join(path, f)), 0) : s.size;
  };
  let total = 0;
  const visit = (name: string): void => {
    const dir = join(modules, 'node_modules', name);
    if (seen.has(name)) return;
    seen.add(name);
    let manifest: { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };
    try {
      manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as typeof manifest;
    } catch {
      return; // an optional dependency for another platform
    }
    total += size(dir);
    for (const d of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) visit(d);
  };
  packages.forEach(visit);
  return total;
}

async function main(args: readonly string[]): Promise<void> {
  const modules = resolve(option(args, 'modules') ?? '.');
  const n = Number(option(args, 'n') ?? '1e7');
  const seed = Number(option(args, 'seed') ?? '1');
  const libraries = (option(args, 'libraries') ?? LIBRARIES.join(',')).split(',');
  const machine = describeMachine();
  const work = mkdtempSync(join(tmpdir(), 'plenty-parquet-'));
  const results: { library: string; packages: readonly string[]; install: number; write?: LibraryCaseResult; read?: LibraryCaseResult; error?: string; load: readonly number[] }[] = [];
  try {
    progress(`generating ${n} products`);
    const data = join(work, 'data');
    mkdirSync(data);
    const { rows } = writeRawDataset(data, n, seed);
    for (const name of libraries) {
      const adapter = adapterNamed(name, modules);
      const folder = join(work, name);
      mkdirSync(folder);
      const common = ['--library', name, '--data', data, '--folder', folder, '--modules', modules];
      const load = [loadavg()[0]];
      const row: (typeof results)[number] = { library: adapter.name, packages: adapter.packages, install: installedBytes(modules, adapter.packages), load };
      results.push(row);
      try {
        row.write = await runCase<LibraryCaseResult>('./binary/parquet-library-case.js', ['--op', 'write', ...common]);
        load.push(loadavg()[0]);
        row.read = await runCase<LibraryCaseResult>('./binary/parquet-library-case.js', ['--op', 'read', ...common]);
        load.push(loadavg()[0]);
      } catch (e) {
        row.error = e instanceof Error ? e.message : String(e);
      }
      rmSync(folder, { recursive: true, force: true });
    }
    const body = [
      `${count(rows)} triplets (product INT32, technique INT32, amount DOUBLE) and ${count(n)} ids; ${machine.date}, ${machine.cpu}, ${machine.cores} cores, ${bytes(machine.memoryBytes)}, Node ${machine.node}.`,
      '',
      table(
        ['library', 'write, s (CPU s)', 'peak above the data, write', 'read, s (CPU s)', 'peak, read', 'files', 'identical', 'installed', 'load average'],
        results.map((r) => [
          `${r.library} (${r.packages.join(', ')})`,
          r.write === undefined ? (r.error ?? '–') : `${seconds(r.write.seconds)} (${seconds(r.write.cpuSeconds)})`,
          r.write === undefined ? '–' : bytes(r.write.peakBytes - r.write.startBytes),
          r.read === undefined ? '–' : `${seconds(r.read.seconds)} (${seconds(r.read.cpuSeconds)})`,
          r.read === undefined ? '–' : bytes(r.read.peakBytes),
          r.write === undefined ? '–' : bytes(r.write.fileBytes),
          r.read?.identical === undefined ? '–' : r.read.identical ? 'yes' : 'NO',
          bytes(r.install),
          r.load.map((l) => l.toFixed(1)).join(', '),
        ]),
      ),
    ].join('\n');
    process.stdout.write(`${body}\n`);
    if (args.includes('--readme')) {
      const readme = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'bench', 'README.md');
      replaceSections(readme, new Map([[`parquet-libraries-${n}`, body]]));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main(process.argv.slice(2));
