import { openSqliteStore } from '../../src/store/index.js';
import { delayedStore } from '../helpers/delayed-store.js';
import { storeSuite } from './store-suite.js';

// The suite over a store that answers a turn of the event loop later (as one across a network
// does): what it asserts must not depend on answers arriving within the same turn.
storeSuite('SQLite answered a turn later', () => Promise.resolve(delayedStore(openSqliteStore({ dir: ':memory:' }))));
