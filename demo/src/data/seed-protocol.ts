/** The messages between the page and the seeding worker. */
import { CrmStorageError, type CrmStorageErrorCode } from '@crmkit/core';
import type { DemoDataCounts, SeedProgress } from './write.js';

export interface SeedRequest {
  type: 'seed';
  tenant: string;
  size: number;
  seed: number;
  /** ISO date-time: the end of the generated history. */
  now: string;
  /** A storage bucket holding the database (tests run out of quota in a small one). */
  bucket?: string;
}

/** An error as it crosses `postMessage`: storage errors keep their code, so the page can rebuild them. */
export interface SeedErrorData {
  name: string;
  message: string;
  storageCode?: CrmStorageErrorCode;
  retryable?: boolean;
}

export type SeedReply =
  | { type: 'progress'; progress: SeedProgress }
  | { type: 'done'; counts: DemoDataCounts }
  | { type: 'error'; error: SeedErrorData };

export function errorData(error: unknown): SeedErrorData {
  if (error instanceof CrmStorageError)
    return { name: error.name, message: error.message, storageCode: error.storageCode, retryable: error.retryable };
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

export function errorFromData(data: SeedErrorData): Error {
  if (data.storageCode)
    return new CrmStorageError(data.storageCode, data.message, { retryable: data.retryable ?? false });
  const error = new Error(data.message);
  error.name = data.name;
  return error;
}
