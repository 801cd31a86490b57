/**
 * The storage-adapter guide's worked example, proven: the kit's conformance suite passes on restStorage() over
 * HTTP, and HTTP failures become the kit's typed errors.
 */
import { CORE_COLLECTIONS, CrmStorageError, CrmValidationError, createCrm } from '@crmkit/core';
import { makeCustomer } from '@crmkit/testkit';
import { expect } from 'chai';
import { restStorageConformance } from '../../docs/examples/rest-storage/conformance.js';
import { restStorage } from '../../docs/examples/rest-storage/rest-storage.js';
import { openShopCrm, renameTwice } from '../../docs/examples/rest-storage/use-it.js';
import { startMockServer, type MockServer } from './rest-mock-server.js';

describe('guide: a storage adapter over a REST API', () => {
  let server: MockServer;
  before(async () => {
    server = await startMockServer();
  });
  after(() => server.close());

  restStorageConformance(() => server.url);

  describe('HTTP failures become typed errors', () => {
    const open = (tenant: string) =>
      restStorage({ baseUrl: server.url }).open({ tenant, collections: CORE_COLLECTIONS });

    it('a 503 is a retryable CrmStorageError, and the same call succeeds afterwards', async () => {
      const connection = await open('http-503');
      const customers = connection.collection('customers');
      server.failNext(503);
      const error = await customers.count().then(
        () => expect.fail('count should have failed'),
        (failure: unknown) => failure,
      );
      expect(error).to.be.instanceOf(CrmStorageError);
      expect(error).to.include({ storageCode: 'unavailable', retryable: true });
      expect(await customers.count()).to.deep.equal({ count: 0, exact: true });
      await connection.remove();
    });

    it('a 507 is quota_exceeded and not retryable; another 4xx is unknown and not retryable', async () => {
      const connection = await open('http-507');
      const customers = connection.collection('customers');
      for (const [status, storageCode] of [
        [507, 'quota_exceeded'],
        [418, 'unknown'],
      ] as const) {
        server.failNext(status);
        const error = await customers.bulkWrite([{ op: 'put', doc: makeCustomer(1), expectedRev: null }]).then(
          () => expect.fail(`HTTP ${status} should have failed the write`),
          (failure: unknown) => failure,
        );
        expect(error, `HTTP ${status}`)
          .to.be.instanceOf(CrmStorageError)
          .and.include({ storageCode, retryable: false });
      }
      expect(await customers.get(makeCustomer(1).id), 'nothing was written').to.equal(undefined);
      await connection.remove();
    });

    it('no answer at all (fetch rejects) is a retryable CrmStorageError carrying the cause', async () => {
      const offline = new TypeError('fetch failed');
      const storage = restStorage({ baseUrl: server.url, fetch: () => Promise.reject(offline) });
      const error = await storage.open({ tenant: 'offline', collections: CORE_COLLECTIONS }).then(
        () => expect.fail('open should have failed'),
        (failure: unknown) => failure,
      );
      expect(error).to.be.instanceOf(CrmStorageError).and.include({ storageCode: 'unavailable', retryable: true });
      expect((error as Error).cause).to.equal(offline);
    });

    it('a 400 from the server keeps its issues and paths', async () => {
      const connection = await open('http-400');
      const error = await connection
        .collection('customers')
        .query({ sort: [{ field: 'name' }], cursor: 'not-a-cursor' })
        .then(
          () => expect.fail('the query should have been refused'),
          (failure: unknown) => failure,
        );
      expect(error).to.be.instanceOf(CrmValidationError);
      expect((error as CrmValidationError).issues[0]?.path).to.deep.equal(['cursor']);
      await connection.remove();
    });

    it('a closed connection refuses without calling the server', async () => {
      const connection = await open('http-closed');
      await connection.close();
      const before = server.requests;
      const error = await connection
        .collection('customers')
        .count()
        .then(
          () => expect.fail('count should have failed'),
          (failure: unknown) => failure,
        );
      expect(error).to.be.instanceOf(CrmStorageError).and.include({ storageCode: 'closed' });
      expect(server.requests, 'requests after close').to.equal(before);
    });
  });
});

describe('guide: the REST storage under createCrm', () => {
  let server: MockServer;
  before(async () => {
    server = await startMockServer();
  });
  after(() => server.close());

  it('sends the API key, and a stale save comes back as a conflict carrying the stored version', async () => {
    const seen: string[] = [];
    const recordingFetch: typeof fetch = (input, init) => {
      seen.push(new Headers(init?.headers).get('authorization') ?? '(none)');
      return fetch(input, init);
    };
    const crm = await createCrm({
      storage: restStorage({
        baseUrl: server.url,
        fetch: recordingFetch,
        headers: () => ({ authorization: 'Bearer k' }),
      }),
      tenant: 'kuyumcu-istanbul',
    });
    expect(await renameTwice(crm)).to.equal('conflict; stored name: Ayşe Yılmaz Demir');
    expect(new Set(seen)).to.deep.equal(new Set(['Bearer k']));
    await crm.close();
    const again = await openShopCrm(server.url, 'k');
    expect((await again.customers.query()).items.map((customer) => customer.name)).to.deep.equal(['Ayşe Yılmaz Demir']);
    await again.close();
  });

  it('another browser’s crm hears a save through the change feed, marked remote', async () => {
    const tenant = 'kuyumcu-ankara';
    const here = await createCrm({ storage: restStorage({ baseUrl: server.url, pollMs: 10 }), tenant });
    const there = await createCrm({ storage: restStorage({ baseUrl: server.url, pollMs: 10 }), tenant });
    const heard: string[] = [];
    there.subscribe('customers', (changes) =>
      heard.push(
        ...changes.map(
          (change) => `${change.op} ${(change.doc as { name?: string } | undefined)?.name} ${change.remote}`,
        ),
      ),
    );
    await here.customers.put({ name: 'Mehmet Öztürk', address: { city: 'Ankara' } });
    const deadline = Date.now() + 2000;
    while (!heard.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(heard).to.deep.equal(['put Mehmet Öztürk true']);
    await here.close();
    await there.close();
  });
});
