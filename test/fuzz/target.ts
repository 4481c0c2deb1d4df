import type { Finding } from './oracle.js';

/** The campaign and case a reproduction comes from. */
export interface Origin {
  readonly seed: number;
  readonly index: number;
}

export type TargetName = 'models' | 'tables' | 'http';
export const TARGET_NAMES: readonly TargetName[] = ['models', 'tables', 'http'];

/** Runs cases of one target one after the other (an HTTP session keeps its service between cases). */
export interface Session<C> {
  run(c: C): Promise<readonly Finding[]>;
  /** Starts again from a fresh state (for HTTP: a new service and store). */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/**
 * One fuzz target (model files, tables, HTTP): how to make case `index` of a campaign with `seed`,
 * run it, make a failing case smaller and write it down so that a person can run it again.
 */
export interface Target<C> {
  readonly name: TargetName;
  /** Cases per session: a new session (for HTTP: a new service) after this many. */
  readonly episode: number;
  make(seed: number, index: number): C;
  open(): Promise<Session<C>>;
  /** Case `index` with what it needs before it (for HTTP: the requests of its session before it). */
  replay(seed: number, index: number): C;
  /** Smaller variants of a case, to try in order. */
  variants(c: C): Iterable<C>;
  /** Writes a reproduction of `c` (made from case `origin.index` of the campaign with `origin.seed`) into `dir`: its files and a README.md saying how to run it. */
  writeRepro(c: C, dir: string, finding: Finding, origin: Origin): Promise<void>;
  /** One line on how the case was made. */
  describe(c: C): string;
}
