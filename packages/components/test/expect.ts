/**
 * @open-wc/testing's `expect` (its chai carries the axe plugin) with chai's types: its own declarations import a
 * default export that @types/chai 5 no longer has, which leaves `expect` untyped for the linter.
 */
import { expect as openWcExpect } from '@open-wc/testing';
import type { expect as chaiExpect } from 'chai';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Chai {
    interface Assertion {
      /** Runs axe on the element (shadow roots included); rejects with the violations. */
      accessible(options?: { ignoredRules?: string[] }): Promise<void>;
    }
  }
}

export const expect = openWcExpect as unknown as typeof chaiExpect;
