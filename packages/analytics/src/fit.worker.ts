/**
 * The module worker behind `fitInWorker`: fits both models off the main thread. It imports nothing from
 * the DOM; the two globals it needs are declared here so that the package type-checks without DOM types.
 */
import { CrmValidationError } from '@crmkit/core';
import { fitModels } from './fit-models.js';
import type { FitRequest, FitResponse } from './fit-in-worker.js';

declare const self: {
  addEventListener(type: 'message', listener: (event: { data: FitRequest }) => void): void;
  postMessage(message: FitResponse): void;
};

self.addEventListener('message', ({ data }) => {
  try {
    self.postMessage({ id: data.id, ok: true, models: fitModels(data.rows, data.options) });
  } catch (error) {
    self.postMessage({
      id: data.id,
      ok: false,
      error: {
        message: error instanceof Error ? error.message : String(error),
        ...(error instanceof CrmValidationError ? { issues: error.issues, target: error.target } : {}),
      },
    });
  }
});
