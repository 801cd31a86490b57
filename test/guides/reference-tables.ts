/**
 * Tables in the guides that restate the kit's source: generated here from tokens.styles.ts, the Custom Elements
 * Manifest, the *.events.ts files and the stories, and compared with the guides' marked tables by
 * reference-tables.node.test.ts, so that a token, part, event or story added to the kit fails the test until the
 * guide lists it. Each table sits between `<!-- reference:<name> -->` and `<!-- /reference:<name> -->`; columns
 * after the generated ones are the guide's own prose and are not compared.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string) => readFileSync(join(repo, path), 'utf8');
const code = (text: string) => `\`${text}\``;

interface ManifestDeclaration {
  tagName?: string;
  cssProperties?: { name: string; description?: string }[];
  cssParts?: { name: string; description?: string }[];
  events?: { name: string; type?: { text: string } }[];
}

function elements(): ManifestDeclaration[] {
  const manifest = JSON.parse(read('packages/components/custom-elements.json')) as {
    modules: { declarations?: ManifestDeclaration[] }[];
  };
  return manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((declaration) => declaration.tagName)
    .sort((a, b) => a.tagName!.localeCompare(b.tagName!));
}

/** The semantic tier: token, light value, dark value (the same when the token does not depend on the scheme). */
export function semanticTokens(): string[][] {
  const source = read('packages/components/src/shared/tokens.styles.ts');
  const rows: string[][] = [];
  for (const match of source.matchAll(/--_[\w-]+: var\((--crm-[\w-]+), (.+)\);/g)) {
    const [, name, fallback] = match as unknown as [string, string, string];
    const scheme = /^light-dark\((.+), (.+)\)$/.exec(fallback);
    rows.push(scheme ? [code(name), code(scheme[1]!), code(scheme[2]!)] : [code(name), code(fallback), code(fallback)]);
  }
  const scheme = /color-scheme: var\((--crm-color-scheme), (.+)\);/.exec(source);
  if (scheme) rows.unshift([code(scheme[1]!), code(scheme[2]!), code(scheme[2]!)]);
  return rows;
}

/** Per-component tokens: element, token, what it sets. */
export function componentTokens(): string[][] {
  return elements().flatMap((element) =>
    (element.cssProperties ?? []).map((property) => [
      code(element.tagName!),
      code(property.name),
      property.description ?? '',
    ]),
  );
}

/** Parts: element, the parts it exposes to `::part()`. */
export function parts(): string[][] {
  return elements()
    .filter((element) => element.cssParts?.length)
    .map((element) => [code(element.tagName!), element.cssParts!.map((part) => code(part.name)).join(' ')]);
}

/** Events: type, class, what it carries, whether it can be cancelled, the elements that dispatch it. */
export function events(): string[][] {
  const dispatchers = new Map<string, string[]>();
  for (const element of elements()) {
    for (const event of element.events ?? []) {
      dispatchers.set(event.name, [...(dispatchers.get(event.name) ?? []), element.tagName!]);
    }
  }
  const dir = 'packages/components/src';
  const files = readdirSync(join(repo, dir), { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('events.ts'))
    .sort();
  const rows: string[][] = [];
  for (const file of files) {
    const source = read(join(dir, file));
    for (const match of source.matchAll(/export class (\w+) extends Event \{([\s\S]*?)\n\}/g)) {
      const [, className, body] = match as unknown as [string, string, string];
      const type = /static readonly type = '([\w-]+)'/.exec(body)?.[1] ?? '?';
      const constructor = /constructor\(([\s\S]*?)\)\s*\{/.exec(body)?.[1] ?? '';
      const carries = [...constructor.matchAll(/readonly (\w+)\s*:/g)].map((field) => code(field[1]!)).join(', ');
      const cancelable = /cancelable: true/.test(body) ? 'yes' : 'no';
      const by = (dispatchers.get(type) ?? []).map(code).join(' ');
      rows.push([code(type), code(className), carries, cancelable, by]);
    }
  }
  return rows;
}

/** Stories: the component's Storybook title and the states it shows, from the stories' export names. */
export function stories(): string[][] {
  return readdirSync(join(repo, 'stories'))
    .filter((file) => file.endsWith('.stories.ts'))
    .sort()
    .map((file) => {
      const source = read(join('stories', file));
      const title = /title: '([^']+)'/.exec(source)?.[1] ?? file;
      const names = [...source.matchAll(/^export const (\w+)/gm)].map((match) =>
        match[1]!.replace(/(?<=[a-z])(?=[A-Z])/g, ' '),
      );
      return [title, names.join(', ')];
    });
}

export const REFERENCE_TABLES: Record<string, () => string[][]> = {
  'semantic-tokens': semanticTokens,
  'component-tokens': componentTokens,
  parts,
  events,
  stories,
};

/** The table rows (cells trimmed) between the markers of `name`, without the header and separator rows. */
export function tableIn(markdown: string, name: string): string[][] | undefined {
  const match = new RegExp(`<!-- reference:${name} -->\\n([\\s\\S]*?)<!-- /reference:${name} -->`).exec(markdown);
  if (!match) return undefined;
  return match[1]!
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .slice(2)
    .map((line) =>
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim()),
    );
}
