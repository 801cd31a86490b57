/**
 * The BDD globals the suites declare their tests with. Mocha, Web Test Runner, Jest and Vitest (with
 * `globals: true`) all provide them; the kit reads them at call time instead of importing a runner, so that one
 * suite serves every runner and the published types do not drag in @types/mocha.
 */
import { CrmUnsupportedError } from '@crmkit/core';

export type TestBody = () => void | Promise<void>;

export interface Bdd {
  describe(name: string, body: () => void): void;
  it(name: string, body: TestBody): void;
  before(body: TestBody): void;
  after(body: TestBody): void;
  beforeEach(body: TestBody): void;
  afterEach(body: TestBody): void;
}

type MaybeBdd = Partial<Record<keyof Bdd, unknown>> & { beforeAll?: unknown; afterAll?: unknown };

export function bdd(): Bdd {
  const scope = globalThis as MaybeBdd;
  // Jest and Vitest name the once-per-block hooks beforeAll/afterAll; mocha names them before/after.
  const before = scope.before ?? scope.beforeAll;
  const after = scope.after ?? scope.afterAll;
  const found = {
    describe: scope.describe,
    it: scope.it,
    before,
    after,
    beforeEach: scope.beforeEach,
    afterEach: scope.afterEach,
  };
  const missing = Object.entries(found)
    .filter(([, value]) => typeof value !== 'function')
    .map(([key]) => key);
  if (missing.length) {
    throw new CrmUnsupportedError(
      `the conformance suites need a BDD test runner's globals (mocha, Web Test Runner, Jest, or Vitest with globals: true); missing: ${missing.join(', ')}`,
    );
  }
  return found as Bdd;
}
