import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { API_TYPES_FILE, apiTypesText } from '../../src/server/api-types-text.js';
import { typescriptOfSchemas } from '../../src/server/typescript-of-schemas.js';
import { repoRoot } from '../helpers/paths.js';

test('the dashboard’s generated API types are those of the current response schemas (else: npm run gen:api-types)', () => {
  const committed = readFileSync(join(repoRoot, API_TYPES_FILE), 'utf8');
  assert.ok(committed === apiTypesText(), `${API_TYPES_FILE} is stale: run npm run gen:api-types and commit it`);
});

test('JSON Schema to TypeScript: objects, optional and nullable fields, records, arrays, unions, references', () => {
  const text = typescriptOfSchemas({
    A: {
      description: 'an A',
      type: 'object',
      properties: { x: { type: ['number', 'null'] }, 'a-b': { type: 'string', enum: ['p', 'q'] }, r: { type: 'object', additionalProperties: { $ref: '#/components/schemas/B' } }, l: { type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'number' }] } } },
      required: ['x', 'l'],
      additionalProperties: false,
    },
    B: { type: 'object', properties: { k: { const: 'b' } }, required: ['k'], additionalProperties: {} },
  });
  assert.equal(
    text,
    [
      '/** an A */',
      'export type A = {',
      '  readonly x: number | null;',
      '  readonly "a-b"?: "p" | "q";',
      '  readonly r?: Readonly<Record<string, B>>;',
      '  readonly l: readonly (string | number)[];',
      '};',
      '',
      'export type B = {',
      '  readonly k: "b";',
      '  readonly [key: string]: unknown;',
      '};',
      '',
    ].join('\n'),
  );
  assert.throws(() => typescriptOfSchemas({ C: { type: 'object', properties: { y: { $ref: 'http://elsewhere/x' } } } }), /C\.y: a reference outside/);
});
