/**
 * Every fenced code block of the guides is a copy of a file that the type-check, the linter and the tests see:
 * ````ts file=docs/examples/x.ts` (the whole file), `file=docs/examples/x.ts#name` (the lines between
 * `#region name` and `#endregion name`), or `file=packages/…/src/x.ts excerpt` (contiguous whole lines of shipped
 * source). A block without a file, or one that differs from its file by a byte, fails here. docs/decisions/0104.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface Block {
  guide: string;
  line: number;
  info: string;
  body: string;
}

/**
 * Fenced blocks with their info string and 1-based opening line. A fence may be indented (inside a list item);
 * its body loses that indentation, as Markdown reads it.
 */
export function fencedBlocks(guide: string, markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^( *)```(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const [, indent, info] = open as unknown as [string, string, string];
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i] !== `${indent}\`\`\``; i++) {
      body.push(lines[i]!.startsWith(indent) ? lines[i]!.slice(indent.length) : lines[i]!);
    }
    if (i === lines.length) throw new Error(`${guide}:${start + 1}: the block is never closed`);
    blocks.push({ guide, line: start + 1, info: info.trim(), body: body.join('\n') });
  }
  return blocks;
}

const REGION_MARK = /#(end)?region\b\s*([\w-]*)/;

/** The lines between `#region name` and `#endregion name`; the marker lines of other regions are left out. */
export function region(source: string, name: string, file = 'the file'): string {
  const lines = source.split('\n');
  const start = lines.findIndex(
    (line) => REGION_MARK.exec(line)?.[1] === undefined && REGION_MARK.exec(line)?.[2] === name,
  );
  if (start < 0) throw new Error(`${file} has no #region ${name}`);
  const end = lines.findIndex(
    (line, i) => i > start && REGION_MARK.exec(line)?.[1] === 'end' && REGION_MARK.exec(line)?.[2] === name,
  );
  if (end < 0) throw new Error(`${file}: #region ${name} has no #endregion ${name}`);
  return lines
    .slice(start + 1, end)
    .filter((line) => !REGION_MARK.test(line))
    .join('\n');
}

/** What the block must equal, or why the block is not allowed. */
export function expectedBody(block: Block, read: (path: string) => string | undefined): string {
  const where = `${block.guide}:${block.line}`;
  const file = /(?:^|\s)file=(\S+)/.exec(block.info)?.[1];
  if (!file) throw new Error(`${where}: the block has no file= (every snippet lives in a file that is checked)`);
  const [path, name] = file.split('#') as [string, string | undefined];
  const excerpt = /(?:^|\s)excerpt(?:\s|$)/.test(block.info);
  if (excerpt ? !/^packages\/[^/]+\/src\//.test(path) : !path.startsWith('docs/examples/')) {
    throw new Error(`${where}: ${path} is not under ${excerpt ? 'packages/*/src/' : 'docs/examples/'}`);
  }
  const source = read(path);
  if (source === undefined) throw new Error(`${where}: ${path} does not exist`);
  if (excerpt) {
    const lines = source.split('\n');
    const wanted = block.body.split('\n');
    const found = lines.some((_, i) => wanted.every((line, j) => lines[i + j] === line));
    if (!found) throw new Error(`${where}: the excerpt is not (or no longer) a run of whole lines of ${path}`);
    return block.body;
  }
  return name ? region(source, name, `${where}: ${path}`) : source.replace(/\n$/, '');
}

function guides(): string[] {
  const dir = join(root, 'docs/guides');
  const files = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.md')) : [];
  return [...files.map((name) => join(dir, name)), join(root, 'docs/README.md')].filter((path) => existsSync(path));
}

const readRepoFile = (path: string) => {
  const full = join(root, path);
  return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
};

describe('guide snippets are their files, byte for byte', () => {
  const all = guides();

  it('finds the four guides', () => {
    const names = all.map((path) => relative(root, path));
    for (const guide of ['embedding', 'writing-a-plugin', 'writing-a-storage-adapter', 'for-designers']) {
      expect(names).to.include(`docs/guides/${guide}.md`);
    }
  });

  for (const path of all) {
    const guide = relative(root, path);
    it(`${guide}: every block names its file and equals it`, () => {
      const blocks = fencedBlocks(guide, readFileSync(path, 'utf8'));
      const problems: string[] = [];
      for (const block of blocks) {
        try {
          const expected = expectedBody(block, readRepoFile);
          if (block.body !== expected) problems.push(`${guide}:${block.line}: differs from ${block.info}`);
        } catch (error) {
          problems.push((error as Error).message);
        }
      }
      expect(problems).to.deep.equal([]);
    });
  }

  describe('the checker itself', () => {
    const files: Record<string, string> = {
      'docs/examples/a.ts':
        'one\n// #region part\ntwo\n// #region inner\nthree\n// #endregion inner\n// #endregion part\nfour\n',
      'packages/x/src/y.ts': 'alpha\nbeta\ngamma\n',
    };
    const read = (path: string) => files[path];
    const check = (markdown: string) =>
      fencedBlocks('g.md', markdown).map((block) => {
        try {
          return block.body === expectedBody(block, read) ? 'same' : 'differs';
        } catch (error) {
          return (error as Error).message;
        }
      });

    it('accepts a whole file, a region (without inner markers) and an excerpt of shipped source', () => {
      expect(
        check(
          [
            '```ts file=docs/examples/a.ts',
            files['docs/examples/a.ts']!.trimEnd(),
            '```',
            '```ts file=docs/examples/a.ts#part',
            'two\nthree',
            '```',
            '```ts file=packages/x/src/y.ts excerpt',
            'beta\ngamma',
            '```',
            '1. a list item:',
            '   ```ts file=docs/examples/a.ts#inner',
            '   three',
            '   ```',
          ].join('\n'),
        ),
      ).to.deep.equal(['same', 'same', 'same', 'same']);
    });

    it('refuses a changed byte, a missing file=, a missing file or region, and an excerpt that is not one', () => {
      expect(
        check(
          [
            '```ts file=docs/examples/a.ts#part',
            'two\nthree ',
            '```',
            '```ts',
            'const x = 1;',
            '```',
            '```ts file=docs/examples/b.ts',
            '```',
            '```ts file=docs/examples/a.ts#nope',
            '```',
            '```ts file=packages/x/src/y.ts excerpt',
            'alpha\ngamma',
            '```',
            '```ts file=test/secret.ts',
            '```',
          ].join('\n'),
        ),
      ).to.deep.equal([
        'differs',
        'g.md:5: the block has no file= (every snippet lives in a file that is checked)',
        'g.md:8: docs/examples/b.ts does not exist',
        'g.md:10: docs/examples/a.ts has no #region nope',
        'g.md:12: the excerpt is not (or no longer) a run of whole lines of packages/x/src/y.ts',
        'g.md:16: test/secret.ts is not under docs/examples/',
      ]);
    });
  });
});
