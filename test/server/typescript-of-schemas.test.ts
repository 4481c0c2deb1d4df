import assert from 'node:assert/strict';
import { test } from 'node:test';
import { typescriptOfSchemas } from '../../src/server/typescript-of-schemas.js';

test('an array of arrays is a readonly array of readonly arrays (grouped: `readonly readonly T[][]` is no TypeScript)', () => {
  const text = typescriptOfSchemas({ Matrix: { type: 'array', items: { type: 'array', items: { type: 'number' } } }, Rows: { type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'null' }] } } });
  assert.match(text, /export type Matrix = readonly \(readonly number\[\]\)\[\];/);
  assert.match(text, /export type Rows = readonly \(string \| null\)\[\];/);
});
