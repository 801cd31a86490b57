/**
 * The crm's own events, one class each, dispatched on `crm.events` (an EventTarget, which Node 20 and browsers
 * both have). Elements re-dispatch what concerns the page as DOM events of their own.
 */
import type { Change, StoredDocument } from './storage/contract.js';
import type { PluginPhase } from './plugins/types.js';

/** A plugin threw (or took too long) and was disabled; the kit goes on without it. */
export class CrmPluginErrorEvent extends Event {
  static readonly type = 'plugin-error';
  constructor(
    readonly pluginId: string,
    readonly phase: PluginPhase,
    readonly error: unknown,
  ) {
    super(CrmPluginErrorEvent.type);
  }
}

/** Documents were written or deleted, here or (where the storage can tell) in another tab. */
export class CrmChangeEvent extends Event {
  static readonly type = 'change';
  constructor(readonly changes: readonly Change<StoredDocument>[]) {
    super(CrmChangeEvent.type);
  }
}

/** Computed metrics were invalidated (e.g. a plugin refitted its model): caches built on them must be dropped. */
export class CrmMetricsInvalidateEvent extends Event {
  static readonly type = 'metrics-invalidate';
  constructor() {
    super(CrmMetricsInvalidateEvent.type);
  }
}

export interface CrmEventMap {
  'plugin-error': CrmPluginErrorEvent;
  change: CrmChangeEvent;
  'metrics-invalidate': CrmMetricsInvalidateEvent;
}

/** An EventTarget with typed `on` for the crm's events. */
export class CrmEvents extends EventTarget {
  on<K extends keyof CrmEventMap>(type: K, listener: (event: CrmEventMap[K]) => void): () => void {
    const wrapped = (event: Event) => listener(event as CrmEventMap[K]);
    this.addEventListener(type, wrapped);
    return () => this.removeEventListener(type, wrapped);
  }
}
