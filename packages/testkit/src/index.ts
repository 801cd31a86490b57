export { runStorageConformance } from './storage-conformance/run-storage-conformance.js';
export type { StorageConformanceOptions } from './storage-conformance/options.js';
export type { CreateStorage } from './storage-conformance/harness.js';
export { WHERE_CASES } from './storage-conformance/where-cases.js';
export type { WhereCase } from './storage-conformance/where-cases.js';
export { makeCustomer, customerId, customerTags } from './factories/customers.js';
export type { CustomerFixture } from './factories/customers.js';
export { makeActivity, activityId } from './factories/activities.js';
export type { ActivityFixture } from './factories/activities.js';
export {
  makeConsent,
  makeSalesDocument,
  makeNpsResponse,
  makeSegment,
  makeTicket,
  makeAuditEntry,
} from './factories/other-documents.js';
export type {
  ConsentFixture,
  SalesDocumentFixture,
  SalesLineFixture,
  NpsResponseFixture,
  SegmentFixture,
  TicketFixture,
  AuditFixture,
} from './factories/other-documents.js';
export { makeDocument } from './factories/documents.js';
export { makeRev, nextRev, revise } from './factories/revisions.js';
export { isoAt, FIXTURE_EPOCH } from './factories/time.js';
export { CUSTOMER_NAMES, CITIES } from './factories/people.js';
export type { FixtureCity } from './factories/people.js';
