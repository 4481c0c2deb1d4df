import assert from 'node:assert/strict';
import { runCampaign } from './campaign.js';
import type { Target } from './target.js';

/**
 * Runs `cases` cases of a target with a fixed seed and fails, listing every class of finding with
 * its first case and the command that runs it again, if anything was found.
 */
export async function assertNothingFound<C>(target: Target<C>, seed: number, cases: number): Promise<void> {
  const r = await runCampaign(target, { seed, cases });
  const lines = [...r.classes.values()].map(
    (c) => `[${c.kind}] ×${c.count}: ${c.signature}\n    first: case ${c.first.index}: ${c.first.message.split('\n')[0].slice(0, 300)}\n    again: npm run fuzz -- --target ${target.name} --seed ${seed} --from ${c.first.index} --cases 1 --out fuzz-out`,
  );
  assert.equal(r.classes.size, 0, `${target.name}: ${r.classes.size} classes of finding in ${cases} cases (seed ${seed}):\n${lines.join('\n')}`);
}
