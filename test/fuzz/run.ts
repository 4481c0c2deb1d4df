/**
 * `npm run fuzz -- --seed S --cases N [--target models|tables|http|all] [--from I] [--out DIR]`:
 * long fuzz campaigns. Prints its seed first; for the first case of every class of finding, the
 * seed and case index, and with --out a shrunk reproduction written to DIR. Exit status 1 when
 * anything was found. `--replay DIR/requests.json` runs an HTTP reproduction again.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runCampaign, type CampaignResult, type FindingClass } from './campaign.js';
import { httpTarget, stepFromJson } from './http-target.js';
import type { HttpCase } from './http-case.js';
import { modelTarget } from './model-target.js';
import { shrinkGreedy } from './shrink.js';
import { tableTarget } from './table-target.js';
import { TARGET_NAMES, type Session, type Target, type TargetName } from './target.js';
import { workerSession } from './worker-session.js';

function say(text: string): void {
  process.stdout.write(`${text}\n`);
}

const USAGE = 'usage: npm run fuzz -- [--seed S] [--cases N] [--target models|tables|http|all] [--from I] [--out DIR] [--no-shrink] [--light] | --replay requests.json';

async function targetOf(name: TargetName, light: boolean): Promise<Target<unknown>> {
  const options = { heavy: !light };
  if (name === 'models') return modelTarget(options) as Target<unknown>;
  if (name === 'tables') return tableTarget(options) as Target<unknown>;
  return (await httpTarget()) as Target<unknown>;
}

/** Whether case `c` still shows a finding with `signature`, run alone from a fresh state. */
async function stillFails(session: Session<unknown>, c: unknown, signature: string): Promise<boolean> {
  await session.reset();
  return (await session.run(c)).some((f) => f.signature === signature);
}

async function report(target: Target<unknown>, r: CampaignResult, cls: FindingClass, out: string | undefined, shrink: boolean, k: number): Promise<void> {
  const again = `npm run fuzz -- --target ${target.name} --seed ${r.seed} --from ${cls.first.index} --cases 1`;
  say(`\n[${cls.kind}] ×${cls.count}  ${target.name} seed ${r.seed} case ${cls.first.index}\n  ${cls.signature}\n  ${cls.first.message.split('\n')[0].slice(0, 400)}\n  made by: ${cls.first.how.slice(0, 400)}\n  again: ${again}`);
  if (out === undefined) return;
  let c = target.replay(r.seed, cls.first.index);
  // A hang costs a minute a try: written as it was found.
  if (shrink && cls.kind !== 'hang') {
    const session = await target.open();
    try {
      if (await stillFails(session, c, cls.signature)) {
        const s = await shrinkGreedy(c, (x) => target.variants(x), (x) => stillFails(session, x, cls.signature), target.name === 'http' ? 60 : 300);
        c = s.result;
        say(`  shrunk in ${s.tries} tries`);
      } else say('  (did not fail again alone: written as it was)');
    } finally {
      await session.close();
    }
  }
  const dir = resolve(out, `${target.name}-seed${r.seed}-case${cls.first.index}-${k}`);
  await target.writeRepro(c, dir, { kind: cls.kind, message: cls.first.message, signature: cls.signature }, { seed: r.seed, index: cls.first.index });
  say(`  reproduction: ${dir}`);
}

async function replay(file: string): Promise<number> {
  const steps = (JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>[]).map(stepFromJson);
  const s = workerSession('http', (c: HttpCase) => c);
  let found = 0;
  try {
    for (const step of steps) {
      const findings = await s.run({ seed: 0, index: 0, steps: [step] });
      found += findings.length;
      say(`${step.method} ${step.url}: ${findings.length === 0 ? 'ok' : findings.map((f) => `[${f.kind}] ${f.message.split('\n')[0]}`).join('\n  ')}`);
    }
  } finally {
    await s.close();
  }
  return found > 0 ? 1 : 0;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string' },
      cases: { type: 'string', default: '1000' },
      from: { type: 'string', default: '0' },
      target: { type: 'string', default: 'all' },
      out: { type: 'string' },
      'no-shrink': { type: 'boolean', default: false },
      light: { type: 'boolean', default: false },
      replay: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    say(USAGE);
    return 0;
  }
  if (values.replay !== undefined) return replay(values.replay);
  const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
  const cases = Number(values.cases);
  const from = Number(values.from);
  const names = values.target === 'all' ? TARGET_NAMES : TARGET_NAMES.filter((t) => t === values.target);
  if (!Number.isInteger(seed) || seed < 0 || !Number.isInteger(cases) || cases < 1 || !Number.isInteger(from) || from < 0 || names.length === 0) {
    console.error(USAGE);
    return 1;
  }
  say(`fuzz seed ${seed}: ${cases} cases from case ${from}, targets ${names.join(', ')}${values.out === undefined ? '' : `, reproductions in ${resolve(values.out)}`}`);
  let total = 0;
  for (const name of names) {
    const target = await targetOf(name, values.light);
    let last = 0;
    const r = await runCampaign(target, {
      seed,
      cases,
      from,
      onNewClass: (cls) => {
        process.stderr.write(`${name}: new [${cls.kind}] at case ${cls.first.index}: ${cls.signature}\n`);
      },
      onProgress: (done) => {
        const tenth = Math.floor((10 * done) / cases);
        if (tenth > last) {
          last = tenth;
          process.stderr.write(`${name}: ${done}/${cases}\n`);
        }
      },
    });
    say(`\n${name}: ${cases} cases in ${(r.ms / 1000).toFixed(1)} s, ${r.classes.size} classes of finding`);
    let k = 0;
    for (const cls of r.classes.values()) {
      try {
        await report(target, r, cls, values.out === undefined ? undefined : join(values.out), !values['no-shrink'], k++);
      } catch (err) {
        say(`  (could not write its reproduction: ${err instanceof Error ? err.message : String(err)})`);
      }
    }
    total += r.classes.size;
  }
  say(`\nfuzz seed ${seed}: ${total === 0 ? 'nothing found' : `${total} classes of finding`}`);
  return total > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(2);
  },
);
