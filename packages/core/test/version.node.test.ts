import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { KIT_VERSION } from '@crmkit/core';

describe('kit version', () => {
  it('keeps KIT_VERSION in step with the package version (plugins check their kit range against it)', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(KIT_VERSION).to.equal(pkg.version);
  });
});
