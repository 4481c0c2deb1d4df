import type { ModelSide } from '../analysis/index.js';
import { compileEconomy } from '../compile/index.js';
import type { PlentyStore } from '../store/index.js';
import { scenarioEconomy } from './scenario-economy.js';
import { storedModel } from './stored-model.js';
import { storedScenario } from './stored-scenario.js';

/** A stored model version (the latest without `version`), or a scenario; and the period whose targets count. */
export type ModelRef = { readonly id: string; readonly version?: number | undefined; readonly period?: string | undefined } | { readonly scenario: number; readonly period?: string | undefined };

/**
 * One side of a comparison of two economies (analysis/decompose-models.ts): the economy a
 * reference names (a scenario's: its model version with its overrides), compiled, named `name`
 * in messages (its period option `name.period`), with the model id and version it came from.
 */
export async function modelSideOf(store: PlentyStore, ref: ModelRef, name: string): Promise<ModelSide & { modelId: string; version: number; scenario?: number }> {
  const period = ref.period !== undefined ? { period: ref.period, periodOption: `${name}.period` } : {};
  if ('scenario' in ref) {
    const s = await storedScenario(store, ref.scenario);
    const economy = await scenarioEconomy(store, s);
    return { economy, c: compileEconomy(economy), source: name, ...period, modelId: s.modelId, version: s.modelVersion, scenario: s.id };
  }
  const { model: m, economy } = await storedModel(store, ref.id, ref.version);
  return { economy, c: compileEconomy(economy), source: name, ...period, modelId: m.id, version: m.version };
}
