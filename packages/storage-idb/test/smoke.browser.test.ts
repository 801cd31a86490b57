import { expect } from 'chai';
import { cleanUp, openTenant, person } from './helpers.js';

describe('smoke', () => {
  afterEach(cleanUp);
  it('writes and reads', async () => {
    const db = await openTenant();
    const customers = db.collection('customers');
    const results = await customers.bulkWrite([
      { op: 'put', doc: person('a', { tags: ['vip'] }), expectedRev: null },
      { op: 'put', doc: person('b'), expectedRev: null },
    ]);
    expect(results.map((r) => r.ok)).to.deep.equal([true, true]);
    expect((await customers.get('a'))?.id).to.equal('a');
    expect((await customers.query()).items.map((d) => d.id)).to.deep.equal(['a', 'b']);
    expect((await customers.query({ where: { tags: 'vip' } })).items.map((d) => d.id)).to.deep.equal(['a']);
    expect(await customers.count({ tags: 'vip' })).to.deep.equal({ count: 1, exact: true });
    const again = await customers.bulkWrite([{ op: 'put', doc: person('a'), expectedRev: null }]);
    expect(again[0]!.ok).to.equal(false);
  });
});
