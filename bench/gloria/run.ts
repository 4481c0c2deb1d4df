import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runCase } from '../child.js';
import { benchSourceDir, runPythonCase } from '../python-case.js';
import { describeMachine } from '../machine.js';
import { progress } from '../progress.js';
import { replaceSections } from '../readme-section.js';
import { AGREEMENT, type Checked, type GloriaImportResult } from './import-case.js';
import { GENERATOR_VERSION, GLORIA_SHAPE, writeSyntheticGloria, type GloriaShape, type GloriaWritten } from './write-download.js';

/** What reference_case.py prints: the run's figures, or why it was skipped (and the first rows of T timed). */
interface ReferenceResult {
  readonly N?: number;
  readonly needBytes?: number;
  readonly availableBytes?: number;
  readonly pandas?: string;
  readonly pymrioMissing?: string;
  readonly skipped?: string;
  readonly partial?: { readonly rows: number; readonly seconds: number; readonly cpuSeconds: number; readonly peakBytes: number; readonly extrapolatedSeconds: number };
  readonly mode?: 'read_csv' | 'pymrio';
  readonly seconds?: number;
  readonly cpuSeconds?: number;
  readonly constructSeconds?: number;
  readonly constructCpuSeconds?: number;
  readonly peakBytes?: number;
  readonly nonZerosT?: number;
  readonly products?: number;
  readonly nonZerosA?: number;
  readonly sumA?: number;
}

const sourceDir = benchSourceDir(import.meta.url, 'gloria');

const gb = (bytes: number): string => (bytes / 2 ** 30).toFixed(2);
/** A size in GB, or in MB below 1 GB, kB below 1 MB. */
const size = (bytes: number): string => (bytes >= 2 ** 30 ? `${gb(bytes)} GB` : bytes >= 2 ** 20 ? `${(bytes / 2 ** 20).toFixed(1)} MB` : `${(bytes / 2 ** 10).toFixed(1)} kB`);
const s = (seconds: number): string => seconds.toFixed(1);
const count = (k: number): string => k.toLocaleString('en');

/** The shape options given (--regions, --sectors, --satellites, --seed), over GLORIA's own. */
function shapeOf(values: { regions?: string; sectors?: string; satellites?: string; seed?: string; 'foreign-density'?: string }): { shape: GloriaShape; given: boolean } {
  const given = [values.regions, values.sectors, values.satellites, values.seed, values['foreign-density']].some((v) => v !== undefined);
  const foreign = values['foreign-density'] === undefined ? GLORIA_SHAPE.foreignDensity : Number(values['foreign-density']);
  if (!(foreign >= 0 && foreign <= 1)) throw new Error('--foreign-density is a share between 0 and 1');
  const num = (v: string | undefined, fallback: number, name: string): number => {
    const k = v === undefined ? fallback : Number(v);
    if (!Number.isInteger(k) || k < (name === 'seed' ? 0 : 1)) throw new Error(`--${name} must be a whole number${name === 'seed' ? '' : ' above 0'}`);
    return k;
  };
  const shape: GloriaShape = {
    ...GLORIA_SHAPE,
    regions: num(values.regions, GLORIA_SHAPE.regions, 'regions'),
    sectors: num(values.sectors, GLORIA_SHAPE.sectors, 'sectors'),
    satellites: num(values.satellites, GLORIA_SHAPE.satellites, 'satellites'),
    seed: num(values.seed, GLORIA_SHAPE.seed, 'seed'),
    foreignDensity: foreign,
  };
  if (shape.regions > 17576) throw new Error('--regions: at most 17,576 (three-letter codes)');
  return { shape, given };
}

