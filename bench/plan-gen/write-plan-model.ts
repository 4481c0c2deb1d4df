import { writeFileSync } from 'node:fs';
import { writeModelFolder } from '../../src/model/binary/index.js';
import { generateNoveModel } from './generate-nove-model.js';
import { generatePlanModel } from './generate-plan-model.js';
import { planModelFolder } from './plan-model-folder.js';

/**
 * Writes a generated planning model (generate-plan-model.ts; with `--shape nove`,
 * generate-nove-model.ts, `--size` then its products) as a model that `plenty plan` reads: a JSON
 * model file when OUT ends in `.json`, else a binary model folder (docs/binary-format.md, version
 * 2; Nove's shape only so):
 *
 *   node dist/bench/plan-gen/write-plan-model.js --size 10000 [--periods 4] [--regions 8] [--seed 1] [--shape nove] OUT.json|OUT/
 */
const args = process.argv.slice(2);
const arg = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const out = args[args.length - 1];
if (out === undefined || out.startsWith('--')) {
  process.stderr.write('usage: write-plan-model.js --size N [--periods 4] [--regions 8] [--seed 1] [--shape nove] OUT.json|OUT/\n');
  process.exit(2);
}
const json = out.toLowerCase().endsWith('.json');
const size = Number(arg('size', '1000'));
const seed = Number(arg('seed', '1'));
if (arg('shape', 'plan') === 'nove') {
  if (json) {
    process.stderr.write('write-plan-model.js: Nove’s shape is written as a binary model folder only (give a folder, not a .json file)\n');
    process.exit(2);
  }
  const g = generateNoveModel({ products: size, seed });
  writeModelFolder(out, g.folder);
  process.stderr.write(`${g.products} products, one region, one period; ${g.techniques} techniques (${g.capacities} with a capacity), ${g.targets} targets\n`);
} else {
  const g = generatePlanModel({ size, periods: Number(arg('periods', '4')), regions: Number(arg('regions', '8')), seed });
  if (json) writeFileSync(out, JSON.stringify(g.model));
  else writeModelFolder(out, planModelFolder(g.model));
  process.stderr.write(`${g.products} products × ${g.regions} regions × ${g.periods} periods = ${g.items * g.periods} items × periods; ${g.techniques} techniques, ${g.targets} targets\n`);
}
