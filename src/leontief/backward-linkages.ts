import type { CsrMatrix } from '../sparse/csr.js';
import { normalise, type LinkagesResult } from './linkages.js';
import { outputMultipliers } from './output-multipliers.js';
import type { IoSystem, LeontiefOptions } from './types.js';

/**
 * Backward linkages: the column sums of L = (I − A)⁻¹ (the output multipliers, by one transposed
 * solve), and normalised by their average (Rasmussen's power-of-dispersion index; above 1: the
 * item draws more than the average item on the rest of the economy).
 */
export function backwardLinkages(sys: IoSystem | CsrMatrix, opts: LeontiefOptions = {}): LinkagesResult {
  const { multipliers, ...report } = outputMultipliers(sys, opts);
  return { ...report, raw: multipliers, normalised: normalise(multipliers) };
}
