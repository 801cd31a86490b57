#!/usr/bin/env node
// Builds every package under packages/ the same way: Vite in library mode (ES modules; lit, @crmkit/* and the
// package's own dependencies stay external) to dist/index.js, and one rolled-up dist/index.d.ts made by
// rollup-plugin-dts. `node scripts/build.mjs core segments` builds only those.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { rollup } from 'rollup';
import { dts } from 'rollup-plugin-dts';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.slice(2);

/** Dependency order, so that a failure points at the lowest broken package first. */
function packages() {
  const all = readdirSync(join(root, 'packages'))
    .filter((name) => existsSync(join(root, 'packages', name, 'src', 'index.ts')))
    .map((name) => {
      const dir = join(root, 'packages', name);
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      return { name, dir, manifest };
    });
  const byName = new Map(all.map((pkg) => [pkg.manifest.name, pkg]));
  const ordered = [];
  const seen = new Set();
  const visit = (pkg) => {
    if (seen.has(pkg)) return;
    seen.add(pkg);
    for (const dep of Object.keys({ ...pkg.manifest.dependencies, ...pkg.manifest.peerDependencies })) {
      const inner = byName.get(dep);
      if (inner) visit(inner);
    }
    ordered.push(pkg);
  };
  all.forEach(visit);
  return ordered.filter((pkg) => only.length === 0 || only.includes(pkg.name));
}

function externalFor(manifest) {
  const deps = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies });
  return (id) =>
    id === 'lit' ||
    id.startsWith('lit/') ||
    id.startsWith('@lit/') ||
    id.startsWith('@lit-labs/') ||
    id.startsWith('@crmkit/') ||
    id.startsWith('node:') ||
    deps.some((dep) => id === dep || id.startsWith(`${dep}/`));
}

/**
 * The Custom Elements Manifest is read from the elements' JSDoc, and the React wrappers are generated from it:
 * both are part of the build so that they can never fall behind the elements.
 */
function generateManifestAndWrappers() {
  if (only.length && !only.some((name) => name === 'components' || name === 'react')) return;
  const steps = [
    [
      join(root, 'node_modules', '.bin', 'custom-elements-manifest'),
      ['analyze', '--config', 'custom-elements-manifest.config.mjs'],
      join(root, 'packages', 'components'),
    ],
    [process.execPath, ['scripts/generate.mjs'], join(root, 'packages', 'react')],
  ];
  for (const [command, args, cwd] of steps) {
    if (!existsSync(cwd)) continue;
    const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd}`);
  }
}

const started = Date.now();
generateManifestAndWrappers();
for (const { dir, manifest } of packages()) {
  const t0 = Date.now();
  rmSync(join(dir, 'dist'), { recursive: true, force: true });
  const external = externalFor(manifest);
  await build({
    configFile: false,
    logLevel: 'warn',
    root: dir,
    // Relative asset URLs (e.g. analytics' fit worker), so the bundle works wherever it is served from.
    base: './',
    build: {
      lib: { entry: join(dir, 'src', 'index.ts'), formats: ['es'], fileName: () => 'index.js' },
      outDir: join(dir, 'dist'),
      emptyOutDir: true,
      sourcemap: true,
      minify: false,
      target: 'es2022',
      rollupOptions: { external },
    },
  });
  const bundle = await rollup({
    input: join(dir, 'src', 'index.ts'),
    external,
    plugins: [
      dts({
        tsconfig: join(root, 'tsconfig.base.json'),
        compilerOptions: { noEmit: false, allowImportingTsExtensions: false },
      }),
    ],
    onwarn(warning, warn) {
      if (warning.code !== 'CIRCULAR_DEPENDENCY') warn(warning);
    },
  });
  await bundle.write({ file: join(dir, 'dist', 'index.d.ts'), format: 'es' });
  await bundle.close();
  console.log(`  built ${manifest.name} (${Date.now() - t0} ms)`);
}
console.log(`build finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
