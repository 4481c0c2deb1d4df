import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { regionalTable, type LocationQuotient } from '../../src/leontief/location-quotients.js';
import { csrFromDense, csrToDense } from '../../src/sparse/index.js';
import { fixture } from '../helpers/paths.js';

/**
 * Torój (2024), '(Inter)regional Input-Output Table Estimation: from Surveys to Spatial
 * Econometrics', Central European Journal of Economic Modelling and Econometrics 16(3): 285–322,
 * doi:10.24425/cejeme.2024.153643, pp. 291–295: a three-sector national table (Table 4a) and two
 * regions' output by sector (Table 4b); the SLQs (Table 5a), the CILQs (Table 6a), both regions'
 * coefficients by SLQ and CILQ (Tables 5b, 6b) and the interregional imports they imply, all printed
 * to three decimals. Torój's convention is Plenty's: a^r_ij = a_ij · min(LQ_ij, 1), the CILQ's
 * diagonal taking min(SLQ_i, 1) (his eqs. 2–5). The data and figures are in
 * test/fixtures/published/toroj-2024-location-quotients.json.
 */
interface Toroj {
  Z_national: number[][];
  x_national: number[];
  output_by_region: number[][];
  slq: number[][];
  cilq_off_diagonal: number[][][];
  A_regional: Record<'slq' | 'cilq', number[][][]>;
  imports: Record<'slq' | 'cilq', number[][]>;
}
const t = JSON.parse(readFileSync(fixture('published', 'toroj-2024-location-quotients.json'), 'utf8')) as Toroj;
const n = 3;
const A = csrFromDense(n, n, t.Z_national.flatMap((row) => row.map((z, j) => z / t.x_national[j])));

/** Printed to three decimals, rounded half up: within half a unit of the last digit. */
function printed(got: number, want: number, what: string): void {
  assert.ok(Math.abs(got - want) <= 0.0005 + 1e-12, `${what}: ${got} is not ${want} to three decimals`);
}

describe('location quotients: Torój (2024), Tables 4–6', () => {
  for (const [r, regional] of t.output_by_region.entries()) {
    test(`region ${r + 1}: the SLQs of Table 5a`, () => {
      const got = regionalTable(A, t.x_national, regional, 'slq');
      got.slq.forEach((v, i) => printed(v, t.slq[r][i], `SLQ_${i + 1}`));
      assert.equal(got.lambda, 1);
    });

    for (const method of ['slq', 'cilq'] as const satisfies readonly LocationQuotient[]) {
      test(`region ${r + 1}: the regional coefficients by ${method.toUpperCase()} and the imports they imply`, () => {
        const got = regionalTable(A, t.x_national, regional, method);
        const ar = csrToDense(got.A);
        const an = csrToDense(A);
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) printed(ar[i * n + j], t.A_regional[method][r][i][j], `a^r_${i + 1}${j + 1}`);
          // Torój's implicit interregional imports of commodity i: Σ_j (a^N_ij − a^r_ij) x^r_j.
          let imports = 0;
          for (let j = 0; j < n; j++) imports += (an[i * n + j] - ar[i * n + j]) * regional[j];
          assert.ok(Math.abs(imports - t.imports[method][r][i]) <= 0.0005 + 1e-9, `imports of ${i + 1}: ${imports} vs ${t.imports[method][r][i]}`);
        }
      });
    }

    test(`region ${r + 1}: the off-diagonal CILQs of Table 6a are SLQ_i / SLQ_j`, () => {
      const { slq } = regionalTable(A, t.x_national, regional, 'cilq');
      for (let i = 0; i < n; i++) {
        const off = [0, 1, 2].filter((j) => j !== i);
        off.forEach((j, k) => printed(slq[i] / slq[j], t.cilq_off_diagonal[r][i][k], `CILQ_${i + 1}${j + 1}`));
      }
    });
  }
});
