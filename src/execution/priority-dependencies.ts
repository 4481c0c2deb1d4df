import type { CompiledEconomy } from '../compile/types.js';
import { transpose } from '../sparse/transpose.js';
import type { ExecutionPlan } from './types.js';

/**
 * Per item and period (period-major, 1 = yes): the items that targets of priority ≤ `priority`
 * depend on in the plan, directly or through inputs: the target items themselves, the inputs of
 * the techniques that the plan runs to make them, the inputs of those inputs' planned producers,
 * and so on (the Leontief chain restricted to the plan's flows in that period).
 */
export function priorityDependencies(c: CompiledEconomy, plan: ExecutionPlan, priority = 1): Uint8Array {
  const n = c.items.ids.length;
  const nT = c.techniques.ids.length;
  const nPer = Math.max(1, c.periods.ids.length);
  const inputsOf = transpose(c.inputs);
  const { rowPtr: oPtr, colIdx: oIdx, values: oVal } = c.outputs;
  const { rowPtr: iPtr, colIdx: iIdx, values: iVal } = inputsOf;
  const needed = new Uint8Array(nPer * n);
  for (let t = 0; t < nPer; t++) {
    const stack: number[] = [];
    const mark = (i: number): void => {
      if (needed[t * n + i] === 1) return;
      needed[t * n + i] = 1;
      stack.push(i);
    };
    for (let k = 0; k < c.targets.item.length; k++) {
      const i = c.targets.item[k];
      const p = c.targets.period[k];
      if (i >= 0 && c.targets.priority[k] <= priority && (p < 0 || p === t)) mark(i);
    }
    while (stack.length > 0) {
      const i = stack.pop() as number;
      for (let p = oPtr[i]; p < oPtr[i + 1]; p++) {
        const j = oIdx[p];
        if (!(oVal[p] > 0) || !(plan.activity[t * nT + j] > 0)) continue;
        for (let q = iPtr[j]; q < iPtr[j + 1]; q++) if (iVal[q] > 0) mark(iIdx[q]);
      }
    }
  }
  return needed;
}
