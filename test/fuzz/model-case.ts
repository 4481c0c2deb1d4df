import { makeAdversarial } from './adversarial.js';
import { encodeText, mutateBytes, pickEncoding, type Encoding } from './mutate-bytes.js';
import { deepNesting, nestingDepth } from './hostile.js';
import { mutateTree } from './mutate-tree.js';
import { caseSeed, Rng } from './rng.js';
import { ALL_EXAMPLES, demandFileFor, exampleText, exampleTree, generateModel, planFileFor, SMALL_EXAMPLES } from './small-models.js';
import { cloneTree, Obj, toJsonText, toYamlText, type Node } from './tree.js';

export type ModelCommand = 'check' | 'balance' | 'analyze' | 'plan';
export const MODEL_COMMANDS: readonly ModelCommand[] = ['check', 'balance', 'analyze', 'plan'];

/** A file of a case: made from a tree (so that it can be shrunk by keys) or from bytes. */
export interface CaseFile {
  readonly name: string;
  readonly bytes: Buffer;
  /** The tree and how it was written, when the file was written from one. */
  readonly tree?: { readonly node: Node; readonly format: 'yaml' | 'json'; readonly encoding: Encoding; readonly flowUpTo: number };
}

/** Command-line flags as commander gives them; a value naming a case file is that file's name. */
export type Flags = Readonly<Record<string, string | boolean>>;

export interface ModelCase {
  readonly seed: number;
  readonly index: number;
  /** The model file first, then any plan or demand file. */
  readonly files: readonly CaseFile[];
  readonly flags: Readonly<Record<ModelCommand, Flags>>;
  /** When the model is refused, the command run besides check (none: the others read it the same way). */
  readonly second: ModelCommand | undefined;
  /** What was done to make the case. */
  readonly notes: readonly string[];
}

/** Writes a tree as a file of the case. */
export function treeFile(name: string, node: Node, format: 'yaml' | 'json', encoding: Encoding, flowUpTo: number, rng: Rng): CaseFile {
  const text = format === 'json' ? toJsonText(node, flowUpTo > 0) : toYamlText(node, { flowUpTo });
  return { name, bytes: encodeText(text, encoding, rng), tree: { node, format, encoding, flowUpTo } };
}

const HOSTILE_FLAGS = ['0', '-1', '1e308', 'NaN', '', ' ', 'abc', '1e-400', '2000000', 'Infinity', '1.5', '1e30', '0x10'];

function flagValue(rng: Rng, usual: string): string {
  return rng.chance(0.1) ? rng.pick(HOSTILE_FLAGS) : usual;
}

function flagsFor(rng: Rng, model: Node | undefined, files: readonly CaseFile[]): Record<ModelCommand, Flags> {
  const has = (name: string): boolean => files.some((f) => f.name === name);
  const ids = (section: string): string[] => {
    const l = model instanceof Obj ? model.get(section) : undefined;
    return Array.isArray(l) ? l.flatMap((x) => (x instanceof Obj && typeof x.get('id') === 'string' ? [x.get('id') as string] : typeof x === 'string' ? [x] : [])) : [];
  };
  const periods = ((): string[] => {
    const l = model instanceof Obj ? model.get('periods') : undefined;
    return Array.isArray(l) ? l.map((x) => String(x)) : [];
  })();
  const balance: Record<string, string | boolean> = {};
  if (has('plan.yaml') && rng.chance(0.6)) balance.plan = 'plan.yaml';
  if (rng.chance(0.3)) balance.all = true;
  if (rng.chance(0.2)) balance.top = flagValue(rng, '3');
  if (rng.chance(0.3)) balance.rule = rng.chance(0.9) ? 'proportional' : rng.pick(HOSTILE_FLAGS);
  const analyze: Record<string, string | boolean> = {};
  const demand = files.find((f) => f.name.startsWith('demand.'));
  if (demand !== undefined && rng.chance(0.6)) analyze.demand = demand.name;
  if (rng.chance(0.4)) analyze.multipliers = true;
  if (rng.chance(0.4)) {
    analyze.labourValues = true;
    const resources = ids('resources');
    if (resources.length > 0 && rng.chance(0.5)) analyze.labour = rng.pick(resources);
  }
  if (rng.chance(0.3)) analyze.footprints = true;
  if (rng.chance(0.15)) analyze.inverse = true;
  if (rng.chance(0.1)) analyze.tolerance = flagValue(rng, '1e-9');
  if (periods.length > 0 && rng.chance(0.3)) analyze.period = rng.chance(0.9) ? rng.pick(periods) : 'nope';
  const plan: Record<string, string | boolean> = {};
  const solver = rng.weighted([
    [8, 'auto'],
    [3, 'highs'],
    [1, 'pdhg'],
  ]);
  if (solver !== 'auto') plan.solver = solver;
  // Time limits stay short (seconds): the suites must be quick. Hostile ones go to HiGHS only, which is quick on small models anyway.
  plan.timeLimit = solver === 'pdhg' ? '0.5' : rng.chance(0.08) ? rng.pick(HOSTILE_FLAGS) : '1';
  if (rng.chance(0.35)) plan.objective = rng.chance(0.9) ? rng.pick(['maxmin', 'weighted', 'harmony', 'mincost']) : 'best';
  if (rng.chance(0.1)) plan.gap = flagValue(rng, '1e-6');
  if (rng.chance(0.1)) plan.cap = flagValue(rng, rng.pick(['none', '1', '2']));
  if (rng.chance(0.1)) plan.resource = rng.pick([...ids('resources'), 'labour', 'nothing']);
  if (periods.length > 0 && rng.chance(0.2)) plan.period = rng.pick(periods);
  if (rng.chance(0.1)) plan.top = flagValue(rng, '2');
  if (rng.chance(0.1)) plan.writePlan = rng.pick(['out.yaml', 'out.json', 'missing-folder/out.yaml', '.']);
  return { check: {}, balance, analyze, plan };
}

