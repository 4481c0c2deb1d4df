import { seededRandom } from '../helpers/random.js';

/** A seeded generator with the draws the fuzzers need; the same seed gives the same cases everywhere. */
export class Rng {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = seededRandom(seed);
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next();
  }

  /** A whole number in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** A whole number in [lo, hi]. */
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(list: readonly T[]): T {
    if (list.length === 0) throw new Error('pick from an empty list');
    return list[this.int(list.length)];
  }

  /** One of the options, chosen with the given weights. */
  weighted<T>(options: readonly (readonly [number, T])[]): T {
    let total = 0;
    for (const [w] of options) total += w;
    let x = this.next() * total;
    for (const [w, v] of options) {
      x -= w;
      if (x < 0) return v;
    }
    return options[options.length - 1][1];
  }
}

/**
 * The seed of case `index` of a campaign: a hash of the campaign's seed, its target and the index,
 * so that every case can be made again on its own from (seed, target, index).
 */
export function caseSeed(seed: number, target: string, index: number): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  const mix = (x: number): void => {
    h = Math.imul(h ^ x, 0x01000193) >>> 0;
    h ^= h >>> 13;
  };
  for (let i = 0; i < target.length; i++) mix(target.charCodeAt(i));
  mix(index >>> 0);
  mix(Math.floor(index / 2 ** 32));
  mix(seed >>> 0);
  return h >>> 0;
}
