import type { CompiledEconomy } from '../compile/types.js';
import { inputError } from '../model/errors.js';
import type { PeriodLevels, PlanObjective, PlanObjectiveKind } from './plan-types.js';

const KINDS: readonly PlanObjectiveKind[] = ['maxmin', 'weighted', 'harmony', 'mincost'];
const PERIOD_LEVELS: readonly PeriodLevels[] = ['leximin', 'common'];

/** The resource minimised by mincost when none is named: `labour`, else the first whose id starts with labour/employment. */
export function defaultCostResource(c: CompiledEconomy): number {
  const exact = c.resources.index.get('labour');
  if (exact !== undefined) return exact;
  const k = c.resources.ids.findIndex((id) => /^(labour|labor|employment)/i.test(id));
  return k;
}

/** Checks an objective given by name or in full; throws InputError naming the option and value. */
export function resolveObjective(c: CompiledEconomy, objective: PlanObjectiveKind | PlanObjective | undefined): PlanObjective {
  const o: PlanObjective = objective === undefined ? { kind: 'maxmin' } : typeof objective === 'string' ? { kind: objective } : objective;
  if (!KINDS.includes(o.kind)) throw inputError('invalid-option', `the objective must be one of ${KINDS.join(', ')}`, { path: ['objective'] }, o.kind);
  const positive = (name: keyof PlanObjective, v: number | undefined, allowInfinity: boolean): void => {
    if (v === undefined) return;
    if (!(v > 0) || (!allowInfinity && !Number.isFinite(v))) throw inputError('invalid-option', `${name} must be a positive number`, { path: ['objective', name] }, v);
  };
  positive('cap', o.cap, true);
  positive('harmonyCap', o.harmonyCap, false);
  if (o.tierTolerance !== undefined && !(o.tierTolerance >= 0 && o.tierTolerance < 0.1)) {
    throw inputError('invalid-option', 'tierTolerance must be a number from 0 to 0.1', { path: ['objective', 'tierTolerance'] }, o.tierTolerance);
  }
  if (o.overSlope !== undefined && !(o.overSlope >= 0 && o.overSlope <= 1)) {
    throw inputError('invalid-option', 'overSlope must be a number from 0 to 1', { path: ['objective', 'overSlope'] }, o.overSlope);
  }
  if (o.periods !== undefined && !PERIOD_LEVELS.includes(o.periods)) {
    throw inputError('invalid-option', `periods must be one of ${PERIOD_LEVELS.join(', ')}`, { path: ['objective', 'periods'] }, o.periods);
  }
  if (o.harmonyCap !== undefined && o.harmonyCap < 1) throw inputError('invalid-option', 'harmonyCap must be at least 1', { path: ['objective', 'harmonyCap'] }, o.harmonyCap);
  for (const [k, w] of Object.entries(o.weights ?? {})) {
    if (!(Number.isFinite(w) && w >= 0)) throw inputError('invalid-option', 'a tier weight must be a finite number ≥ 0', { path: ['objective', 'weights', k] }, w);
  }
  if (o.kind === 'mincost') {
    const r = o.resource === undefined ? defaultCostResource(c) : (c.resources.index.get(o.resource) ?? -1);
    if (r < 0) {
      throw inputError(
        'unknown-id',
        o.resource === undefined ? 'mincost needs a resource to minimise and the model has none named labour: choose one' : `unknown resource "${o.resource}"`,
        { path: ['objective', 'resource'] },
        o.resource ?? null,
      );
    }
    return { ...o, resource: c.resources.ids[r] };
  }
  return o;
}

/** Weight per tier: the objective's own, else 10^(tiers − rank) with rank 1 for the first tier. */
export function tierWeights(o: PlanObjective, tiers: Int32Array): Float64Array {
  const w = new Float64Array(tiers.length);
  for (let s = 0; s < tiers.length; s++) w[s] = o.weights?.[tiers[s]] ?? 10 ** (tiers.length - 1 - s);
  return w;
}