/**
 * The GLORIA benchmark: writes a synthetic download of GLORIA's full size (164 regions × 120
 * sectors: a T of 39,360², gigabytes of CSV) in the real layout, or reuses one (--download DIR);
 * runs `plenty import gloria DOWNLOAD -o MODEL/` in a fresh process, timed, and checks every number
 * of the model it wrote against the generator's cells; runs the Python reference (pandas' dense
 * read_csv of T, or pymrio's parse_gloria_sut + construct B), or says why it cannot; prints the
 * table (written into README.md beside this file with --readme).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      download: { type: 'string' },
      regions: { type: 'string' },
      sectors: { type: 'string' },
      satellites: { type: 'string' },
      seed: { type: 'string' },
      'foreign-density': { type: 'string' },
      readme: { type: 'boolean', default: false },
      'no-reference': { type: 'boolean', default: false },
      output: { type: 'string', default: 'folder' },
    },
  });
  if (values.output !== 'folder' && values.output !== 'parquet') throw new Error('--output is folder (-o MODEL/, the default) or parquet (-o MODEL.parquet)');
  const requested = shapeOf(values);
  const dir = await mkdtemp(join(tmpdir(), 'plenty-gloria-bench-'));
  try {
    // --download DIR: write the download there once and keep it (a later run with the same DIR reuses it).
    const at = values.download ?? join(dir, 'download');
    const info = join(at, 'written.json');
    const kept = values.download === undefined ? undefined : await readFile(info, 'utf8').then((text) => JSON.parse(text) as GloriaWritten, () => undefined);
    if (kept !== undefined && kept.generator !== GENERATOR_VERSION) {
      throw new Error(`${at} holds a download of the generator's version ${kept.generator}, not ${GENERATOR_VERSION} (its cells are not the ones the check recomputes): delete it, or give another --download folder`);
    }
    if (kept !== undefined && requested.given && JSON.stringify(kept.shape) !== JSON.stringify(requested.shape)) {
      throw new Error(`${at} holds a download of ${kept.shape.regions} regions × ${kept.shape.sectors} sectors, ${kept.shape.satellites} satellites, seed ${kept.shape.seed}: give another --download folder, or none of --regions, --sectors, --satellites, --seed, --foreign-density`);
    }
    let written: GloriaWritten;
    if (kept === undefined) {
      const { shape } = requested;
      progress(`writing a synthetic GLORIA download, ${shape.regions} regions × ${shape.sectors} sectors (T of ${count((shape.regions * 2 * shape.sectors) ** 2)} cells), into ${at}`);
      await mkdir(at, { recursive: true });
      written = { ...(await writeSyntheticGloria(at, shape, progress)), path: at };
      await writeFile(info, `${JSON.stringify(written, null, 2)}\n`);
      progress(`wrote ${size(written.bytes)} (T ${size(written.bytesT)}, ${count(written.nonZerosT)} non-zeros) in ${s(written.seconds)} s`);
    } else {
      written = { ...kept, path: at };
      progress(`reusing the download in ${at}: ${written.shape.regions} regions × ${written.shape.sectors} sectors, ${size(written.bytes)} (written in ${s(written.seconds)} s)`);
    }

    const load = loadavg()[0];
    progress(`plenty import gloria ${values.output === 'folder' ? '-o MODEL/' : '-o MODEL.parquet'} in a fresh process`);
    let imported: GloriaImportResult;
    try {
      imported = await runCase<GloriaImportResult>('gloria/import-case.js', [written.path, JSON.stringify(written.shape), values.output]);
    } catch (e) {
      // The case's own error is on stderr above.
      process.stderr.write(`the import failed: ${(e as Error).message.slice(0, 300)}\n`);
      process.exitCode = 1;
      return;
    }
    progress(`import: ${s(imported.seconds)} s (CPU ${s(imported.cpuSeconds)} s), peak ${size(imported.peakBytes)}, model ${size(imported.modelBytes)}; checked in ${s(imported.checkSeconds)} s`);
    if (imported.problems.length > 0) {
      for (const p of imported.problems) process.stderr.write(`the imported model is not the download's: ${p}\n`);
      process.stderr.write('no figures reported: a model that is not the download\'s does not count\n');
      process.exitCode = 1;
      return;
    }
    let reference: ReferenceResult | string = 'not run (--no-reference)';
    if (!values['no-reference']) {
      progress(`the Python reference (${process.env.PYTHON ?? 'python3'} reference_case.py)`);
      reference = await runPythonCase<ReferenceResult>(join(sourceDir, 'reference_case.py'), [written.path]);
    }
    const lines = table(written, imported, reference, load);
    process.stdout.write(`${lines.join('\n')}\n`);
    if (values.readme) replaceSections(join(sourceDir, 'README.md'), new Map([['gloria', lines.join('\n')]]));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function table(w: GloriaWritten, imp: GloriaImportResult, ref: ReferenceResult | string, load: number): string[] {
  const { shape } = w;
  const m = describeMachine();
  const worst = Math.max(imp.inputs.worst, imp.resourceUses.worst, imp.targets.worst, imp.directUse.worst);
  const checked = (k: Checked): string => count(k.got);
  const command = imp.output === 'folder' ? '`plenty import gloria DOWNLOAD -o MODEL/`' : '`plenty import gloria DOWNLOAD -o MODEL.parquet`';
  const lines = [
    `Synthetic GLORIA download (release 059, 2022, basic prices): ${shape.regions} regions × ${shape.sectors} sectors = ${count(w.products)} products; T ${count(w.N)} × ${count(w.N)} with ${count(w.nonZerosT)} non-zeros (${((100 * w.nonZerosT) / (w.N * w.N)).toFixed(3)}%; use blocks ${100 * shape.domesticDensity}% domestic, ${100 * shape.foreignDensity}% foreign), ${shape.satellites} satellite accounts; ${size(w.bytes)} of CSV (T ${size(w.bytesT)}), written in ${s(w.seconds)} s.`,
    '',
    '| step | figure |',
    '| --- | --- |',
    `| ${command} | ${s(imp.seconds)} s (CPU ${s(imp.cpuSeconds)} s), peak ${size(imp.peakBytes)} |`,
    `| model written | ${size(imp.modelBytes)} (${imp.output === 'folder' ? 'a binary model folder, format 2' : 'one binary model file'}) |`,
    `| checked against the download | ${checked(imp.products)} products, ${checked(imp.inputs)} input coefficients, ${checked(imp.resourceUses)} value-added and satellite coefficients (${checked(imp.resources)} resources), ${checked(imp.targets)} final demands, ${checked(imp.directUse)} direct uses: largest relative difference ${worst === 0 ? '0' : worst.toExponential(1)} (the run fails above ${AGREEMENT.toExponential(0)}) |`,
    ...referenceRows(ref, imp, w),
    '',
    `Machine: ${m.cpu}, ${m.cores} cores, ${gb(m.memoryBytes)} GB, Node ${m.node}, ${m.os}; ${m.date}; load average ${load.toFixed(1)} when the import started (on a shared machine wall-clock times stretch with the load, CPU seconds much less).`,
  ];
  return lines;
}

function referenceRows(ref: ReferenceResult | string, imp: GloriaImportResult, w: GloriaWritten): string[] {
  if (typeof ref === 'string') return [`| Python reference | ${ref} |`];
  const version = ref.pandas === undefined ? '' : ` (pandas ${ref.pandas})`;
  if (ref.skipped !== undefined) {
    const rows = [`| Python reference${version} | skipped: ${ref.skipped} |`];
    const p = ref.partial;
    if (p !== undefined) {
      rows.push(`| pandas \`read_csv(T, header=None, nrows=${count(p.rows)})\`, the first ${count(p.rows)} rows of T | ${s(p.seconds)} s (CPU ${s(p.cpuSeconds)} s), peak ${size(p.peakBytes)}; the whole of T at that rate: about ${s(p.extrapolatedSeconds)} s (extrapolated, not measured) |`);
    }
    return rows;
  }
  if (ref.mode === 'read_csv') {
    const agree = ref.nonZerosT === w.nonZerosT ? 'the same non-zeros as written' : `${count(ref.nonZerosT ?? 0)} non-zeros, NOT the ${count(w.nonZerosT)} written`;
    return [`| pandas \`read_csv(T, header=None)\`${version} (pymrio not run: ${ref.pymrioMissing ?? 'missing'}) | ${s(ref.seconds ?? NaN)} s (CPU ${s(ref.cpuSeconds ?? NaN)} s), peak ${size(ref.peakBytes ?? NaN)}; ${agree} |`];
  }
  const sumDiff = Math.abs((ref.sumA ?? NaN) - imp.inputSum) / Math.abs(imp.inputSum);
  const agree = ref.nonZerosA === imp.inputs.got && ref.products === imp.products.got ? `A: ${count(ref.products ?? 0)} products and ${count(ref.nonZerosA ?? 0)} non-zeros, as Plenty's; its sum within ${sumDiff.toExponential(0)} of Plenty's` : `A: ${count(ref.products ?? 0)} products and ${count(ref.nonZerosA ?? 0)} non-zeros, NOT Plenty's ${count(imp.products.got)} and ${count(imp.inputs.got)}`;
  const total = (ref.seconds ?? NaN) + (ref.constructSeconds ?? NaN);
  return [
    `| pymrio \`parse_gloria_sut\`${version} | ${s(ref.seconds ?? NaN)} s (CPU ${s(ref.cpuSeconds ?? NaN)} s) |`,
    `| pymrio construct B (dense A) | ${s(ref.constructSeconds ?? NaN)} s (CPU ${s(ref.constructCpuSeconds ?? NaN)} s); peak of both ${size(ref.peakBytes ?? NaN)}; ${agree} |`,
    `| ratio (pymrio / Plenty) | ${(total / imp.seconds).toFixed(1)}× wall, peak memory ${((ref.peakBytes ?? NaN) / imp.peakBytes).toFixed(1)}× |`,
  ];
}

await main();
