/**
 * The inverse of a permutation of 0..n−1: inv[p[i]] = i. Checks that p is a permutation
 * (a RangeError names the first bad entry).
 */
export function invertPermutation(p: ArrayLike<number>, n: number = p.length): Int32Array {
  if (p.length !== n) throw new RangeError(`invertPermutation: the permutation has length ${p.length}, expected ${n}`);
  const inv = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const v = p[i];
    if (!(Number.isInteger(v) && v >= 0 && v < n) || inv[v] !== -1) {
      throw new RangeError(`invertPermutation: entry ${i} (${v}) is out of range or repeated`);
    }
    inv[v] = i;
  }
  return inv;
}
