import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { encodeText } from './mutate-bytes.js';
import { MODEL_COMMANDS, modelCase, type CaseFile, type CaseOptions, type Flags, type ModelCase, type ModelCommand } from './model-case.js';
import { Rng } from './rng.js';
import { byteVariants, treeVariants } from './shrink.js';
import type { Origin, Session, Target } from './target.js';
import { toJsonText, toYamlText } from './tree.js';
import { caseTimeout, workerSession } from './worker-session.js';
import type { Finding } from './oracle.js';

/** A file written again from a smaller tree, the way it was written first. */
function rewritten(f: CaseFile, node: NonNullable<CaseFile['tree']>['node']): CaseFile {
  const t = f.tree as NonNullable<CaseFile['tree']>;
  const text = t.format === 'json' ? toJsonText(node, t.flowUpTo > 0) : toYamlText(node, { flowUpTo: t.flowUpTo });
  return { name: f.name, bytes: encodeText(text, t.encoding, new Rng(0)), tree: { ...t, node } };
}

function* caseVariants(c: ModelCase): Generator<ModelCase> {
  // Fewer files and flags first: what is left is what matters.
  for (let k = 1; k < c.files.length; k++) {
    const name = c.files[k].name;
    const flags = Object.fromEntries(MODEL_COMMANDS.map((m) => [m, Object.fromEntries(Object.entries(c.flags[m]).filter(([, v]) => v !== name))])) as Record<ModelCommand, Flags>;
    yield { ...c, files: c.files.filter((_, j) => j !== k), flags };
  }
  for (const m of MODEL_COMMANDS) {
    for (const key of Object.keys(c.flags[m])) {
      if (m === 'plan' && key === 'timeLimit') continue;
      const rest = { ...c.flags[m] };
      delete rest[key];
      yield { ...c, flags: { ...c.flags, [m]: rest } };
    }
  }
  for (let k = 0; k < c.files.length; k++) {
    const f = c.files[k];
    const with_ = (g: CaseFile): ModelCase => ({ ...c, files: c.files.map((x, j) => (j === k ? g : x)) });
    if (f.tree !== undefined) for (const node of treeVariants(f.tree.node)) yield with_(rewritten(f, node));
    for (const bytes of byteVariants(f.bytes)) yield with_({ name: f.name, bytes });
  }
}

/** A command line for `plenty`: flags in kebab case, values quoted for a POSIX shell. */
export function commandLine(args: readonly string[], flags: Flags): string {
  const q = (s: string): string => (/^[\w./@:=+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
  const parts = ['plenty', ...args.map(q)];
  for (const [k, v] of Object.entries(flags)) {
    const flag = `--${k.replace(/[A-Z]/g, (ch) => `-${ch.toLowerCase()}`)}`;
    if (v === true) parts.push(flag);
    else if (typeof v === 'string') parts.push(flag, q(v));
  }
  return parts.join(' ');
}

/** The model-file target: mutated models through check, balance, analyze and plan, in-process. */
export function modelTarget(options: CaseOptions): Target<ModelCase> {
  return {
    name: 'models',
    episode: Infinity,
    make: (seed, index) => modelCase(seed, index, options),
    replay: (seed, index) => modelCase(seed, index, options),
    variants: caseVariants,
    describe: (c) => c.notes.join('; '),
    open: async (): Promise<Session<ModelCase>> => workerSession('models', (c: ModelCase) => ({ ...c, files: c.files.map((f) => ({ name: f.name, bytes: f.bytes })) }), caseTimeout(options.heavy)),
    async writeRepro(c: ModelCase, dir: string, finding: Finding, origin: Origin): Promise<void> {
      await mkdir(dir, { recursive: true });
      for (const f of c.files) await writeFile(join(dir, f.name), f.bytes);
      const model = c.files[0].name;
      const lines = [
        `# Fuzz finding: ${finding.kind}`,
        '',
        `Found by \`npm run fuzz -- --target models --seed ${origin.seed} --from ${origin.index} --cases 1\` (then shrunk).`,
        '',
        '```',
        finding.message,
        '```',
        '',
        `How the case was made: ${c.notes.join('; ')}`,
        '',
        `Run in this folder (the finding is ${finding.message.split(':')[0]}'s; the fuzzer runs \`check\` first, then balance, analyze and plan when the model loads, else one of them):`,
        '',
        '```sh',
        ...MODEL_COMMANDS.map((m) => commandLine([m, model], c.flags[m])),
        '```',
        '',
      ];
      await writeFile(join(dir, 'README.md'), lines.join('\n'));
    },
  };
}