/** What the generators may use: `heavy` adds the large examples (seconds per case), for long runs only. */
export interface CaseOptions {
  readonly heavy: boolean;
}

/** The model case number `index` of a campaign with `seed`: the same case for the same pair and options, always. */
export function modelCase(seed: number, index: number, options: CaseOptions): ModelCase {
  const rng = new Rng(caseSeed(seed, 'models', index));
  const notes: string[] = [];
  const files: CaseFile[] = [];
  // Numerically hard models are the slowest cases (iterative solves run to their limits): fewer in the suites.
  const origin = rng.weighted([
    [40, 'generated'],
    [20, 'example'],
    [25, 'bytes'],
    [options.heavy ? 15 : 6, 'adversarial'],
  ] as const);
  let tree: Node | undefined;
  if (origin === 'bytes') {
    const name = !options.heavy || rng.chance(0.98) ? rng.pick([...SMALL_EXAMPLES, 'small']) : rng.pick(ALL_EXAMPLES.filter((e) => !SMALL_EXAMPLES.includes(e)));
    const donors = [Buffer.from(exampleText(rng.pick([...SMALL_EXAMPLES, 'small'])), 'utf8')];
    const [bytes, done] = mutateBytes(Buffer.from(exampleText(name), 'utf8'), rng, rng.between(1, 4), donors);
    notes.push(`bytes of ${name}: ${done.join('; ')}`);
    files.push({ name: rng.chance(0.9) ? 'model.yaml' : 'model.json', bytes });
    // The structure before the mutation, for the flags (ids, periods).
    tree = exampleTree(name);
  } else {
    const base = origin === 'example' ? rng.pick([...SMALL_EXAMPLES, 'small']) : 'generated';
    tree = base === 'generated' ? generateModel(rng) : exampleTree(base);
    notes.push(`${origin} from ${base}`);
    const format = rng.chance(0.7) ? 'yaml' : 'json';
    const mutated = cloneTree(tree);
    if (origin === 'adversarial' && mutated instanceof Obj) notes.push(...makeAdversarial(rng, mutated));
    else if (rng.chance(0.03) && mutated instanceof Obj) {
      // A whole section nested deep: the reader's recursion, not the schema, meets it first.
      const depth = nestingDepth(rng);
      mutated.entries.push([rng.pick(['products', 'techniques', 'plan']), deepNesting(rng, depth)]);
      notes.push(`a section nested ${depth} deep`);
    }
    else notes.push(...mutateTree(mutated, rng, rng.between(1, 3), { yaml: format === 'yaml', maxArray: rng.chance(0.03) ? 2000 : 40, deep: rng.chance(0.3) }));
    const encoding = rng.chance(0.3) ? pickEncoding(rng) : 'utf8';
    if (encoding !== 'utf8') notes.push(`written as ${encoding}`);
    files.push(treeFile(`model.${format}`, mutated, format, encoding, rng.chance(0.5) ? 4 : 0, rng));
  }
  if (rng.chance(0.3)) {
    const plan = planFileFor(tree, rng);
    if (rng.chance(0.5)) notes.push(...mutateTree(plan, rng, 1, { yaml: true, maxArray: 40, deep: false }).map((m) => `plan file: ${m}`));
    files.push(treeFile('plan.yaml', plan, 'yaml', rng.chance(0.15) ? pickEncoding(rng) : 'utf8', 4, rng));
  }
  if (rng.chance(0.3)) {
    const demand = demandFileFor(tree, rng);
    if (rng.chance(0.5)) notes.push(...mutateTree(demand, rng, 1, { yaml: true, maxArray: 40, deep: false }).map((m) => `demand file: ${m}`));
    if (rng.chance(0.3) && demand instanceof Obj) {
      const rows = demand.entries.map(([k, v]) => `${k},${typeof v === 'number' ? v : toJsonText(v)}`);
      files.push({ name: 'demand.csv', bytes: encodeText(`item,amount\n${rows.join('\n')}\n`, rng.chance(0.2) ? pickEncoding(rng) : 'utf8', rng) });
    } else files.push(treeFile('demand.yaml', demand, 'yaml', rng.chance(0.15) ? pickEncoding(rng) : 'utf8', 4, rng));
  }
  return { seed, index, files, flags: flagsFor(rng, tree, files), second: rng.chance(0.2) ? rng.pick(['balance', 'analyze', 'plan'] as const) : undefined, notes };
}
