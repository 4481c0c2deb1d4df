import type { CompiledEconomy } from '../compile/types.js';

/**
 * The enterprise that runs each technique: its `enterprise` field, else the technique's own id
 * (a technique without an enterprise is an enterprise of its own).
 */
export function enterpriseOfTechniques(c: CompiledEconomy): string[] {
  return c.model.techniques.map((t) => t.enterprise ?? t.id);
}

/** Enterprise ids in order of their first technique, and each one's technique indices. */
export function enterprises(c: CompiledEconomy): Map<string, number[]> {
  const out = new Map<string, number[]>();
  enterpriseOfTechniques(c).forEach((e, j) => {
    const list = out.get(e);
    if (list === undefined) out.set(e, [j]);
    else list.push(j);
  });
  return out;
}
