/**
 * One candidate library, one operation, in a fresh process (so that its peak memory is its own):
 * writes the dataset of DATA (raw files made by parquet-libraries.ts) as Parquet into FOLDER, or
 * reads FOLDER back and checks it against DATA (after the clock stops). Prints one JSON line.
 *
 *   node parquet-library-case.js --library NAME --op write|read --data DATA --folder FOLDER --modules DIR
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readFloat64, readInt32 } from '../binary-files.js';
import { peakRssBytes, resetPeakRss } from '../memory.js';
import { progress } from '../progress.js';
import { adapterNamed } from './libraries/adapters.js';
import type { Dataset } from './libraries/types.js';

export interface LibraryCaseResult {
  readonly library: string;
  readonly op: 'write' | 'read';
  readonly seconds: number;
  /** CPU time of the whole process (every thread) during the operation. */
  readonly cpuSeconds: number;
  /** Peak resident memory during the operation (VmHWM, reset at its start). */
  readonly peakBytes: number;
  /** Resident memory at its start (for a write: the dataset itself). */
  readonly startBytes: number;
  /** Size of the Parquet files written or read. */
  readonly fileBytes: number;
  /** Read: whether every triplet and id came back identical. */
  readonly identical?: boolean;
}

function flag(args: readonly string[], name: string): string {
  const i = args.indexOf(`--${name}`);
  if (i < 0 || i + 1 >= args.length) throw new Error(`parquet-library-case: --${name} is required`);
  return args[i + 1];
}

/** The raw dataset: triplets as little-endian arrays, ids one per line. */
export function readRawDataset(dir: string): Dataset {
  const ids = readFileSync(join(dir, 'ids.txt'), 'utf8').split('\n');
  ids.pop();
  return {
    triplets: { product: readInt32(join(dir, 'product.bin')), technique: readInt32(join(dir, 'technique.bin')), amount: readFloat64(join(dir, 'amount.bin')) },
    ids,
  };
}

function identical(a: Dataset, b: Dataset): boolean {
  const same = (x: ArrayLike<unknown>, y: ArrayLike<unknown>): boolean => {
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
    return true;
  };
  return same(a.triplets.product, b.triplets.product) && same(a.triplets.technique, b.triplets.technique) && same(a.triplets.amount, b.triplets.amount) && same(a.ids, b.ids);
}

async function main(args: readonly string[]): Promise<void> {
  const library = flag(args, 'library');
  const op = flag(args, 'op');
  const data = flag(args, 'data');
  const folder = flag(args, 'folder');
  const adapter = adapterNamed(library, flag(args, 'modules'));
  const input = op === 'write' ? readRawDataset(data) : undefined;
  const meta = JSON.parse(readFileSync(join(data, 'meta.json'), 'utf8')) as { rows: number; products: number };
  resetPeakRss();
  const startBytes = process.memoryUsage.rss();
  progress(`${adapter.name}: ${op} of ${meta.rows} triplets and ${meta.products} ids`);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let output: Dataset | undefined;
  if (input !== undefined) await adapter.write(folder, input);
  else output = await adapter.read(folder, meta.rows, meta.products);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const peakBytes = peakRssBytes();
  const fileBytes = readdirSync(folder).reduce((s, f) => s + statSync(join(folder, f)).size, 0);
  const same = output === undefined ? undefined : identical(output, readRawDataset(data));
  const result: LibraryCaseResult = {
    library: adapter.name,
    op: op === 'write' ? 'write' : 'read',
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakBytes,
    startBytes,
    fileBytes,
    ...(same === undefined ? {} : { identical: same }),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main(process.argv.slice(2));
