import { expect } from 'chai';
import {
  CrmUnsupportedError,
  CrmValidationError,
  createCrm,
  memoryStorage,
  type Crm,
  type CustomerWithMetrics,
} from '@crmkit/core';
import { segmentsPlugin, type SegmentRule } from '../src/index.js';

const EVERYONE: SegmentRule = {
  kind: 'group',
  combinator: 'and',
  rules: [{ kind: 'condition', field: 'name', op: 'isNotEmpty' }],
};

const IN_ISTANBUL: SegmentRule = {
  kind: 'group',
  combinator: 'and',
  rules: [{ kind: 'condition', field: 'address.city', op: 'eq', value: 'İstanbul' }],
};

/** Names whose order differs between code units, Turkish and English; ties on purpose. */
const NAMES = [
  'Zeynep Kaya',
  'Çağla Demir',
  'Şule Arslan',
  'Ahmet Aydın',
  'Ahmet Ağaoğlu',
  'Cem Ak',
  'Cemal Uz',
  'Deniz Er',
  'Sevgi Tan',
  'Tarık Öz',
  'İpek Su',
  'Irmak Gül',
  'Ilgaz Er',
  'İlkay Tan',
  'Hande Ay',
  'Jale Su',
  'Ayşe Yılmaz',
  'Ayşe Yılmaz',
  'Ayşe Yılmaz',
  'Ayşe Yılmaz',
  'Ayşe Yılmaz',
];

async function open(cache = true): Promise<Crm> {
  const crm = await createCrm({ storage: memoryStorage(), locale: 'tr', plugins: [segmentsPlugin({ cache })] });
  await crm.customers.putMany(
    NAMES.map((name, index) => ({ name, address: { city: index % 2 ? 'İstanbul' : 'Ankara' } })),
  );
  return crm;
}

