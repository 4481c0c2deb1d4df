// Writes web/src/api-types.generated.ts from the service's response schemas (run after tsc:
// `npm run gen:api-types`). test/server/api-types-generated.test.ts fails when the file is stale.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { API_TYPES_FILE, apiTypesText } = await import(join(root, 'dist', 'src', 'server', 'api-types-text.js'));
writeFileSync(join(root, API_TYPES_FILE), apiTypesText());
console.log(`wrote ${API_TYPES_FILE}`);
