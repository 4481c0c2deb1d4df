import { compileEconomy } from '../../src/compile/index.js';
import { parseEconomy } from '../../src/model/index.js';
import { formulatePlan, resolveObjective } from '../../src/plan/index.js';
import type { LinearProgram } from '../../src/lp/lp-types.js';
import { generatePlanModel, type GeneratedModel } from './generate-plan-model.js';

/**
 * The LP that `plenty plan --objective weighted` solves for the generated model of `size` items ×
 * periods: the model written as its JSON text, read and compiled as a model file is, and
 * formulated (one LP: every tier's targets credited up to their amount, weighted by tier). The
 * maxmin objective solves one such LP per tier (and more for leximin), each of this shape.
 */
export function planLp(size: number, seed: number): { lp: LinearProgram; generated: GeneratedModel; modelBytes: number } {
  const generated = generatePlanModel({ size, seed });
  const text = JSON.stringify(generated.model);
  const economy = compileEconomy(parseEconomy(text, { file: `generated-${size}.json` }));
  const { lp } = formulatePlan(economy, resolveObjective(economy, { kind: 'weighted' }));
  return { lp, generated, modelBytes: text.length };
}
