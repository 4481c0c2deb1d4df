import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { structuralPaths } from '../../src/leontief/structural-paths.js';
import { csrFromDense } from '../../src/sparse/index.js';
import { fixture } from '../helpers/paths.js';

/**
 * Krumme, University of Washington, Geography 350 exercises, 'Holukuluku County' and
 * 'Holukuluku's Sector Seven' (faculty.washington.edu/krumme/350/exercises/holuku.html and
 * sector7.html): an eight-sector direct coefficient table, the four two-link chains by which a unit
 * of final demand for Trade (sector 7) reaches Agriculture (sector 1), and the round-by-round
 * effects A^k e₇ (k = 1…6) on every sector beside the column of (I − A)⁻¹, printed to four
 * decimals. A structural path with intensity e_i and final demand e₇ has the value of one term of
 * (A^k)_{i7}; the paths of depth k sum to the page's round k, those within depth 6 to its sum (plus
 * I), and the total s (I − A)⁻¹ y is the page's Leontief column. The page's rounding: every figure
 * is reproduced to half a unit of its last decimal except two of sector 4 (round 4, .0149 for
 * .014950, and the sum, .0967 for .096765), a unit off, and its last column is the difference of two
 * printed figures; those are compared to one unit of the fourth decimal.
 */
interface Krumme {
  A: number[][];
  final_demand_sector: number;
  two_links_to_sector: number;
  two_link_terms: { via: number; value: number }[];
  two_link_total: number;
  rounds: number[][];
  sum_rounds: number[];
  sum_plus_identity: number[];
  leontief_column: number[];
  difference: number[];
}
const k = JSON.parse(readFileSync(fixture('published', 'krumme-holukuluku-paths.json'), 'utf8')) as Krumme;
const n = k.A.length;
const A = csrFromDense(n, n, k.A.flat());
const unit = (i: number): Float64Array => Float64Array.from({ length: n }, (_, j) => (j === i ? 1 : 0));
const trade = k.final_demand_sector - 1;
/** Within a unit of the last printed decimal (0.0001, or 0.001 for the figures printed to three). */
const within = (got: number, want: number, printedTo: number, what: string): void => {
  assert.ok(Math.abs(got - want) <= 10 ** -printedTo + 1e-12, `${what}: ${got} is not ${want} as printed`);
};
/** The page prints sector 7's sum plus I and its (I − A)⁻¹ entry to three decimals, the rest to four. */
const decimals = (i: number): number => (i === trade ? 3 : 4);

describe('structural paths: Krumme’s Holukuluku County, sector seven', () => {
  test('the four two-link chains from final demand for Trade to Agriculture, and their sum .1150', () => {
    const agriculture = k.two_links_to_sector - 1;
    const r = structuralPaths(A, unit(agriculture), unit(trade), { maxPaths: 1000, maxDepth: 2 }, { tolerance: 1e-14 });
    assert.equal(r.status, 'converged');
    assert.ok(r.complete);
    const twoLinks = r.paths.filter((p) => p.items.length === 3);
    assert.equal(twoLinks.length, k.two_link_terms.length, 'only the chains through a sector that both sells to Agriculture and to Trade');
    for (const term of k.two_link_terms) {
      const path = twoLinks.find((p) => p.items[1] === term.via - 1);
      assert.ok(path !== undefined, `the chain Trade → ${term.via} → Agriculture is listed`);
      assert.deepEqual(path.items, [trade, term.via - 1, agriculture]);
      assert.ok(Math.abs(path.value - term.value) < 1e-15, `via ${term.via}: ${path.value} vs ${term.value}`);
    }
    const sum = twoLinks.reduce((acc, p) => acc + p.value, 0);
    assert.ok(Math.abs(sum - k.two_link_total) < 1e-15);
  });

  test('every sector: the paths of depth k sum to round k, within depth 6 to the page’s sum, and the total is its (I − A)⁻¹ column', () => {
    for (let i = 0; i < n; i++) {
      const r = structuralPaths(A, unit(i), unit(trade), { maxPaths: 1_000_000, maxDepth: 6 }, { tolerance: 1e-14 });
      assert.equal(r.status, 'converged');
      assert.ok(r.complete, `sector ${i + 1}: every path within depth 6 listed`);
      const byDepth = new Float64Array(7);
      for (const p of r.paths) byDepth[p.items.length - 1] += p.value;
      for (let d = 1; d <= 6; d++) within(byDepth[d], k.rounds[i][d - 1], 4, `sector ${i + 1}, round ${d}`);
      const listed = byDepth.reduce((a, b) => a + b, 0);
      within(listed - byDepth[0], k.sum_rounds[i], 4, `sector ${i + 1}, sum of rounds 1–6`);
      within(listed, k.sum_plus_identity[i], decimals(i), `sector ${i + 1}, sum plus I`);
      within(r.total, k.leontief_column[i], decimals(i), `sector ${i + 1}, (I − A)⁻¹`);
      within(r.total - listed, k.difference[i], 4, `sector ${i + 1}, beyond round 6`);
      assert.ok(Math.abs(r.covered - listed / r.total) < 1e-12);
    }
  });
});
