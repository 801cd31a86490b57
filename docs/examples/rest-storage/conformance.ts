// #region suite
import { runStorageConformance } from '@crmkit/testkit';
import { restStorage } from './rest-storage.js';

/** Declares the kit's storage conformance suite against the backend at `baseUrl()` (read when each test starts). */
export function restStorageConformance(baseUrl: () => string): void {
  runStorageConformance('restStorage', () => restStorage({ baseUrl: baseUrl() }), {
    // The data lives on the server: a new restStorage() object sees what an earlier one wrote.
    durable: true,
    // This client hears only its own writes; another browser's writes need a change feed (see the guide).
    changesAcrossConnections: false,
    // Notifications follow an HTTP round trip: give them a little longer than the in-memory default.
    quietPeriodMs: 50,
  });
}
// #endregion suite
