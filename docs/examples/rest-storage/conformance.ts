// #region suite
import { runStorageConformance } from '@crmkit/testkit';
import { restStorage } from './rest-storage.js';

/** Declares the kit's storage conformance suite against the backend at `baseUrl()` (read when each test starts). */
export function restStorageConformance(baseUrl: () => string): void {
  // Poll often, so that the suite's waits stay short; a browser app polls every few seconds.
  runStorageConformance('restStorage', () => restStorage({ baseUrl: baseUrl(), pollMs: 10 }), {
    // The data lives on the server: a new restStorage() object sees what an earlier one wrote.
    durable: true,
    // Others' changes arrive with the next poll: wait a few polls before concluding that none is coming.
    quietPeriodMs: 60,
  });
}
// #endregion suite
