import { writeFileSync } from 'node:fs';
import { generatePlanModel } from './generate-plan-model.js';

/**
 * Writes a generated planning model (generate-plan-model.ts) as a model file that `plenty plan`
 * reads:
 *
 *   node dist/bench/plan-gen/write-plan-model.js --size 10000 [--periods 4] [--regions 8] [--seed 1] OUT.json
 */
const args = process.argv.slice(2);
const arg = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const out = args[args.length - 1];
if (out === undefined || out.startsWith('--')) {
  process.stderr.write('usage: write-plan-model.js --size N [--periods 4] [--regions 8] [--seed 1] OUT.json\n');
  process.exit(2);
}
const g = generatePlanModel({ size: Number(arg('size', '1000')), periods: Number(arg('periods', '4')), regions: Number(arg('regions', '8')), seed: Number(arg('seed', '1')) });
writeFileSync(out, JSON.stringify(g.model));
process.stderr.write(`${g.products} products × ${g.regions} regions × ${g.periods} periods = ${g.items * g.periods} items × periods; ${g.techniques} techniques, ${g.targets} targets\n`);
