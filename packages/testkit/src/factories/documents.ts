import type { StoredDocument } from '@crmkit/core';
import { makeActivity } from './activities.js';
import { customerId, makeCustomer } from './customers.js';
import {
  makeAuditEntry,
  makeConsent,
  makeNpsResponse,
  makeSalesDocument,
  makeSegment,
  makeTicket,
} from './other-documents.js';
import { makeRev } from './revisions.js';
import { isoAt } from './time.js';

/**
 * Document number `i` for a collection by name: the core collections get their realistic fixture, any other
 * collection (a plugin's) a small generic document, so suites can loop over whatever collections a storage has.
 */
export function makeDocument(collection: string, i: number): StoredDocument {
  const owner = customerId(i % 10);
  switch (collection) {
    case 'customers':
      return makeCustomer(i);
    case 'consents':
      return makeConsent(i, owner);
    case 'activities':
      return makeActivity(i, owner);
    case 'salesDocuments':
      return makeSalesDocument(i, owner);
    case 'npsResponses':
      return makeNpsResponse(i, owner);
    case 'segments':
      return makeSegment(i);
    case 'tickets':
      return makeTicket(i, owner);
    case 'audit':
      return makeAuditEntry(i);
    default: {
      const at = isoAt(i);
      const doc: StoredDocument & { label: string; n: number } = {
        id: `${collection.slice(0, 3)}_${String(i).padStart(4, '0')}`,
        rev: makeRev(),
        createdAt: at,
        updatedAt: at,
        label: `Kayıt ${i}`,
        n: i,
      };
      return doc;
    }
  }
}
