/**
 * The seeding worker has no DOM: nothing it imports, directly or through the demo's own modules, may reach
 * `@crmkit/components` (Lit elements) or the page's crm assembly that imports them.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'|^\s*import\s+'([^']+)'/gm)].map(
    (match) => match[1] ?? match[2]!,
  );
}

/** Every module reachable from `entry` through relative imports, and the packages they import. */
function graph(entry: string): { files: string[]; packages: Set<string> } {
  const files: string[] = [];
  const packages = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.shift()!;
    if (files.includes(file)) continue;
    files.push(file);
    for (const specifier of importsOf(file)) {
      if (specifier.startsWith('.')) queue.push(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
      else packages.add(specifier);
    }
  }
  return { files, packages };
}

describe('demo seeding worker imports', () => {
  it('reaches neither @crmkit/components nor the page crm, but does reach the storage and the generator', () => {
    const { files, packages } = graph(resolve(root, 'demo/src/data/seed.worker.ts'));
    expect([...packages]).to.not.include('@crmkit/components');
    expect([...packages].filter((name) => name === 'lit' || name.startsWith('lit/'))).to.deep.equal([]);
    expect(files).to.not.include(resolve(root, 'demo/src/crm.ts'));
    expect([...packages]).to.include.members(['@crmkit/storage-idb', '@crmkit/core']);
    expect(files).to.include(resolve(root, 'demo/src/data/generator.ts'));
  });
});
