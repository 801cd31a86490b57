import { memoryStorage } from '@crmkit/core';
import { segmentServiceSuite } from './support/service-suite.js';

segmentServiceSuite('memoryStorage', () => memoryStorage(), {
  customers: 80,
  runs: 60,
  sharedStorage: () => memoryStorage(),
});
