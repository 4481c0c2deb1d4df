import { InputError, appendAll } from './errors.js';
import { ReferenceChecker } from './check-references.js';
import type { ModelIds } from './check-references.js';
import { formatOf, readDocument } from './parse-document.js';
import type { ParseOptions } from './parse-economy.js';
import { sortIssues } from './parse-economy.js';
import { planSchema } from './schema.js';
import { registerSource } from './source-locations.js';
import { toPlan } from './to-economy.js';
import type { Economy, Plan } from './types.js';
import { fromZodIssues } from './zod-issues.js';

/** The ids an economy defines. */
export function economyIds(e: Economy): ModelIds {
  return {
    products: new Map(e.products.map((p) => [p.id, p.region])),
    resources: new Set(e.resources.map((r) => r.id)),
    techniques: new Set(e.techniques.map((t) => t.id)),
    regions: new Set(e.regions.map((r) => r.id)),
    periods: new Set(e.periods),
  };
}

/**
 * Parses a plan file (the `plan` section of a model on its own: `activity` per technique or
 * `output` per product, `imports`, `exports`, `period`) and checks it against the economy.
 */
export function parsePlan(text: string, options: ParseOptions, economy: Economy): Plan {
  const format = options.format ?? formatOf(options.file);
  const { data, locator, issues } = readDocument(text, options.file, format);
  if (issues.length > 0) throw new InputError(sortIssues(issues));
  const parsed = planSchema.safeParse(data);
  if (!parsed.success) appendAll(issues, fromZodIssues(parsed.error.issues, data, locator, Object.keys(planSchema.shape)));
  const check = new ReferenceChecker(economyIds(economy), locator);
  check.plan(data, []);
  appendAll(issues, check.issues);
  if (issues.length > 0 || !parsed.success) throw new InputError(sortIssues(issues));
  const plan = toPlan(parsed.data);
  registerSource(plan, locator);
  return plan;
}
