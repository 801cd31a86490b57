import { expect } from 'chai';
import {
  CrmConflictError,
  CrmNotFoundError,
  CrmUnknownCollectionError,
  CrmValidationError,
  createCrm,
  memoryStorage,
} from '@crmkit/core';
import { ayse, fixedNow, john } from './fixtures.js';

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

describe('createCrm and repositories', () => {
  it('creates, reads, updates and removes a customer with ids, revisions and timestamps', async () => {
    const crm = await createCrm({ now: fixedNow });
    const created = await crm.customers.put(ayse);
    expect(created.id).to.be.a('string');
    expect(created.rev).to.match(/^1-[0-9a-f]{12}$/);
    expect(created.createdAt).to.equal('2026-11-22T09:00:00.000Z');
    expect(created.custom).to.deep.equal({});
    expect(await crm.customers.get(created.id)).to.deep.equal(created);

    const updated = await crm.customers.put({ ...created, company: 'Yılmaz Mücevher' });
    expect(updated.rev).to.match(/^2-/);
    expect(updated.createdAt).to.equal(created.createdAt);
    expect((await crm.customers.require(created.id)).company).to.equal('Yılmaz Mücevher');

    await crm.customers.remove(created.id);
    expect(await crm.customers.get(created.id)).to.equal(undefined);
    expect(await rejection(crm.customers.require(created.id))).to.be.instanceOf(CrmNotFoundError);
  });

  it('refuses invalid input with every field path and writes nothing', async () => {
    const crm = await createCrm();
    const error = await rejection(
      crm.customers.put({
        ...ayse,
        name: '  ',
        emails: ['not-an-email'],
        address: { country: 'Turkey' },
        colour: 'red',
      } as never),
    );
    expect(error).to.be.instanceOf(CrmValidationError);
    const paths = (error as CrmValidationError).issues.map((issue) => issue.path.join('.'));
    expect(paths).to.include.members(['name', 'emails.0', 'address.country', '']);
    expect((error as CrmValidationError).message).to.contain('emails[0]');
    expect((await crm.customers.count()).count).to.equal(0);
  });

  it('refuses a stale revision with the stored document and keeps the winner', async () => {
    const crm = await createCrm();
    const created = await crm.customers.put(john);
    const mine = await crm.customers.put({ ...created, company: 'Mine' });
    const error = await rejection(crm.customers.put({ ...created, company: 'Theirs' }));
    expect(error).to.be.instanceOf(CrmConflictError);
    expect((error as CrmConflictError<typeof mine>).current).to.deep.equal(mine);
    expect((await crm.customers.require(created.id)).company).to.equal('Mine');
  });

  it('writes putMany all or nothing, with issue paths that name the row', async () => {
    const crm = await createCrm();
    const error = await rejection(crm.customers.putMany([ayse, { ...john, emails: ['x'] }, john]));
    expect(error).to.be.instanceOf(CrmValidationError);
    expect((error as CrmValidationError).issues[0]!.path).to.deep.equal([1, 'emails', 0]);
    expect((await crm.customers.count()).count).to.equal(0);

    const existing = await crm.customers.put(ayse);
    const conflict = await rejection(crm.customers.putMany([john, { ...ayse, id: existing.id }]));
    expect(conflict).to.be.instanceOf(CrmConflictError);
    expect((await crm.customers.count()).count).to.equal(1);

    const written = await crm.customers.putMany([john, { ...john, name: 'Jane Smith' }]);
    expect(written).to.have.length(2);
    expect((await crm.customers.count()).count).to.equal(3);
  });

  it('refuses ids of the wrong shape, unknown collections, oversized documents and bad tenants', async () => {
    const crm = await createCrm({ limits: { maxDocumentBytes: 2000 } });
    expect(await rejection(crm.customers.get('../etc/passwd'))).to.be.instanceOf(CrmValidationError);
    expect(await rejection(crm.customers.put({ ...john, id: 'has space' }))).to.be.instanceOf(CrmValidationError);
    expect(() => crm.collection('invoices' as never)).to.throw(CrmUnknownCollectionError);
    const big = await rejection(
      crm.activities.put({
        customerId: 'c1',
        type: 'note',
        at: '2026-01-01T00:00:00Z',
        data: { text: 'x'.repeat(5000) },
      }),
    );
    expect(big).to.be.instanceOf(CrmValidationError);
    expect((big as CrmValidationError).issues[0]!.code).to.equal('too_big');
    expect(await rejection(createCrm({ tenant: 'a/b' }))).to.be.instanceOf(CrmValidationError);
  });

  it('pages a query with cursors and counts with a where filter', async () => {
    const crm = await createCrm();
    await crm.customers.putMany(
      Array.from({ length: 25 }, (_, i) => ({
        ...john,
        name: `Customer ${String(i).padStart(2, '0')}`,
        tags: i % 2 ? ['even'] : [],
      })),
    );
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await crm.customers.query({ sort: [{ field: 'name' }], limit: 10, cursor });
      seen.push(...page.items.map((c) => c.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).to.have.length(25);
    expect(seen[0]).to.equal('Customer 00');
    expect((await crm.customers.count({ tags: 'even' })).count).to.equal(12);
  });

  it('keeps tenants apart on one storage', async () => {
    const storage = memoryStorage();
    const a = await createCrm({ storage, tenant: 'acme' });
    const b = await createCrm({ storage, tenant: 'globex' });
    const secret = await a.customers.put(ayse);
    expect(await b.customers.get(secret.id)).to.equal(undefined);
    expect((await b.customers.count()).count).to.equal(0);
  });

  it('feeds changes to subscribers, per collection', async () => {
    const crm = await createCrm();
    const seen: string[] = [];
    const stop = crm.subscribe('customers', (changes) => seen.push(...changes.map((c) => `${c.op}:${c.collection}`)));
    const customer = await crm.customers.put(john);
    await crm.activities.put({
      customerId: customer.id,
      type: 'note',
      at: '2026-01-01T00:00:00Z',
      data: { text: 'hi' },
    });
    stop();
    await crm.customers.put({ ...customer, name: 'After' });
    expect(seen).to.deep.equal(['put:customers']);
  });

  it('refuses use after close with a typed storage error', async () => {
    const crm = await createCrm();
    await crm.close();
    const error = await rejection(crm.customers.put(john));
    expect(error).to.have.property('code', 'storage');
  });
});
