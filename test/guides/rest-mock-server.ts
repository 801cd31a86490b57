/**
 * The mock backend for the REST storage guide: Node's http server speaking the routes of
 * docs/examples/rest-storage/wire.ts, with memoryStorage() behind it. What is under test is the HTTP client
 * (restStorage); this stands in for a vendor's server. Each request opens its own backend connection, so the
 * changes that connection hears as local are exactly the ones the request committed.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CrmConflictError,
  CrmError,
  CrmUnknownCollectionError,
  CrmValidationError,
  memoryStorage,
  type Change,
  type CollectionDefinition,
  type Query,
  type StorageConnection,
  type StoredDocument,
} from '@crmkit/core';
import type {
  ChangesBody,
  CountBody,
  ErrorBody,
  GetBody,
  OpenBody,
  TransactionBody,
  WriteBody,
} from '../../docs/examples/rest-storage/wire.js';

export interface MockServer {
  url: string;
  /** Answers the next `times` requests with `status` and no work done (a failing backend or proxy). */
  failNext(status: number, times?: number): void;
  /** How many requests arrived, for tests that must prove the client did not call at all. */
  readonly requests: number;
  close(): Promise<void>;
}

const ROUTE = /^\/tenants\/([^/]+)(?:\/(open|transaction|changes)|\/collections\/([^/]+)\/(get|query|count|write))?$/;

export async function startMockServer(): Promise<MockServer> {
  const backend = memoryStorage();
  const definitions = new Map<string, Map<string, CollectionDefinition>>();
  let failures: { status: number; left: number } | undefined;
  let requests = 0;
  /** Every committed write with a non-empty change list, in order; `seq` never repeats, even across removes. */
  const feed: { seq: number; tenant: string; connection: string; changes: Change<StoredDocument>[] }[] = [];
  let seq = 0;
  const record = (tenant: string, connection: string, changes: Change<StoredDocument>[]) => {
    if (changes.length) feed.push({ seq: ++seq, tenant, connection, changes });
  };

  async function withConnection<R>(
    tenant: string,
    work: (connection: StorageConnection) => Promise<R>,
  ): Promise<{ result: R; changes: Change<StoredDocument>[] }> {
    const known = definitions.get(tenant);
    if (!known) throw new CrmUnknownCollectionError('(any)', []);
    const connection = await backend.open({ tenant, collections: [...known.values()] });
    const changes: Change<StoredDocument>[] = [];
    connection.subscribe((heard) => changes.push(...heard.filter((change) => !change.remote)));
    try {
      return { result: await work(connection), changes };
    } finally {
      await connection.close();
    }
  }

  async function handle(method: string, path: string, body: unknown): Promise<[number, unknown?]> {
    const match = ROUTE.exec(path);
    if (!match) return [404, { error: 'unknown', message: `no route ${method} ${path}` }];
    const tenant = decodeURIComponent(match[1]!);
    const [, , action, collectionName, collectionAction] = match;
    if (method === 'DELETE' && !action && !collectionName) {
      if (definitions.has(tenant)) await withConnection(tenant, (connection) => connection.remove());
      definitions.delete(tenant);
      return [204];
    }
    if (method !== 'POST') return [405, { error: 'unknown', message: `${method} not allowed` }];
    if (action === 'open') {
      const known = definitions.get(tenant) ?? new Map<string, CollectionDefinition>();
      for (const definition of (body as OpenBody).collections) known.set(definition.name, definition);
      definitions.set(tenant, known);
      return [200, { seq }];
    }
    if (action === 'changes') {
      const { after, connection } = body as ChangesBody;
      const batches = feed
        .filter((entry) => entry.seq > after && entry.tenant === tenant && entry.connection !== connection)
        .map((entry) => entry.changes);
      return [200, { seq, batches }];
    }
    if (action === 'transaction') {
      const { writes, connection: writer } = body as TransactionBody;
      const { changes } = await withConnection(tenant, (connection) =>
        connection.transaction((tx) => {
          for (const { collection, rows } of writes) tx.write(collection, rows);
        }),
      );
      record(tenant, writer, changes);
      return [200, { changes }];
    }
    const name = decodeURIComponent(collectionName!);
    const { result, changes } = await withConnection(tenant, async (connection) => {
      const collection = connection.collection(name);
      switch (collectionAction) {
        case 'get':
          return { docs: (await collection.getMany((body as GetBody).ids)).map((doc) => doc ?? null) };
        case 'query':
          return collection.query(body as Query);
        case 'count':
          return collection.count((body as CountBody).where);
        default:
          return { results: await collection.bulkWrite((body as WriteBody).rows) };
      }
    });
    if (collectionAction !== 'write') return [200, result];
    record(tenant, (body as WriteBody).connection, changes);
    return [200, { ...result, changes }];
  }

  function errorAnswer(error: unknown): [number, ErrorBody] {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof CrmValidationError)
      return [
        400,
        { error: 'validation', message, issues: [...error.issues], ...(error.target ? { target: error.target } : {}) },
      ];
    if (error instanceof CrmUnknownCollectionError)
      return [404, { error: 'unknown_collection', message, collection: error.collection, known: [] }];
    if (error instanceof CrmConflictError)
      return [
        409,
        {
          error: 'conflict',
          message,
          id: error.id,
          ...(error.collection ? { collection: error.collection } : {}),
          ...(error.current ? { current: error.current as StoredDocument } : {}),
        },
      ];
    return [500, { error: error instanceof CrmError ? 'unknown' : 'unavailable', message }];
  }

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    requests++;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const reply = ([status, body]: [number, unknown?]) => {
        if (body === undefined) response.writeHead(status).end();
        else response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      };
      if (failures && failures.left > 0) {
        failures.left--;
        reply([failures.status, { error: 'unavailable', message: `injected ${failures.status}` }]);
        return;
      }
      const text = Buffer.concat(chunks).toString('utf8');
      const path = new URL(request.url ?? '/', 'http://mock').pathname.replace(/^\/api(?=\/)/, '');
      Promise.resolve()
        .then(() => handle(request.method ?? 'GET', path, text ? JSON.parse(text) : undefined))
        .then(reply, (error: unknown) => reply(errorAnswer(error)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api`,
    failNext(status, times = 1) {
      failures = { status, left: times };
    },
    get requests() {
      return requests;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
