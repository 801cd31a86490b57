import { memoryStorage } from '@crmkit/core';
import { runStorageConformance } from '@crmkit/testkit';

runStorageConformance('memoryStorage conformance', () => memoryStorage());
