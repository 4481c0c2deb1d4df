/**
 * Sorts the index range [start, end) of two parallel arrays by column index, carrying the values
 * along. Already-sorted ranges cost one pass; short ranges use insertion sort; long ones an
 * in-place quicksort (median of three) that falls back to insertion sort on small partitions.
 * Internal to the sparse package.
 */
export function sortRowRange(ci: Int32Array, va: Float64Array, start: number, end: number): void {
  let sorted = true;
  for (let p = start + 1; p < end; p++) {
    if (ci[p - 1] > ci[p]) {
      sorted = false;
      break;
    }
  }
  if (sorted) return;
  quicksort(ci, va, start, end - 1);
}

const SMALL = 24;

function insertion(ci: Int32Array, va: Float64Array, lo: number, hi: number): void {
  for (let p = lo + 1; p <= hi; p++) {
    const c = ci[p];
    const v = va[p];
    let q = p - 1;
    while (q >= lo && ci[q] > c) {
      ci[q + 1] = ci[q];
      va[q + 1] = va[q];
      q--;
    }
    ci[q + 1] = c;
    va[q + 1] = v;
  }
}

function swap(ci: Int32Array, va: Float64Array, a: number, b: number): void {
  const c = ci[a];
  ci[a] = ci[b];
  ci[b] = c;
  const v = va[a];
  va[a] = va[b];
  va[b] = v;
}

function quicksort(ci: Int32Array, va: Float64Array, lo: number, hi: number): void {
  // Iterative on the larger part, recursive on the smaller: stack depth O(log n).
  while (hi - lo >= SMALL) {
    const mid = lo + ((hi - lo) >> 1);
    if (ci[mid] < ci[lo]) swap(ci, va, mid, lo);
    if (ci[hi] < ci[lo]) swap(ci, va, hi, lo);
    if (ci[hi] < ci[mid]) swap(ci, va, hi, mid);
    const pivot = ci[mid];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (ci[i] < pivot) i++;
      while (ci[j] > pivot) j--;
      if (i <= j) {
        swap(ci, va, i, j);
        i++;
        j--;
      }
    }
    if (j - lo < hi - i) {
      quicksort(ci, va, lo, j);
      lo = i;
    } else {
      quicksort(ci, va, i, hi);
      hi = j;
    }
  }
  insertion(ci, va, lo, hi);
}
