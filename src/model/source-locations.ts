import type { Location } from './errors.js';

type Path = readonly (string | number)[];

/** Finds where a JSON path lies in the text a value was parsed from. */
export interface SourceLocator {
  /** The location of the value at `path` (or of its key, when `key` is set), as far as it exists. */
  locate(path: Path, key?: boolean): Location;
}

const registry = new WeakMap<object, SourceLocator>();

/** Remembers where `value` (an economy, a plan) came from, so later stages can point into the file. */
export function registerSource(value: object, locator: SourceLocator): void {
  registry.set(value, locator);
}

/**
 * The location of `path` within the file `value` was parsed from; just the path when `value` was
 * not parsed from a file (built in code or by an importer).
 */
export function locationOf(value: object, path: Path, key = false): Location {
  const locator = registry.get(value);
  return locator === undefined ? { path: [...path] } : locator.locate(path, key);
}

/** A locator for a part of a registered value: paths are prefixed with `prefix`. */
export function subLocator(value: object, prefix: Path): SourceLocator {
  return { locate: (path, key) => locationOf(value, [...prefix, ...path], key) };
}
