/**
 * The collections a crm holds and the indexes their queries use. Storages create their object stores and
 * indexes from this list (plus whatever plugins add).
 */
import type { CollectionDefinition } from './storage/contract.js';

export const COLLECTION_NAMES = [
  'customers',
  'consents',
  'activities',
  'salesDocuments',
  'npsResponses',
  'segments',
  'tickets',
  'audit',
] as const;

export type CollectionName = (typeof COLLECTION_NAMES)[number];

/** The collections whose documents belong to one customer (through `customerId`): erased and exported with them. */
export const CUSTOMER_OWNED_COLLECTIONS = [
  'consents',
  'activities',
  'salesDocuments',
  'npsResponses',
  'tickets',
] as const satisfies readonly CollectionName[];

export const CORE_COLLECTIONS: readonly CollectionDefinition[] = [
  {
    name: 'customers',
    indexes: [
      'updatedAt',
      'createdAt',
      'name',
      'emails',
      'phones',
      'tags',
      'address.city',
      'acquisition.channel',
      'owner',
    ],
  },
  { name: 'consents', indexes: ['customerId', ['customerId', 'recordedAt'], 'recordedAt'] },
  {
    name: 'activities',
    indexes: ['customerId', ['customerId', 'at'], ['customerId', 'dueAt'], 'type', 'at', 'updatedAt'],
  },
  { name: 'salesDocuments', indexes: ['customerId', ['customerId', 'issuedAt'], 'kind', 'status'] },
  { name: 'npsResponses', indexes: ['customerId', ['customerId', 'at'], 'at', 'touchpoint'] },
  { name: 'segments', indexes: ['name', 'updatedAt'] },
  { name: 'tickets', indexes: ['customerId', 'status', 'updatedAt'] },
  { name: 'audit', indexes: ['at', 'kind'] },
];
