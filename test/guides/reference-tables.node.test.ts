/** The guides' reference tables list exactly what the kit's source holds (see reference-tables.ts). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { REFERENCE_TABLES, tableIn } from './reference-tables.js';

const guide = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../docs/guides/${name}`, import.meta.url)), 'utf8');

const PLACES: Array<[string, string]> = [
  ['for-designers.md', 'semantic-tokens'],
  ['for-designers.md', 'component-tokens'],
  ['for-designers.md', 'parts'],
  ['for-designers.md', 'stories'],
  ['embedding.md', 'events'],
];

describe('guide reference tables match the source', () => {
  for (const [file, table] of PLACES) {
    it(`${file}: ${table}`, () => {
      const expected = REFERENCE_TABLES[table]!();
      expect(expected.length, 'rows found in the source').to.be.greaterThan(3);
      const rows = tableIn(guide(file), table);
      expect(rows, `a table between <!-- reference:${table} --> markers`).to.not.equal(undefined);
      const compared = rows!.map((row) => row.slice(0, expected[0]!.length));
      expect(compared).to.deep.equal(expected);
    });
  }
});
