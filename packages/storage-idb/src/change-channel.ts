/**
 * Change events between connections to the same tenant database (other tabs, workers, or other connections in
 * this page) over one `BroadcastChannel` per database. A channel never hears its own messages, so a connection
 * learns of its own writes only from itself, once.
 */
import type { Change, StoredDocument } from '@crmkit/core';

interface ChangeMessage {
  type: 'crmkit:changes';
  changes: Change<StoredDocument>[];
}

function isChangeMessage(data: unknown): data is ChangeMessage {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as Partial<ChangeMessage>).type === 'crmkit:changes' &&
    Array.isArray((data as Partial<ChangeMessage>).changes)
  );
}

export class ChangeChannel {
  private readonly channel: BroadcastChannel | undefined;
  private closed = false;

  constructor(name: string, onRemote: (changes: Change<StoredDocument>[]) => void) {
    // Without BroadcastChannel (very old engines) a connection only hears its own writes; the contract allows it.
    if (typeof BroadcastChannel === 'undefined') return;
    this.channel = new BroadcastChannel(name);
    this.channel.onmessage = (event: MessageEvent<unknown>) => {
      if (isChangeMessage(event.data)) onRemote(event.data.changes.map((change) => ({ ...change, remote: true })));
    };
  }

  post(changes: readonly Change<StoredDocument>[]): void {
    if (!this.channel || this.closed || !changes.length) return;
    const message: ChangeMessage = { type: 'crmkit:changes', changes: [...changes] };
    this.channel.postMessage(message);
  }

  close(): void {
    this.closed = true;
    this.channel?.close();
  }
}
