/**
 * Fitting off the main thread: in a browser the fit runs in a module worker (`fit.worker.ts`), so a page
 * stays responsive while tens of thousands of customers are fitted; where `Worker` does not exist (Node,
 * or a page whose CSP forbids workers) it runs on the calling thread with the same code and result.
 *
 * Only the few Worker members used here are declared, so the package type-checks without DOM types
 * (decision 0034).
 */
import { CrmValidationError, type CrmIssue } from '@crmkit/core';
import { fitModels, type FitModelsOptions, type FittedModels, type ModelRow } from './fit-models.js';

/** @internal The message to the worker. */
export interface FitRequest {
  id: number;
  rows: readonly ModelRow[];
  options: FitModelsOptions;
}

/** @internal The worker's answer. */
export type FitResponse =
  | { id: number; ok: true; models: FittedModels }
  | { id: number; ok: false; error: { message: string; issues?: readonly CrmIssue[]; target?: string | undefined } };

interface WorkerLike {
  postMessage(message: FitRequest): void;
  addEventListener(type: 'message', listener: (event: { data: FitResponse }) => void): void;
  addEventListener(type: 'error', listener: (event: { message?: string }) => void): void;
  terminate(): void;
}

/** The global `Worker` where the platform has one; declared here, not taken from the DOM types. */
declare const Worker: (new (url: URL, options: { type: 'module'; name?: string }) => WorkerLike) | undefined;

export interface FitInWorkerOptions extends FitModelsOptions {
  /** `'auto'` (default): a worker where `Worker` exists, else this thread. `'main'`: always this thread. */
  thread?: 'auto' | 'main';
}

export interface FitInWorkerResult extends FittedModels {
  /** Where the fit ran. */
  thread: 'worker' | 'main';
}

let nextId = 1;

/**
 * Fits BG/NBD and Gamma-Gamma (`fitModels`) in a module worker where the platform has workers, else on
 * this thread. Bad rows reject with the same `CrmValidationError` (issues and paths) as a direct fit. A
 * worker that cannot start (blocked by a CSP, say) is not an error: the fit runs here instead.
 */
export async function fitInWorker(
  rows: readonly ModelRow[],
  options: FitInWorkerOptions = {},
): Promise<FitInWorkerResult> {
  const { thread = 'auto', ...fitOptions } = options;
  if (thread === 'main' || typeof Worker === 'undefined') return { ...fitModels(rows, fitOptions), thread: 'main' };
  let worker: WorkerLike;
  try {
    worker = new Worker(new URL('./fit.worker.ts', import.meta.url), { type: 'module', name: 'crmkit-analytics-fit' });
  } catch {
    return { ...fitModels(rows, fitOptions), thread: 'main' };
  }
  const id = nextId++;
  try {
    return await new Promise<FitInWorkerResult>((resolve, reject) => {
      worker.addEventListener('message', ({ data }) => {
        if (data.id !== id) return;
        if (data.ok) resolve({ ...data.models, thread: 'worker' });
        else if (data.error.issues) reject(new CrmValidationError(data.error.issues, data.error.target));
        else reject(new Error(`the fit failed in the worker: ${data.error.message}`));
      });
      worker.addEventListener('error', () => {
        // The worker could not load or crashed before answering: fit here instead.
        try {
          resolve({ ...fitModels(rows, fitOptions), thread: 'main' });
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
      worker.postMessage({ id, rows, options: fitOptions });
    });
  } finally {
    worker.terminate();
  }
}
