/** What an adapter may tell the suite about itself; everything else the suite requires of every storage. */
export interface StorageConformanceOptions {
  /**
   * The storage tells the connections of one tenant about each other's writes (marked `remote`). Default true;
   * set false for a storage that cannot tell (the contract allows it), and those tests are left out.
   */
  changesAcrossConnections?: boolean;
  /**
   * A new storage from `createStorage()` sees what an earlier one wrote (IndexedDB, a server). Default false:
   * `memoryStorage()` keeps data only as long as its storage object.
   */
  durable?: boolean;
  /**
   * `count` may answer `exact: false` with an estimate. Default false: every count must be exact and agree with
   * `query`.
   */
  approximateCounts?: boolean;
  /**
   * How long to wait for change notifications that a storage may deliver asynchronously before concluding that
   * none is coming. Default 30 ms; raise it for a storage that notifies through a network.
   */
  quietPeriodMs?: number;
}

export type ResolvedOptions = Required<StorageConformanceOptions>;

export function resolveOptions(options: StorageConformanceOptions = {}): ResolvedOptions {
  return {
    changesAcrossConnections: options.changesAcrossConnections ?? true,
    durable: options.durable ?? false,
    approximateCounts: options.approximateCounts ?? false,
    quietPeriodMs: options.quietPeriodMs ?? 30,
  };
}
