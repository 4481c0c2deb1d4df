/**
 * The import graph of src/: no cycle of runtime imports anywhere, and none at all (type imports
 * counted) in the mathematics and LP packages, whose files were split along their imports (issue
 * 14 item 6; the old block-ops.ts ↔ leontief-core.ts loop was a type import).
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, posix } from 'node:path';
import { describe, test } from 'node:test';
import ts from 'typescript';
import { repoRoot } from '../helpers/paths.js';

interface Edge {
  readonly to: string;
  /** Erased at compile time (`import type`, or only type specifiers). */
  readonly typeOnly: boolean;
}

/** Every .ts file under src/, as a path relative to the repository ('src/…'). */
function sourceFiles(dir = 'src'): string[] {
  return readdirSync(join(repoRoot, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(posix.join(dir, e.name)) : e.name.endsWith('.ts') ? [posix.join(dir, e.name)] : [],
  );
}

/** The relative imports and re-exports of each file, resolved to files of the graph. */
function importGraph(): Map<string, Edge[]> {
  const files = sourceFiles();
  const known = new Set(files);
  const graph = new Map<string, Edge[]>();
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(join(repoRoot, file), 'utf8'), ts.ScriptTarget.ES2022, false);
    const edges: Edge[] = [];
    for (const s of source.statements) {
      let specifier: ts.Expression | undefined;
      let typeOnly = false;
      if (ts.isImportDeclaration(s)) {
        specifier = s.moduleSpecifier;
        const clause = s.importClause;
        const bindings = clause?.namedBindings;
        typeOnly =
          clause !== undefined &&
          (clause.isTypeOnly || (clause.name === undefined && bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly)));
      } else if (ts.isExportDeclaration(s)) {
        specifier = s.moduleSpecifier;
        typeOnly = s.isTypeOnly;
      }
      if (specifier === undefined || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('.')) continue;
      const to = posix.normalize(posix.join(posix.dirname(file), specifier.text)).replace(/\.js$/, '.ts');
      if (known.has(to)) edges.push({ to, typeOnly });
    }
    graph.set(file, edges);
  }
  return graph;
}

/** The strongly connected components of more than one file (Tarjan), over the edges kept. */
function cycles(graph: Map<string, Edge[]>, keep: (from: string, edge: Edge) => boolean): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const e of graph.get(v) ?? []) {
      if (!keep(v, e)) continue;
      if (!index.has(e.to)) {
        visit(e.to);
        low.set(v, Math.min(low.get(v)!, low.get(e.to)!));
      } else if (onStack.has(e.to)) low.set(v, Math.min(low.get(v)!, index.get(e.to)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('the import graph of src/', () => {
  const graph = importGraph();

  test('is read: the split packages are there, with the imports that join them', () => {
    assert.ok(graph.has('src/sparse/product/block-product.ts') && graph.has('src/lp/lp-types.ts') && graph.has('src/plan/solve-plan.ts'));
    const core = graph.get('src/sparse/leontief-core.ts') ?? [];
    assert.ok(core.some((e) => e.to === 'src/sparse/block-ops.ts'), 'leontief-core imports block-ops');
    assert.ok(core.some((e) => e.to === 'src/sparse/product/block-product.ts'), 'leontief-core imports the BlockProduct interface');
  });

  test('has no cycle of runtime imports', () => {
    assert.deepEqual(
      cycles(graph, (_, e) => !e.typeOnly),
      [],
    );
  });

  test('has no cycle at all, type imports counted, in src/sparse, src/lp and src/plan', () => {
    const inSplit = (f: string): boolean => /^src\/(sparse|lp|plan)\//.test(f);
    assert.deepEqual(
      cycles(graph, (from, e) => inSplit(from) && inSplit(e.to)),
      [],
    );
  });

  test('block-ops.ts does not import leontief-core.ts (the loop the split broke)', () => {
    assert.ok(!(graph.get('src/sparse/block-ops.ts') ?? []).some((e) => e.to === 'src/sparse/leontief-core.ts'));
  });
});
