import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mrioAccounts } from '../../../src/leontief/index.js';
import type { IoExtension, IoTable } from '../../../src/model/import/index.js';

/**
 * What pymrio computed for a fixture (written by test/fixtures/pymrio-accounts/make_*.py with
 * pymrio_accounts.dump_accounts): its product labels (region, sector), x, and per extension the
 * stressor labels and D_cba, D_pba, D_imp, D_exp (stressors × products, row-major).
 */
export interface PymrioAccountsFile {
  readonly source: string;
  readonly products: readonly (readonly string[])[];
  readonly x: readonly number[];
  readonly extensions: Readonly<Record<string, PymrioExtensionAccounts>>;
}

export interface PymrioExtensionAccounts {
  readonly stressors: readonly (readonly string[])[];
  readonly D_cba: readonly number[];
  readonly D_pba: readonly number[];
  readonly D_imp: readonly number[];
  readonly D_exp: readonly number[];
}

export interface PymrioComparison {
  /** Relative tolerance per entry (default 1e-9, as the issue asks). */
  readonly rtol?: number;
  /** Absolute floor per account, relative to its largest entry (default 1e-12). */
  readonly floor?: number;
  /** Our extension's name for pymrio's (default: the same name). */
  readonly extension?: (pymrioName: string) => string;
  /** pymrio's label of one of our stressors (default: [id] or [id, compartment]). */
  readonly stressorLabel?: (s: IoExtension['stressors'][number], extension: string) => readonly string[];
}

const key = (labels: readonly string[]): string => JSON.stringify(labels);

/**
 * Asserts that the accounts of `table` (as Plenty computes them: mrioAccounts) equal pymrio's in
 * `file`, entry by entry to `rtol`: x, and D_cba, D_pba, D_imp, D_exp of every extension pymrio
 * has. Products and stressors are matched by their labels, so the importers may order them as
 * they like; a label on one side only fails the test.
 */
export function assertAccountsMatchPymrio(table: IoTable, file: string, options: PymrioComparison = {}): void {
  const ref = JSON.parse(readFileSync(file, 'utf8')) as PymrioAccountsFile;
  const rtol = options.rtol ?? 1e-9;
  const floor = options.floor ?? 1e-12;
  const acc = mrioAccounts(table, undefined, { tolerance: 1e-14, denseInverses: false });
  assert.equal(acc.status, 'converged', `${file}: the accounts' solves`);

  const ours = new Map(acc.products.map((p, i) => [key([p.region, p.sector]), i]));
  assert.equal(ours.size, ref.products.length, `${file}: number of products`);
  const productOf = ref.products.map((labels) => {
    const i = ours.get(key(labels));
    assert.ok(i !== undefined, `${file}: pymrio's product ${key(labels)} is not in the import`);
    return i;
  });
  const n = productOf.length;
  compare(Array.from(productOf, (i) => acc.x[i]), ref.x, rtol, floor, `${file}: x`);

  for (const [name, refExt] of Object.entries(ref.extensions)) {
    const ourName = options.extension?.(name) ?? name;
    const ext = acc.extensions.find((e) => e.name === ourName);
    assert.ok(ext !== undefined, `${file}: pymrio's extension ${name} (ours: ${ourName}) is not in the import (${acc.extensions.map((e) => e.name).join(', ')})`);
    const label = options.stressorLabel ?? ((s) => (s.compartment === undefined ? [s.id] : [s.id, s.compartment]));
    const stressorIndex = new Map(ext.stressors.map((s, k) => [key(label(s, ourName)), k]));
    const stressorOf = refExt.stressors.map((labels) => {
      const k = stressorIndex.get(key(labels));
      assert.ok(k !== undefined, `${file}: ${name}: pymrio's stressor ${key(labels)} is not in the import (ours: ${[...stressorIndex.keys()].slice(0, 5).join(' ')} …)`);
      return k;
    });
    for (const account of ['D_cba', 'D_pba', 'D_imp', 'D_exp'] as const) {
      const mine = ext[account];
      const picked: number[] = [];
      for (const k of stressorOf) for (const i of productOf) picked.push(mine[k * n + i]);
      compare(picked, refExt[account], rtol, floor, `${file}: ${name}.${account}`);
    }
  }
}

function compare(actual: readonly number[], expected: readonly number[], rtol: number, floor: number, what: string): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  let largest = 0;
  for (const v of expected) largest = Math.max(largest, Math.abs(v));
  const atol = floor * largest;
  for (let i = 0; i < expected.length; i++) {
    const err = Math.abs(actual[i] - expected[i]);
    if (!(err <= rtol * Math.abs(expected[i]) + atol)) assert.fail(`${what}[${i}]: ${actual[i]} differs from pymrio's ${expected[i]} by ${err}`);
  }
}
