import { writeFileSync } from 'node:fs';
import { fixture } from '../../../helpers/paths.js';
import { COMMITTED_EORA26, eora26Files } from './eora26-fixture.js';

/**
 * Writes the committed Eora26 fixture (test/fixtures/eora26) from its seeded generator. Run after
 * changing the generator: `node dist/test/model/import/eora26/write-eora26-fixture.js`, then
 * regenerate pymrio's accounts of it (test/fixtures/pymrio-accounts/make_eora26.py). The test
 * suite checks that the committed files are what the generator writes.
 */
for (const [name, text] of eora26Files(COMMITTED_EORA26)) writeFileSync(fixture('eora26', name), text);