async function everyPage(crm: Crm, rule: SegmentRule, limit: number, collation?: string) {
  const items: CustomerWithMetrics[] = [];
  let cursor: string | undefined;
  do {
    const page = await crm.segments.members(rule, {
      limit,
      ...(cursor ? { cursor } : {}),
      ...(collation ? { collation } : {}),
    });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** The full sort the pages must agree with: the collator on names, then ids. */
function sorted(items: readonly CustomerWithMetrics[], collation: string): string[] {
  const collator = new Intl.Collator(collation, { sensitivity: 'variant' });
  return [...items]
    .sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((customer) => customer.id);
}

const uniqueNames = (items: readonly CustomerWithMetrics[]) => [...new Set(items.map((customer) => customer.name))];

describe('crm.segments.members(rule, { collation })', () => {
  let crm: Crm;
  before(async () => {
    crm = await open();
  });
  after(() => crm.close());

  it('sorts names as Turkish does with collation "tr"', async () => {
    const names = uniqueNames(await everyPage(crm, EVERYONE, 50, 'tr'));
    expect(names).to.deep.equal([
      'Ahmet Ağaoğlu',
      'Ahmet Aydın',
      'Ayşe Yılmaz',
      'Cem Ak',
      'Cemal Uz',
      'Çağla Demir',
      'Deniz Er',
      'Hande Ay',
      'Ilgaz Er',
      'Irmak Gül',
      'İlkay Tan',
      'İpek Su',
      'Jale Su',
      'Sevgi Tan',
      'Şule Arslan',
      'Tarık Öz',
      'Zeynep Kaya',
    ]);
  });

  it('sorts names as English does with collation "en" (Ç with C, İ with I)', async () => {
    const names = uniqueNames(await everyPage(crm, EVERYONE, 50, 'en'));
    expect(names).to.deep.equal([
      'Ahmet Ağaoğlu',
      'Ahmet Aydın',
      'Ayşe Yılmaz',
      'Çağla Demir',
      'Cem Ak',
      'Cemal Uz',
      'Deniz Er',
      'Hande Ay',
      'Ilgaz Er',
      'İlkay Tan',
      'İpek Su',
      'Irmak Gül',
      'Jale Su',
      'Sevgi Tan',
      'Şule Arslan',
      'Tarık Öz',
      'Zeynep Kaya',
    ]);
  });

  it('keeps code-unit order without a collation', async () => {
    const names = uniqueNames(await everyPage(crm, EVERYONE, 50));
    const codeUnits = [...new Set(NAMES)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(names).to.deep.equal(codeUnits);
    expect(names.indexOf('Çağla Demir')).to.be.greaterThan(names.indexOf('Zeynep Kaya'));
  });

  for (const collation of ['tr', 'en']) {
    it(`pages across ties on name consistently with a full sort (${collation})`, async () => {
      const all = await everyPage(crm, EVERYONE, 50, collation);
      expect(all).to.have.length(NAMES.length);
      for (const limit of [1, 2, 3, 4, 7]) {
        const paged = await everyPage(crm, EVERYONE, limit, collation);
        expect(paged.map((customer) => customer.id)).to.deep.equal(sorted(all, collation));
      }
      const filtered = await everyPage(crm, IN_ISTANBUL, 2, collation);
      expect(filtered.map((customer) => customer.id)).to.deep.equal(
        sorted(
          all.filter((customer) => customer.address?.city === 'İstanbul'),
          collation,
        ),
      );
    });
  }

  it('refuses a cursor made under another collation, and takes one of the same tag in any spelling', async () => {
    const turkish = await crm.segments.members(EVERYONE, { limit: 3, collation: 'tr' });
    const plain = await crm.segments.members(EVERYONE, { limit: 3 });
    for (const [cursor, collation] of [
      [turkish.nextCursor, 'en'],
      [turkish.nextCursor, undefined],
      [plain.nextCursor, 'tr'],
    ] as const) {
      const error = await crm.segments
        .members(EVERYONE, { limit: 3, cursor: cursor!, ...(collation ? { collation } : {}) })
        .then(
          () => undefined,
          (caught: unknown) => caught,
        );
      expect(error).to.be.instanceOf(CrmValidationError);
      expect((error as CrmValidationError).issues[0]?.code).to.equal('invalid_cursor');
    }
    const next = await crm.segments.members(EVERYONE, { limit: 3, cursor: turkish.nextCursor!, collation: 'TR' });
    expect(next.items.map((customer) => customer.name)).to.deep.equal(['Ayşe Yılmaz', 'Ayşe Yılmaz', 'Ayşe Yılmaz']);
  });

  it('refuses a tag that is not BCP 47', async () => {
    const error = await crm.segments.members(EVERYONE, { collation: 'not a tag!' }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).to.be.instanceOf(CrmValidationError);
    expect((error as CrmValidationError).issues[0]?.path).to.deep.equal(['collation']);
  });

  it('keeps every collation order right after writes', async () => {
    const local = await open();
    try {
      // Both orders are made and kept.
      await everyPage(local, EVERYONE, 50, 'tr');
      await everyPage(local, EVERYONE, 50, 'en');
      const zeynep = (await everyPage(local, EVERYONE, 50, 'tr')).find((customer) => customer.name === 'Zeynep Kaya')!;
      const tarik = (await everyPage(local, EVERYONE, 50, 'en')).find((customer) => customer.name === 'Tarık Öz')!;
      await local.customers.put({ ...(await local.customers.require(zeynep.id)), name: 'Çiğdem Kaya' });
      await local.customers.putMany([{ name: 'İbrahim Er' }]);
      await local.customers.remove(tarik.id);
      for (const collation of ['tr', 'en']) {
        const all = await everyPage(local, EVERYONE, 4, collation);
        expect(all.map((customer) => customer.id)).to.deep.equal(sorted(all, collation));
        expect(all.map((customer) => customer.name)).to.include.members(['Çiğdem Kaya', 'İbrahim Er']);
        expect(all.map((customer) => customer.name)).not.to.include('Zeynep Kaya');
        expect(all.map((customer) => customer.name)).not.to.include('Tarık Öz');
        expect(all).to.have.length(NAMES.length);
      }
      const turkish = uniqueNames(await everyPage(local, EVERYONE, 50, 'tr'));
      expect(turkish.indexOf('Çiğdem Kaya')).to.equal(turkish.indexOf('Çağla Demir') + 1);
      expect(turkish.indexOf('İbrahim Er')).to.equal(turkish.indexOf('Irmak Gül') + 1);
    } finally {
      await local.close();
    }
  });

  it('refuses a collation on the storage path (cache: false), which reads only as far as a page', async () => {
    const storage = await open(false);
    try {
      const error = await storage.segments.members(EVERYONE, { collation: 'tr' }).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).to.be.instanceOf(CrmUnsupportedError);
      expect((await storage.segments.members(EVERYONE, { limit: 50 })).items).to.have.length(NAMES.length);
    } finally {
      await storage.close();
    }
  });
});
