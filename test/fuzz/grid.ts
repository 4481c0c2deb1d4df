import { HOSTILE_STRINGS } from './hostile.js';
import type { Rng } from './rng.js';

/** A delimited table as rows of cells. */
export type Grid = string[][];

/** Cell texts that a table reader must read as a number, refuse with its place, or read right. */
export const HOSTILE_CELLS: readonly string[] = [
  '1e308',
  '-1e308',
  '1.7976931348623157e308',
  '1e999',
  '1e30',
  '1e31',
  '1e21',
  '1e25',
  '-5',
  '-0',
  '-0.0',
  '5e-324',
  '1e-400',
  'NaN',
  'nan',
  'Infinity',
  '-Infinity',
  'inf',
  '',
  ' ',
  '1,000',
  '1,000.5',
  '1.000,5',
  '1 000',
  '1\u00a0000',
  '12%',
  '$12',
  '(12)',
  '0x10',
  '1e',
  '.',
  '-',
  '+5',
  '.5',
  '5.',
  '1_000',
  '١٢',
  '１２',
  '"12"',
  '12\u0000',
  '9'.repeat(400),
];

/** Labels with a meaning to the importers' guesses, and hostile ones. */
const LABELS: readonly string[] = ['total', 'TOTAL', 'total output', 'output', 'x', 'value added', 'final demand', 'exports', 'imports', 'household consumption', 'gfcf', 'P1', 'P3', 'employment', 'taxes', 'domestic total', ...HOSTILE_STRINGS];

type GridMutation = (rng: Rng, g: Grid) => string;

const cellAt = (rng: Rng, g: Grid, dataOnly: boolean): [number, number] | undefined => {
  const rows = g.length;
  if (rows === 0) return undefined;
  const r = dataOnly && rows > 1 ? rng.between(1, rows - 1) : rng.int(rows);
  const width = g[r].length;
  if (width === 0) return undefined;
  const c = dataOnly && width > 1 ? rng.between(1, width - 1) : rng.int(width);
  return [r, c];
};

const GRID_MUTATIONS: readonly (readonly [number, GridMutation])[] = [
  [
    8,
    (rng, g) => {
      const at = cellAt(rng, g, true);
      if (at === undefined) return 'no cell';
      const v = rng.pick(HOSTILE_CELLS);
      g[at[0]][at[1]] = v;
      return `cell (${at[0] + 1}, ${at[1] + 1}) → ${JSON.stringify(v).slice(0, 30)}`;
    },
  ],
  [
    3,
    (rng, g) => {
      // A label: of a row (first column) or a column (first row).
      const row = rng.chance(0.5);
      if (g.length === 0) return 'empty';
      const r = row ? rng.int(g.length) : 0;
      const c = row ? 0 : rng.int(g[0].length);
      if (g[r] === undefined || g[r][c] === undefined) return 'no label';
      const v = rng.chance(0.3) ? (row ? g[rng.int(g.length)][0] : g[0][rng.int(g[0].length)]) : rng.pick(LABELS);
      g[r][c] = v ?? '';
      return `label (${r + 1}, ${c + 1}) → ${JSON.stringify(v).slice(0, 30)}`;
    },
  ],
  [
    2,
    (rng, g) => {
      if (g.length === 0) return 'empty';
      const r = rng.int(g.length);
      if (rng.chance(0.5)) g[r].pop();
      else g[r].push(rng.chance(0.5) ? '' : '7');
      return `row ${r + 1} made ragged`;
    },
  ],
  [1, (rng, g) => (g.length === 0 ? 'empty' : (g.splice(rng.int(g.length), 1), 'dropped a row'))],
  [1, (rng, g) => (g.length === 0 ? 'empty' : (g.splice(rng.int(g.length + 1), 0, [...g[rng.int(g.length)]]), 'repeated a row'))],
  [
    1,
    (rng, g) => {
      if (g.length === 0 || g[0].length === 0) return 'empty';
      const c = rng.int(g[0].length);
      for (const row of g) row.splice(c, 1);
      return `dropped column ${c + 1}`;
    },
  ],
  [
    1,
    (rng, g) => {
      if (g.length === 0 || g[0].length === 0) return 'empty';
      const c = rng.int(g[0].length);
      const to = rng.int(g[0].length + 1);
      for (const row of g) row.splice(to, 0, row[c] ?? '');
      return `repeated column ${c + 1}`;
    },
  ],
  [
    1,
    (rng, g) => {
      if (g.length < 3) return 'short';
      const a = rng.between(1, g.length - 1);
      const b = rng.between(1, g.length - 1);
      [g[a], g[b]] = [g[b], g[a]];
      return `swapped rows ${a + 1} and ${b + 1}`;
    },
  ],
  [
    1,
    (rng, g) => {
      const v = rng.pick(HOSTILE_CELLS);
      for (const row of g.slice(1)) for (let c = 1; c < row.length; c++) if (rng.chance(0.3)) row[c] = v;
      return `many cells → ${JSON.stringify(v).slice(0, 30)}`;
    },
  ],
  [0.5, (_rng, g) => (g.splice(1), 'only the header left')],
];

/** `count` mutations of a grid, in place: hostile cells and labels, ragged rows, rows and columns dropped, repeated, swapped. */
export function mutateGrid(g: Grid, rng: Rng, count: number): string[] {
  const done: string[] = [];
  for (let k = 0; k < count; k++) done.push(rng.weighted(GRID_MUTATIONS)(rng, g));
  return done;
}

/** Delimited text of a grid; cells holding the delimiter, a quote or a line end are quoted unless `quote` is false. */
export function gridText(g: Grid, delimiter: string, quote = true): string {
  const cell = (s: string): string => (quote && (s.includes(delimiter) || s.includes('"') || s.includes('\n') || s.includes('\r')) ? `"${s.replace(/"/g, '""')}"` : s);
  return `${g.map((row) => row.map(cell).join(delimiter)).join('\n')}\n`;
}
