import { indexedDbStorage } from '@crmkit/storage-idb';
import { segmentServiceSuite } from './support/service-suite.js';

let databases = 0;
/** A database of its own per crm (or per pair of crms sharing one). */
const fresh = () => indexedDbStorage({ prefix: `segments-test-${Date.now()}-${databases++}` });

segmentServiceSuite('IndexedDB', fresh, { customers: 60, runs: 25, sharedStorage: fresh });
