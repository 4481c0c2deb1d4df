import { readFileSync } from 'node:fs';

/**
 * Reads a pandas CSV or TSV written by pymrio (header rows, then data rows whose first
 * `labelColumns` cells are labels) with a plain split, independently of the importers under test.
 */
export function readReferenceMatrix(file: string, labelColumns: number, sep = ','): { labels: string[][]; values: number[][] } {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l !== '');
  const labels: string[][] = [];
  const values: number[][] = [];
  for (const line of lines) {
    const cells = line.split(sep);
    const data = cells.slice(labelColumns);
    if (data.length === 0 || data.some((c) => c.trim() === '' || Number.isNaN(Number(c)))) continue;
    labels.push(cells.slice(0, labelColumns));
    values.push(data.map(Number));
  }
  return { labels, values };
}

/** Largest |a − b| / max(|b|, floor) over two equally long sequences. */
export function maxRelativeDifference(a: ArrayLike<number>, b: ArrayLike<number>, floor = 1e-300): number {
  if (a.length !== b.length) throw new Error(`lengths differ: ${a.length} vs ${b.length}`);
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]) / Math.max(Math.abs(b[i]), floor);
    if (d > worst) worst = d;
  }
  return worst;
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
