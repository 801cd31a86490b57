/** The kit's storage conformance suite against the IndexedDB adapter, with database names unique to this run. */
import { runStorageConformance } from '@crmkit/testkit';
import { indexedDbStorage } from '../src/index.js';

const prefix = `conformance-${Math.random().toString(36).slice(2, 8)}`;

runStorageConformance('indexedDbStorage', () => indexedDbStorage({ prefix }), { durable: true });
